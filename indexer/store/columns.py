"""Filter fields as arrays, so a filter costs a few vector operations instead of a scan of records."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..records import DocKind
from .base import Filter, Payload


class Columns:
    def __init__(self, payloads: Sequence[Payload]):
        self.size = len(payloads)
        self.years = np.array([p.year for p in payloads], dtype=np.int64)
        self.kinds = np.array([str(p.kind) for p in payloads], dtype=object)
        self.doc_kinds = np.array([str(p.doc_kind) for p in payloads], dtype=object)
        self.rows_by_unit: dict[str, list[int]] = {}
        for row, payload in enumerate(payloads):
            for unit in payload.units:
                self.rows_by_unit.setdefault(unit, []).append(row)

    def mask(self, where: Filter) -> np.ndarray:
        mask = np.ones(self.size, dtype=bool)
        if where.years is not None:
            mask &= np.isin(self.years, list(where.years))
            if where.review_years:
                mask |= (self.kinds == str(DocKind.REPORT)) & np.isin(self.years, list(where.review_years))
        if where.kinds is not None:
            wanted = [str(k) for k in where.kinds]
            kind_ok = np.isin(self.kinds, wanted)
            mask &= (kind_ok | np.isin(self.doc_kinds, wanted)) if where.by_document else kind_ok
        if where.units is not None:
            named = np.zeros(self.size, dtype=bool)
            named[[row for unit in where.units for row in self.rows_by_unit.get(unit, ())]] = True
            mask &= named
        return mask

    def rows(self, where: Filter | None) -> np.ndarray | None:
        """Row positions passing the filter; None when there is no filter."""
        return None if where is None else np.flatnonzero(self.mask(where)).astype(np.int64)
