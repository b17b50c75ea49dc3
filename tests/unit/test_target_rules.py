"""Issue 23's general linking rules, each on hand-made sentences and indicators (no model, no corpus)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from indexer.answer.indicators import abbreviates, core, counts_same, similarity, whole_of
from indexer.answer.plan_diff import COMMON_WORD_ITEMS, _grams, diff_plans, rare_phrases, shares_indicator
from indexer.answer.target_links import link_all, link_target
from indexer.ingest.quantities import read_quantities
from indexer.ingest.targets import extract_targets
from indexer.records import Comparator, DocKind, Item, LinkStatus, Measure, Outcome, Target, TargetLink, UnitLinks
from indexer.store.targets import read_plan_vectors, write_plan_vectors


def target(indicator: str, value: float, unit: str = "个", text: str = "", item: str = "t", n: int = 1) -> Target:
    text = text or f"{indicator}{value:g}{unit}"
    return Target(f"{item}#{n}", item, 2030, indicator, value, unit, Comparator.AT_LEAST, Measure.AMOUNT, text)


def outcome(indicator: str, value: float, unit: str = "个", text: str = "", sentence: str = "") -> Outcome:
    text = text or f"{indicator}{value:g}{unit}"
    return Outcome(f"o-{indicator}", "r-p1", 2030, indicator, value, unit, Measure.AMOUNT, text, sentence or text)


def test_a_respective_list_pairs_names_and_values_in_order():
    a, b = read_quantities("甲平台标识注册量、接入企业数突破185亿个、2.1万家。")
    assert (a.indicator, a.value, a.unit) == ("甲平台标识注册量", 185.0, "亿个")
    assert (b.indicator, b.value, b.unit, b.measure) == ("接入企业数", 2.1, "万家", Measure.TOTAL)
    rates = read_quantities("甲贷款、乙贷款分别增长21.9%、25.4%。")
    assert [(q.indicator, q.value, q.measure) for q in rates] == [
        ("甲贷款", 21.9, Measure.GROWTH),
        ("乙贷款", 25.4, Measure.GROWTH),
    ]


def test_two_quantities_joined_by_he_are_two_targets_and_a_name_with_he_is_one():
    first, second = read_quantities("组织实施10个甲专项和80个乙项目。")
    assert (first.indicator, first.value, second.indicator, second.value) == ("甲专项", 10.0, "乙项目", 80.0)
    (one,) = read_quantities("软件和信息服务业营业收入突破3000亿元。")
    assert one.indicator == "软件和信息服务业营业收入"
    (rolling,) = read_quantities("滚动实施甲设备更新项目600个以上。")
    assert rolling.indicator == "甲设备更新项目"  # 滚动实施 is how, not what


def test_the_core_drops_level_aggregate_action_and_union_words():
    assert core("市级众创孵化载体") == "众创孵化载体"
    assert core("托位总数") == "托位"
    assert core("城市书房建设") == "城市书房"
    assert core("各类公园") == "公园"


def test_a_different_modifier_head_or_a_generic_name_is_not_the_same_indicator():
    assert similarity("排水管网", "新城区老旧供水管网") == 0.0  # 排水 ≠ 供水, though 水管 and 管网 are shared
    assert similarity("工业互联网平台", "工业互联网节点标识注册量") == 0.0  # 平台 against 注册量
    assert similarity("重点项目", "生态廊道节点项目") == 0.0  # only generic words
    assert similarity("微循环道路", "微循环路") >= 0.65  # a paraphrase still reads as one
    assert similarity("托位总数", "托位") == 1.0


def test_a_stock_target_meets_the_added_result_of_its_indicator_as_not_comparable():
    stock = Target("t#1", "t", 2030, "托位总数", 4, "万个", Comparator.REACH, Measure.TOTAL, "托位总数达到4万个")
    added = Outcome("o#1", "r", 2030, "托位", 1.1, "万个", Measure.ADDED, "托位1.1万个", "")
    assert link_target(stock, [added]).status is LinkStatus.NOT_COMPARABLE


def test_every_kind_is_a_whole_and_a_kind_of_it_is_not_comparable():
    assert whole_of("口袋公园", "各类公园") and not whole_of("各类公园", "各类公园")
    link = link_target(target("口袋公园", 80), [outcome("各类公园", 108)])
    assert link.status is LinkStatus.NOT_COMPARABLE and link.outcome is not None
    assert link_target(target("各类公园", 100), [outcome("各类公园", 108)]).status is LinkStatus.MET
    assert whole_of("重点单元优化升级", "启动单元更新改造")  # a bare head: every 单元, the key ones among them
    assert not whole_of("文化惠民活动", "活动")  # a generic head names nothing: no result at all
    assert not whole_of("机动车停车泊位", "停车泊位")  # four characters are a name, not a bare head


def test_projects_above_another_size_are_no_report():
    big = target("谋划投资亿元项目", 150, text="谋划投资50亿元以上项目150个以上")
    small = outcome("亿元项目", 917, text="新开工亿元以上项目917个")
    assert link_target(big, [small]).status is LinkStatus.NO_REPORT
    same = target("亿元项目", 900, text="开工建设亿元以上项目900个")
    assert link_target(same, [small]).status is LinkStatus.MET


def test_a_result_in_the_sentence_of_a_whole_shares_its_scope():
    sentence = "新改扩建公办甲园、乙校89所,新增学位6.54万个。"
    links = link_all(
        [target("公办甲园", 45, "所", item="p-1", n=1), target("学位", 1.2, "万个", item="p-1", n=2)],
        [outcome("公办甲园、乙校", 89, "所", sentence=sentence), outcome("学位", 6.54, "万个", sentence=sentence)],
    )
    assert [k.status for k in links] == [LinkStatus.NOT_COMPARABLE, LinkStatus.NOT_COMPARABLE]
    alone = link_all([target("学位", 1.2, "万个", item="p-2")], [outcome("学位", 6.54, "万个", sentence=sentence)])
    assert alone[0].status is LinkStatus.MET


def plan(item_id: str, text: str) -> Item:
    year = int(item_id[:4])
    return Item(item_id, f"{year}-plan", year, DocKind.PLAN, DocKind.PLAN, "方案", ("二、重点工作",), 1, text)


def test_an_abbreviation_is_the_same_indicator_and_a_word_put_in_is_not():
    assert abbreviates("技改项目", "工业设备更新和技术改造项目") and abbreviates("数字化产线", "数字化生产线")
    assert not abbreviates("亿元项目", "亿元产业项目")  # 产业 narrows: a word, not a cut one
    assert not abbreviates("充电桩", "公共充电桩")  # three characters: chance could do it


def test_sharing_an_indicator_needs_the_same_project_size_and_stage():
    items = [
        plan("2030-plan-二-1", "谋划投资50亿元以上项目150个以上。"),
        plan("2030-plan-二-2", "开工建设亿元以上项目900个。"),
        plan("2030-plan-二-3", "续建亿元以上项目1840个。"),
        plan("2031-plan-二-1", "新开工亿元以上项目930个。"),
    ]
    by_item = {t.item_id: [t] for t in extract_targets(items, aliases={})}
    later = by_item["2031-plan-二-1"]
    assert [shares_indicator(later, by_item[f"2030-plan-二-{n}"]) for n in (1, 2, 3)] == [False, True, False]


def test_a_repeated_item_hands_its_match_to_the_item_it_repeats():
    items = [
        plan("2030-plan-二-1", "新增甲品牌便利店200家、乙智慧商店1000家。"),
        plan("2030-plan-二-2", "建设丙养老中心10个。"),
        plan("2030-plan-四-1", "新增甲品牌便利店200家。"),  # the 民生实事 list restating 二-1
        plan("2031-plan-二-1", "新开甲品牌便利店300家以上。"),
    ]
    diff = diff_plans(items, extract_targets(items, aliases={}), UnitLinks(()), 2030, 2031)
    (match,) = diff.matches
    assert [e.id for e in match.earlier] == ["2030-plan-二-1"]
    assert [e.id for e in diff.dropped] == ["2030-plan-二-2"]  # 四-1 went on with 二-1


def test_with_no_text_evidence_an_item_setting_the_same_indicator_is_the_match():
    items = [
        plan("2030-plan-二-1", "推进强链补链，开展甲生态体系建设试点，实施技改项目550个，建成丁工厂20家。"),
        plan("2030-plan-二-2", "推进丙园区建设和提档升级，打造戊平台13个。"),
        plan("2030-plan-二-3", "推动工业设备更新。"),  # closer in wording, no indicator
        plan("2030-plan-二-4", "滚动实施技术改造。"),
        plan("2031-plan-二-1", "滚动实施工业设备更新和技术改造项目600个以上。"),
    ]
    diff = diff_plans(items, extract_targets(items, aliases={}), UnitLinks(()), 2030, 2031, threshold=0.9)
    (match,) = diff.matches  # 0.9: no text is that close, and 二-1 is third by wording: the indicator decides
    assert [e.id for e in match.earlier] == ["2030-plan-二-1"]
    assert [(v.before, v.after) for v in match.values] == [("550个", "600个")]


def test_a_phrase_only_two_items_share_is_the_match_of_last_resort():
    items = [
        plan("2030-plan-二-1", "加快区域金融中心建设,推动股权投资机构集聚发展。"),
        plan("2030-plan-二-2", "统筹推进武汉自贸片区建设。"),
        plan("2030-plan-二-3", "统筹推进城市更新。"),
        plan("2030-plan-二-4", "统筹推进乡村振兴,加快推进武汉都市圈。"),
        plan("2031-plan-二-1", "发挥基金带动作用,推动设立私募股权投资机构30家以上。"),
        plan("2031-plan-二-2", "统筹推进武汉新城开发。"),  # 统筹推, 推进武, 进武汉: in three items, wording
    ]
    rare = rare_phrases(items[:4], items[4:])
    assert "股权投资" in rare["2031-plan-二-1"] and not rare["2031-plan-二-2"]
    diff = diff_plans(items, [], UnitLinks(()), 2030, 2031, threshold=0.9)
    assert [[e.id for e in m.earlier] for m in diff.matches] == [["2030-plan-二-1"], []]


def test_the_result_must_name_what_the_target_counts():
    sites = target("老旧小区成片改造示范点", 5)
    link = link_target(sites, [outcome("老旧小区改造", 296)])
    assert link.status is LinkStatus.NOT_COMPARABLE  # 296 communities, not 5 demonstration sites
    assert counts_same("专精特新小巨人企业", "专精特新小巨人")  # a generic head (企业) is left off
    assert counts_same("创新街区、创新园区、创新楼宇", "创新街区")  # a list: any part's head


def test_a_result_joining_two_actions_before_its_indicator_is_a_whole():
    upgrade = target("工业园区", 30, "平方公里", text="优化提升工业园区30平方公里")
    merged = outcome("工业园区", 51.7, "平方公里", text="整理和提升工业园区51.7平方公里")
    assert link_target(upgrade, [merged]).status is LinkStatus.NOT_COMPARABLE
    both = target("工业园区", 50, "平方公里", text="整理和提升工业园区50平方公里")
    assert link_target(both, [merged]).status is LinkStatus.MET


def test_two_generic_carriers_are_compared_by_what_they_carry():
    assert similarity("垃圾处理项目", "垃圾集中处理设施") >= 0.65  # 垃圾处理 / 垃圾集中处理
    assert similarity("文体广场健身中心", "美丽乡村项目") == 0.0  # one carrier only: 美丽乡村 names no 广场
    link = link_target(target("垃圾处理项目", 7), [outcome("垃圾集中处理设施", 7)])
    assert link.status is LinkStatus.MET
    assert counts_same("亿元工业项目", "亿元项目")  # the same carrier is what both count


def test_upkeep_against_building_is_another_action_and_no_report():
    upkeep = target("疏捞维护甲管网", 5000, "公里", text="疏捞维护甲管网5000公里以上")
    built = outcome("甲管网", 140, "公里", text="新改建140公里甲管网")
    link = link_target(upkeep, [built])
    assert link.status is LinkStatus.NO_REPORT and link.outcome is None
    kept = outcome("甲管网", 6000, "公里", text="疏捞维护甲管网6000公里")  # upkeep against upkeep: compared
    assert link_target(upkeep, [kept]).status is LinkStatus.MET


def test_the_result_of_a_sibling_target_of_another_stage_is_no_report_for_this_one():
    started = target("甲项目", 900, text="开工建设甲项目900个", item="p-1", n=1)
    ongoing = target("甲项目", 1840, text="续建甲项目1840个", item="p-1", n=2)
    result = outcome("甲项目", 917, text="新开工甲项目917个")
    links = link_all([started, ongoing], [result])
    assert [k.status for k in links] == [LinkStatus.MET, LinkStatus.NO_REPORT]
    assert links[1].outcome is None
    alone = link_all([target("甲项目", 1840, text="续建甲项目1840个", item="p-2")], [result])
    assert alone[0].status is LinkStatus.NOT_COMPARABLE  # no sibling measured by it: a result of another stage


def test_wording_shared_by_chance_needs_closeness_in_meaning():
    items = [
        plan("2030-plan-二-1", "举办全民健身活动1000场以上。"),
        plan("2030-plan-二-2", "建设甲乙丙丁中心。"),
        plan("2030-plan-二-3", "推广戊己庚辛名点。"),
        plan("2031-plan-二-1", "举办展会节事活动1100场以上。"),
    ]
    chance = diff_plans(items, [], UnitLinks(), 2030, 2031)
    assert [e.id for e in chance.matches[0].earlier] == ["2030-plan-二-1"]  # 举办…活动…场以上 by wording alone
    axis = {"2030-plan-二-1": [0.0, 1.0], "2030-plan-二-2": [0.6, 0.8], "2030-plan-二-3": [1.0, 0.0]}
    meaning = {k: np.array(v) for k, v in axis.items()} | {"2031-plan-二-1": np.array([1.0, 0.0])}
    checked = diff_plans(items, [], UnitLinks(), 2030, 2031, meaning=meaning)
    assert checked.matches[0].earlier == []  # far in meaning (z = -1.3): 二-1 is no candidate, so 新增
    assert diff_plans(items, [], UnitLinks(), 2030, 2031, meaning={}).matches[0].earlier == chance.matches[0].earlier


def test_no_bigram_spans_a_number():
    assert "动场" not in _grams("活动1000场以上") and {"活动", "场以", "以上"} <= set(_grams("活动1000场以上"))


def test_plan_vectors_round_trip_without_pickle(tmp_path):
    items = [plan("2030-plan-二-1", "甲。"), plan("2031-plan-二-1", "乙。")]
    note = Item("2030-report-p1", "2030-report", 2030, DocKind.REPORT, DocKind.REPORT, "报告", (), 1, "丙。")
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    write_plan_vectors(tmp_path, items + [note], vectors)
    read = read_plan_vectors(tmp_path)
    assert sorted(read) == ["2030-plan-二-1", "2031-plan-二-1"] and read["2031-plan-二-1"].tolist() == [0.0, 1.0]
    assert read_plan_vectors(tmp_path / "older") == {}  # an index built before the file: wording only


def test_a_classifier_at_the_end_of_the_noun_is_the_unit():
    (users,) = read_quantities("为50万甲用户安装乙装置。")
    assert (users.value, users.unit, users.indicator) == (50.0, "万户", "甲用户安装乙装置")
    assert read_quantities("惠及经营主体53万余户。") == []  # 余: an approximate count, left alone
    (visits,) = read_quantities("接待游客3.2亿人次。")
    assert (visits.value, visits.unit) == (3.2, "亿人次")  # a unit beside the number is read as before


def test_a_phrase_edged_by_a_word_used_everywhere_is_wording():
    fillers = [plan(f"2030-plan-三-{n}", f"城市第{n}项工作。") for n in range(COMMON_WORD_ITEMS)]  # 城市 everywhere
    items = fillers + [
        plan("2030-plan-二-1", "畅通市民参与城市治理渠道。"),
        plan("2030-plan-二-2", "建设一批科技成果中试平台。"),
        plan("2031-plan-二-1", "开通城市治理类航线1000条以上。"),
        plan("2031-plan-二-2", "建设中试平台20家以上。"),
    ]
    rare = rare_phrases(items[:-2], items[-2:])
    assert "中试平台" in rare["2031-plan-二-2"]  # a name: 中试 and 平台 are in two items each
    assert "城市治理" not in rare["2031-plan-二-1"]  # 城市 begins it: a habit of wording


def test_a_labelled_result_whose_count_was_lost_is_matched_by_its_wording():
    from eval.targets import link_correct

    row = {"outcome_paragraph": "r-p1", "outcome": "甲乙个路网节点项目建成", "outcome_value": None}
    lost = outcome("路网节点项目建成", 3, sentence="甲乙个路网节点项目建成，丙线3个项目开工。")
    other = outcome("微循环路", 123, sentence="畅通微循环路123条。")
    assert link_correct(row, TargetLink(target("重点道路", 15), lost, LinkStatus.NOT_COMPARABLE))
    assert not link_correct(row, TargetLink(target("重点道路", 15), other, LinkStatus.NOT_COMPARABLE))


def test_a_year_asked_that_has_no_targets_has_none_and_no_year_means_the_latest_reviewed():
    from indexer.answer.targets import pick_year

    links = [TargetLink(target("充电桩", 6), outcome("充电桩", 7), LinkStatus.MET)]  # targets of 2030
    assert pick_year(links, (2031,)) is None  # no report reviews 2031: not 2030's verdict
    assert pick_year(links, ()) == 2030 and pick_year(links, (2030,)) == 2030


def test_a_target_set_again_in_the_plan_is_cited_after_the_first():
    from indexer.answer.targets import restated

    first = TargetLink(target("充电桩", 6, item="二-142"), outcome("充电桩", 7), LinkStatus.MET)
    again = TargetLink(target("充电桩", 6, item="四-33"), outcome("充电桩", 7), LinkStatus.MET)
    other = TargetLink(target("公厕", 6, item="四-40"), None, LinkStatus.NO_REPORT)
    assert restated([first, again, other], [first]) == [again]


def test_a_plan_figure_asked_beside_its_result_is_a_target_question():
    from indexer.records import Intent
    from indexer.search.question import detect_intent

    assert detect_intent("微循环道路2023年计划建多少条，实际畅通了多少条", (2023,), ()) is Intent.TARGET
    assert detect_intent("易渍水点整治，2023年计划和实际完成情况对比", (2023,), ()) is Intent.TARGET
    assert detect_intent("微循环道路2023年计划建多少条", (2023,), ()) is not Intent.TARGET


def test_a_year_whose_targets_no_report_reviews_has_no_verdicts():
    from indexer.answer.targets import pick_year

    reviewed = TargetLink(target("充电桩", 6), outcome("充电桩", 7), LinkStatus.MET)
    later = TargetLink(replace(target("充电桩", 8), year=2032), None, LinkStatus.NO_REPORT)
    assert pick_year([reviewed, later], (2032,)) is None


def test_a_piece_belongs_to_its_paragraph_and_an_item_to_itself():
    piece = Item("2030-report-p26.3", "2030-report", 2030, DocKind.REPORT, DocKind.REPORT, "报告", (), None, "甲。")
    assert piece.paragraph == "2030-report-p26" and plan("2030-plan-二-1", "乙。").paragraph == "2030-plan-二-1"
