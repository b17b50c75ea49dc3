"""Units by the names staff type: one resolver over every unit name the documents use.

A catalog name splits into prefix (市, 武汉), core and suffix (局, 委, 办, 管委会…):
市人才工作局 is 市 + 人才工作 + 局. A typed name resolves by rules, never by a list per
question: its full or annotated-free form, the name without 市/武汉 (人社局), a district
without 人民政府 (黄陂区), a note (市文明办 of 市委宣传部(市文明办)), a two-character core alone
that no dictionary knows and the documents use only inside the name (发改, never 财政), and
an abbreviation of the same suffix (人才局 → 人才工作局, 林业局 → 园林林业局, 发展和改革委员会 →
发改委). Several units matching equally are not guessed: the question asks which one was
meant. Names of one unit across a rename count as one, read by the years asked. Units spoken
of without their names (公安那边, 蔡甸的区政府, 共青团武汉市委) are unit_speech.py's rules; units
said by what they do (管工业的局) are read before the catalog, by unit_duties.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..records import Item, UnitLinks
from .unit_forms import UnitForms
from .unit_names import (
    AGENCIES,
    ANNOTATION,
    FULL_TAIL,
    LONGEST_NAME,
    LONGEST_SUFFIX,
    NAME_RUN,
    NAME_STOP,
    PREFIXES,
    SPAN_BREAK,
    Parts,
    UnitChoice,
    UnitReading,
    glued,
    is_abbreviation,
    lineages,
    matches,
    reworded,
    shortens,
    split_suffix,
    unknown,
    without_hosts,
    without_owner,
    words_dropped,
)
from .unit_speech import (
    ALIAS_BESIDE,
    LEFT_OF_NAME,
    POINTER,
    agency_cores,
    branches,
    districts,
    federation_cores,
    federations,
    official,
    place_forms,
    places_in,
    pointed,
    spoken_bodies,
)


class UnitCatalog:
    """Every unit name in the corpus, and the rules that read a typed name as one of them."""

    def __init__(
        self,
        names: Iterable[str],
        links: UnitLinks = UnitLinks(),
        texts: Iterable[str] = (),
        is_word: Callable[[str], bool] | None = None,
    ):
        """`texts`: the documents' text, so a name is never read where the documents use the
        same letters as a topic; `is_word`: a dictionary word (财政) is no abbreviation. Without
        them a core alone (发改) is not read as a unit."""
        self.links = links
        self.names = sorted((set(names) | links.names) - set(links.aliases))  # an alias is read as its unit
        self.parts = {name: Parts.of(name) for name in self.names}
        self._agencies, self._federations = agency_cores(self.parts), federation_cores(self.parts)
        forms = UnitForms(self.parts, links, " ".join(texts), is_word)
        self._outside = forms.outside  # the documents without unit names: what they use as words
        self._forms = forms.exact()
        self.withheld = forms.withheld()  # short forms the documents also use as words (妇联)
        self.places = place_forms(self.names, self._forms)  # a district by its place alone (江夏)
        self._ordered = sorted(self._forms, key=lambda form: -len(form))
        self._components = lineages(self.names, [(link.old, link.new) for link in links.links])
        self._all = [(n, p.core, ANNOTATION.sub("", n)[len(p.prefix) :]) for n, p in self.parts.items()]
        # a party or government office read without its owner as well (市委社会工作部 → 社会工作部, typed 社工部;
        # 市委外办 → 外办, typed 外事办公室)
        self._all += [(n, *dropped) for n, c, w in self._all if (dropped := without_owner(c, w))]
        self._by_suffix: dict[str, list[tuple[str, str, str]]] = {}
        for entry in self._all:
            self._by_suffix.setdefault(self.parts[entry[0]].suffix, []).append(entry)

    @classmethod
    def of(
        cls, items: Iterable[Item], links: UnitLinks = UnitLinks(), is_word: Callable[[str], bool] | None = None
    ) -> UnitCatalog:
        items = list(items)
        texts = [text for item in items for text in (item.text, *item.path)]
        return cls({u for item in items for u in item.units}, links, texts, is_word)

    def forms_of(self, name: str) -> tuple[str, ...]:
        """Every form read as this unit (武汉城建集团, 城建集团): how a text may mention it."""
        return tuple(form for form, names in self._forms.items() if name in names)

    # ----------------------------------------------------------------- reading

    def read(self, text: str, years: tuple[int, ...] = ()) -> UnitReading:
        """Units a question names, longest form first, then unit-shaped names by the rules."""
        found: list[str] = []
        unclear: list[UnitChoice] = []
        text = spoken_bodies(official(text))
        spoken = [*districts(text, self.names), *federations(text, self._federations), *branches(text, self.names)]
        for span, names in spoken:
            self._settle(span, names, years, found, unclear)
            text = text.replace(span, " ")
        for form in self._ordered:
            if form in text and self._stands_alone(text, form):
                self._settle(form, self._forms[form], years, found, unclear)
                city = "(?:武汉)?" if form.startswith("市") else ""  # 武汉市总工会
                pointer = f"(?:{POINTER.pattern})?"  # 发改那边
                text = re.sub(city + re.escape(form) + FULL_TAIL.get(form[-1], "") + pointer, " ", text)
        for span, names in list(pointed(text, self._agencies, self._outside)):
            self._settle(span, names, years, found, unclear)
            text = text.replace(span, " ")
        text = ALIAS_BESIDE.sub(" ", self._read_shaped(text, years, found, unclear))
        text = LEFT_OF_NAME.sub(" ", text) if found or unclear else text
        return UnitReading(tuple(dict.fromkeys(without_hosts(found))), tuple(unclear), text)

    def _stands_alone(self, text: str, form: str) -> bool:
        """The form is a whole name where it first stands: not the start of a word (宣传部门), not the end of a
        longer name the rules read as another unit (大数据局 is 市政务服务大数据局's, not 市数据局's)."""
        start = text.find(form)
        end = start + len(form)
        if glued(text, end):
            return False
        starts = (at for at in range(max(0, start - 4), start) if not NAME_STOP.search(text[at:start]))
        return not any((names := self._by_rules(text[at:end])) and not names & self._forms[form] for at in starts)

    def read_withheld(self, text: str, years: tuple[int, ...] = ()) -> UnitReading:
        """Short forms the documents also use as words, read as units: for a question that asks a unit's
        tasks (妇联参与的任务) and names no other unit; never where the form goes on as the documents' word
        (工会户外劳动者服务站点)."""
        found: list[str] = []
        unclear: list[UnitChoice] = []
        for form in sorted(self.withheld, key=len, reverse=True):
            if any(text[m.start() : m.end() + 1] not in self._outside for m in re.finditer(re.escape(form), text)):
                self._settle(form, self.withheld[form], years, found, unclear)
                # 武汉金控: the city goes with the name; 工会系统: the pointer too
                text = re.sub(f"(?:武汉市|武汉)?{re.escape(form)}(?:{POINTER.pattern})?", " ", text)
        return UnitReading(tuple(dict.fromkeys(found)), tuple(unclear), text)

    def read_places(self, text: str) -> UnitReading:
        """Districts named by their place alone (武昌那边, 写了江夏的): for a question that asks a unit's tasks and
        names no other unit (unit_speech.places_in)."""
        found, rest = places_in(text, self.places, self._outside)
        return UnitReading(found, (), rest)

    def find(self, text: str) -> tuple[tuple[str, ...], str]:
        """Units mentioned and the text with them cut out; an unclear name counts as all its candidates."""
        reading = self.read(text)
        extra = [name for choice in reading.unclear for name in choice.candidates]
        return tuple(dict.fromkeys(reading.units + tuple(extra))), reading.rest

    def names_for(self, span: str) -> set[str]:
        """The units a whole unit-shaped stretch names: an exact form, else by the rules."""
        return set(self._forms.get(span, ())) or self._by_rules(span)

    def _read_shaped(self, text: str, years: tuple[int, ...], found: list[str], unclear: list[UnitChoice]) -> str:
        """Unit-shaped stretches the exact forms missed, read right to left, the longest that resolves at each end."""
        for run in NAME_RUN.findall(text):
            for piece in SPAN_BREAK.split(run):
                end = len(piece)
                while end > 1:
                    span, names = self._longest_at(piece, end)
                    for typed, named in self._shared_suffix(span) or [(span, names)] if names else ():
                        self._settle(typed, named, years, found, unclear)
                    if names:
                        text = text.replace(span, " ", 1)
                    end -= len(span) if names else 1
        return text

    def _shared_suffix(self, span: str) -> list[tuple[str, set[str]]]:
        """Two units sharing the suffix said once (文旅和科创局 is 文旅局 and 科创局), when each part names a
        different unit; a name holding 和 itself (发展和改革委员会) is the catalog's, read whole."""
        if "和" not in span or span in self._forms:
            return []
        left, right = span.rsplit("和", 1)
        suffix = split_suffix(right)[1]
        ours, theirs = self._by_rules(right), self._by_rules(left + suffix) if suffix and len(left) >= 2 else set()
        return [(left + suffix, theirs), (right, ours)] if ours and theirs and not ours & theirs else []

    def _longest_at(self, piece: str, end: int) -> tuple[str, set[str]]:
        if not split_suffix(piece[max(0, end - LONGEST_SUFFIX - 1) : end])[1] or glued(piece, end):
            return "", set()
        for start in range(max(0, end - LONGEST_NAME), end - 1):
            names = self._by_rules(piece[start:end])
            if names and piece[start:end] not in self._outside:  # 领导小组办公室: the documents' own words
                return piece[start:end], names
        return "", set()

    def _by_rules(self, span: str) -> set[str]:
        """Catalog names a unit-shaped span stands for, best rule first: the same core and
        suffix; a shortened, expanded or partial core of the same suffix; the whole typed
        name shortening a name of another suffix (仲裁委 of 仲裁委办). An unprefixed
        one-character core says too little."""
        for prefix in dict.fromkeys([next((p for p in PREFIXES if span.startswith(p)), ""), ""]):
            rest = span[len(prefix) :]
            core, suffix = split_suffix(rest)
            if not suffix or not core or (len(core) < 2 and not prefix):
                continue
            same = self._by_suffix.get(suffix, ())
            for names in (
                {n for n, known, _ in same if known == core},
                {n for n, known, _ in same if matches(core, known) and self._expands(core, known)},
                {n for n, known, _ in same if reworded(core, known)},
                {n for n, _, whole in self._all if len(rest) >= 3 and is_abbreviation(rest, whole)},
                {n for n, _, whole in self._all if words_dropped(rest, whole)},
                {
                    n
                    for n, known, _ in self._all
                    if self._agency(n, suffix) and len(core) >= 2 and shortens(core, known)
                },
            ):
                if names:
                    return names
        return set()

    def _expands(self, typed: str, known: str) -> bool:
        """A one-character core (外 of 市委外办) stands only for a two-character one the documents never use as a
        word (外事办公室, never 外开 of 对外开放…办)."""
        return len(known) > 1 or len(typed) == 2 and typed not in self._outside

    def _agency(self, name: str, suffix: str) -> bool:
        """Bureaus, commissions and offices are called one for another (城管局 for 城管执法委)."""
        return suffix in AGENCIES and self.parts[name].suffix in AGENCIES

    def _settle(
        self, typed: str, names: set[str], years: tuple[int, ...], found: list[str], unclear: list[UnitChoice]
    ) -> None:
        """One unit, or one unit under successive names: resolved; otherwise asked."""
        if len(names) == 1:
            found.extend(names)
        elif self._one_unit(names, years):
            found.extend(self._pick(names, years))
        else:
            unclear.append(UnitChoice(typed, tuple(sorted(names))))

    def _one_unit(self, names: set[str], years: tuple[int, ...]) -> bool:
        """Linked by renames or merges, and never two of them in one asked year's documents."""
        if len({self._components[n] for n in names}) != 1:
            return False
        seen = {y for n in names for y in self.links.years_of(n)}
        return not any(sum(y in self.links.years_of(n) for n in names) > 1 for y in (years or tuple(seen)))

    def _pick(self, names: set[str], years: tuple[int, ...]) -> list[str]:
        """The name the asked years use (else the latest); every name when no year is asked."""
        if not years:
            return sorted(names, key=lambda n: (-max(self.links.years_of(n), default=0), n))
        asked = [n for n in sorted(names) if set(years) & set(self.links.years_of(n))]
        return asked or [max(sorted(names), key=lambda n: max(self.links.years_of(n), default=0))]

    def unknown(self, text: str) -> tuple[str, ...]:
        """Unit-shaped names in `text` (what read left) that no unit of the corpus carries (unit_names.unknown)."""
        return unknown(text, self.names)
