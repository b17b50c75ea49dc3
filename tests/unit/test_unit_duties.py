"""A unit said by what it does read as the unit: the reader's rules on a hand-made table (no model)."""

from __future__ import annotations

from indexer.records import Relation, UnitLink, UnitLinks
from indexer.search.unit_duties import UnitDuties, duties

TABLE = (
    ("市经信局", ("工业", "信息化")),
    ("市教育局", ("教育", "学校")),
    ("市水务局", ("水", "水务", "治水")),
    ("市民政局", ("救助", "养老")),
    ("市卫健委", ("健康", "养老")),
    ("市房管局", ("住房", "房子")),
    ("市住房和城市更新局", ("城市更新",)),  # its housing lines come from 市房管局 through the rename
    ("武汉仲裁委办", ("仲裁",)),
    ("武汉地铁集团", ("地铁",)),
)
RENAME = UnitLinks((UnitLink("市房管局", "市住房和城市更新局", Relation.RENAMED, "test"),))
YEARS = (
    *((n, (2023, 2025)) for n, _ in TABLE if n not in ("市房管局", "市住房和城市更新局")),
    ("市房管局", (2023,)),
    ("市住房和城市更新局", (2025,)),
)


def reader() -> UnitDuties:
    links = UnitLinks(RENAME.links, tuple(YEARS))
    return UnitDuties([n for n, _ in TABLE], links, TABLE)


def test_a_body_said_by_its_line_of_work_reads_as_the_unit():
    assert reader().read("管工业的局今年牵头哪些", (), 2025) == ("市经信局今年牵头哪些", (("管工业的局", "市经信局"),))
    assert reader().read("办学校的那个局23年的任务", (2023,), 2025)[1] == (("办学校的那个局", "市教育局"),)
    assert reader().read("商事仲裁那个办公室参与了什么", (), 2025)[1] == (("仲裁那个办公室", "武汉仲裁委办"),)


def test_two_descriptions_in_one_question_each_read():
    text, read = reader().read("管工业信息化的部门跟治水的那个局，今年一起出现在哪", (), 2025)
    assert text == "市经信局跟市水务局，今年一起出现在哪"
    assert [unit for _, unit in read] == ["市经信局", "市水务局"]


def test_the_name_the_asked_year_uses():
    assert reader().read("管房子的局23年干啥", (2023,), 2025)[1] == (("管房子的局", "市房管局"),)
    assert reader().read("管房子的局干啥", (), 2025)[1] == (("管房子的局", "市住房和城市更新局"),)
    assert reader().read("管城市更新的局23年干啥", (2023,), 2025)[1] == (("管城市更新的局", "市房管局"),)


def test_every_line_of_work_must_name_the_same_one_unit():
    assert reader().read("管养老的局牵头什么", (), 2025)[1] == ()  # 民政 and 卫健 alike: not guessed
    assert reader().read("管养老救助的局牵头什么", (), 2025)[1] == (("管养老救助的局", "市民政局"),)
    assert reader().read("管教育和工业的局牵头什么", (), 2025)[1] == ()  # two bureaus said as one


def test_asking_which_bodies_do_the_work_stays_a_topic():
    assert reader().read("负责工业的部门有哪些", (), 2025)[1] == ()
    assert reader().read("管工业的部门是哪个", (), 2025)[1] == ()
    assert reader().read("管工业的单位？", (), 2025)[1] == ()


def test_a_one_character_line_only_where_it_is_all_that_is_said():
    assert reader().read("管水的局今年干啥", (), 2025)[1] == (("管水的局", "市水务局"),)
    assert reader().read("管水果的局今年干啥", (), 2025)[1] == ()


def test_a_company_is_said_as_one():
    assert reader().read("管地铁的那个集团今年干啥", (), 2025)[1] == (("管地铁的那个集团", "武汉地铁集团"),)
    assert reader().read("管地铁的那个局今年干啥", (), 2025)[1] == ()


def test_the_reviewed_table_names_units_with_lines_of_work():
    rows = dict(duties())
    assert "工业" in rows["市经信局"] and "学校" in rows["市教育局"]
    lines = [line for works in rows.values() for line in works]
    assert all(line.strip() == line and line for line in lines)


def test_two_bodies_said_with_one_body_word_or_counted_are_each_read():
    text, read = reader().read("管工业的和管学校的两个部门一起出现在哪", (), 2025)
    assert text == "市经信局和市教育局一起出现在哪"
    assert read == (("管工业的", "市经信局"), ("管学校的两个部门", "市教育局"))
    assert reader().read("去年工业和教育两家都有的活", (), 2025)[1] == (("工业", "市经信局"), ("教育", "市教育局"))
    assert reader().read("管工业的和管养老的两个部门", (), 2025)[1] == ()  # 养老 is two bodies': neither read
