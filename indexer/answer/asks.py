"""What a question asks for beyond its topic: a date, a sum, a place, names, a person, a result…

The question's own words decide it (什么时候, 多少钱, 在哪里, 哪几家, 局长是谁, 评上了吗), never its
topic; detail.py then decides whether an item states it. A bare 多少 asks any figure; a measure
(多少万辆), a count of a thing (多少个码头泊位) or a kind of name (哪两个地区) narrows what answers, which
figure_asks.py reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Detail
from ..search.question import OCCURRENCE
from ..search.scopes import told_apart
from .choice import CHOICE, PLACING, alternatives

# 哪些区负责 / 落在哪些单位 ask for units, 放在哪项任务 for an item, 放在哪类产业 for a class, 报哪里备案 for a unit:
# not a place
_UNIT_ASK = r"(?!.{0,4}(?:负责|牵头|参与|承担|配合|主管|管|单位|部门))"
_WHERE = (
    r"(?<![存现实报交送])在哪(?:里|儿)?"
    r"(?!项|条|段|节|章|类|种|块|部分|方面|一|几?级|[两二三四几](?:头|块|方面)|几个?(?:月|年|天)|个月|些[^，。？?]{0,4}(?:领域|行业|方面|环节|产业)|个(?:部分|方面|阶段|领域|行业))"
)
# A result asked yes or no (评上全国文明城市了吗, 建成了没有); 完成 / 实现 / 达到 are target questions
# (search/question.py), and 能建成吗 asks the plan.
_HONOURED = r"(?<![能会要将否])(?:评上|评为|获评|获批|批下来|入选|拿到|创成|创建成功|评选上)"
REACHED = rf"{_HONOURED}|(?:建成|建好|通车|开通|完工|投用|开业)(?=了)"
# Which names: of a counted set (12个重点行业是哪些), beyond those named (除了…还有哪些), one by one;
# 哪一条 names a road (哪一条路), 哪一条任务 the item itself.
NAMES_ASKED = (
    r"哪一(?:所|家|座|处|位)|哪(?:所|座)(?=[\u4e00-\u9fa5])|哪一条(?=路|街|河|线|道|地铁|高速|航线|轨道)|哪[两二三四五六七八九十\d]+(?:个|家|座|所|条|项|张|处|件|大)(?!单位|部门|区)|(?<!给)(?<!给了)(?<!由)(?<!归)(?<!牵头的是)(?<!牵头是)(?<!负责的是)(?<!配合的是)哪几(?:家|座|所|位|件|处|张|款|场|批|部(?!门)|个(?!阶段|方面|部分|环节|步|领域|重点|月|年|季度))(?!单位|部门|牵头)|(?<!单位)(?<!部门)分别(?:是|在|建在|位于|叫)(?!多少|几|谁|哪个单位|哪些单位|怎么|怎样|如何)|"
    r"(?:名单|清单)(?=[是有呢吗吧里在能可哪？?。\s]|$)|目录(?=[是有呢吗吧里在能可哪，,？?。\s]|$)|"  # 负面清单管理 is a task, 报名单，要按… the thing sent: no list asked
    r"叫什么名|另外[^，。？?]{0,6}叫什么|(?:文件|协议|办法|规定|政策)(?:的)?(?:叫什么|叫啥|名称是)|都叫什么|都包括(?:啥|什么|哪些)|成员(?:单位)?(?:都)?(?:有|是|包括)哪些|哪些品牌|什么品牌|(?:什么|哪个|哪些|啥)牌子|还有哪|另外(?:[两几一二三四五六七八九十\d]+)?(?:个|家|座|所|处|项)?(?:是|在)?哪|具体(?:是|有|包括)(?:指)?哪|包括哪些内容|装了?什么|都装|里面有什么|"
    r"\d+(?:个|家|座|所|条|项|处|件)[^，。？?]{1,12}(?:是哪|有哪|都是)|\d+(?:个|家|座|所|条|处|件)[^，。？?]{1,12}?哪(?:些|几)(?![种类样]|[^，。？?]{0,4}(?:单位|部门|区|类型|方面))|"
    r"哪个(?:线上|网上|网络|数字化?)?(?:平台|系统)(?![^，。？?]{0,4}(?:单位|部门|建设|牵头|负责))|"  # 102个驿站里哪些有, 用的哪个线上平台
    r"(?:其它|其他|其余|剩下|另外|另)的?[两几二三四五六七八九十\d]+(?:个|家|座|所|处|项|类|条|种|大)[^，。？?]{0,10}?(?:啥|什么|哪|[？?]|$)|"  # 其它六处叫啥
    r"哪(?:些|几种|几样)(?!单位|部门)[^，。？?]{0,4}(?:品牌|城市|物资|产品|商品|菜|景点|字号|商家|楼盘|疾病|病种|树种|金融机构|银行|高校|大学|院校|学校|街道|社区|乡镇)|"
    r"(?:品牌|城市|景点|金融机构|银行|疾病|产品)(?:是|有)哪些"
)
PAYS = r"掏钱|出钱|交钱|缴费|交费|自费|付费|花钱|要钱|免费吗|收费吗|押金|(?:哪一级|哪级|谁)(?:财政)?(?:来)?(?:出(?!面|台|发|现|手|席|任|具|力|头)|承担|负担|支付|买单)"  # who pays, or whether it is free
MONEY_ASKED = (
    r"多少(?:[\u4e00-\u9fa5]{0,4}(?:补贴|奖励|奖补|补助|津贴|资金|经费)|钱|预算|投资|费用|租金|工资|(?:消费|销售|营业|零售|成交|交易)额)|几块钱|多少块钱|(?:收|交|花|付|要)(?:几|多少)块|多少(?:万|亿)?元|投资(?:要|需要|是|约|达|共|计|了)?多少(?![个项家座条所批])|贷多少|(?:营业收入|营收|产值)(?:各|分别)?(?:是|达到|达|有)?多少|多少(?:亿|万)?(?:元)?(?:的)?(?:产值|营收|营业收入)|面额|面值|什么价|价格是|怎么收费|"
    f"{PAYS}|"
    r"(?:什么|哪些|啥)(?![\u4e00-\u9fa5]{0,4}(?:部门|单位))[\u4e00-\u9fa5]{0,4}(?:奖励|奖补|补贴|补助|补偿|津贴|扶持|优惠)|享受(?:哪些|什么|啥)|"
    r"有没有[\u4e00-\u9fa5]{0,4}(?:补贴|奖励|奖补|补助|津贴|补偿)|"  # 有没有租金补贴: a sum, which a plan's 支持 is not
    r"(?:财政|政府|市里|区里|国家|省里)[\u4e00-\u9fa5]{0,3}(?:贴|补|给|拨|奖)了?多少(?![个户家人所座条项台套处名])|"  # 市财政贴多少
    r"(?:补贴|奖励|奖补|补助|补偿款|注册资本|注册资金|资金|经费|预算|总投资|投资额|费用|收费|(?<!居民消费)价格(?!涨幅|指数|总水平)|票价|租金|利息|工资|薪酬|金额|成交额|交易额|融资额|消费额|销售额|营业额|零售额)[^，。？?]{0,6}多少"
)
PERSON_ASKED = (
    r"(?:局长|主任|书记|市长|区长|负责人|主席|院长|校长|董事长|总经理)(?:现在|目前|如今|眼下)?(?:是谁|叫什么|叫啥|是哪位|姓什么|姓啥)|"
    r"哪个(?:处室|科室)|"  # an office inside a unit: the documents name the unit alone
    r"现任[\u4e00-\u9fa5]{0,2}(?:局长|主任|书记|市长|区长|负责人|主席|院长|校长|董事长|总经理)|哪位|人选|"
    r"哪(?:个|些)(?:委员|代表|专家|领导)|哪个人|(?:局长|主任|书记|市长|区长|主席|院长|校长|董事长|总经理)[^，。？?]{0,2}换(?:了)?人|"
    r"谁(?:是|担任|当)(?:局长|主任|书记|市长|区长|负责人)"
)
OUTCOME_ASKED = (
    rf"(?:{REACHED})[^，。？?]{{0,12}}?了(?:吗|没有|没)|(?:{REACHED})了?(?:吗|没有|没)|(?:有没有|是否|是不是)(?:{_HONOURED})|"
    rf"(?:{_HONOURED}|申办成功|成功申办)了(?:哪些|什么|哪几)|(?:测评|评估|体检|考核|验收|评比)结果(?:怎么样|如何|是什么|怎样)|"
    r"结果出来了|有结果了|结果(?:怎么样|如何)|"
    r"(?:哪一?年|什么时候|何时|啥时候)(?:正式)?(?:获批|批下来|批复|批准|获评|评上|入选)|"  # when it was approved: a past result
    # progress to date (截至上半年完成了多少, 到现在培训了多少人): the plans set aims, the report reviews a past year
    r"(?:截至|截止到?|到)(?:目前|现在|今天|眼下|上半年|年中)|(?:眼下|现在|目前)已经?|"
    r"已经(?:完成|落地|认定|培训|建成|开工|入驻|留下|投|招)了?[^，。？?]{0,6}(?:多少|几)"
)
COMPANY_ASKED = (  # the contractor, not the unit in charge; the longer ask first, so its words are all asked
    r"(?:哪家|哪个|什么)[^，。？?]{0,6}(?:承建|承办|中标|运营|施工)|(?:哪家|哪个|什么)(?![^，。？?]{0,4}(?:部门|单位|局|委|政府))[^，。？?]{0,6}(?:评选|评定|评出)|哪(?:家|个)(?:设计院|研究院|规划院|设计单位|施工单位|施工方|开发商|建筑商)|(?:哪家|哪个)[^，。？?]{0,6}(?:研发|研制|开发|培训)(?:的|了)?(?=[，。？?！!\s]|$)|"
    r"哪(?:家|个|些)[^，。？?]{0,4}(?:公司|企业|国企|央企|民企|检测机构|第三方)|什么(?:公司|企业)(?!称号|荣誉|资质|品牌|奖)|运营商|承建商|(?:公司|企业)(?:(?:都|分别)是(?:谁|哪些|哪几家)|是谁)|"
    r"(?:主办|承办|建设|施工|设计|运营|承建|投资|出资)(?:单位|方)(?:是|为|有)?(?:谁|哪)|谁(?:当|是|来)?(?:主办|承办)(?:单位|方)?|"
    r"(?:设计方案|设计图|施工方案)[^，。？?]{0,4}(?:谁|哪家)|谁(?:来)?(?:设计|施工|承建|建造)(?:的|了)"
)
# Why (为啥往下调, 为啥是卫健委挑头, 为啥要单独搞一所大学, 目标为什么定2%左右，依据是啥): the plans assign and set
# figures, the report sums up and sets aims; a cause is given rarely and in so many words. Not a why the documents
# answer by what they say (报告为什么说…意义重大), nor a why inside a description (解释为啥这样设定目标的那段), nor
# 作为什么 / 为什么奋斗 (for what).
_WHY = r"(?<![作成])(?:为啥|为什么|为何|凭什么|什么原因|啥原因)(?!说|讲|提|写|不懈|而奋斗|奋斗)"
REASON_ASKED = rf"{_WHY}(?![^，。？?]{{0,16}}的(?:那段|那句|那部分|部分|段落|话))|依据是(?:什么|啥)|(?:怎么|如何)测算"
# Whether a thing is required, allowed or will happen (要不要签责任书, 能不能打折, 会不会增设课程): the plans set
# tasks, not rules for each case. Whether a unit helps (区里要不要配合) asks for units, and 验证能不能走向市场的那种
# 机构 describes the thing asked about.
PERMISSION_ASKED = (
    r"(?:要不要|需不需要|需要不需要|用不用|能不能|可不可以|可以不可以|允不允许|让不让|会不会|给不给|"
    r"是不是(?:必须|都得|都要|一定要|得)|是否(?:必须|一定要))"
    r"(?![^，。？?]{0,6}(?:配合|参与|牵头|负责|跟着|一起|参加)[^，。？?]{0,3}(?:[，。？?]|$))"
    r"(?![^，。？?]{0,10}的(?:那|这)?(?:种|类|个|项|家|些))"
)
# Who keeps a thing up once it is built (建好以后日常保洁养护交给了哪家, 岸线平时归谁管养, 坏了找谁来修): the plans
# assign the building; upkeep only an item naming it states. Never the task of upkeep itself (统一运维由谁负责).
_BUILT = r"(?:建好|建成|完工|改完|装好|修好|打通|整治完|投用|建起来)了?(?:以后|之后|后)"
_KEPT = r"(?:管养|养护|管护|运维|运营|保洁|维修|维护|管)"
UPKEEP_ASKED = (
    rf"{_BUILT}[^？?]{{0,16}}?(?:谁|哪家|哪个|交给|归)[^，。？?]{{0,6}}?{_KEPT}|{_BUILT}[^？?]{{0,16}}?{_KEPT}[^，。？?]{{0,6}}?(?:谁|哪家|哪个)|"
    r"坏了[^，。？?]{0,3}?(?:找|归)(?:谁|哪)|找(?:谁|哪[个家])来?(?:报修|修)"
)
# A technique or material asked (什么处理工艺, 什么材质的管子): only an item naming one answers it.
TECHNIQUE = re.compile(r"工艺|材质|材料|技术路线|技术指标|技术参数|技术要求")
ORDINAL_ASKED = re.compile(r"第几(?:次|批|届|轮)|几连(?:增|涨)")  # answered by 第3次 or 十九连增, not by any figure
# Where the document places a thing (放在哪一节, 挂哪个小标题, 是划进成果转化那段还是人才那段): its headings say.
_PART = r"(?:小标题|标题|小节|节|章|部分|板块|篇|段|(?i:section)\b)"
SECTION_ASKED = re.compile(
    rf"(?:哪|什么)(?:个|一)?[“”\"「」—–-]*\s?{_PART}|(?:放|列|排|归|挂|写)在(?:哪(?:个|一)?|什么)主题|"
    rf"{PLACING}了?[^，,。？?]{{0,12}}?那一?{_PART}[^，,。？?]{{0,3}}[，,]?还是|"
    rf"{PLACING}了?[^，,。？?]{{0,12}}?那一?{_PART}(?:里|下面?|底下)?的?吗"  # 是列在成果转化那一小节里的吗
)
ASKS: tuple[tuple[Detail, re.Pattern[str]], ...] = (
    (Detail.MONEY, re.compile(MONEY_ASKED)),
    (Detail.LENGTH, re.compile(r"多少(?:公里|千米|米)|多长(?!时间)|全长|里程")),
    (Detail.AREA, re.compile(r"面积|占地(?!区)|多少(?:平方米|平方公里|亩|公顷)")),
    (Detail.DAY, re.compile(r"哪天|哪一天|几号|几点|哪日|具体日期|开门|关门")),
    (
        Detail.TIME,
        re.compile(
            r"(?i:\bwhen\b)|什么时候|啥时候|何时|几月|哪个月|哪几个月|什么时间|哪段时间|预计哪一?年|多长时间|截止(?:时间|日期)|多久|时间表|"
            r"(?:营业|开放|办公)时间|(?:贷|借|租)(?:多少|几)年|(?:提前|满|至少|最少)(?:几|多少)个?(?:天|周|星期|月|年)|"
            r"(?:从)?哪一?年到哪一?年|起止(?:时间|年份|日期)|"
            r"哪一?年(?:的)?(?=(?:正式|全面|才|能|会|可以|将)?(?:投产|建成|完工|开通|通车|开业|竣工|启用|投运|投用|投入使用|交付|获批|批复|批准|批下来|成立|设立|挂牌|落地|评上|获评|入选|授予|授牌|命名|认定|评为|开始|启动|起步|首次))|"
            r"(?:什么时候|哪一?年)(?:开始|启动|起步|首次)|"
            # 哪年签署, 拿哪一年做基数 (哪年的目标 and 哪年定的 ask for a document), and how often (几年复评一次)
            r"哪一?年(?![的定写列份度]|提出)|"
            r"(?:几|多少)(?:年|个月|天|周|个星期)[^，。？?]{0,4}一次|每(?:隔)?(?:几|多少)(?:年|个?月|天|周)|"
            r"够[^，。？?]{0,8}?(?:用|吃|撑|维持|供应)(?:几|多少)(?:天|个月|年)|"  # 储备粮够全城吃几天: how long it lasts
            r"(?:几|多少)(?:年|个月)(?:内|之内|后|以后)?(?:能|可以|就|才|要)?(?:完工|建成|竣工|投用|通车|投产|建好|完成)"  # 计划几年完工
        ),
    ),
    (
        Detail.PLACE,
        re.compile(
            rf"{_WHERE}{_UNIT_ASK}|(?<![报交送])哪里{_UNIT_ASK}|什么地方|(?<![排写放列]在)(?<!排)(?<![站摆]到)(?<![站摆]到了)(?<!站上)(?<!站上了)(?<!处在)(?<!处于)什么位置|"
            rf"哪个(?:区|商圈|街道|地方|地区|城市|县|省|国家|位置){_UNIT_ASK}|(?:迁|搬|建|落)到哪{_UNIT_ASK}|去哪(?:些|家|个)?(?:医院|学校|地方)|哪(?:些|家)医院|"
            rf"哪(?:些|几个)区{_UNIT_ASK}|哪条(?:路|街|道|马路)|哪(?:栋|座|幢)楼|哪个(?:房间|楼层)|选址|地址|地点|从哪(?:里|儿)?(?!一?年)[\u4e00-\u9fa5]{{0,2}}到哪"
        ),
    ),
    (Detail.COMPANY, re.compile(COMPANY_ASKED)),
    (
        Detail.PROCEDURE,
        re.compile(
            r"(?:怎么|如何|怎样|去哪(?:里|儿)?)(?:报名|申请|申报|办理|认定|验收|审核|评审|领取|申领|领|兑现|参加|交|缴|缴纳|支付|注册|登录|下载|使用|开户|办卡|开(?=[？?。，,！!吗呢]|$))|流程|手续|(?:哪个|什么)窗口|(?:需要|准备|提交|带)(?:哪些|什么)?材料|(?:需要|准备|提交|带|附上?)(?:哪些|什么)[\u4e00-\u9fa5]{0,3}材料|"
            r"(?:什么|哪些)条件|条件(?:是什么|有哪些)|(?:啥|什么|哪些)?门槛|细则|打分|评分标准|(?i:(?:哪个|什么|啥)(?:app|软件|小程序|公众号|网站|网址))|(?:什么|哪种|哪些)(?:处理)?(?:"
            rf"{TECHNIQUE.pattern})|"
            r"(?:认定|补偿|收费|评定|评选|评价|申报|准入)标准|标准是(?:什么|怎么)|才(?:能)?算(?:数|是|上)?(?=[？?。吗呢]|$)|(?:执行|采用|适用|按照|按|达到)(?:什么|哪个|哪种|哪项|哪一?级)标准"
        ),
    ),
    (Detail.NAMES, re.compile(NAMES_ASKED)),
    (
        Detail.MEANING,
        re.compile(
            r"什么意思|是指什么|(?:怎么|如何|怎样)(?:界定|定义)|界定标准|指的是什么|含义是|什么叫|具体指|指哪|是个?什么(?:会|活动|机构|组织|平台|东西)|主题是(?:什么|啥)|(?<!在)什么主题"
        ),
    ),
    (Detail.PENALTY, re.compile(r"处罚|罚款|罚多少|怎么罚|被罚|罚钱|罚单")),
    (Detail.AGE, re.compile(r"几岁|多大(?:的)?(?:孩子|年龄|岁数)|年龄|岁数")),
    (Detail.PERSON, re.compile(PERSON_ASKED)),
    (
        Detail.AUTHORITY,
        re.compile(
            r"哪(?:个|些|家)部委|国家哪个(?:部门|部|委|机构)|哪个国家(?:部委|部门)|(?:牵头|主管|对口)部委|"
            r"哪(?:家|个)机构(?:来)?(?:发|颁|评|认定|授|批)"  # 证书是哪家机构发的, 称号是哪家机构评的
        ),
    ),
    (Detail.OUTCOME, re.compile(OUTCOME_ASKED)),
    (Detail.CHOICE, CHOICE),
    (Detail.SECTION, SECTION_ASKED),
    (Detail.PERMISSION, re.compile(PERMISSION_ASKED)),
    (Detail.UPKEEP, re.compile(UPKEEP_ASKED)),
    (Detail.REASON, re.compile(REASON_ASKED)),
    (
        Detail.NUMBER,
        re.compile(
            r"多少|(?:(?<![这那哪第])几|第几(?=名|位))(?!乎|何|年|月|天|号|点|时|处)(?=[\u4e00-\u9fa5])|第几(?=[？?。，,！!]|$)|百分之几|多大|多高|多远|"
            rf"{ORDINAL_ASKED.pattern}|"
            r"(?<=[\u4e00-\u9fa5])(?:数|数量|总数)[？?。]?$|(?:怎么|如何|怎样)[^，。？?]{0,4}分配"
        ),
    ),
)

WHO = re.compile(
    r"谁|哪个(?:部门|单位|局|委)|哪些(?:部门|单位|局|委)|什么部门|哪家单位|"
    r"哪(?:两|三|几)个(?:局|部门|单位|委)|"  # 归哪两个局
    r"哪(?:几|些)个?(?:家|区)[^，。？?]{0,4}(?:在管|管|负责|牵头|参与|配合|承担|一起干)|"  # 哪几家在管: units
    r"(?:单位|部门|局)(?:有|是|一共|共|总共)?(?:几|多少)个?|(?:几|多少)(?:个|家)(?:单位|部门|局)|"  # 配合的局有几个: a count of units
    r"(?:单位|部门|局)(?:是|为|分别是)?哪(?:两|三|四|几|些)(?:个|家)?(?![\u4e00-\u9fa5])"  # 责任部门是哪两个: the units
)

# The words right after a question word name what is asked of the topic (几辆救护车, 有没有节目单, 怎么问责).
ASKED_HEAD = re.compile(
    r"(?:(?:几|多少)(?:万|亿)?[个家条座处台张户项所名位次批辆套间栋场亩元人]?|有没有|有无|能不能|能否|要不要|会不会|"
    r"可不可以|怎么|如何|是否)([\u4e00-\u9fff]{2,8})"
)


def asked_heads(question: str) -> tuple[str, ...]:
    return tuple(m.group(1) for m in ASKED_HEAD.finditer(question))


# Whether something is there (主播有没有补助, 周一闭馆吗): the words after the yes/no word, or before 吗.
# Any verb asked as V不V (房租补不补, 算不算) asks whether of the words before it.
WHETHER_HEAD = re.compile(
    r"(?:有没有|有无|能不能|能否|要不要|会不会|可不可以|是否)([\u4e00-\u9fff]{2,12})|([\u4e00-\u9fff]{2,8})吗|"
    r"([\u4e00-\u9fff]{2,8}?)(?P<verb>[\u4e00-\u9fff])不(?P=verb)(?![\u4e00-\u9fff])|"
    r"(?P<asked>[^\W能要会可是好难多大小高长快对])不(?P=asked)([\u4e00-\u9fff]{2,12})"  # 搞不搞业务培训: what follows
)


def whether_heads(question: str) -> tuple[str, ...]:
    """是…吗 asks which one it is (牵头的是卫建委吗), not whether it is there."""
    matches = WHETHER_HEAD.finditer(question)
    return tuple(
        m.group(1) or m.group(2) or m.group(3) or m.group(6) for m in matches if not (m.group(2) and "是" in m.group(2))
    )


PAYS_ASKED = re.compile(PAYS)


@lru_cache(maxsize=1024)
def asked_details(question: str) -> tuple[Detail, ...]:
    """The details the question's own words ask for, most specific first; a figure is implied by a
    sum, a length or an area, so NUMBER stands only when no measured detail is asked. Where a term is
    mentioned (出现在哪些地方, 出现了几次) asks for the items mentioning it, no detail of them."""
    placed = bool(SECTION_ASKED.search(question))  # 放在哪部分讲的 asks where, as well as which items
    question = OCCURRENCE.sub(" ", question)
    asked = [detail for detail, pattern in ASKS if pattern.search(question)]
    asked += [Detail.SECTION] * (placed and Detail.SECTION not in asked)
    if told_apart(question) and Detail.MEANING not in asked:  # 揭榜挂帅跟定向委托有啥区别: what each is
        asked.append(Detail.MEANING)
    if Detail.CHOICE in asked and not alternatives(question):  # 牵头还是配合: the unit lists answer it
        asked.remove(Detail.CHOICE)
    if Detail.SECTION in asked:  # 排在哪个小标题底下 asks no place, 在哪部分提的 no figure
        asked = [d for d in asked if d not in (Detail.PLACE, Detail.NUMBER)]
    measured = {Detail.MONEY, Detail.LENGTH, Detail.AREA, Detail.AGE}
    if WHO.search(question):  # 谁在牵头, 还有哪些部门要参与: units are asked, which every item lists
        asked = [d for d in asked if d not in (Detail.NUMBER, Detail.NAMES, Detail.PLACE)]
    elif measured & set(asked):
        asked = [d for d in asked if d is not Detail.NUMBER]
    return tuple(asked)


def asked_spans(question: str, besides: frozenset[Detail] = frozenset({Detail.NUMBER})) -> tuple[str, ...]:
    """The question's words that ask a detail (总投资是多少, 哪家企业运营): what is asked of the topic.
    A bare count (多少) asks nothing of the topic's words; the names asked (12个重点行业是哪些) hold them."""
    skipped = besides | {Detail.CHOICE}  # a choice's two things stay the topic's: both may be missing
    return tuple(m.group() for detail, pattern in ASKS if detail not in skipped for m in pattern.finditer(question))
