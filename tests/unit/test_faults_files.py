"""Hostile corpus files, generated here: each is skipped with a Chinese warning naming it and the
reason (the limit and its setting, or the library's error), and the rest of the corpus builds."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
import zlib

import pytest

from indexer.build import build_index
from indexer.errors import CorpusError
from indexer.ingest import limits
from indexer.ingest.readers import read_lines
from indexer.ingest.units import find_definitions
from indexer.records import Limits
from tests.conftest import ROOT
from tests.unit.conftest import MINI, mini


def pdf_bytes(side: float, pages: int = 1) -> bytes:
    """A text-less PDF of `pages` square pages `side` points wide (14400 is the format's maximum)."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {side} {side}] >>".encode()] * pages
    out, offsets = io.BytesIO(b"%PDF-1.4\n"), []
    out.seek(0, io.SEEK_END)
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def png_bytes(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height (1-bit grey) over a few bytes of data: a reader that
    decoded before checking the size would allocate it all."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def docx_with_member(size: int, declared: int | None = None) -> bytes:
    """A Word package with one deflated media member of `size` zero bytes; `declared` rewrites the
    size the central directory claims (a zip that lies)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        package.writestr("word/media/image1.png", b"\0" * size)
    data = buffer.getvalue()
    if declared is not None:
        data = data.replace(size.to_bytes(4, "little"), declared.to_bytes(4, "little"))
    return data


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(MINI, folder)
    return folder


def skipped(tmp_path, corpus, name: str, data: bytes, **limits_given) -> list[str]:
    """Build the mini corpus with one hostile file added; the warnings that name it."""
    (corpus / name).write_bytes(data)
    settings = mini(tmp_path / "idx", corpus_dir=corpus, limits=Limits(**limits_given))
    summary = build_index(settings, progress=False)
    assert summary.documents == 3 and summary.items == 18  # the rest built as before
    return [w for w in summary.warnings if name in w]


def test_a_pdf_with_one_huge_page_is_skipped_before_rendering(tmp_path, corpus):
    pdf = pdf_bytes(14400)
    assert len(pdf) < 600  # 553 bytes in the report, 1.6 Gpx at 200 dpi
    [warning] = skipped(tmp_path, corpus, "huge.pdf", pdf)
    assert "图像像素" in warning and "40000×40000" in warning and "POLQA_MAX_PIXELS" in warning


def test_a_pdf_with_too_many_pages_is_skipped_before_any_page_is_read(tmp_path, corpus):
    [warning] = skipped(tmp_path, corpus, "many.pdf", pdf_bytes(100, pages=50), pages=10)
    assert "页数 50" in warning and "POLQA_MAX_PAGES" in warning


def test_an_error_of_any_kind_in_a_reader_skips_the_file_with_its_reason(tmp_path, corpus):
    """A web page nested 3,000 deep, allowed past the nesting limit, exhausts the reader's recursion
    (RecursionError): still one skipped file with a reason, and the build goes on."""
    page = "<html><body>" + "<div>" * 3000 + "武汉市" + "</div>" * 3000 + "</body></html>"
    [warning] = skipped(tmp_path, corpus, "deep.html", page.encode(), nesting=10_000)
    assert "结构嵌套过深" in warning and "已跳过" in warning


def test_a_web_page_nested_too_deep_is_refused_before_parsing(tmp_path, corpus):
    """The HTML parser is quadratic in depth (200,000 levels: minutes); one linear scan refuses it."""
    page = "<html><body>" + "<div>" * 200_000 + "武汉市" + "</div>" * 200_000 + "</body></html>"
    (corpus / "deep.html").write_text(page, encoding="utf-8")
    with pytest.raises(CorpusError, match="deep.html：网页嵌套层数 200002.*POLQA_MAX_NESTING"):
        read_lines(corpus / "deep.html")


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("side, reason", [(12000, "POLQA_MAX_PIXELS"), (20000, "解压炸弹")])
def test_a_small_png_of_huge_size_is_skipped_before_decoding(tmp_path, corpus, side, reason):
    data = png_bytes(side, side)
    assert len(data) < 200
    [warning] = skipped(tmp_path, corpus, "scan.png", data)
    assert reason in warning


def test_an_archive_declaring_too_many_bytes_is_refused_before_inflating(tmp_path, corpus):
    with limits.applied(Limits(archive_bytes=1_000_000)):
        (corpus / "big.docx").write_bytes(docx_with_member(2_000_000))
        with pytest.raises(CorpusError, match="解压后字节数 2000.*POLQA_MAX_ARCHIVE_BYTES"):
            read_lines(corpus / "big.docx")


def test_an_archive_that_lies_about_its_sizes_inflates_no_more_than_it_declared(tmp_path, corpus):
    """Declared 1 KB, holds 2 MB: zipfile stops at the declared size, the CRC fails, the file is skipped."""
    data = docx_with_member(2_000_000, declared=1000)
    [warning] = skipped(tmp_path, corpus, "liar.docx", data)
    assert "已跳过" in warning


def test_an_ofd_member_is_counted_while_it_inflates(tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(docx_with_member(3_000_000)))
    with (
        limits.applied(Limits(archive_bytes=1_000_000)),
        limits.reading("x.ofd"),
        pytest.raises(CorpusError, match="x.ofd.*解压后字节数"),
    ):
        limits.read_member(archive, "word/media/image1.png")


def test_a_five_megabyte_line_is_skipped_quickly_and_the_definition_scan_is_linear(tmp_path, corpus):
    line = "各区人民政府" * 900_000  # 5.4 M characters, no 〈
    [warning] = skipped(tmp_path, corpus, "long.txt", ("武汉市2032年工作方案\n" + line + "\n").encode())
    assert "单行字符数" in warning and "POLQA_MAX_LINE_CHARS" in warning
    assert find_definitions(line) == []  # returns at once: no quadratic scan
    assert find_definitions("各区人民政府〈含开发区,下同〉、市发改委〈含x，下同〉") == [
        ("各区人民政府", "含开发区"),
        ("市发改委", "含x"),
    ]


def test_ocr_time_per_file_is_limited(tmp_path):
    """The clock starts at the file's first OCR'd page; the next page past the budget stops the file."""
    from indexer.ingest.readers.ocr import ocr_image

    with limits.applied(Limits(ocr_seconds=0)), limits.reading("scan.pdf"):
        limits.check_ocr_time("scan.pdf")  # the first page starts the clock
        with pytest.raises(CorpusError, match="scan.pdf.*文字识别用时.*POLQA_OCR_SECONDS"):
            ocr_image(None, 2, "scan.pdf")


def test_the_cli_build_with_hostile_files_warns_on_stderr_without_a_traceback(tmp_path, corpus):
    (corpus / "huge.pdf").write_bytes(pdf_bytes(14400))
    (corpus / "bad\x1b[2Jname.txt").write_bytes(b"\x00\x01binary")
    env = {
        **os.environ,
        "POLQA_CORPUS": str(corpus),
        "POLQA_INDEX": str(tmp_path / "idx"),
        "POLQA_MODEL": "hashing",
        "POLQA_RETRIEVERS": "dense,bm25",
    }
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "索引已建成" in result.stdout
    assert "huge.pdf" in result.stderr and "huge.pdf" not in result.stdout  # warnings on stderr
    assert "\x1b" not in result.stderr + result.stdout and "bad\\x1b[2Jname.txt" in result.stderr
    assert "Traceback" not in result.stderr
