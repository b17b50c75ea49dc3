"""Units by the names staff type, and renames per year, on the mini corpus (no model).

The resolver's rules (prefix, suffix, abbreviation), an unclear name that asks, and links
that apply only in years whose documents do not name both units.
"""

from __future__ import annotations

import shutil

import pytest

from indexer import answer as answering
from indexer.answer import AnswerRequest
from indexer.build import build_index
from indexer.errors import CorpusError
from indexer.ingest.rules import CorpusRules
from indexer.present.serialise import answer_json
from indexer.records import Direction, Link, Relation, UnitLink, UnitLinks
from indexer.search import Engine
from indexer.search.question import UNIT_TASKS
from indexer.search.unit_names import is_abbreviation, without_hosts, words_dropped
from indexer.search.units import UnitCatalog
from tests.unit.conftest import MINI, mini

# Two links beside the mini corpus's own: 市城建局 (2030, 2031) into 市自然资源规划局 (2031),
# though both are named in 2031; 市房管局 (2030) renamed 市住房和城市更新局 (2031).
EXTRA_LINKS = (
    "市城建局\t市自然资源规划局\tmerged\ttest: both named in 2031\n"
    "市房管局\t市住房和城市更新局\trenamed\ttest: 2030 二-4 and 2031 二-5\n"
)
# A 2031 unit whose core shares 城市 with 市住房和城市更新局: 城市局 could be either.
EXTRA_ITEM = "6.建设城市绿道100公里。(牵头单位:市城市管理局)\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("units")
    corpus = tmp / "corpus"
    shutil.copytree(MINI, corpus)
    with (corpus / "unit_renames.tsv").open("a", encoding="utf-8") as f:
        f.write(EXTRA_LINKS)
    with (corpus / "2031-plan.txt").open("a", encoding="utf-8") as f:
        f.write(EXTRA_ITEM)
    settings = mini(tmp / "index", corpus_dir=corpus)
    build_index(settings, progress=False)
    return Engine.load(settings)


def units_of(engine, text):
    return engine.understand(text).units


# ------------------------------------------------------------------ the resolver's rules


@pytest.mark.parametrize(
    "typed, unit",
    [
        ("人社局今年牵头哪些任务", "市人社局"),  # 市 dropped
        ("发改委2031年牵头什么", "市发改委"),
        ("发改牵头哪些任务", "市发改委"),  # the bare core: no word, only inside the name
        ("市发展和改革委员会负责什么", "市发改委"),  # the full official name abbreviates to the catalog's
        ("交通局牵头什么", "市交通运输局"),  # an abbreviation keeping the first character
        ("民政局负责哪些事", "市民政局"),
        ("黄陂区今年有哪些任务", "黄陂区人民政府"),  # a district without 人民政府
        ("数据局2031年负责什么", "市数据局"),
    ],
)
def test_everyday_names_resolve_to_the_catalog_unit(engine, typed, unit):
    q = engine.understand(typed)
    assert q.units == (unit,) and q.intent == "unit_items" and not q.unclear_units


def test_a_dictionary_word_alone_is_a_topic_not_a_unit(engine):
    # 财政 is a word (财政收入), so only 财政局 or 市财政局 names the unit
    assert units_of(engine, "财政收入增长多少") == ()
    assert units_of(engine, "财政局负责什么") == ("市财政局",)


def test_abbreviation_keeps_the_first_character_and_the_order():
    assert is_abbreviation("人才", "人才工作") and is_abbreviation("发改", "发展和改革")
    assert not is_abbreviation("才工", "人才工作") and not is_abbreviation("改发", "发展和改革")
    assert not is_abbreviation("人才工作", "人才工作")


def test_several_units_matching_equally_ask_which_one(engine):
    q = engine.understand("城市局2031年牵头哪些任务")
    assert q.units == () and q.intent == "unit_items"
    assert [(c.typed, c.candidates) for c in q.unclear_units] == [("城市局", ("市住房和城市更新局", "市城市管理局"))]
    data = answer_json(answering.answer(engine, AnswerRequest("城市局2031年牵头哪些任务")))
    assert data["found"] is False and data["citations"] == [] and data["lead_units"] == []
    assert "请说明是哪个单位" in data["summary"] and "市城市管理局" in data["summary"]
    assert data["searched"]["candidates"] == {"城市局": ["市住房和城市更新局", "市城市管理局"]}


def test_the_candidates_of_a_hand_made_catalog():
    catalog = UnitCatalog(["市委农办", "市委外办", "市委网信办", "市数据局"])
    reading = catalog.read("市委办负责什么")
    assert reading.units == () and reading.unclear[0].candidates == ("市委农办", "市委外办", "市委网信办")
    assert catalog.read("网信办负责什么").units == ("市委网信办",)  # a stretch of the core
    governments = UnitCatalog(["各新城区人民政府", "各区人民政府", "黄陂区人民政府"])
    assert governments.read("新城区政府在民生实事里要干哪些").units == ("各新城区人民政府",)  # 各 dropped
    assert governments.read("区政府负责哪些任务").units == ("各区人民政府",)
    assert governments.read("黄陂区政府负责什么").units == ("黄陂区人民政府",)
    assert governments.read("新城区建设").units == ()
    brigade = UnitCatalog(["市消防救援支队", "市公安局"])
    assert brigade.read("消防支队牵头的是哪件事").units == ("市消防救援支队",)  # 支队 is a unit's suffix


def test_an_alias_in_the_renames_file_is_read_as_the_unit_it_spells():
    links = UnitLinks((UnitLink("相关区人民政府", "各相关区人民政府", Relation.ALIAS, ""),))
    catalog = UnitCatalog(["各相关区人民政府", "市数据局"], links)
    assert catalog.read("相关区人民政府今年承担了哪些任务").units == ("各相关区人民政府",)
    assert catalog.read("各相关区人民政府负责什么").units == ("各相关区人民政府",)
    assert "相关区人民政府" not in catalog.names


def test_one_unit_under_two_names_is_no_ambiguity(engine):
    # 市科局 abbreviates 市科技局 (2030) and 市科技创新局 (2031): one body renamed, never side by side
    assert units_of(engine, "市科局2030年牵头什么") == ("市科技局",)
    assert units_of(engine, "市科局牵头什么") == ("市科技创新局", "市科技局")  # no year: every name, latest first


def test_a_name_that_resolves_to_nothing_stays_unknown(engine):
    q = engine.understand("市档案局今年牵头哪些任务")
    assert q.units == () and q.unknown_units == ("市档案局",)
    assert "文件中没有市档案局这个单位" in answering.answer(engine, AnswerRequest("市档案局今年牵头哪些任务")).summary


# ------------------------------------------------------------------ renames per year


def test_a_link_never_joins_units_named_in_the_same_year(engine):
    # 2031: both 市城建局 (二-4) and 市自然资源规划局 (二-5) are named, so neither stands for the other
    assert engine.links.related("市城建局", 2031) == {}
    assert engine.links.related("市城建局", 2030) == {"市自然资源规划局": Link.MERGED_SUCCESSOR}
    own = {t.item.id for t in engine.unit_items("市自然资源规划局", (2031,))}
    assert own == {"2031-plan-二-5"}
    assert {t.item.id for t in engine.unit_items("市城建局", (2031,))} == {"2031-plan-二-4"}


def test_a_rename_links_an_old_year_to_a_later_one(engine):
    tasks = engine.unit_items("市住房和城市更新局")
    assert [(t.item.id, t.named_as, t.relation) for t in tasks] == [
        ("2030-plan-二-4", "市房管局", Link.RENAMED_PREDECESSOR),
        ("2031-plan-二-5", "市住房和城市更新局", ""),
    ]
    # a merged predecessor counts in the years the successor is not named
    assert {t.item.id for t in engine.unit_items("市自然资源规划局", (2030,))} == {"2030-plan-二-5"}


def test_the_unit_answer_for_a_year_lists_only_that_years_unit(engine):
    answer = answering.answer(engine, AnswerRequest("2031年市城建局负责哪些任务"))
    assert [h.item.id for h in answer.citations] == ["2031-plan-二-4"]
    assert {e.unit for e in answer.unit_entries} == {"市城建局"}
    renamed = answering.answer(engine, AnswerRequest("2030年市住房和城市更新局负责哪些任务"))
    assert [h.item.id for h in renamed.citations] == ["2030-plan-二-4"]
    assert "原名市房管局（改名）" in renamed.summary


def test_links_are_typed_not_parsed():
    link = Link.of(Relation.MERGED, Direction.PREDECESSOR)
    assert link is Link.MERGED_PREDECESSOR and link.relation is Relation.MERGED
    assert link.direction is Direction.PREDECESSOR and link == "merged:predecessor"
    links = UnitLinks((UnitLink("甲局", "乙局", Relation.RENAMED, ""),))
    assert UnitLinks.from_json(links.to_json()) == links


def test_a_bad_relation_in_the_renames_file_stops_the_build_with_the_row_named(tmp_path):
    shutil.copytree(MINI, tmp_path / "corpus")
    (tmp_path / "corpus" / "unit_renames.tsv").write_text(
        "old\tnew\trelation\tevidence\n市甲局\t市乙局\t改名\tx\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match="市甲局") as err:
        CorpusRules.load(tmp_path / "corpus")
    assert "renamed" in err.value.message


def test_a_note_in_a_name_is_another_name_of_the_unit_unless_it_names_a_unit():
    catalog = UnitCatalog(["市委宣传部(市文明办)", "市委宣传部", "市某领导小组办公室(市公安局)", "市公安局"])
    assert catalog.read("文明办负责什么").units == ("市委宣传部(市文明办)",)
    assert set(catalog.read("市委宣传部负责什么").units) == {"市委宣传部", "市委宣传部(市文明办)"}
    assert catalog.read("市公安局负责什么").units == ("市公安局",)  # the office it houses is another unit


def test_every_full_name_reads_as_itself_and_nothing_else(engine):
    for name in engine.catalog.names:
        reading = engine.catalog.read(f"{name}负责哪些任务")
        assert reading.units == (name,) and not reading.unclear, name


def test_a_long_name_said_another_way_between_the_same_ends():
    catalog = UnitCatalog(["临空港开发区管委会", "武汉经开区管委会", "东湖高新区管委会"])
    assert catalog.read("临空港经开区管委会牵头什么").units == ("临空港开发区管委会",)  # not 武汉经开区
    assert catalog.read("经开区管委会牵头什么").units == ("武汉经开区管委会",)


def test_bureau_commission_and_office_are_called_one_for_another_but_never_longer():
    catalog = UnitCatalog(["市城管执法委", "市委社会工作部", "市数据局", "市体育局"])
    assert catalog.read("城管局负责什么").units == ("市城管执法委",)
    assert catalog.read("社工部负责什么").units == ("市委社会工作部",)
    assert catalog.read("市大数据管理委员会负责什么").units == ()
    assert catalog.read("把大型体育比赛争取到武汉来办").units == ()


def test_a_long_name_typed_with_words_left_out_is_the_known_name():
    known = "城市数字公共基础设施建设工作领导小组办公室"
    assert words_dropped("数字公共基础设施领导小组办公室", known)
    assert not words_dropped("数字领导小组办公室", known)  # too little of it
    assert not words_dropped("基础设施数字公共领导小组办公室", known)  # not in its order


def test_the_unit_a_named_office_sits_in_is_not_a_unit_asked():
    office = "市某某工作领导小组办公室(市公安局)"
    assert without_hosts(["市公安局", office]) == [office]
    assert without_hosts(["市公安局", "市数据局"]) == ["市公安局", "市数据局"]


def test_a_bureau_pointed_at_by_its_line_of_work():
    catalog = UnitCatalog(
        ["市公安局", "市交通运输局", "市城管执法委", "市政府国资委", "市卫健委", "市科技局", "市科学局"]
    )
    ambiguous = UnitCatalog(["市城市管理局", "市城市更新局"])
    assert ambiguous.read("城市那边负责什么").unclear[0].candidates == ("市城市更新局", "市城市管理局")
    assert catalog.read("公安那边23年负责什么").units == ("市公安局",)
    assert catalog.read("交通部门牵头哪些").units == ("市交通运输局",)  # the core's start, kept in order
    assert catalog.read("卫健口今年的任务").units == ("市卫健委",)
    assert catalog.read("执法部门负责什么").units == ()  # a stretch inside 城管执法 is no pointer
    assert catalog.read("政府部门负责什么").units == ()  # any department, not 市政府国资委
    assert catalog.read("口岸通关").units == () and catalog.read("港口建设").units == ()
    assert catalog.read("科那边").units == ()  # one character says too little
    assert catalog.read("科学那边").units == ("市科学局",)
    assert catalog.read("科技口").units == ("市科技局",)  # 科技 is its own core, not in 科学 in order


def test_a_district_government_named_by_its_place():
    catalog = UnitCatalog(["洪山区人民政府", "蔡甸区人民政府", "各区人民政府"])
    assert catalog.read("洪山那边的区政府今年有哪些任务").units == ("洪山区人民政府",)
    assert catalog.read("蔡甸的区人民政府负责什么").units == ("蔡甸区人民政府",)


def test_official_full_names_read_as_the_documents_short_ones():
    catalog = UnitCatalog(["团市委", "市妇联", "市残联", "市工商联", "市总工会"])
    assert catalog.read("共青团武汉市委今年配合哪些工作").units == ("团市委",)
    assert catalog.read("共青团武汉市委员会参与什么").units == ("团市委",)
    reading = catalog.read("武汉市妇女联合会今年参与哪些任务")
    assert reading.units == ("市妇联",) and "武汉" not in reading.rest and "联合会" not in reading.rest
    assert catalog.read("武汉市残疾人联合会").units == ("市残联",)
    assert catalog.read("工商业联合会").units == ("市工商联",)
    assert catalog.read("武汉市总工会负责什么").rest.strip() == "负责什么"  # 武汉 goes with the name


def test_words_that_only_say_city_level_do_not_narrow_a_units_tasks(engine):
    q = engine.understand("黄陂区今年参与哪些市级任务")
    assert q.units == ("黄陂区人民政府",) and q.topic == ""


def test_a_companys_bare_core_the_documents_also_use_is_read_only_where_its_tasks_are_asked():
    texts = ["发挥武汉投控作用", "推动文旅融合"]
    names = ["武汉投控集团", "武汉文旅集团", "市文旅局"]
    catalog = UnitCatalog(names, UnitLinks(), texts, is_word=lambda w: w in {"文旅"})
    assert catalog.withheld.get("投控") == {"武汉投控集团"}
    assert "文旅" not in catalog.withheld  # 市文旅局 has the same core
    assert catalog.read("投控的作用").units == ()


def test_a_district_by_its_place_alone_unless_the_documents_go_on_with_it_as_one_word():
    texts = ["加强武昌古城保护", "推进武昌、洪山、江夏区人民政府光谷大走廊建设"]
    names = ["武昌区人民政府", "洪山区人民政府", "江夏区人民政府", "各区人民政府"]
    catalog = UnitCatalog(names, UnitLinks(), texts)
    reading = catalog.read_places("武昌那边被写进去的条目")
    assert reading.units == ("武昌区人民政府",) and "那边" not in reading.rest
    assert catalog.read_places("写了江夏的有几条").units == ("江夏区人民政府",)
    assert catalog.read_places("武昌古城保护的任务").units == ()  # the documents' own 武昌古城
    assert "各" not in catalog.places and catalog.read("武昌被点名的任务").units == ()  # only where asked for


def test_a_branch_by_its_official_name_and_never_a_bureau_by_a_word_from_its_middle():
    catalog = UnitCatalog(["市贸促会", "市投资促进局", "市城管执法委"])
    assert catalog.read("中国国际贸易促进委员会武汉市分会参与哪些任务").units == ("市贸促会",)
    assert catalog.read("国际贸易促进委员会的任务").units == ()  # 促进 ends 投资促进: another body
    assert catalog.read("城管局今年的任务").units == ("市城管执法委",)  # 城管 starts 城管执法


def test_an_office_without_the_body_that_owns_it():
    texts = ["扩大高水平对外开放办好展会", "推进早夜市规范外摆经营"]
    names = ["市委外办", "市委农办", "市政府国资委", "市委宣传部"]
    catalog = UnitCatalog(names, UnitLinks(), texts)
    assert catalog.read("外办今年的任务").units == ("市委外办",)
    assert catalog.read("市外办参与了什么").units == ("市委外办",)
    assert catalog.read("外事办公室的配合事项").units == ("市委外办",)  # 外 of 委外 spelled out
    assert catalog.read("市国资委牵头的任务").units == ("市政府国资委",)
    assert catalog.read("宣传部的任务").units == ("市委宣传部",)
    assert catalog.read("对外开放以后办年卡").units == ()  # 外开: the documents' word
    assert catalog.read("早夜市外摆经营要办手续").units == ()
    assert catalog.read("市委外事办牵头了什么").rest.strip(" ") == "牵头了什么"  # no 委外 left as a name


def test_a_department_by_its_line_of_work_and_what_it_does():
    texts = ["培育老年人消费市场"]
    names = ["市政府国资委", "市交通运输局", "市通信管理局", "市市场监管局", "市教育局", "市公安局"]
    catalog = UnitCatalog(names, UnitLinks(), texts)
    assert catalog.read("国资监管部门的任务").units == ("市政府国资委",)
    assert catalog.read("交通管理部门牵头哪些事").units == ("市交通运输局",)  # never 通信管理 from its middle
    assert catalog.read("教育主管部门").units == ("市教育局",)
    assert catalog.read("市场监管部门").units == ("市市场监管局",)
    assert catalog.read("公安系统今年的任务").units == ("市公安局",)
    assert catalog.read("老年人消费市场这块谁负责").units == ()  # 市场 alone is no 市场监管


def test_a_general_federation_without_its_zong_where_its_tasks_are_asked():
    texts = ["新建80家工会户外劳动者服务站点"]
    catalog = UnitCatalog(["市总工会", "市妇联"], UnitLinks(), texts)
    assert catalog.read("工会系统今年的任务").units == ()  # the documents' word: withheld
    reading = catalog.read_withheld("工会系统分到手的任务")
    assert reading.units == ("市总工会",) and "系统" not in reading.rest
    assert catalog.read_withheld("工会户外劳动者服务站点谁负责").units == ()  # the documents' own 工会户外


def test_an_activity_is_no_unit_asked_for_its_tasks():
    assert UNIT_TASKS.search("人社局的活有哪些") and not UNIT_TASKS.search("职工互相帮扶的活动覆盖多少人次")


def test_official_full_names_leave_no_words_of_theirs_in_the_topic():
    names = ["市检察院", "市法院", "市税务局", "市委网信办", "市供销社", "武汉广电台", "市政府国资委"]
    catalog = UnitCatalog(names, UnitLinks(), ["推进社区服务平台建设"])
    for typed, unit in [
        ("武汉市人民检察院", "市检察院"),
        ("武汉市中级人民法院", "市法院"),
        ("国家税务总局武汉市税务局", "市税务局"),
        ("中共武汉市委网络安全和信息化委员会办公室", "市委网信办"),
        ("武汉市人民政府国有资产监督管理委员会", "市政府国资委"),
        ("武汉市供销合作社", "市供销社"),  # 社 and 台 end names too
        ("武汉广播电视台", "武汉广电台"),
    ]:
        reading = catalog.read(typed + "今年的任务")
        assert reading.units == (unit,) and reading.rest.strip() == "今年的任务", typed
    assert catalog.read("社区服务平台建设").units == ()  # 社区, 平台: words, not names


def test_a_form_inside_a_longer_name_or_word_is_not_read_there():
    names = ["市数据局", "市政务服务大数据局", "市委宣传部", "市人社局", "市经信局", "市科技创新局"]
    catalog = UnitCatalog(names, UnitLinks(), ["加强妇女儿童残疾人社会救助"], is_word=lambda w: w == "数据")
    assert catalog.read("大数据局的任务").units == ("市政务服务大数据局",)  # never 市数据局 and a topic 大
    reading = catalog.read("宣传部门的任务")
    assert reading.units == ("市委宣传部",) and "门" not in reading.rest
    assert catalog.read("残疾人社会救助谁负责").units == ()  # 人社 glued to 会: 社会
    assert set(catalog.read("市经信局和市科技创新局同时出现的任务").units) == {"市经信局", "市科技创新局"}


def test_a_pointer_reads_the_core_said_exactly_before_an_abbreviation():
    names = ["市城建局", "市城市数字公共基础设施建设工作领导小组办公室", "市消防救援支队"]
    catalog = UnitCatalog(names, UnitLinks())
    assert catalog.read("城建部门的任务").units == ("市城建局",)
    assert catalog.read("消防部门的任务").units == ("市消防救援支队",)


def test_two_units_sharing_a_suffix_said_once_are_both_read():
    catalog = UnitCatalog(["市文旅局", "市科技创新局", "市发改委"])
    assert set(catalog.read("文旅和科创局都作为配合单位的任务").units) == {"市文旅局", "市科技创新局"}
    assert catalog.read("发展和改革委员会负责什么").units == ("市发改委",)  # 和 inside the one name


def test_a_city_word_before_a_bureau_shape_is_no_unknown_unit():
    from indexer.search.unit_names import unknown

    assert unknown("23年放在优化城市空间格局", []) == ()  # 城市 is no 市 prefix
    assert unknown("市外星局负责什么", []) == ("市外星局",)
