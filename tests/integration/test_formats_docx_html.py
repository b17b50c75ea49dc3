"""The same document as Word (typed and automatically numbered), a web page, GB18030 and UTF-16 text
gives the same records as the plain UTF-8 copy (fixtures: tests/fixtures/formats/make_docx_html.py)."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import sys

import pytest

from indexer.ingest import load_corpus
from indexer.ingest.rules import RENAMES, REPAIRS
from indexer.records import BuildReport
from tests.conftest import CORPUS, ROOT

FORMATS = ROOT / "tests" / "fixtures" / "formats"
SOURCE = "2025-plan-responsibility.txt"
FIXTURES = [
    "2025-plan-typed.docx",
    "2025-plan-autonum.docx",
    "2025-plan.html",
    "2025-plan-gb18030.txt",
    "2025-plan-utf16.txt",
]


def corpus_of(tmp_path, *files):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for rules in (REPAIRS, RENAMES):
        shutil.copy(CORPUS / rules, folder / rules)
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def records(folder):
    report = BuildReport()
    _, items = load_corpus(folder, report)
    return items, report


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    items, _ = records(corpus_of(tmp_path_factory.mktemp("txt"), CORPUS / SOURCE))
    return items


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fixture_gives_the_records_of_the_text(fixture, reference, tmp_path):
    items, report = records(corpus_of(tmp_path, FORMATS / fixture))
    assert not report.skipped_files
    assert [i.id for i in items] == [i.id for i in reference]
    assert [i.number for i in items] == [i.number for i in reference]
    assert [i.path for i in items] == [i.path for i in reference]
    assert [(i.lead_units, i.responsible_units) for i in items] == [
        (i.lead_units, i.responsible_units) for i in reference
    ]
    ratio = difflib.SequenceMatcher(
        None, "\n".join(i.text for i in items), "\n".join(i.text for i in reference), autojunk=False
    ).ratio()
    assert ratio >= 0.98, ratio
    assert {i.title for i in items} == {i.title for i in reference}


def test_numbered_items_are_all_there(reference):
    """A guard on the reference itself: items 1–103 of part 二, in order."""
    numbers = [i.number for i in reference if i.id.startswith("2025-plan-二-")]
    assert numbers == list(range(1, 104))


def run_items(folder):
    env = {"POLQA_CORPUS": str(folder), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "indexer", "items", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_lists_a_docx_and_names_the_files_it_cannot_read(tmp_path):
    folder = corpus_of(tmp_path, FORMATS / "2025-plan-autonum.docx")
    empty = tmp_path / "empty.docx"
    import docx

    docx.Document().save(empty)
    shutil.copy(empty, folder / "空白.docx")
    (folder / "archive.zip").write_bytes(_zip_without_word())
    result = run_items(folder)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sum(1 for r in rows if r["id"].startswith("2025-plan-二-")) == 103
    assert {s["file"] for r in rows for s in r["sources"]} == {"2025-plan-autonum.docx"}
    assert "空白.docx" in result.stderr and "archive.zip" in result.stderr
    assert "Traceback" not in result.stderr


def _zip_without_word() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("notes.txt", "不是 Word 文档")
    return buffer.getvalue()


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer",
)
def test_doc_converted_by_libreoffice_gives_the_records_of_the_text(reference, tmp_path):
    """The typed DOCX saved as .doc by LibreOffice itself, then read back through the office reader."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(FORMATS / "2025-plan-typed.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    items, report = records(corpus_of(tmp_path, tmp_path / "doc" / "2025-plan-typed.doc"))
    assert not report.skipped_files
    assert [(i.id, i.lead_units, i.responsible_units) for i in items] == [
        (i.id, i.lead_units, i.responsible_units) for i in reference
    ]


def test_cli_names_a_doc_it_cannot_convert_and_lists_the_rest(tmp_path):
    folder = corpus_of(tmp_path, FORMATS / "2025-plan.html")
    (folder / "旧方案.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    result = run_items(folder)  # PATH without LibreOffice, or a LibreOffice that rejects the stub
    assert result.returncode == 0, result.stderr
    assert "旧方案.doc" in result.stderr and "Traceback" not in result.stderr
    assert sum(1 for line in result.stdout.splitlines() if '"2025-plan-二-' in line) == 103
