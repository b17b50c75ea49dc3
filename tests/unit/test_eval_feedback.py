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


def vote_line(question: str, rating: str, reason: str | None = None, year: int | None = None) -> str:
    """One line as ui/feedback.record writes it (an old line has no reason field)."""
    entry = {"time": "2026-12-04T10:00:00+00:00", "rating": rating, "question": question, "year": year}
    entry |= {"intent": "topic_units", "found": True, "summary": "牵头：市发改委", "citations": ["2025-plan-二-1"]}
    if reason is not None:
        entry["reason"] = reason
    return json.dumps(entry, ensure_ascii=False) + "\n"


def test_reasons_are_grouped_counted_and_kept_in_the_note(tmp_path, capsys):
    votes = tmp_path / "feedback.jsonl"
    votes.write_text(
        vote_line("低空经济谁牵头", "down")
        + vote_line("低空经济谁牵头", "reason", "单位错了")
        + vote_line("充电桩谁负责", "up")  # an old line: no reason field
        + vote_line("充电桩谁负责", "down")
        + vote_line("充电桩谁负责", "reason", " 单位错了。 ")  # the same reason, typed differently
        + vote_line("充电桩谁负责", "reason", "没答到点上")
        + vote_line("老旧小区改造", "reason", "年份不对，应该是2023年")  # its 👎 line was lost: still a 👎
        + vote_line("城市更新", "up"),
        encoding="utf-8",
    )
    assert candidates.main([str(votes), "--reasons"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0] == "👎 后填写的说明 4 条（相同说明合并计数）："
    assert shown[1:] == ["  2 次：单位错了", "  1 次：没答到点上", "  1 次：年份不对，应该是2023年"]

    out = tmp_path / "candidates.jsonl"
    assert candidates.main([str(votes), "--down", "-o", str(out)]) == 0
    rows = {r["question"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(rows) == {"低空经济谁牵头", "充电桩谁负责", "老旧小区改造"}  # 城市更新 has no 👎
    assert "👍1 👎1" in rows["充电桩谁负责"]["note"]  # reason lines are not votes
    assert "用户说明：单位错了；没答到点上。" in rows["充电桩谁负责"]["note"]
    assert "用户说明：单位错了。" in rows["低空经济谁牵头"]["note"]
    assert "2 次：单位错了" in capsys.readouterr().err


def test_a_file_without_reasons_reads_as_before(tmp_path, capsys):
    votes = tmp_path / "feedback.jsonl"
    votes.write_text(vote_line("低空经济谁牵头", "up") + vote_line("低空经济谁牵头", "down"), encoding="utf-8")
    assert candidates.main([str(votes), "--reasons"]) == 0
    assert capsys.readouterr().out == "反馈中没有 👎 说明。\n"
    out = tmp_path / "candidates.jsonl"
    assert candidates.main([str(votes), "-o", str(out)]) == 0
    (row,) = map(json.loads, out.read_text(encoding="utf-8").splitlines())
    assert "👍1 👎1" in row["note"] and "用户说明" not in row["note"]
