"""Question understanding: years, units, intent and messy input."""

from __future__ import annotations

import pytest

from indexer.ingest.rules import CorpusRules
from indexer.records import DocKind, Role
from indexer.search.question import UnitCatalog, understand
from tests.unit.conftest import MINI

CATALOG = UnitCatalog(
    [
        "市数据局",
        "市发改委",
        "市科技创新局",
        "黄陂区人民政府",
        "各区人民政府",
        "东湖高新区管委会",
        "市委宣传部(市文明办)",
    ],
    CorpusRules.load(MINI).units,
)


def ask(text):
    return understand(text, CATALOG, latest_year=2025)


@pytest.mark.parametrize(
    "question, intent",
    [
        ("哪些单位负责低空经济？", "topic_units"),
        ("老旧小区改造谁牵头？", "topic_units"),
        ("市数据局今年牵头哪些任务？", "unit_items"),
        ("2023年和2025年在招商引资上的分工有什么变化？", "compare"),
        ("2025年城镇新增就业目标是多少？", "fact"),
        ("充电桩", "search"),
    ],
)
def test_intent(question, intent):
    assert ask(question).intent == intent


def test_relative_years():
    assert ask("市数据局今年牵头哪些任务").years == (2025,)
    assert ask("去年的报告提出了什么").years == (2024,)
    assert ask("2023年和2025年对比").years == (2023, 2025)
    assert ask("开展促消费活动2000场").years == ()


def test_a_kind_said_as_included_is_beside_the_rest_never_alone():
    assert ask("金控集团今年在哪些条目里挂名（含2号建议案）").kinds == ()
    assert set(ask("今年方案和建议案里数据局的任务").kinds) >= {"plan", "proposal"}
    assert ask("建议案里数据局的任务").kinds == ("proposal",)


def test_this_round_is_the_latest_plan_where_no_year_or_report_is_named():
    q = ask("发改委这回被分了啥活儿")
    assert q.years == (2025,) and q.intent == "unit_items" and q.topic == ""
    assert ask("发改委这回在报告分解里是什么角色").years == (2025,)  # the plan named by its report
    assert ask("这次政府工作报告提到哪些目标").years == ()  # the report's 这次 is no plan year
    assert ask("2023年这次方案里发改委的任务").years == (2023,)
    assert "报告" not in ask("政府工作报告分解方案里发改委的任务").topic


def test_a_year_written_in_chinese_numerals():
    assert ask("二〇二三年的责任分解方案有哪些任务").years == (2023,)
    assert ask("二零二五年的目标").years == (2025,)
    assert ask("用二三年时间建成").years == ()  # two or three years, no year
    assert ask("二三年内建成").years == () and ask("十二三年前").years == ()
    assert ask("长江新区管委会二三年的条目清单").years == (2023,)  # 二三年 said for 2023
    assert ask("二五年方案里数据局牵头什么").years == (2025,)


def test_next_year_is_a_year_no_document_covers_yet():
    assert ask("大健康博览会明年还在武汉办吗").years == (2026,)


def test_a_bare_two_digit_year_standing_apart_in_typed_words():
    assert ask("援藏 25 责任单位").years == (2025,)
    assert ask("标准领跑者 23 几家企业").years == (2023,)
    assert ask("新增门店 25 家").years == ()  # a count with its measure word
    assert ask("12 key industries 生产性服务业").years == ()


def test_short_old_and_annotated_unit_names():
    assert ask("数据局今年干什么").units == ("市数据局",)
    assert ask("黄陂区今年有哪些任务").units == ("黄陂区人民政府",)
    assert ask("黄陂区在低空经济上有分工吗").units == ("黄陂区人民政府",)  # a share of the work is asked
    assert ask("东湖高新区牵头哪些").units == ("东湖高新区管委会",)
    assert ask("市科技局2023年的任务").units == ("市科技局",)  # old names are known from the renames file
    assert ask("市委宣传部负责什么").units == ("市委宣传部(市文明办)",)


def test_traditional_full_width_and_spaces_read_the_same():
    plain = ask("哪些单位负责低空经济?")
    for messy in ("哪些單位負責低空經濟？", "  哪些单位 负责 低空经济 ？ ", "哪些单位负责低空经济\u3000"):
        got = ask(messy)
        assert (got.intent, got.topic, got.years) == (plain.intent, plain.topic, plain.years)


def test_english_words_are_understood():
    q = ask("AI 相关的任务谁 lead")
    assert q.intent == "topic_units" and q.role is Role.LEAD and q.topic == "人工智能"


def test_document_kinds_from_the_question():
    assert ask("2号建议案的工作目标是什么").kinds == ("proposal",)
    assert ask("数据局今年配合的任务，建议案里的也算上").kinds == ()  # said as included after it: beside the rest
    assert ask("人社局今年配合的条目，建议案那份也算上").kinds == ()
    assert ask("数据局今年有哪些活，建议案里的也要").kinds == ()
    assert ask("市场监管局今年只当配合单位的活，连政协建议案的一起列").kinds == ()
    assert ask("连续两年政协建议案里都提到的任务").kinds == ("proposal",)  # 连续 is no inclusion
    assert ask("政协2号案里讲算力的那条").kinds == ("proposal",)  # 2号案: the 建议案 said short
    assert ask("23年和25年两份通知的小标题各是怎么写的").kinds == ("notice",)  # 两份通知: the two notices
    assert ask("发改委在政协那份里也挂了名吗").kinds == ("proposal",)  # 政协那份: the proposal said short
    assert ask("政协2号方案有没有给数据局分派活").kinds == ("proposal",)
    assert ask("政府工作报告提出的充电桩目标").kinds == ("report",)
    assert ask("责任分解方案里新能源汽车").kinds == ("plan",)


def test_tokens_glued_from_question_words_are_question_words_too():
    from indexer.search.topic_words import is_filler

    assert is_filler("谁来管") and is_filler("这事") and is_filler("在抓")
    assert not is_filler("干部") and not is_filler("管理") and not is_filler("下岗")
    assert ask("网约车司机社保这事谁来管").topic.replace(" ", "") == "网约车司机社保"


def test_the_measure_word_of_how_many_is_not_part_of_the_topic():
    assert ask("2023年计划新增多少个停车泊位？").topic == "计划新增停车泊位"
    assert ask("2023年要建设多少亩高标准农田？").topic == "建设高标准农田"
    assert ask("光电子信息产业规模要突破多少亿元？").topic.split() == ["光电子信息产业规模", "突破"]


def test_why_asks_and_is_not_part_of_the_topic():
    assert ask("为什么要推进低空经济").topic == "推进低空经济"
    assert ask("低空经济为啥由市发改委牵头").topic == "低空经济"


@pytest.mark.parametrize(
    "question, unknown",
    [
        ("市档案局今年牵头哪些任务？", ("市档案局",)),
        ("2025年市大数据管理委员会负责哪些工作", ("市大数据管理委员会",)),
        ("市口岸办承担了什么", ("市口岸办",)),
    ],
)
def test_a_unit_the_corpus_never_names_is_recognised_as_unknown(question, unknown):
    q = ask(question)
    assert q.units == () and q.unknown_units == unknown and q.intent == "unit_items"


@pytest.mark.parametrize(
    "question",
    [
        "市数据局今年牵头哪些任务？",  # a known unit
        "市科技局负责什么",  # its former name
        "市创新局负责什么",  # a core inside a known name (市科技创新局): maybe a short form
        "市场监管由哪个局负责",  # question words are never part of a name
        "市里的充电桩由哪个单位负责",
    ],
)
def test_known_forms_and_question_words_are_not_unknown_units(question):
    assert ask(question).unknown_units == ()


def test_which_tasks_of_a_unit_is_no_question_of_who():
    assert ask("2023年市数据局负责哪几项工作").intent == "unit_items"
    assert ask("市数据局2025年在哪些工作里是责任单位").intent == "unit_items"
    assert ask("低空经济由哪几个单位负责").intent == "topic_units"


def test_a_role_asked_about_is_no_topic_word_but_a_role_discussed_is():
    assert ask("低空经济的责任单位有哪些").topic == "低空经济"
    assert "责任" in ask("通知对牵头单位和责任单位之间的协同有什么要求").topic


def test_general_words_alone_do_not_narrow_a_units_tasks():
    assert ask("市数据局2025年参与哪些项目建设").topic == ""
    assert ask("市数据局2025年参与哪些数据资产项目").topic != ""
    assert ask("哪些项目建设由市数据局负责").topic == ""


def test_a_suffix_that_starts_a_word_with_the_next_character_is_no_unit():
    q = ask("领导小组办公室多久向市政协汇报办理进展")
    assert q.units == () and q.unknown_units == ()
    assert ask("市口岸办承担了什么").unknown_units == ("市口岸办",)


def test_english_question_words_are_question_words_and_plurals_are_translated():
    q = ask("which departments are responsible for AI")
    assert q.intent == "topic_units" and q.topic == "人工智能"
    assert ask("Data Bureau tasks 2025").units == ("市数据局",)
    assert ask("AIs 谁牵头").topic == "人工智能"


def test_a_term_said_twice_is_one_term_but_a_doubled_word_stays():
    assert ask("AI 人工智能 谁牵头").topic == "人工智能"
    assert ask("谢谢你的帮助").topic == "谢谢 帮助"


def test_a_district_named_without_a_task_word_is_the_place_asked_about():
    q = ask("黄陂区要加快建设哪三个组团")
    assert q.units == () and "黄陂区" in q.topic and q.intent != "unit_items"
    assert ask("黄陂区今年有哪些任务").units == ("黄陂区人民政府",)
    assert ask("黄陂区在低空经济上有分工吗").units == ("黄陂区人民政府",)  # a share of the work is asked


def test_a_notice_named_by_its_year_or_as_the_one_asking_is_a_notice():
    assert ask("2025年通知要求各单位强化哪两种意识").kinds == ("notice",)
    assert ask("通知对季度报送有什么要求").kinds == ("notice",)
    assert ask("通知书").kinds == ()


def test_a_report_cited_as_the_source_is_no_year_compared():
    q = ask("2024年报告说2023年新增了多少家高新技术企业")
    assert q.years == (2023,) and q.intent != "compare"
    assert ask("充电桩目标，2023年方案和2024年报告各是多少个").years == (2023, 2024)


def test_a_reports_own_relative_years_count_from_the_report():
    assert ask("2024年报告为什么说今年做好工作意义重大").years == (2024,)
    q = ask("2024年报告说去年新增了多少停车泊位")
    assert q.years == (2023,) and q.intent != "compare"
    assert ask("去年新增了多少停车泊位").years == (2024,)  # no report named: counted from the latest year


def test_zones_a_who_question_names_are_its_topic_not_a_filter():
    q = ask("支持东湖高新区建设由谁负责")
    assert q.intent == "topic_units" and q.units == () and "东湖高新区" in q.topic


def test_places_said_to_stand_on_one_item_are_the_bodies_asked():
    q = ask("东湖高新区和黄陂区在23年分工里同时被点到的有哪些")
    assert q.intent == "unit_items" and set(q.units) == {"东湖高新区管委会", "黄陂区人民政府"}


def test_a_unit_asked_only_where_it_supports_is_asked_the_responsible_role():
    from indexer.records import Role
    from indexer.search.roles import asked_role

    assert asked_role("2023年市体育局只作为责任单位配合、不牵头的任务有哪些") is Role.RESPONSIBLE
    assert asked_role("市场监管局25年有哪些任务是配合别人做的(不是牵头)") is Role.RESPONSIBLE
    assert asked_role("2025年市数据局牵头哪些任务") is Role.LEAD
    assert asked_role("市数据局参与了哪些任务") is None
    assert asked_role("工商联作为责任单位配合了哪些任务（不算牵头的）") is Role.RESPONSIBLE
    assert asked_role("地铁集团哪些任务是配合单位") is Role.RESPONSIBLE


def test_which_of_a_units_items_it_leads_asks_every_item_naming_it():
    from indexer.search.roles import asked_role, plain_roles

    assert asked_role(plain_roles("园林局今年在绿化那一段，哪条它挂帅、哪条只是跟着")) is None
    assert asked_role(plain_roles("体育局在健身那一节里有名字的活，哪条是它领头")) is None
    assert asked_role(plain_roles("体育局健身那节有名字的两条牵头哪条")) is None
    assert asked_role(plain_roles("体育局在健身那一节里领头的活")) is not None  # the lead role alone


@pytest.mark.parametrize(
    "question",
    [
        "市发改委2031年是哪些任务的责任单位（不是牵头）",  # the role said of the unit, not a question of who
        "黄陂区有哪些活是配合别人干的",  # a district asked for the tasks it supports
        "东湖高新区管委会作为责任单位配合的是哪项",
        "黄陂区政府2023年在民生实事里要干哪些",
    ],
)
def test_the_role_a_unit_plays_asks_its_tasks(question):
    q = ask(question)
    assert q.intent == "unit_items" and q.units and "责任" not in q.topic


def test_staff_words_for_leading_ask_the_lead_role():
    q = ask("数据局今年挑头的事有几件")
    assert q.role is Role.LEAD and q.topic == ""
    assert ask("市数据局在2025年方案里当牵头单位的有哪些条目").topic == ""


def test_a_role_said_with_its_year_asks_the_units_tasks():
    assert ask("市数据局作为2025年的牵头单位，管哪些事？").intent == "unit_items"


def test_a_report_said_by_its_relative_year_is_the_source_not_a_year_compared():
    q = ask("去年报告里说2023年的民生实事完成了多少件？")
    assert q.years == (2023,) and q.kinds == ("report",)


def test_a_year_named_report_beside_a_plan_names_the_report_only_for_its_year():
    q = ask("排水管网新建里程，23年方案和24年报告里新一年的安排是否一样？")
    assert q.years == (2023, 2024) and "report" in q.kinds  # the compare narrows each year to what it has


def test_differentiated_development_is_no_comparison():
    assert ask("2号建议案对新城区差异化发展提出重点布局哪些特色产业？").intent != "compare"


def test_a_result_asked_against_the_plan_is_a_target_question():
    assert ask("燃气老管网改造的实际完成量，比2023年的计划多出多少？").intent == "target"


def test_a_zone_asked_a_fact_of_is_the_place_not_a_unit():
    q = ask("2号建议案对东湖高新区的发展定位是什么？")
    assert q.units == () and "东湖高新区" in q.topic


def test_pronouns_and_item_words_are_no_topic():
    assert "他们" not in ask("那个2号建议案方案是发给谁的，让他们干什么").topic
    assert "自己" not in ask("去年那份政府工作报告自己点出了哪些差距").topic


def test_a_short_form_the_documents_use_as_a_word_is_the_unit_when_its_tasks_are_asked():
    catalog = UnitCatalog(["市妇联", "市残联"], texts=["发挥妇联作用。"])
    q = understand("妇联 23年 参与的分解任务", catalog, latest_year=2025)
    assert q.units == ("市妇联",) and q.intent == "unit_items"
    assert understand("妇联作用怎么发挥", catalog, latest_year=2025).units == ()


def test_a_zone_is_read_by_the_brand_its_own_task_builds():
    texts = ["建设科学城,打造世界光谷。(牵头单位:东湖高新区管委会;责任单位:市发改委)"]
    catalog = UnitCatalog(["东湖高新区管委会", "市发改委"], texts=texts)
    assert understand("光谷管委会今年牵头哪些事", catalog, latest_year=2025).units == ("东湖高新区管委会",)
    assert understand("光谷科创大走廊谁牵头", catalog, latest_year=2025).units == ()  # 光谷 alone is a place


def test_which_district_governments_asks_units_and_names_none():
    q = ask("光谷科创大走廊今年哪些区政府参与")
    assert q.units == () and q.topic == "光谷科创大走廊"


def test_a_years_scheme_is_its_plan_or_a_proposals_scheme():
    assert set(ask("2023年的方案有没有提人形机器人").kinds) == {"plan", "proposal"}
    assert set(ask("排水管网，23年方案和24年报告的安排一样吗").kinds) == {"plan", "proposal", "report"}


def test_words_for_where_a_unit_appears_and_which_one_ask_its_items():
    q = ask("市数据局在25年方案里出现在哪几条任务里")
    assert q.intent == "unit_items" and q.topic == ""
    assert ask("市数据局25年当责任单位、不当牵头单位的是哪条").role is Role.RESPONSIBLE


def test_a_plan_then_its_final_result_is_a_target_question():
    assert ask("23年亿元以上项目开工：计划900个，最后开工了多少").intent == "target"


def test_asked_whether_two_documents_say_the_same_is_a_compare_of_the_topic_alone():
    q = ask("工业软件这块 2024年报告和2025年方案提的东西一样吗")
    assert q.intent == "compare" and "东西" not in q.topic and "一样" not in q.topic and "工业软件" in q.topic


def test_a_part_of_a_document_named_by_its_number_is_no_topic_word():
    assert "部分" not in ask("建议案第四部分“工作要求”主要讲了哪些内容").topic


@pytest.mark.parametrize(
    "question",
    [
        "数据局23年在“重点工作”这一大部分里带头负责哪几条？",
        "发改委23年重点工作那部分牵头的事，民生实事不算",
        "数据局2023年除惠民实事外还带头抓了什么",
    ],
)
def test_a_part_set_aside_or_named_as_a_part_leaves_the_units_tasks_with_no_topic(question):
    q = ask(question)
    assert q.intent == "unit_items" and q.role is Role.LEAD and q.topic == ""


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("数据局今年当头的是哪几条？", Role.LEAD),
        ("25年方案里发改委打下手的活有哪几项", Role.RESPONSIBLE),
        ("数据局今年挂帅的是哪几条", Role.LEAD),
        ("发改委前年扛大梁的有几件", Role.LEAD),
        ("发改委二〇二三年当家的任务有几件", Role.LEAD),
        ("发改委领衔的任务有哪些", Role.LEAD),
        ("23年分解表里发改委打头阵的那几件事是什么", Role.LEAD),
        ("发改委主办的任务有哪些", Role.LEAD),
        ("发改委协办了哪些任务", Role.RESPONSIBLE),
        ("发改委名下挂了哪些事项，主办协办一起列出来", None),
        ("发改委今年被写成责任单位的条目", Role.RESPONSIBLE),
        ("发改委配合的事项列一下", Role.RESPONSIBLE),
        ("发改委前年是配合方的有哪几条", Role.RESPONSIBLE),
        ("发改委今年挂帅或者协助的事项清单", None),
        ("发改委今年在两份文件里跟着干哪几件", Role.RESPONSIBLE),
    ],
)
def test_staff_words_for_leading_and_helping_out_are_roles(question, role):
    q = ask(question)
    assert q.intent == "unit_items" and q.role is role and q.topic == ""


def test_the_cppcc_scheme_said_in_everyday_words_is_the_proposal():
    q = ask("政协那份办理方案里，“学子聚汉”挂在哪项任务下？")
    assert q.kinds == ("proposal",) and "政协" not in q.topic and "学子聚汉" in q.topic


def test_a_role_set_aside_keeps_the_topic_after_it():
    q = ask("数据局不算牵头的低空经济任务有哪些")
    assert q.role is Role.RESPONSIBLE and "低空经济" in q.topic


def test_a_unit_named_with_a_role_and_nothing_else_asks_its_items():
    q = ask("市数据局作为责任单位出现在哪些条目？")
    assert q.intent == "unit_items" and q.units == ("市数据局",) and q.topic == ""


@pytest.mark.parametrize(
    "question", ["在建议案的任务表里，能找到市数据局名字的有几条", "市数据局在两版方案里写明参与了什么"]
)
def test_words_about_where_a_name_is_written_are_no_topic(question):
    q = ask(question)
    assert q.intent == "unit_items" and q.topic == ""


def test_a_name_the_documents_shorten_to_ban_reads_whole_when_typed_in_full():
    catalog = UnitCatalog(["武汉仲裁委办", "市发改委"], CorpusRules.load(MINI).units)
    q = understand("武汉仲裁委办公室参与了哪些任务", catalog, latest_year=2025)
    assert q.units == ("武汉仲裁委办",) and q.topic == ""


@pytest.mark.parametrize(
    "question",
    [
        "数据局23年打头的任务有哪些",
        "发改委挑大梁的任务有哪些",
        "数据局自己牵头的，不算配合的有哪几件",
        "数据局当头的任务是哪条？协办的不要",  # the support role set aside after the lead said
        "数据局今年自己拿总、担主责的条目有哪些",
        "数据局挑头的，协助别家的活都不算",  # the support role set aside with whom it supports (配合别人的)
    ],
)
def test_more_staff_words_for_leading_and_the_support_role_set_aside_ask_the_lead_role(question):
    q = ask(question)
    assert q.intent == "unit_items" and q.role is Role.LEAD and q.topic == ""


def test_asking_whether_the_districts_support_sets_no_role_aside():
    from indexer.search.roles import asked_role

    assert asked_role("技术合同成交额今年是哪个局在扛，区里要不要配合") is not Role.LEAD


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("黄陂区政府在今年方案里给别的牵头单位打下手的是哪些事", Role.RESPONSIBLE),  # 牵头单位 is the others'
        ("黄陂区政府23年只是被列为责任单位的那几条是什么", Role.RESPONSIBLE),
        ("数据局今年挑头负责、不是打下手的活儿都有啥", Role.LEAD),  # the help set aside
    ],
)
def test_a_role_said_around_the_unit_asks_its_tasks_in_that_role(question, role):
    q = ask(question)
    assert q.intent == "unit_items" and q.role is role and q.units and q.units[0] in ("黄陂区人民政府", "市数据局")


def test_a_zone_committee_named_by_its_place_and_asked_which_items():
    q = ask("东湖高新区那边的管委会，今年方案里点了它哪几条")
    assert q.intent == "unit_items" and q.units == ("东湖高新区管委会",)


def test_a_reports_relative_year_sets_the_year_its_own_words_count_from():
    assert ask("老人家里装扶手这类改造，去年报告说今年要在多少个小区先试点？").years == (2024,)
    assert ask("去年报告说2023年完成了多少").years == (2023,)


def test_a_units_other_name_in_brackets_is_no_topic():
    for question in ("帮我查下项目办（市发改委）今年被列进去的事项", "市发改委（项目办）今年牵头什么"):
        q = ask(question)  # 项目办 is no name the catalog reads: the bracket says it is 市发改委
        assert q.units == ("市发改委",) and "项目" not in q.topic


def test_a_document_named_after_a_relative_year_is_that_years_own_beside_a_cited_report():
    assert ask("颠覆性技术创新中心 去年报告说建设，今年分解方案怎么要求").years == (2025,)


def test_a_challenge_named_for_its_leader_is_a_topic_not_a_role():
    q = ask("数字经济揭榜挂帅项目今年由谁负责")
    assert q.intent == "topic_units" and q.role is None and "挂帅" in q.topic


def test_where_in_a_document_a_word_is_written_asks_for_the_items_not_a_place():
    q = ask("物流相关的内容，建议案在哪些任务下面写了？")
    assert "物流" in q.topic and "下面" not in q.topic and q.kinds == ("proposal",)
    assert ask("政协那份方案里有哪些试点").kinds == ("proposal",)


def test_the_lead_column_naming_a_unit_asks_its_lead_items_and_a_count_of_its_tasks_asks_them_too():
    q = ask("25年分解方案里，牵头单位一栏写的是市发改委的条目帮我列一下")
    assert q.intent == "unit_items" and q.role is Role.LEAD and q.topic == ""
    q = ask("黄陂区政府23年方案里一共摊到几件事，分别是啥？")
    assert q.intent == "unit_items" and q.units == ("黄陂区人民政府",) and q.topic == ""


def test_a_change_in_the_situation_is_no_comparison_asked():
    assert ask("24年报告里说，面对形势变化的不确定性，政府要靠什么来应对？").intent != "compare"
    assert ask("数据要素2023年和2025年有什么变化").intent == "compare"


def test_a_counts_measure_word_stays_with_the_count():
    assert "种风" not in ask("23年农村精神文明建设要培育哪几种“风”？").topic
    assert ask("首店300家文旅体育要配合吗").topic.split()[0].endswith("300家")  # 300家 | 文旅, not 300 | 家文旅


def test_where_a_word_is_mentioned_is_no_topic():
    assert "哪几条" not in ask("带“创新中心”字样的平台，建议案在哪几条里提到了").topic
    assert ask("这个指标在哪几份文件里出现过").topic == "指标"


def test_a_years_plan_named_beside_the_scheme_is_the_plan():
    q = ask("跨境电商、海外仓这块，2023年的方案和建议案的说法有啥不一样")
    assert q.kinds == ("plan", "proposal") and q.intent == "compare"
    assert ask("2025年政府工作报告目标任务分解方案里低空经济谁牵头").kinds == ("plan",)
    assert "report" in ask("去年的政府工作报告说，前一年圆满完成了哪次会议确定的目标任务？").kinds


def test_a_district_typed_with_its_government_is_the_unit_asked():
    assert ask("黄陂区政府今年还被专门写进了哪条").units == ("黄陂区人民政府",)
    assert ask("前年黄陂那边（区政府）被点名要办的有哪几条").units == ("黄陂区人民政府",)
    q = ask("我是黄陂区政府办的，今年方案里写明要黄陂干的是哪条")
    assert q.units == ("黄陂区人民政府",) and q.topic == ""  # its place said again is the unit, no topic


def test_a_lead_said_of_another_district_is_not_the_asked_units_role():
    q = ask("临空产业 黄陂挂帅 发改委干啥")
    assert q.units == ("市发改委",) and q.role is None
    assert ask("发改委挂帅的任务有哪些").role is Role.LEAD


def test_both_roles_asked_side_by_side_ask_any_role():
    from indexer.search.roles import asked_role

    assert asked_role("市委金融办今年牵头的和打下手的分别有哪些") is None
    assert asked_role("市委金融办今年打下手的有哪些") is Role.RESPONSIBLE
    assert ask("市财政局在前年方案中唱主角的是哪几件").role is Role.LEAD


def test_an_english_numbered_scheme_is_the_numbered_one():
    assert ask("No.2 proposal: who leads?").kinds == ("proposal",)


def test_rather_good_and_a_district_by_district_ask_no_comparison():
    assert str(ask("武汉哪家医院治颈椎病比较好").intent) != "compare"
    assert str(ask("政协方案里讲各区别扎堆的是哪一条").intent) != "compare"
    assert str(ask("2023年和2025年在招商引资上比较一下").intent) == "compare"
    assert str(ask("两份方案的区别是什么").intent) == "compare"


def test_a_count_of_a_units_items_asks_its_items():
    assert str(ask("数据局在二〇二五年的分解方案里一共挂了几条").intent) == "unit_items"


def test_what_a_document_says_of_a_word_leaves_the_word_as_the_topic():
    assert ask("建议案里说到的“基地”都有哪些").topic == "基地"


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("市数据局2031年有哪些事是它一家单独扛、没写别的单位的", None),
        ("数据局 31年 一家负责 没配合单位的 是哪条", None),  # 没配合单位 asks no support role
        ("市发改委单独挑头的是哪几条", Role.LEAD),
        ("哪几条是市发改委一家单独牵头的？", Role.LEAD),
        ("数据局今年有没有一个人单干、不带别的单位的任务？", None),
        ("市数据局今年只挂了它一个单位名字的是哪条？", None),
        ("数据局今年不拉别的单位的任务有哪些", None),
    ],
)
def test_a_unit_alone_on_its_items_is_a_filter_never_a_topic(question, role):
    q = ask(question)
    assert q.alone and q.role is role and q.topic == ""


def test_alone_is_no_filter_without_a_unit():
    assert not ask("哪些任务只有一家单位负责").alone


def test_a_count_of_the_items_asked_is_no_topic():
    q = ask("市数据局配合的那两条任务分别是谁牵头的")
    assert q.units == ("市数据局",) and q.topic == "" and q.intent == "unit_items"


def _asked_of(text):
    catalog = UnitCatalog(
        ["武汉城建集团", "市城建局", "市发改委", "市经信局", "市医保局"], CorpusRules.load(MINI).units
    )
    return understand(text, catalog, latest_year=2025)


def test_a_unit_set_aside_beside_another_leaves_the_other_asked():
    q = _asked_of("23年民生实事里，城建集团（不是城建局）被拉进来的是哪两件？")
    assert q.units == ("武汉城建集团",) and "拉进来" not in q.topic and "不是" not in q.topic
    assert _asked_of("除了发改委以外，经信局今年牵头哪些任务").units == ("市经信局",)
    assert _asked_of("市发改委和市经信局今年一起牵头哪些任务").units == ("市发改委", "市经信局")


@pytest.mark.parametrize(
    "question",
    ["北斗规模应用试点，经信局有没有份", "充电桩那个试点，城建局被列进去了没有", "发改委在规模以上工业那条里挂名了吗"],
)
def test_whether_a_unit_takes_part_in_a_task_is_asked_of_its_items(question):
    q = _asked_of(question)  # 规模 in the task's name asks no figure
    assert q.intent == "unit_items" and "没有" not in q.topic and "进去" not in q.topic


@pytest.mark.parametrize(
    "question", ["城建集团、城建局这两家单位在哪几条任务里出现", "发改委和经信局这两个部门今年一起干什么"]
)
def test_the_units_asked_said_again_as_a_count_are_no_topic(question):
    q = _asked_of(question)
    assert len(q.units) == 2 and q.topic.strip() == ""


def test_a_unit_said_to_appear_as_the_host_is_asked_for_its_lead_items():
    q = _asked_of("经信局25年以主办身份出现的是哪条")
    assert q.role is Role.LEAD and q.topic.strip() == ""
    assert _asked_of("会展论坛谁当主办单位").role is None  # the event's host, not the task's lead


def test_how_often_a_unit_is_named_is_no_topic():
    q = _asked_of("医保局在今年的责任分解里只出现了一次吗，是哪一条")
    assert q.intent == "unit_items" and q.topic.strip(" 只") == ""


@pytest.mark.parametrize(
    "question, units, topic",
    [
        ("黄陂在25年任务表里被点名的有几条", ("黄陂区人民政府",), ""),
        ("领导让我查一下黄陂今年点到名的工作", ("黄陂区人民政府",), ""),
        ("黄陂区23年分解方案里摊上哪条", ("黄陂区人民政府",), ""),
        ("谁牵头支持黄陂发展临空产业", (), "支持黄陂发展临空产业"),  # who is asked: 黄陂 is the place
    ],
)
def test_a_district_asked_for_its_tasks_by_its_place_alone(question, units, topic):
    q = ask(question)
    assert q.units == units and q.topic == topic


def test_the_role_a_named_unit_plays_is_asked_not_searched_for():
    q = ask("黄陂区今年在低空经济上是啥角色")
    assert q.intent == "unit_items" and q.units == ("黄陂区人民政府",) and q.topic == "低空经济"
    assert ask("市发改委在低空经济里担什么责任").topic == "低空经济"
    q = ask("黄陂区今年在低空经济里各是什么身份")
    assert q.intent == "unit_items" and q.topic == "低空经济"


def test_which_of_the_two_roles_asks_any_role():
    assert ask("黄陂区今年的任务，各自是挑头还是帮忙").role is None


def test_the_lead_unit_in_other_words_asks_the_lead_role():
    for question in ("市数据局2025年作为第一责任单位的条目", "市数据局今年是主责单位的任务"):
        q = ask(question)
        assert q.role is Role.LEAD and q.intent == "unit_items" and q.topic == ""


def test_a_unit_quoted_as_set_aside_is_not_asked_and_lead_and_support_said_together_ask_either():
    q = ask("黄陂区人民政府2025年被点名的任务是哪条？写“各区人民政府”的不算")
    assert q.units == ("黄陂区人民政府",)
    q = ask("25年低空经济分别是哪几家单位挂帅和协同")
    assert q.role is None and q.topic == "低空经济"


def test_the_only_other_units_named_are_a_filter_not_units_asked():
    q = ask("数据局今年牵头、配合方只有各区政府的任务是哪几条")
    assert q.units == ("市数据局",) and q.beside == ("各区人民政府",) and q.alone and q.topic == ""
    q = ask("数据局今年哪条任务没有任何配合单位，就它自己")
    assert q.alone and q.role is None and q.beside == () and q.topic == ""


def test_a_word_glued_to_the_respect_asked_keeps_the_word():
    from indexer.search.topic_words import topic_of

    words = {"城市建设管理方面点出": ["城市", "建设", "管理方面", "点出"], "方面": ["方面"]}
    assert topic_of("城市建设管理方面点出", words.__getitem__) == "城市建设管理 点出"
    assert topic_of("方面", words.__getitem__) == ""


def test_assisting_to_handle_asks_the_support_role_and_a_count_of_items_asks_the_units_items():
    q = ask("数据局今年要协助办理的事一共多少件")
    assert q.intent == "unit_items" and q.role is Role.RESPONSIBLE and q.topic == ""


def test_a_place_beside_a_unit_the_catalog_does_not_read_is_no_unit_asked():
    assert ask("中医药产业园 黄陂 牵头的是卫建委吗").units == ()
    assert ask("做督办台账，黄陂今年被点名的任务").units == ("黄陂区人民政府",)  # 督办 is a verb, no 办


def test_words_saying_which_body_is_meant_are_no_topic():
    q = ask("光谷那边的东湖高新区管委会今年牵头哪些事")
    assert q.units == ("东湖高新区管委会",) and q.topic == ""


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("发改委25年是主办单位的任务", Role.LEAD),
        ("数据局今年是协办单位的条目", Role.RESPONSIBLE),
        ("数据局今年挂名配合的任务清单", Role.RESPONSIBLE),
        ("数据局今年是主办的有几条、作为协办的有几条", None),  # both roles asked, each counted
        ("发改委是主办单位的任务，连只写了责任单位的也算", None),  # the support role added
        ("发改委牵头的任务，配合都算", None),
    ],
)
def test_other_offices_words_for_the_roles_are_the_documents_roles(question, role):
    q = ask(question)
    assert q.intent == "unit_items" and q.role is role and q.topic == ""


def test_an_events_host_is_no_lead_unit():
    q = ask("会展合作论坛谁当主办单位")
    assert q.role is None and "主办单位" in q.topic


def test_asking_whether_a_unit_leads_asks_no_support_role():
    q = ask("低空经济那条，发改委是不是牵头")
    assert q.role is Role.LEAD and "是不是" not in q.topic and "低空经济" in q.topic


@pytest.mark.parametrize(
    "question",
    [
        "我是发改委的，想确认下本委今年的任务清单",
        "同事问：数据局今年写了我们局的是哪条",
        "核稿：数据局今年牵头的任务有哪些",
        "需要核实一下：数据局今年配合了什么",
        "我是黄陂区督查办的，今年方案里直接写了黄陂名字的有哪几条",  # the asker's office, not a topic
        "黄陂区二五年在全市的任务分工里露过几次面",
    ],
)
def test_who_asks_and_what_they_want_done_is_no_topic(question):
    q = ask(question)
    assert q.intent == "unit_items" and q.units and q.topic == ""


def test_two_units_named_together_point_at_their_shared_item_and_ask_who_else_is_on_it():
    catalog = UnitCatalog(["市工商联", "武汉人才集团", "市人社局", "市医保局"], CorpusRules.load(MINI).units)
    q = understand("工商联和人才集团同时挂名的那一条，谁牵头、还有谁", catalog, latest_year=2025)
    assert q.intent == "unit_items" and set(q.units) == {"市工商联", "武汉人才集团"} and q.role is None
    assert q.topic == ""  # the unit path finds the items both stand on
    listed = understand("医保局被拉进去的那条数据试点，牵头和配合单位全列出来", catalog, latest_year=2025)
    assert listed.intent == "topic_units" and listed.units == ("市医保局",)
    own = understand("医保局被拉进去的那几条是什么", catalog, latest_year=2025)
    assert own.intent == "unit_items"  # its own items asked, not who else is on them


@pytest.mark.parametrize(
    "question",
    [
        "人社局跟医保局一块儿出现在哪条任务里，挑头的是谁",
        "人社局和医保局被写进同一条任务，那条是干啥的",
        "医保局、人社局竟然排在一条任务的配合名单里，是哪条",
        "人社局和医保局并排出现的是哪件事，牵头部门是谁",
        "人社局和医保局两家一起出现的那几条，牵头的是谁",
    ],
)
def test_how_two_units_are_said_to_share_an_item_is_no_topic(question):
    catalog = UnitCatalog(["市人社局", "市医保局"], CorpusRules.load(MINI).units)
    q = understand(question, catalog, latest_year=2025)
    assert set(q.units) == {"市人社局", "市医保局"} and q.topic == "" and q.intent == "unit_items"


def test_a_unit_name_never_spans_a_joining_word():
    catalog = UnitCatalog(["市数据局", "市统计局"], CorpusRules.load(MINI).units)
    q = understand("季报里的数据跟统计局口径对不上，以哪个为准", catalog, latest_year=2025)
    assert q.units == ("市统计局",)


def test_the_first_responsible_said_of_a_unit_is_the_lead_role_and_the_city_governments_list_is_the_plan():
    assert ask("数据局25年作为第一责任人的几件事").role is Role.LEAD
    assert ask("23年通知要求谁来当落实的第一责任人").role is not Role.LEAD  # the notice's own word
    q = ask("数据局今年在市政府和政协建议案的任务清单里出现在哪些条目")
    assert set(q.kinds) == {"plan", "proposal"} and q.topic == ""


def test_the_plan_said_as_its_division_of_work_is_the_plan():
    assert ask("去年的分工方案里数据局挂了几条").kinds == ("plan",)
    assert ask("前年分工表里数据局挂了几条").kinds == ("plan",)
    assert set(ask("“新一轮”这个提法，前年分解表和建议案各用在哪").kinds) == {"plan", "proposal"}


def test_a_joint_projects_partner_initial_keeps_its_zhong():
    assert ask("中法生态示范城由谁负责").topic.startswith("中法生态示范城")
    assert ask("方案中法规有哪些").topic == "法规"  # 中 after a document is the filler 'in'


def test_a_report_named_after_its_short_year_is_no_topic():
    assert ask("24年报告是怎么说大模型的").topic == "大模型"
    assert ask("去年报告里说的大模型").kinds == ("report",)


def test_a_verb_asked_whether_is_neither_set_aside_nor_searched():
    from indexer.search.topic_words import is_filler

    question = understand("汽修喷漆算不算重点行业", CATALOG, 2025)
    assert "汽修" in question.topic and "算不算" not in question.topic
    assert is_filler("补不补") and not is_filler("不算")


@pytest.mark.parametrize(
    "question, years",
    [
        ("市数据局 23/25 分工 哪几条", (2023, 2025)),
        ("市数据局两版方案里干的事有啥不一样，23的跟25的", (2023, 2025)),
        ("第23、25条写的是什么", ()),  # numbered items, not years
        ("23和25个项目分别在哪", ()),  # counts
    ],
)
def test_two_short_years_side_by_side_are_years(question, years):
    assert ask(question).years == years


@pytest.mark.parametrize(
    "question",
    [
        "督查室核对口径：市数据局今年牵头的条目是哪几条",
        "市数据局作为牵头部门，今年被写进哪些任务的配合名单",
    ],
)
def test_the_offices_check_and_the_units_description_are_no_topic(question):
    q = ask(question)
    assert q.units == ("市数据局",) and q.topic == "" and q.intent == "unit_items"


def test_a_unit_written_into_a_roles_list_across_years_asks_its_items():
    q = ask("黄陂区政府被写进责任单位的条目，前年几条今年几条")
    assert q.units == ("黄陂区人民政府",) and q.topic == "" and q.years == (2023, 2025)
    assert ask("市数据局在前年、今年两份任务表里出现的条目，前后变化大不大").topic == ""


def test_a_unit_whose_own_name_says_who_is_asked_for_its_items():
    """市直各相关部门 holds 相关部门, which asks who when it stands alone; inside the unit's name it asks nothing."""
    catalog = UnitCatalog(["市直各相关部门", "市数据局"], CorpusRules.load(MINI).units)
    q = understand("“市直各相关部门”23年让它配合的是哪条", catalog, latest_year=2025)
    assert (q.intent.value, q.units) == ("unit_items", ("市直各相关部门",))


@pytest.mark.parametrize(
    "question",
    [
        "数据局牵头、发改委配合的活今年有哪些",
        "发改委挑头、数据局跟着配合的是哪几条",
        "科创局主办、数据局协办的事今年列一下",
        "数据局为主、发改委为辅，今年有哪些",
        "数据局当主责、要发改委搭把手的任务",
        "數據局帶頭，發改委跟著做的事",
        "发改委给数据局打下手的任务有哪些",
        "发改委配合数据局的活今年有哪些",
        "发改委在数据局牵头的事项里当配合单位的有几条",
        "发改委在数据局牵头的事里今年管哪一块",
        "数据局牵头的事里发改委今年干什么",
        "发改委今年有哪些活是数据局领头、它来配合的",
        "发改委今年跟在数据局后面干的有哪些",
        "发改委当数据局帮手的25年工作",
        "数据局主导、发改委只排在配合里的今年有哪些",
        "数据局主抓、发改委打辅助的25年条目",
        "25年 发改委 在数据局主抓的事里 做配合",
    ],
)
def test_each_of_two_units_said_with_its_own_role_is_read_with_that_role(question):
    q = ask(question)
    assert q.intent.value == "unit_items" and q.role is None
    assert len(q.roles) == 2 and {role for _, role in q.roles} == {Role.LEAD, Role.RESPONSIBLE}


def test_units_all_on_an_items_list_ask_the_items_they_share():
    q = ask("数据局、发改委哪些任务两家都在名单里")
    assert len(q.units) == 2 and q.topic == ""
    assert ask("数据局、发改委今年都沾边的有哪几条").topic == ""


@pytest.mark.parametrize("said", ["在哪几条上碰了面", "在哪些活上搭了边", "扯上关系的有哪几件", "怎么会在同几条里"])
def test_two_units_said_to_meet_on_items_ask_the_items_they_share(said):
    from indexer.answer.select import asked_together

    q = ask(f"数据局跟发改委2031年{said}")
    assert len(q.units) == 2 and q.topic == "" and asked_together(q.text)


def test_a_proposal_named_by_a_chinese_numeral_is_the_proposal():
    assert ask("数据局在二号案里分到了什么").kinds == (DocKind.PROPOSAL,)


def test_two_units_each_in_a_role_keep_their_pair_when_the_rest_of_each_list_is_asked():
    q = ask("数据局当主办、发改委当协办的条目有哪几条？每条还拉了哪些单位")
    assert dict(q.roles) == {"市数据局": Role.LEAD, "市发改委": Role.RESPONSIBLE} and q.topic == ""


def test_two_units_in_one_role_are_no_pair():
    assert ask("数据局和发改委都牵头的任务").roles == ()
    assert ask("数据局和发改委在建议案里都在哪条任务当配合").roles == ()


def test_two_units_both_in_the_support_role_ask_that_role():
    for question in (
        "数据局和发改委双双配合的条目",
        "數據局同發改委今年一齊做配合嘅條目",
        "数据局、发改委都协办的任务",
        "数据局跟发改委同为协办单位的条目",
    ):
        q = ask(question)
        assert (q.role, q.roles) == (Role.RESPONSIBLE, ()), question


def test_two_units_leading_and_supporting_each_other_is_either_way():
    q = ask("数据局 发改委 互相牵头配合的任务")
    assert q.crossed and q.role is None and q.roles == () and q.topic == ""
    assert not ask("数据局和发改委都牵头的任务").crossed


def test_a_place_pointed_at_before_its_body_names_that_body():
    """光谷那个管委会, 黄陂那边的区政府: the pointer between the place and its body says which body, no topic."""
    q = ask("东湖高新那个管委会今年牵头什么")
    assert (q.units, q.topic) == (("东湖高新区管委会",), "")


def test_two_places_sharing_one_body_word_are_each_that_body():
    from indexer.search.unit_speech import spoken_bodies

    assert spoken_bodies("东湖高新和武汉经开区两个管委会同时上榜") == "东湖高新管委会和武汉经开区管委会同时上榜"
    assert spoken_bodies("文旅和生态环境两个局都有份") == "文旅局和生态环境局都有份"
    assert spoken_bodies("财政和审计两个局长") == "财政和审计两个局长"  # a head of office, no body
    assert spoken_bodies("江岸、江汉两个区政府都参与") == "江岸区政府、江汉区政府都参与"
    assert spoken_bodies("商务、经信、财政三个局同时出现") == "商务局、经信局、财政局同时出现"  # three of them
    assert (
        spoken_bodies("公安局跟东湖高新管委会被写进同一条") == "公安局跟东湖高新管委会被写进同一条"
    )  # no count: as typed


def test_names_listed_with_a_pause_mark_stay_apart_in_the_topic():
    """锐科、长飞: one run across the list (锐科长飞) is a string no document holds, cut as 锐|科长|飞."""
    assert ask("今年写了锐科、长飞、小米这些企业的任务归谁管").topic.split()[:3] == ["锐科", "长飞", "小米"]


@pytest.mark.parametrize(
    "question",
    [
        "数据局和发改委今年搭伙的活儿",
        "数据局跟发改委今年的交集条目",
        "数据局跟发改委在哪些条目里碰头",
        "数据局和发改委今年在哪些事情上碰到一起",
        "数据局和发改委今年唯一一块儿配合的是啥",
        "发改委跟数据局今年搭档做哪些事",
    ],
)
def test_two_units_said_to_meet_on_an_item_leave_no_topic(question):
    q = ask(question)
    assert (q.intent.value, len(q.units), q.topic) == ("unit_items", 2, "")


def test_a_short_name_may_leave_the_qualifier_ziran_out():
    catalog = UnitCatalog(["市自然资源和城乡建设局", "市自然资源规划局", "市财政局"])
    assert understand("资建局今年牵头哪些事", catalog, latest_year=2025).units == ("市自然资源和城乡建设局",)
    assert understand("资规局23年配合哪些", catalog, latest_year=2025).units == ("市自然资源规划局",)


def test_a_line_of_work_after_a_verb_is_a_task_not_a_bureau():
    catalog = UnitCatalog(["市投资促进局", "市经信局"])
    assert understand("投资这块谁牵头", catalog, latest_year=2025).units == ("市投资促进局",)
    assert understand("稳投资这块经信局协办的是哪几条", catalog, latest_year=2025).units == ("市经信局",)


@pytest.mark.parametrize(
    "question",
    ["发改委今年被列成责任单位的是哪些", "前年城建局帮别的局打配合的几条", "23年数据局当配合的是哪两条"],
)
def test_more_ways_to_say_the_support_role(question):
    assert ask(question).role is Role.RESPONSIBLE


def test_two_things_told_apart_are_no_comparison_of_years():
    assert ask("揭榜挂帅跟定向委托到底有啥区别").intent.value != "compare"
    assert ask("沿江高铁2023年和2025年的任务有什么不同").intent.value == "compare"


def test_a_zone_said_by_its_place_with_a_role_of_its_own_is_its_body():
    catalog = UnitCatalog(["市经信局", "武汉经开区管委会", "各区人民政府"])
    q = understand("反过来，经开区挑大梁、经信局跟着出力的今年是啥", catalog, latest_year=2025)
    assert set(q.units) == {"市经信局", "武汉经开区管委会"}
    assert dict(q.roles) == {"武汉经开区管委会": Role.LEAD, "市经信局": Role.RESPONSIBLE}
    q = understand("经信局今年挑头的条目里，配合的只有各区政府的是哪些", catalog, latest_year=2025)
    assert q.units == ("市经信局",) and q.roles == ()  # the only other unit allowed, no pair


def test_a_part_added_to_a_units_items_is_no_topic():
    assert ask("数据局当发改委帮手的25年工作（含收入目标）").topic == ""
    assert ask("数据局跟在发改委后面的今年几条 目标也算").topic == ""


@pytest.mark.parametrize(
    "question",
    [
        "数据局今年挑头的活里，哪几件压根没让区政府掺和",
        "发改委今年当配角、又不用区里参与的条目有哪些",
        "数据局25年配合的事里面，哪些跟各区政府不沾边",
    ],
)
def test_items_with_no_district_government_are_a_filter_not_a_unit(question):
    q = ask(question)
    assert q.no_district and "各区人民政府" not in q.units and q.topic == ""


def test_only_district_governments_beside_is_no_such_filter():
    assert not ask("数据局今年挑头的条目里，配合的只有各区政府、没有别的局的是哪些").no_district


@pytest.mark.parametrize(
    "question", ["23年数据局唱独角戏的条目", "发改委前年当光杆司令的几条", "前年分工里只挂了数据局一个名字的"]
)
def test_more_ways_to_say_a_unit_alone_on_its_item(question):
    assert ask(question).alone


def test_units_said_to_share_items_in_other_words():
    from indexer.search.unit_speech import said_together

    units = ("市文旅局", "市委外办")
    assert said_together("外办今年那两项,文旅局是不是也在里面", units)
    assert said_together("人才集团名下的条目里,投促局也在的是哪些", units)
    assert said_together("城管委财政局两家 今年重叠在哪几项", units)
    assert said_together("文旅局 x 民政局 in 2025 plan, shared tasks 有哪些", units)
    assert not said_together("文旅局今年也在推夜经济吗", ("市文旅局",))  # one unit: nothing shared


def test_the_districts_said_as_doing_a_part_are_their_government():
    assert ask("今年数据要素市场里需要各个区协同的条目").units == ("各区人民政府",)
    assert ask("数据局牵头又要各区配合的事项有哪些").units == ("各区人民政府", "市数据局")
    assert ask("无人机起降点分到各区各是多少").units == ()  # where the figure goes, no unit
    assert "各区人民政府" not in ask("数据局牵头、只拉各区配合的是哪几条").units  # the only other unit allowed


def test_the_helpers_of_a_units_lead_items_ask_its_lead_items():
    from indexer.search.roles import helpers_of_lead

    assert helpers_of_lead("投促局挑头的那几件事，今年都拉了哪些单位来配合？")
    assert not helpers_of_lead("住更局在发改委领衔的事里当配合的，都有哪些")  # another's items it helps in
    assert not helpers_of_lead("仲裁委办今年没有牵头的活，那它配合的条目是哪些")
    q = ask("数据局挑头的那几件事，都拉了哪些单位来配合")
    assert (q.units, q.role, q.topic) == (("市数据局",), Role.LEAD, "")
