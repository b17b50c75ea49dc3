"""What detail a question asks for, and whether an item's text states it (no model)."""

from __future__ import annotations

import pytest

from indexer.answer.asks import asked_details, whether_heads
from indexer.answer.detail import states, unstated
from indexer.answer.figure_asks import PER_ASKED, whole_and_part
from indexer.answer.names import NAMES
from indexer.records import Detail


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("二七过江通道什么时候通车", Detail.TIME),
        ("城市书房几点关门", Detail.DAY),
        ("动员会是哪天开的", Detail.DAY),
        ("“410”工程是什么意思", Detail.MEANING),
        ("12个重点行业是哪些", Detail.NAMES),
        ("除了范湖立交还有哪些节点", Detail.NAMES),
        ("哪家燃气公司施工", Detail.COMPANY),
        ("建设资金是多少钱", Detail.MONEY),
        ("每户能拿多少补贴", Detail.MONEY),
        ("便民菜店开业有没有开业补贴", Detail.MONEY),
        ("这条高速全长多少公里", Detail.LENGTH),
        ("体育公园占地多大", Detail.AREA),
        ("免税店开在哪个商圈", Detail.PLACE),
        ("由哪家公司运营", Detail.COMPANY),
        ("培训怎么报名", Detail.PROCEDURE),
        ("认定标准是什么", Detail.PROCEDURE),
        ("引进的酒店是哪几家", Detail.NAMES),
        ("充电桩要建多少个", Detail.NUMBER),
        ("实验室依托哪所高校", Detail.NAMES),
        ("102个驿站里哪些有直饮水", Detail.NAMES),
        ("用的是哪个线上平台", Detail.NAMES),
        ("这个称号是哪家机构评的", Detail.AUTHORITY),
        ("重组以后董事长换人了没", Detail.PERSON),
        ("军事主题文化区的投资方是谁", Detail.COMPANY),
        ("富强大街开工后计划几年完工", Detail.TIME),
        ("个人碳账户怎么开", Detail.PROCEDURE),
    ],
)
def test_a_question_word_names_the_detail_asked(question, detail):
    assert detail in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "外贸方面的任务都落在哪些单位",  # units, not a place
        "哪些区负责老旧小区改造",
        "数字经济占地区生产总值的比重",  # 占地区 is not 占地
        "报告指出存在哪些困难",  # 存在哪 is not 在哪
        "工作分哪几个阶段",  # a document's structure, not names
        "两年的目标分别是多少",
        "要报哪里备案",  # a unit to report to
        "低空经济由谁牵头",
        "除了城建局还有哪些局要一起干",  # bureaus asked: the unit lists answer it
        "保税物流中心在报告里放在哪段",  # where in the document: the citation answers it
        "这个数在两份方案里分别写在什么位置",
        "居民消费价格定在多少",  # an index (CPI): its rise, not a sum
        "30个健身场地包括哪几种类型",  # kinds, which an item lists
        "还要打造一个什么平台",  # what is built: the item names it
        "省下来的钱要花在哪两头",  # two kinds of use, not a place
        "武汉发展站到了什么位置",  # a standing, not a place
    ],
)
def test_questions_that_ask_no_detail_are_left_alone(question):
    assert not set(asked_details(question)) - {Detail.NUMBER, Detail.SECTION}  # every item states its section


def test_a_sum_implies_a_figure_so_number_is_not_asked_twice():
    assert asked_details("总投资是多少亿元") == (Detail.MONEY,)


@pytest.mark.parametrize(
    ("detail", "text", "terms"),
    [
        (Detail.TIME, "(二)办理落实阶段(2025年5月—9月)。各责任单位开展办理工作。", ("办理",)),
        (Detail.MONEY, "技术合同成交额达到1450亿元。", ("成交额",)),
        (Detail.NUMBER, "建设充电桩6万个。(牵头单位:市发改委)", ("充电桩",)),
        (Detail.PLACE, "打造汉正街、汉口北内外贸一体化基地。", ("基地",)),
        (Detail.PLACE, "领导小组办公室在市发改委办公,负责统筹。", ("办公室",)),
        (Detail.NAMES, "建设武昌滨江天街等3个消费新地标。", ("地标",)),
        (Detail.TIME, "推动形成一小时通勤圈。", ("通勤",)),
        (Detail.NUMBER, "打造海陆空三条丝绸之路重要节点。", ("丝绸之路",)),
        (Detail.DAY, "每月10日前报送信息。", ("报送",)),
        (Detail.NUMBER, "实施项目投资质效提升十大工程。", ("工程",)),  # 十大 counts the projects
    ],
)
def test_an_item_states_the_detail(detail, text, terms):
    assert states(detail, text, terms)


@pytest.mark.parametrize(
    ("detail", "text", "terms"),
    [
        (Detail.TIME, "推进二七过江通道、江汉十桥建设。(牵头单位:市城建局)", ("江汉十桥",)),
        (Detail.MONEY, "推进15个城市书房建设。", ("书房",)),
        (Detail.NUMBER, "严格落实长江“十年禁渔”。", ("十年禁渔",)),  # a name's numeral is no figure
        (Detail.NUMBER, "到2025年建成5号线二期。", ("5号线",)),  # nor a year or a line's number
        (Detail.PLACE, "建设武昌滨江天街等3个消费新地标,引育5家高端酒店,设立市内免税店。", ("免税店",)),
        (Detail.COMPANY, "开通低空航线10条以上。(牵头单位:市交通运输局;责任单位:市数据局)", ("航线",)),
        (Detail.PLACE, "新增消防站10座。(责任单位:各区人民政府)", ("消防站",)),  # a unit is no place
        (Detail.DAY, "(一)动员部署阶段(2025年5月前)。召开动员部署会。", ("动员",)),  # a month is no day
        (Detail.NUMBER, "深入学习贯彻党的二十大精神。", ("精神",)),  # a congress's number counts nothing
    ],
)
def test_an_item_that_does_not_state_it(detail, text, terms):
    assert not states(detail, text, terms)


def test_unstated_lists_the_details_no_item_states():
    texts = ["推进江汉十桥建设。", "江汉十桥全长3公里。"]
    assert unstated((Detail.TIME, Detail.LENGTH), texts, [], ("江汉十桥",)) == (Detail.TIME,)


def test_an_item_beside_the_topic_states_a_detail_only_in_a_clause_on_two_of_its_terms():
    terms = ("医疗", "综合体", "床位")
    beds = "新增重症监护室床位500张。"
    assert unstated((Detail.NUMBER,), ["谋划推进医疗综合体项目。"], [beds], terms) == (Detail.NUMBER,)
    assert unstated((Detail.NUMBER,), [], ["医疗综合体设计床位800张。"], terms) == ()


def test_names_count_only_beyond_those_the_question_gives():
    text = "改造范湖立交、常青立交等12个路网重要节点。"
    assert not states(Detail.NAMES, text, ("节点",), "除了范湖立交和常青立交，还有哪些节点")
    assert states(Detail.NAMES, text, ("节点",), "12个路网重要节点是哪些")


def test_a_measure_the_question_names_must_be_the_figures():
    rate = "新能源汽车产量增长20%。"
    assert unstated((Detail.NUMBER,), [rate], [], ("新能源汽车",), "新能源汽车产量是多少万辆") == (Detail.NUMBER,)
    assert unstated((Detail.NUMBER,), ["新能源汽车产量30万辆。"], [], ("新能源汽车",), "产量是多少万辆") == ()
    homes = "为50万燃气用户加装安全装置。"  # what is counted may stand between the figure and the measure
    assert unstated((Detail.NUMBER,), [homes], [], ("安全装置",), "安全装置装多少户") == ()


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("回收旧衣服按什么价格算", Detail.MONEY),
        ("可以去哪些医院做", Detail.PLACE),
        ("应急包里都装了什么", Detail.NAMES),
        ("炼化项目哪年投产", Detail.TIME),
        ("对口支援的是西藏哪个地区", Detail.PLACE),
        ("建议案是哪位政协委员提的", Detail.PERSON),
        ("模拟设施由哪家科研单位承建", Detail.COMPANY),
        ("华创会是个什么会", Detail.MEANING),
        ("提升办学层次的市属高校是哪一所", Detail.NAMES),
        ("领跑者企业的评选标准是什么", Detail.PROCEDURE),
        ("另外3座泵站叫什么", Detail.NAMES),
        ("这个平台怎么注册使用", Detail.PROCEDURE),
        ("四水共治具体指哪四水", Detail.MEANING),
        ("攻坚行动主要针对哪些疾病", Detail.NAMES),
        ("首批有哪些金融机构入选", Detail.NAMES),
        ("When will the bridge open to traffic", Detail.TIME),
        ("这个平台是哪家单位研发的", Detail.COMPANY),
        ("培训由哪家机构培训", Detail.COMPANY),
        ("促消费活动带动了多少消费额", Detail.MONEY),
        ("商圈销售额是多少", Detail.MONEY),
        ("先导区申报的结果出来了吗", Detail.OUTCOME),
        ("新设立的机构能拿到什么落户奖励", Detail.MONEY),
        ("入选后能享受哪些扶持政策", Detail.MONEY),
        ("老城区转型涉及哪些街道", Detail.NAMES),  # the names of places, as a list answers
        ("集聚区名单在哪里查", Detail.NAMES),
        ("工资由哪一级财政出", Detail.MONEY),
        ("借书要押金吗", Detail.MONEY),
        ("管廊在哪条路下面", Detail.PLACE),
        ("发挥哪些社区的示范作用", Detail.NAMES),
        ("污水治理用的是什么处理工艺", Detail.PROCEDURE),
        ("那家研究院的院长现在是谁", Detail.PERSON),
        ("停水要提前几天告知", Detail.TIME),
        ("上班满几个月才能申请", Detail.TIME),
    ],
)
def test_more_ways_of_asking_a_detail(question, detail):
    assert detail in asked_details(question)


def test_a_run_of_years_is_a_count_not_a_time():
    assert Detail.TIME not in asked_details("连续几年进了前十")


@pytest.mark.parametrize(
    "question",
    [
        "单村投资标准是多少",
        "以旧换新单车补贴多少钱",
        "每座泵站抽排能力多少",
        "每个项目按投资的几个点补贴",
        "单站抽排能力是多少",
    ],
)
def test_a_figure_per_one_asks_what_each_gets(question):
    assert PER_ASKED.search(question)


def test_a_shared_bike_is_no_figure_per_one():
    assert not PER_ASKED.search("共享单车有多少辆")


def test_a_part_named_after_the_count_is_a_part_of_the_whole():
    assert whole_and_part("600场活动里，有多少场是免费的") == ("600", "免费的")
    assert states(Detail.TIME, "整改期限为3个月。")


@pytest.mark.parametrize(
    ("question", "split"),
    [
        ("新增8家上市企业里科创板要几家", ("8", "科创板")),
        ("今年新开工的930个亿元以上项目里，民间投资的能占几成？", ("930", "民间投资的")),
        ("2023年新增的6万个充电桩中快充桩有多少个", ("6", "快充桩")),
        ("固投增长5%左右里面，制造业投资要增长多少", ("5", "制造业投资")),
        ("20家中试平台里有几家是做生物医药方向的", ("20", "做生物医药方向的")),  # 中 of 中试 is no 里
        ("5.86万套(间)保租房里，成套的和单间各有多少", ("5.86", "成套的和单间")),
        ("6.54万个新增学位，幼儿园和中小学各占多少", ("6.54", "幼儿园和中小学")),  # the parts after a comma
        ("新增那42万千瓦装机，光伏单独算是多少", ("42", "光伏")),
    ],
)
def test_a_part_asked_of_a_given_figure_is_read_in_its_many_wordings(question, split):
    assert whole_and_part(question) == split


@pytest.mark.parametrize(
    "question", ["2023年分解方案里，结对帮扶和对口支援分别对应哪几个地方", "2号建议案里有几项任务"]
)
def test_a_year_or_a_documents_number_is_no_whole(question):
    assert whole_and_part(question) is None


def test_a_part_no_item_names_is_not_stated_by_another_figure_beside_the_whole():
    question = "3.33亿人次游客里外省来的有多少"
    assert whole_and_part("328.7亿元减税降费里制造业企业享受了多少") == ("328.7", "制造业企业")
    assert unstated((Detail.NUMBER,), ["接待游客3.33亿人次、增长62.4%"], [], ("游客",), question) == (Detail.NUMBER,)
    assert unstated((Detail.NUMBER,), ["接待游客3.33亿人次,其中外省来的1.2亿人次"], [], ("游客",), question) == ()


def test_fields_are_not_places():
    assert Detail.PLACE not in asked_details("在哪些领域实施人工智能场景应用计划")


def test_a_count_in_the_question_is_no_topic_term():
    from indexer.answer.salience import QUESTION_ONLY

    assert QUESTION_ONLY.match("两张") and QUESTION_ONLY.match("几个") and not QUESTION_ONLY.match("两江")


def test_english_words_no_document_uses_leave_a_mixed_question_with_enough_chinese(mini_engine):
    from indexer.answer.salience import without_foreign

    assert without_foreign(mini_engine, "Who leads the 低空经济产业 work").split() == ["低空经济产业"]
    assert without_foreign(mini_engine, "zhongyiyao产业园") == "zhongyiyao产业园"  # too little Chinese to go by
    assert without_foreign(mini_engine, "Who leads it") == "Who leads it"


def test_a_sanction_is_asked_and_only_a_sanction_answers_it():
    assert Detail.PENALTY in asked_details("不合格的商户会怎么处罚")
    assert not states(Detail.PENALTY, "开展农贸市场农残快检,抽检合格率98%以上。", ("农残快检",))
    assert states(Detail.PENALTY, "对农残超标的商户依法处罚,公开曝光。", ("农残",))


def test_the_others_of_a_counted_set_are_names_beyond_those_given():
    question = "3个消费新地标除了武昌滨江天街，另外两个是哪里"
    assert Detail.NAMES in asked_details(question)
    assert unstated((Detail.NAMES,), ["建设武昌滨江天街等3个消费新地标,引育5家高端酒店。"], [], ("地标",), question)
    assert Detail.NAMES in asked_details("5座新馆里除了图书馆，其余四座叫啥")  # the rest of a counted set
    assert Detail.NAMES not in asked_details("一处指人才，另一处指的是什么")  # the other one's meaning
    aside = "除了甲园乙园还有哪两个园"  # the members set aside are listed with the rest, not as the topic
    assert states(Detail.NAMES, "擦亮甲园、乙园、丙园、丁园名片", ("名片", "甲园", "乙园"), aside)
    assert not states(Detail.NAMES, "实施甲园立交、乙园等2处改造", ("改造", "甲园", "乙园"), aside)
    given = "10个先行区除了百步亭、光谷东还有哪些"  # the verb glued before the first name (培育百步亭) is no new name
    assert not states(Detail.NAMES, "培育百步亭、光谷东等10个生活性服务业创新先行区。", ("先行区",), given)


def test_an_age_is_asked_and_only_an_age_answers_it():
    assert asked_details("托育中心能收多大的孩子") == (Detail.AGE,)
    assert not states(Detail.AGE, "建设市托育综合服务中心,新改扩建照护服务设施5所。", ("托育",))
    assert states(Detail.AGE, "托育中心招收3岁以下婴幼儿。", ("托育",))


@pytest.mark.parametrize(
    "question", ["社区应急服务站配备了哪些应急物资", "城际公交通到哪些城市", "集聚区里有哪些老字号品牌"]
)
def test_which_named_things_are_names(question):
    assert Detail.NAMES in asked_details(question)


def test_which_units_and_writing_material_ask_no_names_or_procedure():
    assert Detail.NAMES not in asked_details("哪些单位负责产品质量提升")
    assert Detail.PROCEDURE not in asked_details("我在写季度材料，燃气安全装置的目标是多少万户")
    assert Detail.PROCEDURE in asked_details("申请补贴需要哪些材料")


def test_a_list_that_holds_the_topic_names_its_siblings_not_its_members():
    question = "十大名菜具体是哪十道菜"
    assert not states(Detail.NAMES, "推广武汉十大伴手礼、十大名菜、十大名点。", ("十大", "名菜"), question)


def test_words_glued_to_the_ends_of_a_list_are_not_the_topic_listed():
    text = "擦亮光谷、车谷、网谷、星谷、药谷名片,加速壮大产业集群。"
    assert states(Detail.NAMES, text, ("擦亮", "名片"), "要擦亮哪几张名片")
    roads = "增强城市功能完工友谊大道北段、和平大道南延线等15条重点道路。"
    assert states(Detail.NAMES, roads, ("完工", "15条重点道路"), "要完工的15条重点道路有哪些")


def test_names_beside_the_topic_need_a_clause_with_two_of_its_terms():
    text = "开辟国际贸易新通道、沿海进江新通道,打造数字贸易公共服务平台10个。"
    terms = ("数字", "贸易", "公共服务", "平台")
    assert not states(Detail.NAMES, text, terms, "10个数字贸易公共服务平台分别是哪些")


def test_who_each_is_asks_units_not_names():
    assert Detail.NAMES not in asked_details("这一条的牵头单位和责任单位分别是谁")
    assert Detail.NAMES in asked_details("三个组团分别是哪些")


def test_a_list_whose_first_name_is_the_topic_names_its_siblings():
    question = "十大伴手礼具体包括哪些特产"
    assert Detail.NAMES in asked_details(question)
    assert not states(Detail.NAMES, "推广武汉十大伴手礼、十大名菜、十大名点。", ("十大伴手礼", "特产"), question)


@pytest.mark.parametrize("question", ["汉派文艺精品要排演哪几部剧", "有没有负面清单", "名单是什么"])
def test_works_and_lists_asked_are_names(question):
    assert Detail.NAMES in asked_details(question)


def test_a_list_named_in_a_task_is_no_list_asked():
    assert Detail.NAMES not in asked_details("市场准入负面清单管理谁牵头")
    assert Detail.NAMES not in asked_details("哪几部门负责")


def test_a_result_asked_yes_or_no_is_answered_only_by_a_result():
    assert Detail.OUTCOME in asked_details("武汉评上全国文明典范城市了吗")
    assert Detail.OUTCOME in asked_details("数字服务出口基地有没有获批")
    assert Detail.OUTCOME not in asked_details("低空经济谁牵头")
    aim = "争创全国文明典范城市。"
    assert not states(Detail.OUTCOME, aim, ("全国文明典范城市", "评上"))
    assert states(Detail.OUTCOME, "成功创建全国文明典范城市。", ("全国文明典范城市", "评上"))
    assert not states(Detail.OUTCOME, "获批数字化转型试点城市,创建出口基地。", ("获批", "文明"))
    done = "白沙洲大道快速化改造、和平大道南延线个路网节点项目建成,畅通微循环路123条。"  # the review's word order
    assert states(Detail.OUTCOME, done, ("白沙洲", "快速化"))
    assert not states(Detail.OUTCOME, "力争2025年底前建成。", ("建成",))
    assert not states(Detail.OUTCOME, "建成通车沿江高铁武宜段。", ("沿江高铁",))


def test_the_year_something_was_approved_is_a_time():
    assert Detail.TIME in asked_details("数字服务出口基地是哪年获批的")
    assert Detail.TIME in asked_details("设计之都品牌是联合国哪年授予武汉的")  # a title conferred


def test_a_plan_asked_about_is_no_result_asked():
    assert Detail.OUTCOME not in asked_details("沿江高铁今年能建成通车吗")
    assert Detail.OUTCOME in asked_details("汉江湾桥建成了吗")
    assert not states(Detail.OUTCOME, "2025年建成通车汉江湾桥。", ("汉江湾桥",))
    assert states(Detail.OUTCOME, "汉江湾桥已建成通车。", ("汉江湾桥",))


def test_a_person_is_asked_and_the_documents_name_none():
    assert Detail.PERSON in asked_details("长江新区管委会主任是谁")
    assert Detail.PERSON in asked_details("市政府督查室现在的主任叫啥名字")
    assert Detail.PERSON in asked_details("名单报上去以后由发改委哪个处室对接")  # an office inside a unit
    assert Detail.PLACE in asked_details("开源创新中心筹建选在光谷哪栋楼")
    assert Detail.PERSON not in asked_details("低空经济谁牵头")
    assert not states(Detail.PERSON, "由市人民政府分管副市长任组长,市发改委主任任副组长。", ("主任",))


def test_collecting_a_subsidy_is_a_procedure():
    assert Detail.PROCEDURE in asked_details("以旧换新补贴怎么领")


def test_how_often_is_answered_by_a_frequency():
    assert Detail.TIME in asked_details("领导小组办公室多久向市政协汇报一次")
    assert states(Detail.TIME, "定期向市政协汇报工作进展情况。", ("汇报",))
    assert states(Detail.TIME, "每个成员单位每月报送信息1篇。", ("报送",))


def test_a_subsidy_named_after_how_much_asks_a_sum():
    assert Detail.MONEY in asked_details("新市民租房能领多少租赁补贴")
    assert Detail.MONEY not in asked_details("要建多少个充电桩")


def test_a_share_asked_needs_a_percentage():
    question = "设备更新项目的贷款贴息比例是多少"
    assert not states(Detail.NUMBER, "实施设备更新项目300个,给予贷款贴息。", ("贷款",), question)
    assert states(Detail.NUMBER, "对设备更新贷款给予1.5%贴息。", ("贷款",), question)


def test_the_unit_in_charge_is_no_contractor_asked():
    assert asked_details("哪家单位负责充电桩建设") == ()
    assert Detail.COMPANY not in asked_details(
        "要推动哪个新型研发机构高质量发展"
    )  # 研发 inside a name asks no developer


def test_a_name_asked_is_stated_by_a_name_the_documents_quote():
    question = "2024年搭建的科创服务平台叫什么名字"
    assert states(Detail.NAMES, "搭建“武创通”科创服务平台,建设概念验证中心。", ("科创服务平台",), question)
    assert not states(Detail.NAMES, "搭建科创服务平台,建设概念验证中心。", ("科创服务平台",), question)
    members = "新增专精特新“小巨人”30家以上、独角兽企业10家以上。"  # a quoted class names no member
    assert not states(Detail.NAMES, members, ("独角兽",), "今年要培育的10家独角兽企业具体是哪几家")


def test_a_technique_asked_is_stated_only_by_an_item_naming_one():
    question = "行政村生活污水治理用的是什么处理工艺"
    assert not states(Detail.PROCEDURE, "完成183个行政村生活污水治理,健全管护办法。", ("污水治理",), question)
    assert states(Detail.PROCEDURE, "行政村生活污水治理采用人工湿地工艺。", ("污水治理",), question)


def test_a_figure_per_one_needs_a_per_one_figure():
    question = "信用贷款每家最高能贷多少"
    assert not states(Detail.MONEY, "推广信用贷款,全年放贷100亿元。", ("信用贷款",), question)
    assert states(Detail.MONEY, "推广信用贷款每家最高500万元。", ("信用贷款",), question)
    daily = "全市326家农贸市场快检全覆盖,日均快检5000批次。"  # 日均 a clause away from the topic
    assert states(Detail.NUMBER, daily, ("农贸市场",), "农贸市场每天要检多少批")


def test_a_figure_per_part_needs_two_figures_in_one_item_or_two():
    question = "争取中央预算内投资、专项债等资金，各类分别多少"
    total = "争取中央预算内投资、专项债等资金1000亿元。"
    assert unstated((Detail.MONEY,), [total], [], ("资金",), question) == (Detail.MONEY,)
    both = "争取中央预算内投资400亿元、专项债600亿元。"
    assert unstated((Detail.MONEY,), [both], [], ("专项债",), question) == ()
    asked = "文化惠民活动和公园文化季活动各要办多少场"
    one, other = "办好文化惠民活动1500场。", "举办公园文化季活动600场。"
    assert unstated((Detail.NUMBER,), [one, other], [], ("文化", "活动"), asked) == ()
    every = "认定支持战略科技人才、产业领军人才等1000人以上。"  # 各类人才多少人: all kinds, one figure
    assert unstated((Detail.NUMBER,), [every], [], ("认定", "人才"), "今年要认定支持各类人才多少人") == ()


def test_a_share_of_a_whole_asked_as_占多少_needs_a_percentage():
    question = "市场主体200万户里个体工商户占多少"
    terms = ("市场主体", "个体工商户")
    assert not states(Detail.NUMBER, "市场主体总量突破200万户。", terms, question)
    assert states(Detail.NUMBER, "市场主体200万户,个体工商户占60%。", terms, question)


def test_a_long_counted_thing_is_counted_beside_its_figure_one_word_may_stand_before():
    question = "中心城区要建几个楼宇经济集聚区"
    other = "建设楼宇经济载体,打造5个产业集聚区。"
    assert not states(Detail.NUMBER, other.replace("载体,", "载体。"), ("楼宇", "集聚"), question)
    assert states(Detail.NUMBER, "建设5个楼宇经济集聚区。", ("楼宇", "集聚"), question)
    bins = "生活垃圾分类投放点2万个,改造收集转运站50个。"  # 垃圾 in the clause before
    assert states(Detail.NUMBER, bins, ("垃圾", "收集", "转运站"), "要改造多少个垃圾收集转运站")


def test_common_nouns_ending_in_a_place_word_name_no_place():
    question = "产业备份基地会放在哪个区"
    assert not states(Detail.PLACE, "争取在汉布局集成电路、工业母机等产业备份基地。", ("产业备份基地",), question)
    assert not states(
        Detail.PLACE, "新建街道养老服务综合体20个,启动建设托育综合服务中心。", ("托育",), "托育中心选址在哪里"
    )
    assert states(Detail.PLACE, "在花山街道建设托育综合服务中心。", ("托育",), "托育中心选址在哪里")


def test_the_topics_own_place_word_is_no_place_stated():
    question = "要打造的世界级商圈选的是哪个商圈"
    assert not states(Detail.PLACE, "打造世界级商圈。", ("世界级商圈",), question)
    assert states(Detail.PLACE, "在汉口沿江打造世界级商圈。", ("世界级商圈",), question)


def test_which_three_asks_names_and_the_count_repeated_marks_the_list():
    question = "要优化提升哪3个特色街块"
    assert Detail.NAMES in asked_details(question) and Detail.NAMES not in asked_details("哪两个区参与")
    text = "提档升级汉正街、楚河汉街、远洋里商业街3个特色街区。"
    assert states(Detail.NAMES, text, ("优化提升", "特色"), question)


def test_one_programmes_name_and_units_asked_are_no_list_of_names():
    assert Detail.NAMES not in asked_details("让外国人过得舒心的那个工程叫什么")
    assert Detail.NAMES not in asked_details("哪些机构负责养老服务")


def test_which_year_it_opens_is_a_time_even_with_a_modifier():
    assert Detail.TIME in asked_details("第三跑道哪一年正式投运")
    assert Detail.TIME not in asked_details("哪一年的报告提到第三跑道")


def test_which_year_something_happened_is_a_time_but_which_years_document_is_not():
    assert Detail.TIME in asked_details("这个规划是哪一年出台的")
    assert Detail.TIME in asked_details("拿哪一年做基数算的")
    assert Detail.TIME not in asked_details("这是哪年定的目标")
    assert Detail.TIME not in asked_details("是哪一年的任务")
    assert Detail.TIME not in asked_details("是哪一年提出的")
    assert Detail.TIME in asked_details("援疆干部几年轮换一次")  # how often: a time too
    assert Detail.TIME in asked_details("每隔几年复评")


def test_a_bound_on_a_class_of_projects_is_no_sum_of_one():
    question = "海康威视基地的总投资是多少亿元"
    listed = "新开工奕斯伟基地、海康威视基地等23个50亿元以上,光模块等300个亿元以上工业项目。"
    assert not states(Detail.MONEY, listed, ("海康威视",), question)
    assert states(Detail.MONEY, "产业项目到位资金5800亿元以上。", ("到位资金",), "到位资金目标是多少")


def test_a_figure_in_another_measure_answers_no_measure_asked():
    question = "臭氧浓度要控制在多少微克每立方米以内"
    assert not states(Detail.NUMBER, "形成初雨调蓄能力80万立方米,控制溢流。", ("控制",), question)
    assert states(Detail.NUMBER, "臭氧浓度控制在160微克/立方米以内。", ("控制",), question)


def test_which_standard_is_applied_needs_a_standard_and_applying_needs_how():
    assert Detail.PROCEDURE in asked_details("水厂改造后出水执行什么标准")
    assert not states(Detail.PROCEDURE, "推进余家头水厂升级改造工程。", ("水厂",), "水厂改造后出水执行什么标准")
    question = "人才公寓怎么申请"
    assert not states(Detail.PROCEDURE, "认定支持战略科技人才、产业领军人才。", ("人才",), question)
    assert states(Detail.PROCEDURE, "人才公寓申请条件另行公布。", ("人才",), question)
    assert states(Detail.PROCEDURE, "完善高新技术企业认定办法。", ("高新技术企业",), "高新技术企业怎么认定")


def test_which_universities_asks_names_and_the_kind_asked_may_end_a_name():
    assert Detail.NAMES in asked_details("赋权改革试点有哪些高校")
    question = "要谋划哪两个地区的消费集中度设施建设"
    text = "谋划大汉阳地区、大光谷地区消费集中度设施建设。"
    assert states(Detail.NAMES, text, ("谋划", "地区", "消费集中度设施建设"), question)


def test_a_company_in_the_unit_clause_answers_who_takes_part_but_is_no_contractor():
    text = "建设天河国际会展中心。(牵头单位:黄陂区人民政府;责任单位:市商务局,市城投集团)"
    assert states(Detail.COMPANY, text, ("会展中心",), "会展中心建设有哪些区和企业参与")
    assert not states(Detail.COMPANY, text, ("会展中心",), "天河国际会展中心由哪家建筑企业承建")
    assert states(Detail.COMPANY, "支持武汉城建集团承建会展中心。", ("会展中心",), "会展中心由哪家企业承建")


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("十大伴手礼是由哪家机构评选出来的", Detail.COMPANY),
        ("村庄规划由哪家设计院负责编制", Detail.COMPANY),
        ("认定以后企业能拿到多少奖补", Detail.MONEY),
        ("供应链公司的注册资本是多少", Detail.MONEY),
        ("争创万兆城市需要达到哪些技术指标", Detail.PROCEDURE),
    ],
)
def test_who_selects_or_designs_a_reward_a_capital_and_technical_indicators_are_details(question, detail):
    assert detail in asked_details(question)


def test_which_department_selects_asks_a_unit_not_a_company():
    assert Detail.COMPANY not in asked_details("十大名菜由哪个部门评选")


def test_technical_indicators_are_stated_only_by_an_item_naming_them():
    question = "争创万兆先锋城市需要达到哪些技术指标"
    assert not states(Detail.PROCEDURE, "争创全国首批“万兆先锋”城市。(责任单位:市经信局)", ("万兆先锋",), question)
    assert states(Detail.PROCEDURE, "争创“万兆先锋”城市并明确网络技术指标。", ("万兆先锋",), question)


def test_a_company_among_the_units_is_the_topics_only_in_an_item_on_it():
    nearby = ["推动科创供应链平台扩面提质。(责任单位:武汉人才集团)"]
    on_topic = ["华纺链等5个供应链平台组建发力。"]
    assert unstated((Detail.COMPANY,), on_topic, nearby, ("华纺链",), "华纺链由哪家企业运营") == (Detail.COMPANY,)


def test_the_kind_asked_runs_to_the_clause_end_and_a_name_may_carry_a_bracketed_place():
    question = "要举办哪两个贸易类大会和交易会"
    text = "举办全球数字贸易大会、武汉(汉口北)商品交易会。"
    assert states(Detail.NAMES, text, ("贸易", "大会", "交易会"), question)
    listed = "新建创新创业特色街区(小镇)、创新园区(楼宇)100万平方米以上。"  # the topic and a sibling, no members
    assert not states(
        Detail.NAMES, listed, ("新建", "创新创业特色街区小镇"), "新建的创新创业特色街区（小镇）具体是哪些"
    )


def test_months_asked_are_a_time_and_fields_asked_are_no_place():
    assert asked_details("总结汇报阶段安排在哪几个月") == (Detail.TIME,)
    assert Detail.PLACE not in asked_details("揭榜项目要在哪些新兴领域遴选")


def test_a_group_of_people_asked_is_no_person_asked():
    assert Detail.PERSON not in asked_details("报告开头请哪些人提出意见")
    assert Detail.PERSON in asked_details("哪些委员参加了视察")


def test_who_pays_is_a_sum_asked_and_free_answers_it():
    question = "户内燃气安全装置要居民自己掏钱吗"
    assert Detail.MONEY in asked_details(question)
    assert not states(Detail.MONEY, "为50万燃气用户安装户内安全装置。", ("燃气",), question)
    assert states(Detail.MONEY, "免费为燃气用户安装户内安全装置。", ("燃气",), question)
    assert not states(Detail.MONEY, "免费发放旅游惠民券。", ("惠民券",), "旅游惠民券每张面额是多少")


def test_what_a_funder_gives_is_a_sum_but_how_many_it_gives_to_is_a_count():
    assert Detail.MONEY in asked_details("300座公厕，每座改造市财政贴多少")
    assert Detail.MONEY in asked_details("概念验证中心被认定后市级财政给多少资助")
    assert Detail.MONEY not in asked_details("23年政府打算给多少户装上燃气保护设备")


def test_a_trade_volume_is_a_sum_and_trillions_are_stated():
    question = "电子商务交易额达到了多少"
    assert Detail.MONEY in asked_details(question)
    assert states(Detail.MONEY, "电子商务交易额突破1.7万亿元。", ("电子商务",), question)


def test_a_result_asked_needs_a_result_reported():
    assert Detail.OUTCOME in asked_details("满意度测评结果怎么样")
    assert Detail.OUTCOME in asked_details("2023年申办成功了哪些体育赛事")
    assert not states(Detail.OUTCOME, "积极申办高水平体育赛事。", ("体育赛事",), "申办成功了哪些体育赛事")


def test_state_firms_asked_are_companies():
    assert Detail.COMPANY in asked_details("四个一批具体涉及哪些市属国企")


def test_a_count_of_a_thing_is_answered_by_a_figure_beside_that_thing():
    question = "岸电设施覆盖了多少个码头泊位"
    terms = ("岸电", "码头", "泊位")
    assert not states(Detail.NUMBER, "新增停车泊位12万个。", terms, question)
    assert states(Detail.NUMBER, "岸电覆盖码头泊位30个。", terms, question)
    assert states(
        Detail.NUMBER, "引育5家高端酒店。", ("酒店",), "今年要新引进几家高档酒店"
    )  # 高档 is no word of theirs


def test_a_theme_asked_needs_a_theme_stated():
    assert Detail.MEANING in asked_details("第八届设计双年展的主题是什么")
    assert not states(Detail.MEANING, "办好第八届设计双年展。", ("设计双年展",))
    assert states(Detail.MEANING, "以“设计之都”为主题办好设计双年展。", ("设计双年展",))


def test_where_it_moves_to_is_a_place_asked():
    assert Detail.PLACE in asked_details("市肺科医院迁建到哪个位置")


def test_a_list_sent_somewhere_is_no_list_asked_and_investing_how_much_asks_a_sum():
    assert Detail.NAMES not in asked_details("报办理方案和督办人员名单，要按哪个附表的式样")
    assert Detail.NAMES in asked_details("入选企业名单是什么")
    assert Detail.MONEY in asked_details("楚河汉街提档升级要投资多少")
    assert Detail.MONEY not in asked_details("投资多少个项目")


def test_a_loan_and_a_revenue_are_sums_and_a_batch_is_no_figure():
    assert Detail.MONEY in asked_details("公积金最多能贷多少")
    assert Detail.MONEY in asked_details("氢能产业营业收入是多少")
    assert Detail.MONEY not in asked_details("工业增加值增长多少")
    assert not states(Detail.NUMBER, "建设一批楼宇经济集聚区。", ("楼宇经济",))


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("会展合作论坛谁当主办单位", Detail.COMPANY),
        ("华工正源一期的建设单位是哪家", Detail.COMPANY),
        ("新建武汉文学馆的设计方案是谁做的", Detail.COMPANY),
        ("农残快检由哪家检测机构承担", Detail.COMPANY),
        ("入户装的燃气安全装置用的什么牌子", Detail.NAMES),
        ("新改扩建的89所学校名单能看到吗", Detail.NAMES),
        ("基地现在进驻的企业数", Detail.NUMBER),
        ("150座公厕怎么在各区分配", Detail.NUMBER),
        ("先导区是哪一年批下来的", Detail.OUTCOME),
    ],
)
def test_organisers_brands_lists_counts_and_approvals_are_details(question, detail):
    assert detail in asked_details(question)


@pytest.mark.parametrize(
    "question",
    ["擦亮湿地城市名片，牵头单位和责任单位分别是？", "精文简会这些要求落到哪些单位？"],
)
def test_units_asked_one_by_one_or_where_work_falls_ask_no_names_or_place(question):
    assert not {Detail.NAMES, Detail.PLACE} & set(asked_details(question))


def test_people_counted_in_ren_answer_a_count_in_ming():
    question = "今年要培养多少名高技能人才"
    assert states(Detail.NUMBER, "培育高技能人才8000人以上。", ("高技能", "人才"), question)


def test_a_change_asked_is_answered_only_by_a_change():
    question = "民生支出占比78.8%，比上一年高了多少？"
    assert not states(Detail.NUMBER, "民生支出占比78.8%。", ("支出",), question)
    assert states(Detail.NUMBER, "民生支出占比78.8%、比上年提高1.2个百分点。", ("支出",), question)


def test_an_ordinal_asked_is_answered_by_a_streak_or_an_ordinal():
    question = "企业退休人员养老金是第几次连续上调"
    assert states(Detail.NUMBER, "企业退休职工基本养老金“十九连增”。", ("养老金",), question)
    assert not states(Detail.NUMBER, "城乡低保综合提标4.1%,养老金按时发放。", ("养老金",), question)


def test_a_batch_asked_is_answered_only_by_a_batch():
    question = "援藏干部这次轮换是第几批"
    assert not states(Detail.NUMBER, "选派援藏干部人才30名。", ("援藏",), question)
    assert states(Detail.NUMBER, "选派第十批援藏干部。", ("援藏",), question)


@pytest.mark.parametrize(
    "question, given, stated",
    [
        ("新修的自行车道按几米宽修的", "新建自行车道146公里。", "自行车道宽3米。"),
        ("滠水河防洪标准提到了多少年一遇", "完成滠水河治理。", "滠水河防洪标准达到50年一遇。"),
        ("调蓄池总容积多少立方", "建成调蓄池21座。", "调蓄池容积1.2万立方米。"),
        ("今年GDP增长6%的目标，一季度要跑到多少", "地区生产总值增长6%左右。", "一季度地区生产总值增长5.8%。"),
        (
            "一季度增长4.5%、上半年5%，那四季度生产总值长了多少",
            "一季度增长4.5%,上半年增长5%,生产总值增长5.7%。",
            "四季度生产总值增长6.2%。",
        ),
    ],
)
def test_a_measure_or_a_part_of_the_year_asked_is_answered_only_in_that_measure(question, given, stated):
    """Any figure on the topic is no answer to 几米宽 or to 一季度: the documents give the year's target."""
    terms = ("自行车道", "滠水河", "调蓄池", "生产总值")
    assert not states(Detail.NUMBER, given, terms, question)
    assert states(Detail.NUMBER, stated, terms, question)


def test_an_approximate_figure_in_the_question_asks_no_measure():
    """十几分钟 describes the thing counted; 新建几个 is the ask, which any count answers."""
    question = "步行十几分钟就能买菜办事的社区商圈，今年要新建几个"
    assert states(Detail.NUMBER, "新建一刻钟便民生活圈20个。", ("生活圈",), question)


def test_the_year_of_an_approval_is_stated_only_by_an_item_reporting_the_approval():
    question = "先导区是哪一年批下来的"
    plan = ["高标准建设国家人工智能创新应用先导区,到2027年基本建成。"]
    assert Detail.OUTCOME in unstated((Detail.TIME, Detail.OUTCOME), plan, [], ("先导区",), question)
    report = ["2023年成功获批国家人工智能创新应用先导区。"]
    assert unstated((Detail.TIME, Detail.OUTCOME), report, [], ("先导区",), question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "车路云试点是经信牵头吗，还有哪些部门",
        "防止返贫的动态监测，23年是哪几家在管",
        "除了水务局，还有哪几个区在一起干",
    ],
)
def test_names_asked_of_units_ask_no_names_every_item_lists_units(question):
    assert Detail.NAMES not in asked_details(question)


@pytest.mark.parametrize("question", ["想报未来之鹰企业，得满足啥门槛", "绩效综合评价的打分细则是什么"])
def test_a_threshold_or_scoring_rules_ask_a_procedure(question):
    assert Detail.PROCEDURE in asked_details(question)


def test_which_app_asks_how_to_use_it():
    assert Detail.PROCEDURE in asked_details("政务服务掌上办用的是哪个APP")


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("一次性求职创业补贴去哪个窗口申请", Detail.PROCEDURE),
        ("免费游泳那30天是哪段时间", Detail.TIME),
        ("应急水厂预计哪年通水", Detail.TIME),
    ],
)
def test_a_window_a_span_of_days_and_an_expected_year_are_details(question, detail):
    assert detail in asked_details(question)


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("那个三年行动计划是从哪年到哪年？", Detail.TIME),
        ("航线具体从哪飞到哪？", Detail.PLACE),
        ("年进出口额要达到多少才算数？", Detail.PROCEDURE),
        ("十大名点都包括啥？", Detail.NAMES),
        ("领导小组的成员单位都有哪些？", Detail.NAMES),
        ("那10家企业都是谁？", Detail.COMPANY),
        ("项目建成后一年能有多少产值？", Detail.MONEY),
        ("展示中心营业时间", Detail.TIME),
        ("贷款能贷多少年", Detail.TIME),
        ("利息多少", Detail.MONEY),
        ("参加培训要不要交钱", Detail.MONEY),
        ("第一任校长人选定了吗", Detail.PERSON),
    ],
)
def test_a_span_a_route_a_threshold_members_and_firms_are_details_asked(question, detail):
    assert detail in asked_details(question)


def test_a_span_of_years_is_no_place():
    assert Detail.PLACE not in asked_details("三年行动计划是从哪年到哪年？")


def test_a_list_of_the_counted_kind_answers_a_clause_away_from_the_topic():
    text = "提升“中碳登”承载力影响力带动力,加快打造全球碳交易注册登记中心、全国碳市场中心、全国碳金融中心。"
    assert states(Detail.NAMES, text, ("中碳登", "建成"), "中碳登那块今年要建成哪三个中心啊")
    assert not states(Detail.NAMES, text, ("中碳登", "建成"), "中碳登那块今年要建成哪两个中心啊")  # not as long
    assert not states(Detail.NAMES, text, ("中碳登", "建成"), "中碳登那块今年要建成哪几个中心")  # no count to check


def test_a_count_of_characters_is_answered_only_by_a_figure_in_characters():
    assert not states(Detail.NUMBER, "每个成员单位每月报送信息1篇。", ("报送", "信息"), "每月报送的信息每篇要多少字")
    assert states(Detail.NUMBER, "每个成员单位每月报送信息1篇500字以内。", ("报送", "信息"), "每篇要多少字")


def test_a_list_as_long_as_the_count_asked_answers_beside_one_topic_word():
    text = "推动新城区融合发展。支持沉湖国际小镇、金口长江军事主题文化区等特色化发展,推动天河空铁枢纽建设。"
    assert states(Detail.NAMES, text, ("新城区融合发展", "特色化"), "支持哪两个地方特色化发展")
    assert not states(Detail.NAMES, text, ("新城区融合发展", "特色化"), "支持哪三个地方特色化发展")


@pytest.mark.parametrize(
    "question",
    [
        "新建电动车工厂把产量提上来，是哪一条任务",  # the item itself is the answer
        "硬账硬结是在通知哪一条提的",
        "硅钢项目是放在哪类产业的升级里讲的",  # a class of the document's own, not a place
    ],
)
def test_which_item_or_which_class_asks_no_names_and_no_place(question):
    assert not {Detail.NAMES, Detail.PLACE} & set(asked_details(question))


def test_which_road_still_asks_a_name():
    assert Detail.NAMES in asked_details("新建的是哪一条路")


def test_a_run_of_raises_answers_how_many_times():
    text = "企业退休职工基本养老金“十九连增”,城乡低保综合提标4.1%。"
    assert states(Detail.NUMBER, text, ("基本养老金",), "基本养老金连续上调了多少次")
    assert not states(Detail.NUMBER, "企业退休职工基本养老金继续上调。", ("基本养老金",), "基本养老金连续上调了多少次")


def test_two_names_joined_by_and_answer_which_two():
    assert states(
        Detail.NAMES, "抓住耕地和种子两个要害,夯实农业生产基础。", ("抓住", "要害"), "农业生产要抓住哪两个要害"
    )
    assert not states(Detail.NAMES, "抓住两个要害,夯实农业生产基础。", ("抓住", "要害"), "农业生产要抓住哪两个要害")


def test_names_may_follow_the_clause_that_names_the_topic():
    text = "完善多式联运体系,推动粮食物流基地、铁路专用线建设提升。"
    assert states(Detail.NAMES, text, ("多式", "联运"), "多式联运要建设提升的是哪两个项目")
    assert not states(Detail.NAMES, text, ("多式", "联运"), "多式联运要建设提升的是哪三个项目")


def test_a_price_index_rise_asks_a_rate_not_a_sum():
    assert Detail.MONEY not in asked_details("居民消费价格涨幅控制在多少")
    assert Detail.MONEY in asked_details("门票价格是多少")


def test_a_measured_figure_may_follow_the_clause_naming_the_topic():
    text = "打造全要素创新空间,新建创新街区、创新园区120万平方米以上,新增孵化载体40家。"
    assert states(Detail.NUMBER, text, ("全要素创新空间",), "全要素创新空间要新增多少万平方米")
    assert not states(
        Detail.NUMBER, "打造全要素创新空间,新增孵化载体40家。", ("全要素创新空间",), "全要素创新空间多少平方米"
    )
    # a count may be of anything: 40家 after the topic's clause does not say how many spaces
    assert not states(
        Detail.NUMBER, "打造全要素创新空间,新增孵化载体40家。", ("全要素创新空间",), "新增多少个全要素创新空间"
    )


def test_the_words_after_a_question_word_are_what_is_asked():
    from indexer.answer.asks import asked_heads

    assert asked_heads("新增急救站配几辆救护车") == ("救护车",)
    assert asked_heads("公园文化季的活动有没有节目单") == ("节目单",)
    assert asked_heads("对责任单位怎么问责") == ("问责",)
    assert asked_heads("低空经济谁牵头") == ()


def test_where_a_term_is_mentioned_asks_for_the_items_not_a_detail():
    assert asked_details("汽车产业在建议案里都出现在哪些地方") == ()
    assert asked_details("新型研发机构在建议案里出现了几次") == ()
    assert asked_details("检验检测服务，建议案在哪些任务里提到了") == ()
    assert asked_details("各种“平台”，分解方案里一共写在几条里") == ()
    assert asked_details("跟“街”有关的事（天街、汉正街这些）一共几条") == ()
    assert asked_details("中心城区和新城区分别是怎么安排产业的") == ()  # how, not which names
    assert asked_details("两个枢纽分别是哪里") != ()


def test_a_part_of_a_figure_the_question_gives_is_split_only_by_the_item_with_that_whole():
    question = "汽车制造及服务4250亿里面，新能源车要占多少？"
    whole = "五大优势产业总规模突破2万亿元(光电子信息8500亿元、汽车制造及服务4250亿元)。"
    other = "新能源汽车产量增长20%。"  # a figure of the part, but not a share of the whole
    terms = ("汽车", "制造", "新能源车")
    assert unstated((Detail.NUMBER,), [whole, other], [], terms, question) == (Detail.NUMBER,)
    split = "汽车制造及服务4250亿元，其中新能源车占30%。"
    assert unstated((Detail.NUMBER,), [split], [], terms, question) == ()


def test_people_counted_right_after_the_clause_naming_the_topic_are_the_topics():
    item = "扎实推进“武汉工匠”计划,培育高技能人才8000人以上。"
    assert unstated((Detail.NUMBER,), [item], [], ("武汉工匠",), "武汉工匠计划要培养多少人") == ()
    assert unstated((Detail.NUMBER,), [item], [], ("武汉工匠",), "武汉工匠计划要建多少个基地") == (Detail.NUMBER,)


def test_a_numeral_right_before_the_thing_counted_answers_how_many():
    item = "完善长江中游城市群四省会城市常态化会商机制。"
    assert unstated((Detail.NUMBER,), [item], [], ("常态化会商", "省会"), "常态化会商是几个省会一起搞的") == ()


def test_a_numbered_document_names_no_day():
    item = "邀请市政协领导及委员检查2号建议案办理情况。"
    assert unstated((Detail.DAY,), [item], [], ("检查",), "检查具体定在哪一天") == (Detail.DAY,)


@pytest.mark.parametrize(
    ("question", "detail"),
    [("路边停车一小时收几块", Detail.MONEY), ("学子聚汉工程是哪一年开始搞的", Detail.TIME)],
)
def test_a_fee_in_everyday_words_and_a_starting_year_are_asked(question, detail):
    assert detail in asked_details(question)


def test_a_rate_counts_nothing_and_a_sum_in_yi_is_no_growth_rate():
    rate = "国控断面水质优良率达90.9%。"
    assert unstated((Detail.NUMBER,), [rate], [], ("国控断面",), "全市一共有几个国控断面") == (Detail.NUMBER,)
    assert unstated((Detail.NUMBER,), [rate], [], ("国控断面",), "国控断面优良率提高几个点") == ()
    growth = "推动低空经济等产业规模增长20%以上。"
    assert unstated((Detail.NUMBER,), [growth], [], ("低空",), "低空产业规模定了多少亿") == (Detail.NUMBER,)


def test_a_size_per_one_is_not_answered_by_a_total():
    total = "建设创新创业小镇10个。"
    assert unstated((Detail.NUMBER,), [total], [], ("小镇",), "创新创业小镇每个最少得建多大") == (Detail.NUMBER,)


def test_a_list_closed_by_a_class_the_question_names_gives_its_members():
    from indexer.answer.names import new_names

    clause = "办好长江文化艺术节、琴台音乐节、武汉“戏码头”中华戏曲艺术节等品牌活动"
    assert new_names(clause, "去年报告里要办好的品牌文化活动有哪几个", ("办好", "品牌", "文化", "活动"))
    assert not new_names("推广武汉十大伴手礼、十大名菜、十大名点", "武汉十大名点都包括啥", ("十大名点",))  # siblings


def test_ji_before_a_noun_asks_a_count_but_not_an_ordinal_or_a_mention():
    assert Detail.NUMBER in asked_details("天子山大桥修好后是双向几车道")
    assert Detail.NUMBER in asked_details("武汉在排名里排全球第几名")
    assert Detail.NUMBER not in asked_details("全民健身中心要推进第几期建设")
    assert Detail.NUMBER not in asked_details("建议案正文用“鼓励”两个字提要求的有几处")
    assert Detail.MONEY not in asked_details("全国性的碳交易行业大会，今年市里由谁出面参与")


def test_a_choice_between_two_things_is_answered_only_by_an_item_naming_one():
    question = "光谷长江大桥是啥结构的桥，斜拉还是悬索"
    assert Detail.CHOICE in asked_details(question)
    assert not states(Detail.CHOICE, "推进光谷长江大桥建设,年底前建成通车", ("光谷长江大桥",), question)
    assert states(Detail.CHOICE, "光谷长江大桥为双塔斜拉桥", ("光谷长江大桥",), question)
    assert Detail.CHOICE not in asked_details("供销社在23年方案里是牵头还是配合，管哪些事")
    assert Detail.CHOICE not in asked_details("一刻钟生活圈23年建22个，今年呢，多了还是少了")
    assert Detail.CHOICE not in asked_details("这项任务是2023年还是2025年的")  # years, answered by the years
    assert Detail.CHOICE not in asked_details("牵头单位是以前那家还是现在的")  # a change asked as a time
    assert Detail.CHOICE in asked_details("完成情况是填当季的还是年初到现在累计的")  # 年初 and 现在 inside a choice
    assert Detail.CHOICE in asked_details("这个算力规模按FP16还是FP32折算")  # names with digits


def test_a_choice_between_two_sharing_words_is_named_only_by_what_tells_them_apart():
    from indexer.answer.choice import choice_named

    question = "季度报送是按自然季度算还是按财政季度"
    assert not choice_named(question, "每季度首月5日前将上季度完成情况报送市财政局")  # 季度, 财政: both or neither
    assert choice_named(question, "按财政季度报送")
    assert choice_named("是从一季度还是二季度开始算", "从二季度起按季报送")


def test_what_is_said_of_both_choices_after_the_second_names_neither():
    from indexer.answer.choice import alternatives, choice_named

    question = "开特股份是在北交所还是创业板上市的"
    assert alternatives(question) == ("北交所", "创业板")
    assert not choice_named(question, "逸飞激光、武汉蓝电、开特股份等10家企业上市和过审")
    assert choice_named(question, "开特股份在北交所上市")


def test_a_count_of_units_asks_no_figure():
    assert Detail.NUMBER not in asked_details("银发经济 25年 挑头部门 配合的局有几个")
    assert Detail.NUMBER in asked_details("银发经济 25年 要建几个服务中心")


def test_a_list_closed_by_deng_ends_there_and_a_latin_name_is_a_name():
    question = "今年新城区要推动聚人气、聚产业、聚要素的重点板块，点了哪几个名？"
    text = (
        "支持沉湖国际小镇等特色化发展,推动天河空铁枢纽、航天新城等重点板块聚人气、聚产业、聚要素,提升潜力地区城镇化水平"
    )
    assert states(Detail.NAMES, text, ("新城区", "人气", "要素"), question)
    assert (
        NAMES.search("高质量建设国家人工智能创新应用先导区、“5g+工业互联网”融合应用试点城市")
        .group()
        .endswith("试点城市")
    )


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("在全国“万家民企评营商环境”里武汉2023年排在什么位置", Detail.PLACE),  # a rank, not a place
        ("国土空间规划成果要在哪几级法定化", Detail.PLACE),  # levels, not a place
        ("“融合”二字在建议案的任务条目里用在哪些地方", Detail.PLACE),  # where in the document
        ("建议案中讲“引领”的地方有哪几处", Detail.NAMES),
        ("还要争创什么企业称号", Detail.COMPANY),  # a title, not a company
        ("冷链保鲜库建设归哪两个局", Detail.NAMES),  # units, which every item lists
    ],
)
def test_a_rank_a_level_an_occurrence_a_title_and_units_ask_no_such_detail(question, detail):
    assert detail not in asked_details(question)


def test_materials_to_submit_ask_a_procedure_even_with_words_between():
    assert Detail.PROCEDURE in asked_details("创建国家新型工业化示范区要提交哪些申报材料")
    assert Detail.PROCEDURE in asked_details("年度总结需要附上哪些佐证材料")
    assert Detail.PROCEDURE not in asked_details("今年需要发展哪些新材料产业")


def test_a_result_asked_up_to_now_is_a_result_and_a_validity_period_an_attribute():
    from indexer.answer.grounding import unheld_attributes
    from indexer.answer.model import Grounding
    from indexer.answer.scope import asks_achieved

    assert asks_achieved("学子聚汉工程今年到现在已经留下了多少大学生")
    assert not asks_achieved("学子聚汉工程今年要留下多少大学生")
    assert unheld_attributes(Grounding(("产业创新中心",), ("有效期",))) == ("有效期",)


def test_a_definition_a_rank_a_change_on_the_year_and_a_share_are_asked():
    from indexer.answer.figure_asks import CHANGE_ASKED, RATE_ASKED

    assert Detail.MEANING in asked_details("“进出口实绩企业”具体是怎么界定的")
    assert Detail.NUMBER in asked_details("那次评比武汉综合得分排全国第几？")
    assert CHANGE_ASKED.search("农产品加工产值同比涨了几个百分点")
    assert RATE_ASKED.search("武汉本地企业占了多少")


def test_one_things_name_asked_is_the_words_before_its_term_the_question_does_not_give():
    from indexer.answer.names import new_names

    asked = "建议案里武汉经开区要建设的那条大走廊叫什么名字"
    assert new_names("支持武汉经开区加快建设车谷产业创新大走廊", asked, ("武汉经开区", "大走廊"))
    assert not new_names("支持武汉经开区建设大走廊", asked, ("武汉经开区", "大走廊"))  # no name given
    parks = "2023年建成的10个体育公园分别叫什么名字"
    assert not new_names("新改扩建体育公园10个", parks, ("体育", "公园"))  # a count of a kind
    assert not new_names("复合利用公园绿地建设体育设施100处以上", parks, ("体育", "公园"))  # 公园绿地 is no park's name


def test_names_of_the_kind_asked_said_one_by_one_answer_which_ones():
    from indexer.answer.detail import states

    question, terms = "数字经济方面要实施哪几个工程", ("数字经济", "工程")
    two = "开拓数字经济新赛道。实施数字基础设施扩容工程。推动算力部署。实施数字核心产业提升工程。"
    one = "开拓数字经济新赛道。实施数字基础设施扩容工程。推动算力部署。"
    assert states(Detail.NAMES, two, terms, question) and not states(Detail.NAMES, one, terms, question)


def test_a_list_as_long_as_the_count_asked_or_closed_by_the_class_asked_names_the_members():
    from indexer.answer.detail import states

    four = "支持甲乙新城、丙丁新城、戊己航空城、庚辛新城扩容提质"
    three = "支持甲乙新城、丙丁新城、庚辛新城扩容提质"
    question, terms = "扩容提质的四个新城是哪四个", ("扩容", "提质", "新城")
    assert states(Detail.NAMES, four, terms, question) and not states(Detail.NAMES, three, terms, question)
    given = "两江四岸要实施哪几处重点工程，甲乙阳台算一个吗"
    listed = "实施甲乙阳台、丙丁阳台、“一桥两山”等重点工程"
    assert states(Detail.NAMES, listed, ("两江四岸", "工程", "甲乙", "阳台"), given)


def test_any_verb_asked_as_v_bu_v_asks_whether_of_the_words_before_it():
    assert whether_heads("总部迁来的话，写字楼房租市里补不补") == ("写字楼房租市里",)
    assert whether_heads("主播有没有补助") == ("补助",)
    assert whether_heads("好不好看的问题") == ()  # 好不好看: no V不V at the end of a clause
    assert whether_heads("牵头的是卫建委吗") == ()
    assert whether_heads("发改委给联络员搞不搞业务培训") == ("业务培训",)  # V不V before its object asks of it


def test_units_asked_after_their_noun_are_no_names_asked():
    assert Detail.NAMES not in asked_details("这两件事的责任部门是哪两个")


def test_a_rank_asked_is_stated_only_by_a_place_in_a_ranking_beside_the_topic():
    question = "国家技术创新示范企业增加到多少家，在副省级城市排第几"
    terms = ("国家技术创新示范企业", "副省级城市")
    assert states(Detail.NUMBER, "国家技术创新示范企业增至27家,居副省级城市第1", terms, question)
    question = "万人高价值发明专利34.56件，在副省级城市里排第几"
    terms = ("发明专利", "副省级城市")  # the field ranked in names no topic
    assert not states(Detail.NUMBER, "万人高价值发明专利34.56件,示范企业增至27家,居副省级城市第1", terms, question)
    question = "城建集团在中国企业500强里排第几名"
    assert not states(Detail.NUMBER, "城建集团在中国企业500强排名上升26位", ("城建集团",), question)
    assert states(Detail.NUMBER, "“双智”试点城市验收考核全国第2", ("双智",), "双智试点验收考核全国排第几")


def test_the_national_body_that_approves_is_a_detail_the_documents_never_state():
    question = "北斗规模应用试点是国家哪个部委批下来的"
    assert Detail.AUTHORITY in asked_details(question)
    assert not states(Detail.AUTHORITY, "开展北斗规模应用试点,推广应用项目80个。", ("北斗",), question)
    assert states(Detail.AUTHORITY, "获批国家发展改革委北斗规模应用试点", ("北斗",), question)


def test_pieces_counted_before_a_noun_are_a_measure_and_a_count_of_areas_is_none():
    question = "长飞第三代半导体那个新工厂投产后一年能出多少片晶圆"
    text = "新投产长飞第三代半导体等亿元以上工业项目200个。"
    assert not states(Detail.NUMBER, text, ("长飞第三代半导体",), question)
    assert states(Detail.NUMBER, "创建100个精细化管理示范片区。", ("示范片区",), "23年示范片区要创建多少片")


def test_the_name_of_a_paper_and_the_ministry_in_charge_are_details_asked():
    assert Detail.NAMES in asked_details("合作签的协议叫什么")
    assert Detail.NAMES not in asked_details("让大企业挑头组建的创新组织，前年方案叫什么")  # what the plan calls it
    assert Detail.AUTHORITY in asked_details("示范区申报的牵头部委是工信部吗")


@pytest.mark.parametrize(
    "question",
    [
        "建议案办理领导小组的成员单位要不要签目标责任书",
        "中小企业来做检验检测能不能打折",
        "医保数据会不会开放给商业保险公司用",
        "新建的项目是不是必须由本地企业承建",
    ],
)
def test_whether_a_thing_is_required_allowed_or_will_happen_is_a_detail(question):
    assert Detail.PERMISSION in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "扮靓街区行动23年归哪个局管，区里要不要跟着干",  # whether a unit helps: the unit lists answer it
        "技术合同成交额要过2700亿，区里要不要配合？",
        "帮科研成果验证能不能走向市场的那种机构，政协那份方案打算建几家？",  # describes the thing asked about
    ],
)
def test_a_unit_helping_or_a_description_asks_no_permission(question):
    assert Detail.PERMISSION not in asked_details(question)


def test_only_an_item_saying_what_may_or_must_be_done_states_a_permission():
    question = "季报还要不要照常报"
    assert not states(Detail.PERMISSION, "各牵头单位每季度报送工作进展。", ("季报",), question)
    assert states(Detail.PERMISSION, "无进展的季度,季报须照常报送。", ("季报",), question)


@pytest.mark.parametrize(
    "question",
    [
        "老旧小区改造前年定260个、去年报告只说200个以上，为啥减了",
        "中医药产业园为啥是卫健委挑头，不是经信局",
        "援疆却挂在发改委，当初为啥这么分",
    ],
)
def test_why_a_figure_changed_or_a_unit_was_chosen_is_a_reason_asked(question):
    assert Detail.REASON in asked_details(question)


@pytest.mark.parametrize("question", ["2024年报告为什么说今年做好工作意义重大", "汉正街是作为什么来打造的"])
def test_why_the_documents_say_a_thing_asks_no_reason_of_a_change(question):
    assert Detail.REASON not in asked_details(question)


def test_a_reason_asked_of_a_units_task_is_not_found_and_its_items_are_related(mini_engine):
    from indexer.answer import AnswerRequest, answer

    result = answer(mini_engine, AnswerRequest("2030年老旧小区改造为啥是市房管局牵头"))
    assert not result.found and result.citations == [] and result.lead_units == []
    assert "原因" in result.summary and result.related


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("评上国家数字服务出口基地以后，企业能拿到什么奖补", Detail.MONEY),
        ("500场招聘会，哪几场是专门给残疾人的", Detail.NAMES),
        ("示范村60个是怎么验收的", Detail.PROCEDURE),
    ],
)
def test_a_reward_which_events_and_how_a_thing_is_accepted_are_details(question, detail):
    assert detail in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "CPI目标为什么定2%左右，依据是啥",
        "为啥要单独搞一所网络安全大学，不放在华科里办",
        "五大优势产业目标是怎么测算出来的",
    ],
)
def test_any_why_is_a_reason_asked(question):
    assert Detail.REASON in asked_details(question)


def test_a_why_inside_a_description_of_a_passage_asks_no_reason():
    assert Detail.REASON not in asked_details("24年工作报告里解释为啥这样设定经济社会发展目标的那段是怎么说的")


def test_progress_to_date_is_a_result_asked_not_the_aim():
    assert Detail.OUTCOME in asked_details("截至上半年，算力目标完成了多少")
    assert Detail.OUTCOME in asked_details("技术经理人的任务，到现在培训了多少人")
    assert Detail.OUTCOME in asked_details("贷款余额眼下已经完成到多少了")
    assert Detail.OUTCOME not in asked_details("截至2023年底轨道交通运营里程达到多少公里")
    assert Detail.OUTCOME not in asked_details("报告里说哪几个行业眼下还承压")
    assert not states(Detail.OUTCOME, "培育1000名技术经理人。", ("技术经理人",))


def test_words_the_question_says_outside_a_choice_name_neither_alternative():
    from indexer.answer.choice import choice_named

    question = "技术合同成交额破2700亿，按合同登记额算还是按实际到账算"
    assert not choice_named(question, "技术合同成交额突破2700亿元。")  # 合同 is the topic's word
    assert choice_named(question, "按技术合同登记额统计。")


@pytest.mark.parametrize(
    "question",
    ["揭榜挂帅跟定向委托到底有啥区别", "科学城和科学中心是一回事吗", "总部经济集聚区跟楼宇经济集聚区怎么区分"],
)
def test_two_things_told_apart_ask_what_each_means(question):
    assert Detail.MEANING in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "沿江高铁2023年和2025年的任务有什么不同",
        "产业链招商，今年分解方案跟建议案提法上有啥差别",
        "建议案对中心城区和新城区分别怎么安排",
    ],
)
def test_two_years_or_documents_compared_ask_no_meaning(question):
    assert Detail.MEANING not in asked_details(question)


def test_a_catalogue_or_goods_asked_for_are_names():
    assert Detail.NAMES in asked_details("哪些商品算绿色产品，有没有官方目录")
    assert Detail.NAMES in asked_details("有没有一份推广目录，列了多少项")
    assert Detail.NAMES not in asked_details("报办理方案和督办人员名单，要按哪个附表的式样")


def test_where_the_document_places_a_thing_is_asked_as_its_section_never_as_a_place():
    asked = asked_details("开通航线那条，在25年方案里排在哪个“——”小标题底下")
    assert Detail.SECTION in asked and Detail.PLACE not in asked
    assert Detail.SECTION in asked_details("这个做法去年报告放在哪部分讲的")  # also which items mention it
    assert asked_details("试点放在文化那节，还是旅游那节") == (Detail.CHOICE, Detail.SECTION)
    assert Detail.SECTION not in asked_details("试点放在哪个区")  # a place
    assert Detail.SECTION in asked_details("那个试点是塞在哪个小节里的")
    assert Detail.SECTION in asked_details("试点是列在成果转化那一小节里的吗")  # whether, said of one part
    assert Detail.SECTION in asked_details("试点 在哪个 section")
    assert Detail.SECTION not in asked_details("试点是列在方案里的吗")  # no part named
    assert states(Detail.SECTION, "(三)加快打造新时代制造强市 开展试点")  # every item sits under its headings


def test_a_choice_between_two_parts_names_the_parts():
    from indexer.answer.choice import alternatives, choice_named

    question = "试点是放在制造强市那节，还是数字经济那节？"
    assert alternatives(question) == ("制造强市", "数字经济")
    assert choice_named(question, "加快打造新时代制造强市 开展北斗规模应用试点")


@pytest.mark.parametrize(
    "question", ["绿道建好以后日常保洁养护交给了哪家", "岸线整治完以后平时归谁管养", "装置坏了找谁来修"]
)
def test_who_keeps_a_thing_up_once_built_is_a_detail_only_an_item_naming_upkeep_states(question):
    assert Detail.UPKEEP in asked_details(question)
    assert not states(Detail.UPKEEP, "新改建绿道100公里。", ("绿道",), question)
    assert states(Detail.UPKEEP, "推进绿道日常养护,提升管护水平。", ("绿道",), question)


def test_the_task_of_upkeep_asked_of_its_units_is_no_detail():
    assert Detail.UPKEEP not in asked_details("都市圈数字公共基础设施统筹运维由谁负责")


def test_how_long_a_stock_lasts_is_a_time_and_revenues_each_are_money():
    assert asked_details("粮食应急储备够全城老百姓吃几天") == (Detail.TIME,)
    assert asked_details("这些民企去年的营业收入各是多少") == (Detail.MONEY,)


def test_which_theme_an_item_is_put_under_asks_its_heading():
    assert Detail.SECTION in asked_details("支持长江新区那条，两年方案分别把它放在哪个主题里")
    assert Detail.SECTION not in asked_details("2号建议案的主题是什么")


def test_which_theme_an_item_hangs_under_is_its_heading_not_a_meaning():
    assert Detail.SECTION in asked_details("引进首店旗舰店这事儿，两版分解方案各挂在什么主题底下")
    assert Detail.MEANING not in asked_details("引进首店旗舰店这事儿，两版分解方案各挂在什么主题底下")
