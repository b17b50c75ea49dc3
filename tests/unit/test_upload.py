"""Uploads into the corpus: the formats the corpus reads (by content), size-limited, staged privately."""

from __future__ import annotations

import pytest

from indexer.errors import UploadRejected
from ui import upload


def rejected(call, *args) -> str:
    with pytest.raises(UploadRejected) as err:
        call(*args)
    return err.value.key


def test_names_are_reduced_to_a_plain_file_name_of_a_known_type():
    assert upload.safe_name("../../etc/2026年计划.TXT") == "2026年计划.txt"
    assert upload.safe_name("C:\\Users\\a b\\方案 (1).docx") == "方案__1.docx"
    assert upload.safe_name("扫描件.PDF") == "扫描件.pdf"
    assert rejected(upload.safe_name, "方案.exe") == "upload.type"
    assert rejected(upload.safe_name, "没有后缀") == "upload.type"
    assert rejected(upload.safe_name, "...txt") == "upload.name"


@pytest.mark.parametrize("data", [b"\x7fELF\x02\x01", b"MZ\x90\x00", b"\x1f\x8b\x08", b"Rar!\x1a\x07", b"#!/bin/sh\n"])
def test_executables_and_archives_are_refused_whatever_the_name(data):
    assert rejected(upload.check_content, data, "a.docx") == "upload.binary"


def test_empty_and_oversized_uploads_are_refused():
    assert rejected(upload.check_content, b"  \n", "a.txt") == "upload.empty"
    assert rejected(upload.check_content, b"a" * (upload.MAX_BYTES + 1), "a.txt") == "upload.too_big"


def test_staging_keeps_a_readable_file_in_a_private_folder_and_refuses_an_unreadable_one():
    path = upload.stage_upload("../新方案.txt", "2026年工作方案\n一、总体要求".encode("gbk"))
    try:
        assert path.name == "新方案.txt" and path.read_bytes() == "2026年工作方案\n一、总体要求".encode("gbk")
        assert path.parent.name.startswith("polqa-upload-")
    finally:
        import shutil

        shutil.rmtree(path.parent)
    assert rejected(upload.stage_upload, "伪装.txt", b"\x00\x01\x02\x03binary\x00") == "upload.unreadable"
