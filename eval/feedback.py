"""`python -m eval.feedback FILE`: the app's 👍/👎 votes (ui/feedback.py JSONL) as candidate eval
questions, one JSON line each in the eval question format, gold left empty for a person to fill.

Why: a thumbs-down is a question the system answered badly in real use, the best material for the
next eval set. Nothing is judged here; the note says what the app showed, so the person filling the
gold starts from the evidence. One candidate per question (the latest vote wins; the note counts
all votes). What a 👎 said was wrong (the app's optional 哪里不对, a line of its own with rating
"reason", or a `reason` field on a vote) goes into the note, and `--reasons` lists those texts grouped
and counted, most frequent first; old files without reasons read as before. Example:

    python -m eval.feedback embeddings/feedback.jsonl --down -o /tmp/candidates.jsonl
    python -m eval.feedback embeddings/feedback.jsonl --reasons
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from indexer.messages import say

TYPES = {"topic_units": "topic_units", "unit_items": "unit_items", "fact": "fact", "compare": "compare"}
REASON = "reason"  # the rating of the app's line that carries only what a 👎 said was wrong
TRAILING = re.compile(r"[\s。．.！!；;，,、]+$")


def read_votes(path: Path) -> tuple[list[dict], int]:
    """The readable vote lines, and how many lines could not be read (skipped, counted)."""
    votes, bad = [], 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            vote = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        if isinstance(vote, dict) and str(vote.get("question") or "").strip():
            votes.append(vote)
        else:
            bad += 1
    return votes, bad


def question_type(vote: dict) -> str:
    """The eval type the app's intent suggests; a not-found answer is a candidate `unanswerable`."""
    if vote.get("found") is False:
        return "unanswerable"
    return TYPES.get(str(vote.get("intent") or ""), "topic_units")


def reason_of(vote: dict) -> str:
    """The vote's reason text, whitespace and closing punctuation evened out so that 单位错了。 and
    单位错了 count as one; "" for a vote without one (every line before reasons existed)."""
    reason = vote.get("reason")
    return TRAILING.sub("", " ".join(reason.split())) if isinstance(reason, str) else ""


def reason_counts(votes: list[dict]) -> Counter:
    """Each distinct reason with how many times it was given, over all questions."""
    return Counter(r for r in map(reason_of, votes) if r)


def note_for(vote: dict, ups: int, downs: int, reasons: Counter | None = None) -> str:
    shown = "、".join(vote.get("citations") or []) or "无"
    said = "；".join(r if n == 1 else f"{r}（{n} 次）" for r, n in (reasons or Counter()).most_common())
    return (
        f"来自用户反馈（👍{ups} 👎{downs}，最近一次 {vote.get('time', '时间不详')}）。"
        f"当时的回答：{vote.get('summary') or '没有找到相关条目'}；引用条目：{shown}。"
        + (say("feedback.reason_note", reasons=said) if said else "")
        + "请对照原文填写 gold_items 与单位，核对 type 和 year 后再放入问题集。"
    )


def candidates(votes: list[dict], down_only: bool = False, start: int = 1) -> list[dict]:
    """One candidate per distinct question (and year), in order of first vote; a reason line is not a
    vote (the 👎 before it was counted) but its text joins the note, and it marks the question as 👎."""
    latest: dict[tuple, dict] = {}
    counts: dict[tuple, list[int]] = {}
    reasons: dict[tuple, Counter] = {}
    for vote in votes:
        key = (" ".join(str(vote["question"]).split()), vote.get("year"))
        if vote.get("rating") != REASON or key not in latest:
            latest[key] = vote
        up, down = counts.setdefault(key, [0, 0])
        counts[key] = [up + (vote.get("rating") == "up"), down + (vote.get("rating") == "down")]
        if reason_of(vote):
            reasons.setdefault(key, Counter())[reason_of(vote)] += 1
    rows = []
    for (question, year), vote in latest.items():
        ups, downs = counts[(question, year)]
        said = reasons.get((question, year))
        if down_only and not downs and not said:
            continue
        rows.append(
            {
                "id": f"fb{start + len(rows):03d}",
                "question": question,
                "type": question_type(vote),
                "year": year if isinstance(year, int) else None,
                "gold_items": [],
                "gold_lead_units": [],
                "gold_responsible_units": [],
                "note": note_for(vote, ups, downs, said),
            }
        )
    return rows


def format_reasons(counts: Counter) -> str:
    if not counts:
        return say("feedback.no_reasons") + "\n"
    lines = [say("feedback.reasons_head", count=sum(counts.values()))]
    lines += [say("feedback.reason_line", count=n, reason=r) for r, n in counts.most_common()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.feedback", description="把问答页面的 👍/👎 反馈转成待标注的评测问题（JSONL）"
    )
    parser.add_argument("file", type=Path, help="反馈文件（默认位置 embeddings/feedback.jsonl）")
    parser.add_argument("--down", action="store_true", help="只要有 👎 的问题")
    parser.add_argument("-o", "--out", type=Path, help="写入此文件（默认输出到标准输出）")
    parser.add_argument("--reasons", action="store_true", help="只列出 👎 后填写的说明（相同说明合并计数）")
    args = parser.parse_args(argv)
    try:
        votes, bad = read_votes(args.file)
    except OSError as err:
        detail = "文件不存在" if isinstance(err, FileNotFoundError) else "没有读取权限或不是文件"
        print(say("cli.error", message=say("feedback.unreadable", file=args.file, detail=detail)), file=sys.stderr)
        return 1
    if args.reasons:
        sys.stdout.write(format_reasons(reason_counts(votes)))
        return 0
    rows = candidates(votes, down_only=args.down)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if bad:
        print(say("cli.warning", message=say("feedback.bad_lines", count=bad)), file=sys.stderr)
    print(say("feedback.done", count=len(rows), votes=len(votes)), file=sys.stderr)
    if reason_counts(votes):
        sys.stderr.write(format_reasons(reason_counts(votes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
