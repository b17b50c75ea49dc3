"""A unit's name typed by sound read as the unit: the reader's rules on a hand-made catalog (no model)."""

from __future__ import annotations

from indexer.search.respell import sound
from indexer.search.unit_sounds import UnitSounds
from indexer.search.units import UnitCatalog

NAMES = ["市人力资源和社会保障局", "市人才工作局", "市水务局", "市税务局", "市商务局", "市卫健委"]
DOCUMENTS = "(牵头单位:市人社局、市卫健委)推进人才工作"


def reader(documents: str = DOCUMENTS) -> UnitSounds:
    catalog = UnitCatalog(NAMES)
    cores = [parts.core for parts in catalog.parts.values()]
    return UnitSounds(catalog.names, cores, catalog.names_for, lambda s: s in documents, sound)


def test_a_homophone_in_a_short_name_reads_as_the_unit():
    assert reader().read("人设局23年牵头哪些事") == ("人社局23年牵头哪些事", (("人设局", "人社局"),))
    assert reader().read("人材局今年的任务")[1] == (("人材局", "人才局"),)
    assert reader().read("市卫建委配合什么")[1] == (("市卫建委", "市卫健委"),)


def test_a_unit_read_as_typed_is_no_slip_for_another():
    assert reader().read("税务局牵头的任务") == ("税务局牵头的任务", ())  # 税 shui is 水 shui, but 税务局 is a unit
    assert reader().read("市税务局牵头的任务")[1] == ()


def test_two_units_within_reach_leave_the_name_as_typed():
    assert reader().read("睡务局牵头的任务")[1] == ()  # 水务局 and 税务局 alike


def test_another_sound_a_one_character_core_or_the_documents_words_stay():
    assert reader().read("人事局的任务")[1] == ()  # 事 shi is no 社 she
    assert reader().read("设局")[1] == ()
    assert reader(DOCUMENTS + "人设局").read("人设局的任务")[1] == ()  # the documents hold it: said on purpose
    assert reader().read("推进人才工作")[1] == ()  # no suffix: not unit-shaped
