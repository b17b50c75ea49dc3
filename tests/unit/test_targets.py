"""Targets, results, links and plan diffs on small hand-made text and the mini corpus (no model)."""

from __future__ import annotations

import json

import pytest

from indexer.answer.plan_diff import diff_plans
from indexer.answer.target_links import judge, link_target
from indexer.ingest.quantities import read_quantities, scaled
from indexer.ingest.targets import extract_outcomes, extract_targets
from indexer.records import Comparator, DocKind, Item, LinkStatus, Measure, Outcome, Target, UnitLink, UnitLinks
from indexer.store.targets import read_targets, write_targets
from tests.unit.conftest import run_cli


def plan_item(item_id: str, text: str, lead: tuple[str, ...] = ("市发改委",), year: int = 2030) -> Item:
    return Item(
        item_id,
        f"{year}-plan",
        year,
        DocKind.PLAN,
        DocKind.PLAN,
        "方案",
        ("二、重点工作", "(一)民生"),
        1,
        text,
        lead_units=lead,
    )


def report_item(item_id: str, text: str, year: int = 2031) -> Item:
    return Item(item_id, f"{year}-report", year, DocKind.REPORT, DocKind.REPORT, "报告", (), None, text)


def target(
    value: float,
    unit: str = "个",
    comparator: Comparator = Comparator.AT_LEAST,
    measure: Measure = Measure.AMOUNT,
    indicator: str = "老旧小区改造",
) -> Target:
    return Target("t#1", "t", 2030, indicator, value, unit, comparator, measure, f"{indicator}{value:g}{unit}")


def outcome(
    value: float, unit: str = "个", measure: Measure = Measure.AMOUNT, indicator: str = "老旧小区改造", year: int = 2030
) -> Outcome:
    return Outcome("o#1", "r-p1", year, indicator, value, unit, measure, f"{indicator}{value:g}{unit}", "")


def test_number_before_or_after_the_indicator_reads_the_same():
    (a,), (b,) = read_quantities("完成260个老旧小区改造。"), read_quantities("完成老旧小区改造296个。")
    assert (a.indicator, a.value, a.unit) == ("老旧小区改造", 260.0, "个")
    assert (b.indicator, b.value, b.unit) == ("老旧小区改造", 296.0, "个")


def test_growth_comparator_and_a_list_sharing_one_verb():
    (gdp,) = read_quantities("地区生产总值增长6.5%以上。")
    assert (gdp.measure, gdp.comparator, gdp.value) == (Measure.GROWTH, Comparator.AT_LEAST, 6.5)
    parts = read_quantities("新增城市骨干道路58公里、停车泊位15.2万个、充电桩7.08万个。")
    assert [(q.indicator, q.measure) for q in parts] == [
        ("城市骨干道路", Measure.ADDED),
        ("停车泊位", Measure.ADDED),
        ("充电桩", Measure.ADDED),
    ]


def test_quarters_are_skipped_and_a_missing_indicator_comes_from_the_clause_before():
    found = read_quantities("经济增速逐季回升,一季度增长4.5%,上半年增长5%,全年增长5.7%。")
    assert [q.value for q in found] == [5.7]  # the quarters are not the year
    assert found[0].indicator.startswith("经济增速")
    added, total = read_quantities("净增高新技术企业超2000家,总量达1.45万家。")
    assert (added.measure, total.measure) == (Measure.ADDED, Measure.TOTAL)
    assert total.indicator == "高新技术企业"


def test_scaled_units():
    assert scaled(1.2, "万个") == (12000.0, "个")
    assert scaled(2198, "亿元") == (219800000000.0, "元")
    assert scaled(5, "%") == (5, "%")
    assert scaled(2, "万亿元") == (2e12, "元")  # 万 scales 亿元 too


def test_targets_and_review_results_from_items():
    items = [
        plan_item("2030-plan-二-1", "完成老旧小区改造200个。(牵头单位:市房管局;责任单位:各区人民政府)", ("市房管局",)),
        report_item("2031-report-p1", "这一年,完成老旧小区改造210个。"),
        report_item("2031-report-p2", "今年,完成老旧小区改造300个。"),
    ]  # this year's plan, not a result
    (t,) = extract_targets(items, aliases={})
    assert (t.item_id, t.value, t.year, t.lead_units) == ("2030-plan-二-1", 200.0, 2030, ("市房管局",))
    (o,) = extract_outcomes(items, aliases={})
    assert (o.item_id, o.value, o.year) == ("2031-report-p1", 210.0, 2030)


@pytest.mark.parametrize(
    "comparator, value, got, status",
    [
        (Comparator.AT_LEAST, 22, 29.26, LinkStatus.MET),  # 22万人以上 vs 29.26万人
        (Comparator.AT_LEAST, 6.5, 5.7, LinkStatus.NOT_MET),  # 6.5%以上 vs 5.7%
        (Comparator.ABOUT, 6, 5.5, LinkStatus.MET),  # 5.5 ≥ 0.9 × 6 = 5.4
        (Comparator.ABOUT, 6, 5.3, LinkStatus.NOT_MET),
        (Comparator.AT_MOST, 3, 3.2, LinkStatus.NOT_MET),
    ],
)
def test_judge_by_comparator(comparator, value, got, status):
    assert judge(target(value, "%", comparator), outcome(got, "%")) is status


def test_added_never_meets_a_stock_and_no_result_is_no_report():
    stock = target(4, "万个", measure=Measure.TOTAL, indicator="托位")
    assert link_target(stock, [outcome(1.1, "万个", Measure.ADDED, "托位")]).status is LinkStatus.NOT_COMPARABLE
    assert link_target(stock, [outcome(1.1, "万个", Measure.ADDED, "养老床位")]).status is LinkStatus.NO_REPORT
    assert link_target(stock, [outcome(5, "万个", Measure.ADDED, "托位", year=2029)]).status is LinkStatus.NO_REPORT


def test_a_part_against_a_whole_and_other_levels_are_not_comparable():
    school = target(25, "所", indicator="中小学")
    assert link_target(school, [outcome(89, "所", indicator="公办幼儿园、中小学")]).status is LinkStatus.NOT_COMPARABLE
    city = target(40, "家", indicator="市级众创孵化载体")
    assert link_target(city, [outcome(27, "家", indicator="省级众创孵化载体")]).status is LinkStatus.NOT_COMPARABLE


def test_the_closest_comparable_value_wins_and_count_classifiers_agree():
    link = link_target(
        target(1.3, "万家", indicator="高新技术企业"),
        [outcome(2000, "家", Measure.ADDED, "高新技术企业"), outcome(1.45, "万家", Measure.TOTAL, "高新技术企业")],
    )
    assert link.outcome.value == 1.45 and link.status is LinkStatus.MET
    assert (
        link_target(target(19, "处", indicator="易渍水点"), [outcome(19, "个", indicator="易渍水点")]).status
        is LinkStatus.MET
    )


def test_targets_file_round_trip_with_chinese(tmp_path):
    items = [
        plan_item("2030-plan-二-1", "建设充电桩1万个。"),
        report_item("2031-report-p1", "这一年,新增充电桩1.2万个。"),
    ]
    assert write_targets(tmp_path, items) == (1, 1)
    targets, outcomes = read_targets(tmp_path)
    assert targets[0].indicator == "充电桩" and outcomes[0].text == "新增充电桩1.2万个"
    assert read_targets(tmp_path / "nothing") == ([], [])


def test_plan_diff_continued_new_dropped_and_renamed_lead():
    items = [
        plan_item("2030-plan-二-1", "建设概念验证中心10家。", ("市科技局",), 2030),
        plan_item("2030-plan-二-2", "新增养老床位2000张。", ("市民政局",), 2030),
        plan_item("2031-plan-二-1", "建设概念验证中心15家。", ("市科技创新局",), 2031),
        plan_item("2031-plan-二-2", "改造城中村10个。", ("市住房和城市更新局",), 2031),
    ]
    links = UnitLinks((UnitLink("市科技局", "市科技创新局", "renamed", ""),))
    diff = diff_plans(items, extract_targets(items, aliases={}), links, 2030, 2031)
    continued, new = diff.matches
    assert continued.status == "延续" and [e.id for e in continued.earlier] == ["2030-plan-二-1"]
    assert [(v.before, v.after) for v in continued.values] == [("10家", "15家")]
    assert [(u.before, u.after, u.relation) for u in continued.units] == [("市科技局", "市科技创新局", "改名")]
    assert new.status == "新增" and [i.id for i in diff.dropped] == ["2030-plan-二-2"]


def run(*args, env):
    return run_cli(*args, env=env)


@pytest.fixture(scope="module")
def env(mini_cli_env):
    return mini_cli_env


def test_cli_targets_json_on_the_mini_corpus(env):
    result = run("targets", "--year", "2030", "--json", env=env)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert {"target", "outcome", "status"} <= set(rows[0])
    gdp = next(r for r in rows if r["target"]["item_id"] == "2030-plan-一-1")
    assert gdp["status"] == "met" and gdp["outcome"]["value"] == 6.1
    met = run("targets", "--year", "2030", "--unit", "市房管局", "--status", "met", "--json", env=env)
    assert [json.loads(x)["target"]["text"] for x in met.stdout.splitlines()] == ["完成老旧小区改造200个"]


def test_cli_targets_and_diff_refuse_bad_input_in_chinese(env):
    for args in (
        ("targets", "--year", "2019"),
        ("targets", "--year", "2030", "--unit", "市某某局"),
        ("diff", "2031", "2030"),
    ):
        result = run(*args, env=env)
        assert result.returncode == 2 and "错误" in result.stderr and "Traceback" not in result.stderr


def test_cli_diff_labels_the_rename(env):
    result = run("diff", "2030", "2031", env=env)
    assert result.returncode == 0
    assert "市科技局 → 市科技创新局（改名）" in result.stdout and "不再列出" in result.stdout


def test_a_projects_stage_and_a_two_character_indicator_must_agree():
    started = Target(
        "t#1", "t", 2030, "亿元项目", 900, "个", Comparator.AT_LEAST, Measure.AMOUNT, "开工建设亿元以上项目900个"
    )
    built = Outcome("o#1", "r-p1", 2030, "亿元项目", 126, "个", Measure.AMOUNT, "建成投产亿元以上项目126个", "")
    begun = Outcome("o#2", "r-p1", 2030, "亿元项目", 917, "个", Measure.ADDED, "新开工亿元以上项目917个", "")
    assert link_target(started, [built]).status is LinkStatus.NOT_COMPARABLE
    link = link_target(started, [built, begun])
    assert link.outcome is begun and link.status is LinkStatus.MET
    culture = target(1500, "场", indicator="文化惠民活动")
    assert link_target(culture, [outcome(1010, "场", indicator="活动")]).status is LinkStatus.NO_REPORT


def test_cli_targets_unit_filter_follows_a_rename(env):
    result = run("targets", "--year", "2030", "--unit", "市科技创新局", "--json", env=env)
    texts = [json.loads(line)["target"]["text"] for line in result.stdout.splitlines()]
    assert result.returncode == 0 and texts == ["建设概念验证中心10家", "中试平台20家"]


def test_an_indicator_said_in_other_order_or_shortened_is_still_named():
    from indexer.answer.targets import MIN_COVERAGE, _named

    assert _named("品牌店和旗舰店", "品牌店旗舰店：23年方案打算新引进多少家，报告说实际新增多少家") >= MIN_COVERAGE
    assert _named("老旧燃气管网改造", "燃气老管网改造的实际完成量，比2023年的计划多出多少") >= MIN_COVERAGE
    assert _named("品牌连锁便利店", "品牌店旗舰店：23年方案打算新引进多少家") < MIN_COVERAGE
    assert _named("充电桩", "充电桩建了多少") > _named("老旧燃气管网改造", "燃气老管网改造")  # spelled beats held


def test_the_review_runs_on_through_the_governments_own_year_and_ends_at_this_years_plan():
    from indexer.ingest.targets import review_items

    items = [
        report_item("2031-report-p1", "现在,我代表市人民政府,向大会报告工作。"),
        report_item("2031-report-p2", "过去一年,全市地区生产总值增长6.1%。"),
        report_item("2031-report-p3", "一年来,我们始终加强政府自身建设,办理市人大议案2件。"),
        report_item("2031-report-p4", "今年是关键之年,主要预期目标是增长6%。"),
    ]
    assert [i.id for i in review_items(items)] == ["2031-report-p2", "2031-report-p3"]
