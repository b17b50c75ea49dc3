"""Page loads never start a build for a visitor who is not admin, and a failed build is shown,
not retried on every page load (AppTest, no model: both stop before any embedding)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.e2e.browser import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def empty_index(tmp_path, monkeypatch):
    monkeypatch.setenv("POLQA_INDEX", str(tmp_path / "index"))
    monkeypatch.delenv("POLQA_ADMIN_PASSWORD", raising=False)
    return tmp_path / "index"


def test_a_read_only_visitor_never_starts_a_build(empty_index, monkeypatch):
    monkeypatch.setenv("POLQA_READONLY", "1")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert at.error and "索引尚未建立" in at.error[0].value
    assert not list(empty_index.glob("builds")) and not list(empty_index.glob(".staging-*"))


def test_a_failed_build_is_not_retried_on_the_next_page_load(empty_index, tmp_path, monkeypatch):
    monkeypatch.delenv("POLQA_READONLY", raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()  # nothing to index: the build fails
    monkeypatch.setenv("POLQA_CORPUS", str(corpus))
    first = AppTest.from_file(APP, default_timeout=60).run()
    assert first.error and "建立索引失败" in first.error[0].value
    (corpus / "late.txt").write_text("武汉市2030年工作方案\n一、总体要求\n", encoding="utf-8")
    again = AppTest.from_file(APP, default_timeout=60).run()  # another visitor, same server
    assert again.error and "上次建立索引失败" in again.error[0].value
    assert not list(empty_index.glob("builds"))
    assert again.button(key="retry_build")  # an admin may ask again
