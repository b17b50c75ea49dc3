"""Units by the names staff type, and renames per year, on the real corpus (dev-style questions only).

Every expected unit below was checked against corpus/: 市人才工作局 (2023 and 2025 plans),
武汉仲裁委办 (2025 plan, written 武漢仲裁委辦), 市乡村振兴局 beside 市农业农村局 (2023 plan), 市园林林业局,
市委金融办, 市政府国资委, 市委网信办, 市交通运输局, 市卫健委, 市市场监管局, 市城管执法委, 市残联,
市委宣传部(市文明办) (2023 plan).
"""

from __future__ import annotations

import pytest

from indexer import answer as answering
from indexer.answer import AnswerRequest


def naming(engine, unit, year):
    return {i.id for i in engine.items if i.year == year and unit in i.units}


@pytest.mark.parametrize(
    "typed, unit",
    [
        ("人才局", "市人才工作局"),
        ("仲裁委办", "武汉仲裁委办"),
        ("数据局", "市数据局"),
        ("人社局", "市人社局"),
        ("发改委", "市发改委"),
        ("发改", "市发改委"),
        ("教育局", "市教育局"),
        ("经信局", "市经信局"),
        ("林业局", "市园林林业局"),
        ("金融办", "市委金融办"),
        ("国资委", "市政府国资委"),
        ("网信办", "市委网信办"),
        ("交通局", "市交通运输局"),
        ("卫生健康委员会", "市卫健委"),
        ("市发展和改革委员会", "市发改委"),
        ("市监局", "市市场监管局"),
        ("城管委", "市城管执法委"),
        ("残联", "市残联"),
        ("文明办", "市委宣传部(市文明办)"),
    ],
)
def test_everyday_names_resolve_to_the_documents_unit(engine, typed, unit):
    q = engine.understand(f"{typed}2025年牵头哪些任务")
    assert q.units == (unit,) and q.intent == "unit_items"


def test_talent_bureau_2023_is_a_unit_question_with_that_units_items_only(engine):
    answer = answering.answer(engine, AnswerRequest("人才局2023年的任务有哪些"))
    assert answer.intent == "unit_items" and answer.units == ["市人才工作局"]
    assert {h.item.id for h in answer.citations} == naming(engine, "市人才工作局", 2023)
    assert len(answer.citations) == 5


def test_arbitration_office_2025_is_a_unit_question(engine):
    answer = answering.answer(engine, AnswerRequest("仲裁委办2025年参与了什么"))
    assert answer.intent == "unit_items" and answer.units == ["武汉仲裁委办"]
    cited = {h.item.id for h in answer.citations}
    assert cited == naming(engine, "武汉仲裁委办", 2025) and cited
    assert {u for h in answer.citations for u in h.item.units} >= {"武汉仲裁委办"}


def test_rural_revitalisation_2023_never_takes_the_agriculture_bureaus_items(engine):
    # both bureaus are named in the 2023 plan: the merge links 2023 to 2025, never 2023 to itself
    answer = answering.answer(engine, AnswerRequest("乡村振兴局2023年的责任清单"))
    cited = {h.item.id for h in answer.citations}
    assert answer.units == ["市乡村振兴局"] and cited == naming(engine, "市乡村振兴局", 2023)
    assert not any("市农业农村局" in h.item.units and "市乡村振兴局" not in h.item.units for h in answer.citations)
    assert len(cited) < 10


def test_a_merged_bureau_asked_for_a_later_year_is_answered_by_its_successor(engine):
    tasks = engine.unit_items("市乡村振兴局", (2025,))
    assert tasks and {t.named_as for t in tasks} == {"市农业农村局"}
    assert engine.unit_items("市农业农村局", (2023,)) and all(
        t.named_as == "市农业农村局" for t in engine.unit_items("市农业农村局", (2023,))
    )
    answer = answering.answer(engine, AnswerRequest("2025年市乡村振兴局牵头哪些任务？"))
    assert answer.summary.startswith("2025年的文件中没有市乡村振兴局这个名称。已并入市农业农村局（合并）")
    assert "同一职能" not in answer.summary  # a merge joins bodies: the merged one is only part of the new one


def test_the_data_bureau_in_2023_is_its_former_name(engine):
    answer = answering.answer(engine, AnswerRequest("数据局2023年负责什么"))
    assert {h.item.id for h in answer.citations} == naming(engine, "市政务服务大数据局", 2023)
    assert "原名市政务服务大数据局" in answer.summary


def test_a_name_several_units_match_asks_which_one(engine):
    answer = answering.answer(engine, AnswerRequest("市委办负责什么"))
    assert not answer.found and answer.citations == [] and "请说明是哪个单位" in answer.summary
    assert set(answer.searched["candidates"]["市委办"]) >= {"市委金融办", "市委网信办"}


@pytest.mark.parametrize(
    "question",
    [
        "哪些单位负责数字经济",
        "财政收入增长多少",
        "城管执法人员着装规范归哪个部门管",
        "建议案提出支持临空港经开区建设什么？",
        "2号建议案领导小组办公室设在哪里？",
    ],
)
def test_topic_words_are_not_read_as_units(engine, question):
    q = engine.understand(question)
    assert q.units == () and q.unclear_units == ()


def test_every_full_name_in_the_documents_reads_as_itself(engine):
    for name in engine.catalog.names:
        reading = engine.catalog.read(f"{name}负责哪些任务")
        assert name in reading.units and not reading.unclear, name


@pytest.mark.parametrize(
    "question, unit",
    [
        ("公安那边2023年牵头做哪些事", "市公安局"),
        ("教育口2025年的任务", "市教育局"),
        ("市里的商务部门2023年牵头干啥", "市商务局"),
        ("洪山那边的区政府今年有哪些任务", "洪山区人民政府"),
        ("共青团武汉市委2023年配合哪些工作", "团市委"),
        ("武汉市残疾人联合会参与什么", "市残联"),
    ],
)
def test_units_spoken_of_without_their_names(engine, question, unit):
    result = answering.answer(engine, AnswerRequest(question))
    assert result.found and result.units == [unit]
    years = result.years or [2023, 2025]
    assert {h.item.id for h in result.citations} <= {i for y in years for i in naming(engine, unit, y)}


def test_a_mistyped_term_is_read_as_the_documents_and_said(engine):
    result = answering.answer(engine, AnswerRequest("独脚兽企业今年要新增几家"))
    assert result.found and result.citations[0].item.id == "2025-plan-二-57"
    assert any("“独脚兽”按文件中的“独角兽”理解" in note for note in result.notes)
    typed = answering.answer(engine, AnswerRequest("独角兽企业今年要新增几家"))
    assert not any("理解" in note for note in typed.notes)


@pytest.mark.parametrize(
    "question, unit",
    [
        ("管工业的那个局今年牵头做哪些事", "市经信局"),
        ("办学校的那个局2023年配合哪些工作", "市教育局"),
        ("负责社会救助的部门25年有哪些任务", "市民政局"),
    ],
)
def test_units_said_by_what_they_do_are_read_and_said(engine, question, unit):
    result = answering.answer(engine, AnswerRequest(question))
    assert result.found and result.units == [unit]
    assert any(f"按职能理解为{unit}" in note for note in result.notes)
    years = result.years or [2023, 2025]
    assert {h.item.id for h in result.citations} <= {i for y in years for i in naming(engine, unit, y)}


def test_asking_which_bodies_do_a_work_stays_a_topic_question(engine):
    q = engine.understand("负责就业的部门有哪些")
    assert not q.units and not q.described and "就业" in q.topic
