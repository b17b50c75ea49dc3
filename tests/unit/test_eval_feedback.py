"""The app's 👍/👎 file becomes candidate eval questions with empty gold (python -m eval.feedback)."""

from __future__ import annotations

import json

from eval import feedback as candidates
from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from ui import feedback


def test_votes_become_one_candidate_per_question_with_empty_gold(mini_engine, tmp_path, capsys):
    votes = tmp_path / "feedback.jsonl"
    answer = answer_of(mini_engine, AnswerRequest("哪些单位负责低空经济"))
    feedback.record(answer, "up", path=votes)
    feedback.record(answer, "down", path=votes)
    feedback.record(
        answer_of(mini_engine, AnswerRequest("南极科考站建设由哪些单位负责")), "down", year=2025, path=votes
    )
    with votes.open("a", encoding="utf-8") as out:
        out.write("{broken\n")
    out = tmp_path / "candidates.jsonl"

    assert candidates.main([str(votes), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["fb001", "fb002"]
    first, second = rows
    assert first["question"] == "哪些单位负责低空经济" and first["year"] is None
    assert "👍1 👎1" in first["note"]
    assert second["year"] == 2025
    assert second["type"] == (
        "unanswerable"
        if not answer_of(mini_engine, AnswerRequest("南极科考站建设由哪些单位负责")).found
        else "topic_units"
    )
    for row in rows:  # the eval question format, gold left for a person
        assert set(row) == {
            "id",
            "question",
            "type",
            "year",
            "gold_items",
            "gold_lead_units",
            "gold_responsible_units",
            "note",
        }
        assert row["gold_items"] == [] and row["gold_lead_units"] == []
    err = capsys.readouterr().err
    assert "1 行无法读取" in err and "生成 2 个待标注问题" in err

    assert candidates.main([str(votes), "--down", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # both have a 👎


def test_a_missing_feedback_file_is_a_chinese_error(tmp_path, capsys):
    assert candidates.main([str(tmp_path / "none.jsonl")]) == 1
    assert "无法读取反馈文件" in capsys.readouterr().err
