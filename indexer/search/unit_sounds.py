"""A unit's name typed by sound (人设局 for 人社局, 人材局 for 人才局), read as the unit.

Staff type through a pinyin input method, and a unit's short name is where a wrong candidate slips
in unnoticed: read as typed, 人设局 names no unit, the question becomes a topic search, and its unit
list mixes whatever items mention 设. A unit-shaped stretch (a core and a unit suffix) that names no
unit, that the documents never hold and the dictionary does not know, is read as the one unit that a
single homophone in its core would name (设 she → 社 she). Two units within reach, or none, leave it
as typed; so does a core of one character, which says too little. The answer says what was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .respell import read_slips
from .unit_names import LONGEST_SUFFIX, PREFIXES, glued, split_suffix

NAME_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
SHORTEST_CORE = 2
LONGEST_TYPED = 8  # a short name, as staff type it (市人社局); a long one is read by the catalog's rules


class UnitSounds:
    """The characters of the catalog's unit names, by their toneless sound."""

    def __init__(
        self,
        names: Iterable[str],
        cores: Iterable[str],
        stands_for: Callable[[str], set[str]],
        on_purpose: Callable[[str], bool],
        sound: Callable[[str], str],
    ):
        """`cores`: the names without prefix and suffix (人力资源和社会保障); `stands_for`: the units a typed
        unit-shaped stretch names by the catalog's rules; `on_purpose`: the documents hold the stretch or the
        dictionary knows it, so it is no slip."""
        self._stands_for = stands_for
        self._on_purpose = on_purpose
        self._sound = sound
        self._by_sound: dict[str, set[str]] = {}
        for char in {c for name in names for c in name if "\u4e00" <= c <= "\u9fff"}:
            self._by_sound.setdefault(sound(char), set()).add(char)
        # every rule but a stretch of a core keeps the core's first character: a cheap test before the rules
        self._firsts = {core[:1] for core in cores}
        self._stretches = {core[i:j] for core in cores for i in range(len(core)) for j in range(i + 2, len(core) + 1)}

    def read(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The text with each unit name typed by sound read as the unit's, and (typed, read) for each."""
        return read_slips(text, NAME_RUN, self._slips)

    def _slips(self, run: str) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for end in range(len(run), 2, -1):
            suffix = split_suffix(run[max(0, end - LONGEST_SUFFIX) : end])[1]
            if not suffix or glued(run, end):  # 办理 is no 办
                continue
            first = max(0, end - LONGEST_TYPED)
            for start in range(first, end - len(suffix) - 1):
                meant = self._heard(run[start:end], len(suffix))
                if meant:  # unless a name is read as typed here (税务局 is no slip for 水务局)
                    if not any(self._stands_for(run[at:end]) for at in range(first, start + 1)):
                        found.append((run[start:end], meant))
                    break
        return found

    def _heard(self, typed: str, suffix: int) -> str | None:
        """The stretch with one core character read by its sound, when that names exactly one unit."""
        prefix = next((p for p in PREFIXES if typed.startswith(p)), "")
        core = typed[len(prefix) : len(typed) - suffix]
        if len(core) < SHORTEST_CORE:
            return None
        fits: dict[str, set[str]] = {}
        for at in range(len(core)):
            for char in self._by_sound.get(self._sound(core[at]), set()) - {core[at]}:
                heard = core[:at] + char + core[at + 1 :]
                if heard[:1] in self._firsts or heard in self._stretches:
                    whole = prefix + heard + typed[len(typed) - suffix :]
                    if len(names := self._stands_for(whole)) == 1:
                        fits[whole] = names
        units = {name for names in fits.values() for name in names}
        return next(iter(fits)) if len(units) == 1 and not self._on_purpose(typed) else None
