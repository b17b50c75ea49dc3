"""Old Word and WPS files: recognised by their OLE2 header; without LibreOffice, a message saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.errors import CorpusError
from indexer.ingest.readers import read_lines, reader_for
from indexer.ingest.readers.office import OLE2_MAGIC

# the start of a compound file: the header block, then sectors we never reach without LibreOffice
OLE2_FILE = OLE2_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 2000


@pytest.mark.parametrize("name", ["旧方案.doc", "方案.wps", "no-extension"])
def test_ole2_files_go_to_the_office_reader(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(OLE2_FILE)
    assert reader_for(path).name == "office"


def test_without_libreoffice_the_message_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no soffice, no libreoffice
    path = tmp_path / "旧方案.doc"
    path.write_bytes(OLE2_FILE)
    with pytest.raises(CorpusError) as err:
        read_lines(path)
    assert err.value.key == "corpus.no_office"
    assert "旧方案.doc" in err.value.message
    assert "apt-get install libreoffice-writer" in err.value.message and ".docx" in err.value.message


FAKE_SOFFICE = """#!{python}
# Stands in for LibreOffice: writes the DOCX named in $FAKE_DOCX where soffice would put its output,
# and records the arguments it was given.
import os, shutil, sys
from pathlib import Path
args = sys.argv[1:]
Path(os.environ["FAKE_ARGS"]).write_text("\\n".join(args), encoding="utf-8")
if os.environ.get("FAKE_FAIL"):
    print("Error: source file could not be loaded", file=sys.stderr)
    sys.exit(1)
outdir = Path(args[args.index("--outdir") + 1])
outdir.mkdir(parents=True, exist_ok=True)
shutil.copyfile(os.environ["FAKE_DOCX"], outdir / (Path(args[-1]).stem + ".docx"))
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    import sys

    import docx

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    converted = tmp_path / "converted.docx"
    document = docx.Document()
    document.add_paragraph("2026年工作方案")
    document.add_paragraph("1.建设数据中心。(牵头单位:市数据局)")
    document.save(converted)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("FAKE_DOCX", str(converted))
    monkeypatch.setenv("FAKE_ARGS", str(tmp_path / "args.txt"))
    return tmp_path / "args.txt"


def test_a_doc_is_converted_headless_into_a_temporary_folder_then_read(tmp_path, fake_soffice):
    path = tmp_path / "方案.wps"
    path.write_bytes(OLE2_FILE)
    assert [line.text for line in read_lines(path)] == ["2026年工作方案", "1.建设数据中心。(牵头单位:市数据局)"]
    args = fake_soffice.read_text(encoding="utf-8").splitlines()
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
    source = args[-1]
    assert source.endswith(".wps") and source != str(path)  # a copy, never the corpus file
    assert not Path(source).parent.exists()  # the temporary folder is gone


def test_a_failed_conversion_names_the_file_and_says_what_to_do(tmp_path, fake_soffice, monkeypatch):
    monkeypatch.setenv("FAKE_FAIL", "1")
    path = tmp_path / "旧方案.doc"
    path.write_bytes(OLE2_FILE)
    with pytest.raises(CorpusError) as err:
        read_lines(path)
    assert err.value.key == "corpus.convert_failed"
    assert "旧方案.doc" in err.value.message and "source file could not be loaded" in err.value.message
