"""The unit splitter on hand-made clauses: every edge case the sources show."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.ingest.rules import CorpusRules
from indexer.ingest.units import (
    canonical_unit,
    expand_shared_suffix,
    find_definitions,
    item_units,
    split_clauses,
    split_units,
)
from tests.unit.conftest import MINI

RULES = CorpusRules.load(MINI)


def units_of(text):
    return item_units(split_clauses(text))


def test_plain_clause():
    assert units_of("做强。(牵头单位:市商务局;责任单位:市发改委、市文旅局,各区人民政府)") == (
        ("市商务局",),
        ("市发改委", "市文旅局", "各区人民政府"),
    )


def test_only_responsible_units_lead():
    assert units_of("培育。(责任单位:市商务局)") == (("市商务局",), ("市商务局",))


def test_shared_suffix_district_governments():
    assert split_units("黄陂、江夏、新洲区人民政府") == ("黄陂区人民政府", "江夏区人民政府", "新洲区人民政府")
    assert split_units("青山、蔡甸、江夏、东西湖区人民政府")[-1] == "东西湖区人民政府"


def test_shared_suffix_committees_and_full_names_untouched():
    assert split_units("东湖高新区、武汉经开区管委会") == ("东湖高新区管委会", "武汉经开区管委会")
    assert expand_shared_suffix(["市商务局", "汉阳区人民政府"]) == ["市商务局", "汉阳区人民政府"]


def test_xia_tong_note_keeps_the_name_and_yields_a_definition():
    text = "(牵头单位:市发改委;责任单位:各区人民政府〈含开发区、长江新区、风景区管委会,下同〉)"
    assert units_of(text) == (("市发改委",), ("各区人民政府",))
    assert find_definitions(text) == [("各区人民政府", "含开发区、长江新区、风景区管委会")]


def test_several_clauses_each_with_its_sub_task():
    text = "甲任务;(牵头单位:市甲局;责任单位:各中心城区人民政府)乙任务;(牵头单位:市乙局;责任单位:各中心城区人民政府)"
    clauses = split_clauses(text)
    assert [(c.task, c.lead_units) for c in clauses] == [("甲任务", ("市甲局",)), ("乙任务", ("市乙局",))]
    assert units_of(text) == (("市甲局", "市乙局"), ("各中心城区人民政府",))


def test_angle_sub_clauses_and_a_shared_responsible_list():
    text = "总任务。(其中,子任务一〈牵头单位:市经信局〉;子任务二〈牵头单位:市发改委〉;责任单位:市财政局)"
    clauses = split_clauses(text)
    assert [c.task for c in clauses] == ["子任务一", "子任务二", "总任务"]
    assert units_of(text) == (("市经信局", "市发改委"), ("市财政局",))


def test_annotated_lead_and_canonical_spelling():
    assert canonical_unit(" 市委宣传部〈市文明办〉 ") == "市委宣传部(市文明办)"
    assert canonical_unit("市 发改委。") == "市发改委"
    assert canonical_unit("相关区人民政府", RULES.units.aliases) == "各相关区人民政府"
    assert canonical_unit("相关区人民政府") == "相关区人民政府"


def test_text_without_clause_has_no_units():
    assert units_of("建设法治乡村。") == ((), ())
    assert units_of("城市(郊)铁路建设") == ((), ())


def test_renames_link_both_ways():
    assert RULES.units.related("市科技局") == {"市科技创新局": "renamed:successor"}
    assert RULES.units.related("市科技创新局") == {"市科技局": "renamed:predecessor"}
    assert RULES.units.related("各相关区人民政府") == {}  # an alias is a spelling, not a link


NAMES = st.text(alphabet="市区局委办发改经信数据江夏黄陂集团公司管委会人民政府", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(NAMES, min_size=1, max_size=4), min_size=1, max_size=4))
def test_splitter_never_loses_a_character(groups):
    value = ",".join("、".join(g) for g in groups)
    units = split_units(value)
    assert set(value) - set("、,") <= set("".join(units))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="()〈〉:;,、牵头责任单位市局甲乙。其中下同", max_size=80))
def test_clause_finder_never_crashes(text):
    lead, resp = item_units(split_clauses(text))
    assert all(isinstance(u, str) and u for u in lead + resp)
