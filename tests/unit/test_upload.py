"""Uploads into the corpus: plain text only (by name and by magic bytes), size-limited, never over a file."""
from __future__ import annotations

import pytest

from indexer.errors import UploadRejected
from ui import upload


def rejected(call, *args) -> str:
    with pytest.raises(UploadRejected) as err:
        call(*args)
    return err.value.key


def test_names_are_reduced_to_a_plain_txt_file_name():
    assert upload.safe_name("../../etc/2026年计划.TXT") == "2026年计划.txt"
    assert upload.safe_name("C:\\Users\\a b\\方案 (1).txt") == "方案__1.txt"
    assert rejected(upload.safe_name, "方案.pdf") == "upload.type"
    assert rejected(upload.safe_name, "没有后缀") == "upload.type"
    assert rejected(upload.safe_name, "...txt") == "upload.name"


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"PK\x03\x04docx", b"\x89PNG\r\n", b"MZ\x90\x00",
                                  b"\xef\xbb\xbf%PDF-1.4", "文本\x00二进制".encode()])
def test_binary_content_under_a_txt_name_is_refused(data):
    assert rejected(upload.check_content, data, "a.txt") == "upload.binary"


def test_text_in_utf8_or_gbk_passes_and_the_rest_is_refused():
    upload.check_content("2026年武汉市工作方案".encode("utf-8"), "a.txt")
    upload.check_content("2026年武汉市工作方案".encode("gbk"), "a.txt")
    assert rejected(upload.check_content, b"\x81\xff\xfe\x80" * 4, "a.txt") == "upload.encoding"
    assert rejected(upload.check_content, b"  \n", "a.txt") == "upload.empty"
    assert rejected(upload.check_content, b"a" * (upload.MAX_BYTES + 1), "a.txt") == "upload.too_big"


def test_saving_never_replaces_a_corpus_file(tmp_path):
    saved = upload.save_upload("新方案.txt", "一、总体要求".encode(), tmp_path)
    assert saved == tmp_path / "新方案.txt" and saved.read_text(encoding="utf-8") == "一、总体要求"
    assert rejected(upload.save_upload, "新方案.txt", b"other", tmp_path) == "upload.exists"
    assert saved.read_text(encoding="utf-8") == "一、总体要求"
