"""The forms a unit's name is typed in, built once per catalog from its names and the documents' text.

A name's forms are the full name, the name without 市/武汉 where that is no word of the documents
(残联, never 妇联), a place without 人民政府, a note in brackets (市文明办), a party or government
office without its owner (外办 for 市委外办, 国资委 for 市政府国资委), a general federation without
its 总 (工会), and a bare two-character core no dictionary knows (发改). Short forms the documents
also use as words are withheld: read only where a unit's tasks are asked (units.read_withheld).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import UnitLinks
from .unit_names import ANNOTATION, Parts, without_owner

COMPANIES = ("集团", "公司")  # staff drop the suffix: 投控 for 武汉投控集团
# A zone's own brand, as its task says it (打造世界光谷。(牵头单位:东湖高新区管委会): staff call it 光谷管委会.
NICKNAME = re.compile(
    r"打造(?:世界|中国)(?P<nick>[\u4e00-\u9fa5]谷)。?[(（](?:牵头|责任)单位[:：](?P<unit>[\u4e00-\u9fa5]+?管委会)"
)


class UnitForms:
    """Form → catalog names, for the exact reading and the withheld one."""

    def __init__(self, parts: dict[str, Parts], links: UnitLinks, corpus: str, is_word: Callable[[str], bool] | None):
        self.names, self.parts, self.links, self._is_word = sorted(parts), parts, links, is_word
        self.outside = self._outside_names(corpus)
        self.nicknames = {m["nick"]: m["unit"] for m in NICKNAME.finditer(corpus) if m["unit"] in parts}

    def exact(self) -> dict[str, set[str]]:
        """Form → names: the full name first, then shorter forms only where no full name says otherwise."""
        forms: dict[str, set[str]] = {name: {name} for name in self.names}
        for name in self.names:
            for form in self._short_forms(name):
                if form not in self.names or form == ANNOTATION.sub("", name):  # 市委宣传部 and 市委宣传部(市文明办)
                    forms.setdefault(form, set()).add(name)
        for alias, name in self.links.aliases.items():  # 相关区人民政府 is how one document spells 各相关区人民政府
            forms[alias] = {name}
        for nick, name in self.nicknames.items():  # 光谷管委会: a zone by what it is building, never 光谷 alone
            forms.setdefault(f"{nick}管委会", {name})
        return forms

    def _short_forms(self, name: str) -> list[str]:
        """The name without annotation or 市/武汉; a place without 人民政府 or 管委会, its
        prefix kept (武汉经开区, never 经开区 inside 临空港经开区); a bare two-character core."""
        parts, base = self.parts[name], ANNOTATION.sub("", name)
        rest = base[len(parts.prefix) :]
        if parts.suffix in ("政府", "管委会"):
            if base.startswith("各") and base.endswith("人民政府"):  # 新城区政府 for 各新城区人民政府
                return [base, base[1:], base[1:-4] + "政府"]
            if base.startswith(("各", "相关")):
                return [base]
            stem = base[: -len("人民政府")] if base.endswith("人民政府") else base[: -len(parts.suffix)]
            return [base] + [f for f in ((stem + "政府", stem) if parts.suffix == "政府" else (stem,)) if len(f) >= 3]
        forms = [base] + ([rest] if parts.prefix and self._short_ok(rest) else []) + self._annotation_forms(name)
        forms += self._ownerless_forms(parts, rest) + [f for f in self._unheaded(parts) if self._short_ok(f)]
        owned = without_owner(parts.core, rest) is not None  # 委外 is no name: 外办 is
        return forms + ([parts.core] if parts.suffix and not owned and self._is_bare_name(parts.core) else [])

    def _ownerless_forms(self, parts: Parts, rest: str) -> list[str]:
        """市委外办 as staff say it, 外办 and 市外办; 市政府国资委 as 国资委 and 市国资委: unless the documents use
        the short form as a word."""
        dropped = without_owner(parts.core, rest) if parts.prefix and parts.suffix else None
        return [dropped[1], "市" + dropped[1]] if dropped and self._short_ok(dropped[1]) else []

    def _short_ok(self, rest: str) -> bool:
        """A name without its 市 is a form of it when long, or when the documents never use it as a word:
        残联, not 妇联 (the documents write 省妇联)."""
        return len(rest) >= 3 or bool(self.outside) and rest not in self.outside

    @staticmethod
    def _unheaded(parts: Parts) -> list[str]:
        """A general federation as staff say it, without its 总 (工会 for 市总工会)."""
        return [parts.core[1:]] if parts.prefix and parts.core.startswith("总") and len(parts.core) >= 3 else []

    def withheld(self) -> dict[str, set[str]]:
        """Form → names for the short forms the documents also use as words (妇联, 工会, 武汉投控)."""
        withheld: dict[str, set[str]] = {}
        for name, parts in self.parts.items():
            for form in (f for f in self._unheaded(parts) if not self._short_ok(f)):  # 工会, the documents' word too
                withheld.setdefault(form, set()).add(name)
            base = ANNOTATION.sub("", name)
            rest = base[len(parts.prefix) :]
            if parts.prefix and parts.suffix not in ("政府", "管委会") and not self._short_ok(rest):
                withheld.setdefault(rest, set()).add(name)
            if parts.suffix in COMPANIES and self._is_company_core(parts.core):  # 投控 for 武汉投控集团
                withheld.setdefault(parts.core, set()).add(name)
        return withheld

    def _is_company_core(self, core: str) -> bool:
        """A company's two-character core that no dictionary knows, which the documents also use outside
        its name (武汉投控 beside 武汉投控集团): read as the company only where its tasks are asked, and
        never where a bureau has the same core (文旅 is 市文旅局's as well)."""
        if len(core) != 2 or self._is_word is None or self._is_word(core) or core not in self.outside:
            return False
        return not any(p.core == core and p.suffix not in COMPANIES for p in self.parts.values())

    def _annotation_forms(self, name: str) -> list[str]:
        """市委宣传部(市文明办) is also 市文明办, unless the note names a unit of its own (a
        leading group's office housed at 市公安局 is not 市公安局)."""
        note = ANNOTATION.search(name)
        inner = note.group()[1:-1] if note else ""
        if not inner or inner in self.names or not Parts.of(inner).suffix:
            return []
        parts = Parts.of(inner)
        rest = inner[len(parts.prefix) :]
        return [inner] + ([rest] if parts.prefix and len(rest) >= 3 else [])

    def _is_bare_name(self, core: str) -> bool:
        """发改, 人社: two characters no dictionary knows and the documents use only inside the name."""
        return (
            len(core) == 2
            and self._is_word is not None
            and bool(self.outside)
            and not self._is_word(core)
            and core not in self.outside
        )

    def _outside_names(self, corpus: str) -> str:
        """The corpus text with every unit name cut out: what is left uses words as topics."""
        for name in sorted(self.names, key=len, reverse=True):
            corpus = corpus.replace(ANNOTATION.sub("", name), "\n")
        return corpus
