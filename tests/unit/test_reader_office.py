"""Old Word and WPS files: recognised by their OLE2 header; without LibreOffice, a message saying what to do."""
from __future__ import annotations

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
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))       # no soffice, no libreoffice
    path = tmp_path / "旧方案.doc"
    path.write_bytes(OLE2_FILE)
    with pytest.raises(CorpusError) as err:
        read_lines(path)
    assert err.value.key == "corpus.no_office"
    assert "旧方案.doc" in err.value.message
    assert "apt-get install libreoffice-writer" in err.value.message and ".docx" in err.value.message
