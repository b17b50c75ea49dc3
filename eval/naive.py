"""The baseline a newcomer would build: split the raw files, embed the chunks, flat FAISS.

No cleaning, no item structure, no units, no BM25. Each chunk is credited with every
item whose source line it covers, so the baseline is scored on the same gold ids.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import faiss
from langchain_text_splitters import RecursiveCharacterTextSplitter

from indexer.ingest.readers import read_lines


@dataclass
class NaiveIndex:
    chunk_items: list[list[str]]
    index: faiss.Index
    embedder: object

    def rank(self, question: str, depth: int = 30) -> list[str]:
        vector = self.embedder.encode_queries([question])
        _, rows = self.index.search(vector, min(depth, self.index.ntotal))
        return [item for row in rows[0] if row >= 0 for item in self.chunk_items[row]]


def build_naive(corpus_dir: Path, items, embedder, chunk_size: int = 500, overlap: int = 50) -> NaiveIndex:
    splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap, add_start_index=True)
    lines_of = {}
    for item in items:
        for source in item.sources:
            lines_of.setdefault(source.file, {}).setdefault(source.line, []).append(item.id)
    texts, chunk_items = [], []
    for path in sorted(corpus_dir.glob("*.txt")):
        text = "\n".join(line.text for line in read_lines(path))
        starts = _line_starts(text)
        for doc in splitter.create_documents([text]):
            first = bisect.bisect_right(starts, doc.metadata["start_index"])
            last = bisect.bisect_right(starts, doc.metadata["start_index"] + len(doc.page_content) - 1)
            covered = [i for line in range(first, last + 1) for i in lines_of.get(path.name, {}).get(line, [])]
            texts.append(doc.page_content)
            chunk_items.append(list(dict.fromkeys(covered)))
    vectors = embedder.encode_passages(texts)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return NaiveIndex(chunk_items, index, embedder)


def _line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.split("\n"):
        starts.append(offset)
        offset += len(line) + 1
    return starts
