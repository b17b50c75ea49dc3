"""One serializer and one message catalog: JSON, table rows and messages from the same values."""

from __future__ import annotations

import json
import re

from indexer import messages
from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.errors import CorpusError, IndexUnavailable, Reason
from indexer.present.serialise import CITATION_COLUMNS, answer_json, citation_row, item_json


def test_every_catalog_message_is_chinese_and_renders():
    fields = {name: "x" for text in messages.CATALOG.values() for name in re.findall(r"{(\w+)", text)}
    fields["seconds"] = 1.0
    for key in messages.CATALOG:
        text = messages.say(key, **fields)
        assert re.search(r"[\u4e00-\u9fff]", text), key
        assert not re.search(r"\([A-Za-z][a-z ]+\)", text), f"{key}: English stitched into user text"


def test_errors_carry_their_key_fields_and_message():
    err = CorpusError("corpus.no_meta", "a.txt", field="年份")
    assert err.file == "a.txt" and err.key == "corpus.no_meta" and "a.txt" in err.message and "年份" in err.message
    assert IndexUnavailable(Reason.MISSING, "index.missing", folder="/x").reason is Reason.MISSING


def test_item_json_round_trips_and_drops_raw_source_lines(mini_engine):
    item = mini_engine.item("2030-plan-二-4")
    data = json.loads(json.dumps(item_json(item), ensure_ascii=False))
    assert data["kind"] == "plan" and data["doc_kind"] == "plan" and data["year"] == 2030
    assert data["responsible_units"] == ["黄陂区人民政府", "江夏区人民政府", "新洲区人民政府"]
    assert set(data["sources"][0]) == {"file", "line"}


def test_answer_json_and_table_rows_speak_of_the_same_items(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("老旧小区改造谁牵头"))
    data = answer_json(answer)
    assert data["intent"] == "topic_units" and data["lead_units"] == ["市房管局"]
    cited = [c["id"] for c in data["citations"]]
    assert "2030-plan-二-4" in cited[:3]
    row = citation_row(1, mini_engine.item("2030-plan-二-4"))
    assert list(row) == CITATION_COLUMNS and row["编号"] == "2030-plan-二-4" and row["文件类型"] == "责任分解方案"
    assert json.dumps(data, ensure_ascii=False)
