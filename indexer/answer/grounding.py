"""Grounding: an answer stands only on items that say what the question asks about.

The relevance judge ranks nearby items well, but nearby is not an answer: 出租车起步价
finds the new-energy taxi item, 武汉明天天气 a sentence with 明天 in it. So each salient
term of the question's topic must be supported by a cited item, by one of:
- the item's text holding it, after normalisation (case, width, traditional forms);
- the glossary (search/vocabulary.tsv): the documents' own word for a term staff type;
- a close written variant: its characters in order within a short span of the item
  (新能源车 in 新能源汽车), never a different word sharing a part (军山新城 for 武汉新城);
- a close neighbour the model measures at the term level: the item's phrase in the run's place
  (低空航线 for 低空经济) when e5 puts the two short phrases within NEIGHBOUR (one batch).
A neighbour at the level of the whole item was measured and left out: e5's cosine of
"query: 起步价" to the taxi item (0.85) equals that of 养老院 to the elderly-care items
(0.88). Paraphrases keep their answer through the judge: a term no document uses refuses
only when p(found) < ABSENT_FOUND.
Which words are terms is salience.py's to say (not generic in the corpus, not a word that asks).
Terms joined by 和/与/及/、 are alternatives the cited set covers together (图书馆新馆 和 城市书房):
an item holding one conjunct's terms is on the topic. A question about an attribute of its topic
(起步价, 天气, 收费) is not found when no hit holds that attribute, whatever the judge's confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..encode.base import Embedder
    from ..search.engine import Engine

from ..foundation.text import normalise_query
from ..records import Retriever
from ..search.retrieve import Hit
from .asks import asked_heads, whether_heads
from .model import Grounding
from .salience import document_share, phrases, salient
from .spelling import spelled_in

MAX_PHRASE = 10  # longer runs are sentences, grounded word by word
NEIGHBOUR = 0.945  # e5 cosine of two short phrases above which one stands for the other: dev unit F1 flat
# over 0.92–0.955; near names that are other things (军山新城 0.93, 生产性服务业 0.92) stay below
MAX_NEIGHBOURS = 12  # phrases encoded per question: one short batch
ABSENT_FOUND = 0.2  # p(found) below which a question with a term in no document at all is not found (dev)
UNPHRASED = re.compile(r"\W")  # a phrase ends at punctuation (公里。服务业, (七)加强住房)
CONJUNCTIONS = frozenset("和 与 及 以及 、 跟 同".split())  # whole tokens of the question joining alternatives
# An attribute asked of the topic (its price, fee, tax, rate, weather, contact): a term ending in one
# that no hit holds means the documents do not state it (起步价, 收费, 天气, 房产税, 离婚率). Plans and reports
# say what is built and how many, never its specification (频段, 温度, 精度, 功率, 型号), the crowd it draws
# (人流量), pay (年薪, 工资) or upkeep (维保, 保修期). The words in SAID are also found wherever the topic says
# them (a run's salient words may leave them out) and grounded like any term; the rest only end a term (价 of 起步价).
_SAID = (
    r"票价|收费|税率|有效期|天气|气温|电话|地址|网址|邮箱|库容|工期|限速|时速|频段|温度|湿度|精度|功率|电压|型号|规格|"
    r"分辨率|带宽|尺寸|载重|限重|层高|人流量|客流量|车流量|年薪|月薪|薪资|薪酬|工资|维保|保修期?|保质期|噪声|噪音|分贝"
)
_ENDING = (  # and where to reach it (网站, app), and rules the documents never set (摇号)
    r"价|价格|费|费用|税|率|额度|期限|下雨|降雨|网站|链接|公众号|app|小程序|热线|容量|容积|"
    r"摇号|限号|限行|限购|车速|频率|参数|重量|寿命"
)
ATTRIBUTE = re.compile(rf"(?:{_SAID}|{_ENDING})$", re.I)
ATTRIBUTE_SAID = re.compile(_SAID)
# Another city or province (北京市, 上海): the documents are Wuhan's, so no hit that lacks it speaks of it.
ELSEWHERE = re.compile(
    r"^(?:北京|上海|天津|重庆|广州|深圳|杭州|南京|成都|西安|长沙|郑州|合肥|苏州|"
    r"青岛|济南|沈阳|大连|厦门|福州|昆明|南昌|贵阳|南宁|哈尔滨|长春|石家庄|太原|兰州|乌鲁木齐|呼和浩特|银川|西宁|拉萨|海口|"
    r"宁波|无锡|东莞|佛山|广东|江苏|浙江|山东|河南|河北|湖南|安徽|江西|福建|四川|陕西|辽宁|吉林|黑龙江|云南|贵州|广西|山西|"
    r"甘肃|青海|海南|新疆|西藏|内蒙古|宁夏)(?:[省市]|地区)?$"
)


@dataclass(frozen=True)
class ItemSupport:
    """Which salient terms one hit supports."""

    hit: Hit
    terms: frozenset[str]


def supports(engine: Engine, terms: tuple[str, ...], hits: list[Hit]) -> list[ItemSupport]:
    texts = engine.texts
    return [ItemSupport(h, frozenset(t for t in terms if spelled_in(t, texts[engine.by_id[h.item.id]]))) for h in hits]


def terms_for(engine: Engine, topic: str, hits: list[Hit]) -> tuple[str, ...]:
    """The terms to ground: each run whole when a hit spells it whole, else its salient words."""
    texts = engine.texts
    rows = [texts[engine.by_id[h.item.id]] for h in hits]
    terms: list[str] = []
    for run, words in phrases(engine, topic):
        whole = next(
            (c for c in core_runs(engine, run) if c not in words and any(spelled_in(c, t) for t in rows)), None
        )
        terms.extend([whole] if whole else words)
    said = [m.group() for m in ATTRIBUTE_SAID.finditer(topic) if not any(m.group() in t for t in terms)]
    return tuple(dict.fromkeys(terms + said))  # 年薪 inside 出来以后年薪大概: an attribute asked is always grounded


def core_runs(engine: Engine, run: str) -> list[str]:
    """The run, then the run without generic words at its ends (武汉新城建设 → 武汉新城), if short enough."""
    words = engine.tokenizer.whole_words(run)
    while words and not salient(engine, words[-1]) and len(words) > 1:
        words = words[:-1]
    core = "".join(words)
    return [r for r in dict.fromkeys([run, core]) if 2 <= len(r) <= MAX_PHRASE]


def term_groups(
    engine: Engine, topic: str, terms: tuple[str, ...], question: str = "", asking: tuple[str, ...] = ()
) -> list[set[str]]:
    """The terms of each run of the topic, split by the question's conjuncts: an item is on the topic
    when it holds all of one group's terms (养老服务设施 和 适老化改造: either will do). A run inside the
    words that ask a detail (总投资 of 总投资是多少, 企业运营 of 由哪家企业运营) is what is asked of the
    topic, never the topic alone: an item about some investment is not about 海康威视."""
    runs = phrases(engine, topic)
    subject = [(r, w) for r, w in runs if not any(r in span for span in asking)] or list(runs)
    subject = [(r, tuple(x for x in w if not any(x in span for span in asking)) or w) for r, w in subject]
    groups: list[set[str]] = []
    for run, words in subject:
        whole = next((c for c in core_runs(engine, run) if c in terms), None)
        groups.extend(by_conjunct({whole} if whole else set(words) & set(terms), conjuncts(engine, question)))
    return groups


def conjuncts(engine: Engine, question: str) -> list[str]:
    """The question's parts between whole-word conjunctions (图书馆新馆 | 城市书房建设); one part without any."""
    parts: list[str] = []
    current: list[str] = []
    words = [w for piece in normalise_query(question).split("、") for w in [*engine.tokenizer.whole_words(piece), "、"]]
    for word in words[:-1]:  # the enumeration comma is a join the tokenizer drops (高铁、高速公路)
        if word in CONJUNCTIONS:
            parts.append("".join(current))
            current = []
        else:
            current.append(word)
    parts.append("".join(current))
    return [p for p in parts if p]


def by_conjunct(group: set[str], parts: list[str]) -> list[set[str]]:
    """The group's terms per conjunct; a term in no single part (spanning a join) belongs to every one."""
    if len(parts) < 2:
        return [group]
    shared = {t for t in group if not any(t in p for p in parts)}
    split = [{t for t in group if t in p} | shared for p in parts]
    split = [g for g in split if g - shared]
    return split if len(split) > 1 else [group]


def absent(engine: Engine, grounding: Grounding) -> tuple[str, ...]:
    """Missing terms no document uses at all (起步价, 天气): the corpus cannot answer about them."""
    return tuple(t for t in grounding.missing if document_share(engine, t) == 0)


def asked_absent(engine: Engine, grounding: Grounding, question: str) -> tuple[str, ...]:
    """Terms no document uses that the question asks of its topic (几辆救护车, 有没有节目单, 怎么问责): said
    in staff's own words (几间托管的屋子) as often as asking what the documents never state, so the verifier
    decides (topic.py)."""
    heads = asked_heads(question)
    return tuple(t for t in absent(engine, grounding) if any(t in head for head in heads))


def asked_whether(grounding: Grounding, question: str) -> tuple[str, ...]:
    """Missing terms inside what a yes/no question asks is there (主播有没有补助, 周一闭馆吗): no cited item
    holds the thing asked about: no answer (topic.py)."""
    heads = whether_heads(question)
    return tuple(t for t in grounding.missing if any(t in head for head in heads))


def held_whole(engine: Engine, grounding: Grounding) -> bool:
    """Some item holds every term of the topic, matched and missing alike (老旧小区改造, 长江大保护):
    the topic exists in the corpus, so a partial match elsewhere is about something else."""
    terms = (*grounding.matched, *grounding.missing)
    return any(all(spelled_in(t, text) for t in terms) for text in engine.texts)


def unheld_attributes(grounding: Grounding) -> tuple[str, ...]:
    """Missing terms that name an attribute of the topic (起步价, 收费, 天气) or another place (北京市): no hit
    states it."""
    return tuple(t for t in grounding.missing if ATTRIBUTE.search(t) or ELSEWHERE.search(t))


def refuses(engine: Engine, grounding: Grounding, found_probability: float) -> bool:
    """Not found when an attribute asked of the topic is in no hit, or a term no document uses is
    asked about and either no other term is matched or the evidence is weak; a paraphrase (歇脚 for
    驿站) keeps its answer when the judge is sure."""
    if unheld_attributes(grounding):
        return True
    if not absent(engine, grounding):
        return False
    return not grounding.matched or found_probability < ABSENT_FOUND


def variant(run: str, words: tuple[str, ...], text: str) -> str | None:
    """The item's phrase in the run's place: the run's span around one of its words that the item
    holds (低空经济 → 低空航线 in 开通低空航线; 武汉新城 → 军山新城), within the word's clause
    (都市田园综合体建设 → 都市田园综合体 in 都市田园综合体,发…)."""
    for word in words:
        at, offset = text.find(word), run.find(word)
        if at >= 0 and offset >= 0:
            start = max(at - offset, 0)
            before, after = text[start:at], text[at : start + len(run)]
            return UNPHRASED.split(before)[-1] + UNPHRASED.split(after)[0]
    return None


def comparable(run: str, phrase: str) -> bool:
    """Worth encoding: a phrase near the run's length (总部 is none for 总部经济) sharing a third of it. On 700 dev
    questions, pairs sharing less (重点布局 / 色化布局 for a nine-character run) were half of those encoded and
    3 of 440 came within NEIGHBOUR."""
    shared = max((j - i for i in range(len(run)) for j in range(i + 1, len(run) + 1) if run[i:j] in phrase), default=0)
    return 3 * len(phrase) >= 2 * len(run) and 3 * shared >= len(run)


def neighbours(engine: Engine, topic: str, terms: tuple[str, ...], support: list[ItemSupport]) -> list[ItemSupport]:
    """A whole-run term is also supported by an item whose phrase in its place the model puts close
    to it: one short batch encoding the runs and those phrases (低空航线 for 低空经济: 0.95; 军山新城
    for 武汉新城: 0.93, 生产性服务业 for 生活性服务业: 0.92)."""
    embedder = _embedder(engine)
    runs = {
        run: words
        for _, words in phrases(engine, topic)
        for run in core_runs(engine, _)
        if run in terms and run not in words
    }
    phrase_at = {
        (run, s.hit.item.id): variant(run, words, engine.texts[engine.by_id[s.hit.item.id]])
        for run, words in runs.items()
        for s in support
        if run not in s.terms
    }
    wanted = {k: v for k, v in phrase_at.items() if v and v != k[0] and comparable(k[0], v)}
    if embedder is None or not wanted:
        return support
    strings = list(dict.fromkeys([*runs, *wanted.values()]))[:MAX_NEIGHBOURS]
    vectors = dict(zip(strings, embedder.encode_queries(strings), strict=True))
    close = {
        k
        for k, v in wanted.items()
        if k[0] in vectors and v in vectors and float(vectors[k[0]] @ vectors[v]) >= NEIGHBOUR
    }
    return [ItemSupport(s.hit, s.terms | {run for run, item in close if item == s.hit.item.id}) for s in support]


def _embedder(engine: Engine) -> Embedder | None:
    """The dense model the answer ranks with (e5 first), or None without one."""
    for retriever in (Retriever.E5, Retriever.DENSE):
        if retriever in engine.stores and retriever in engine.settings.retrievers:
            model: Embedder = engine.embedder(retriever)
            return model
    return None


def ground(
    engine: Engine, topic: str, hits: list[Hit], question: str = "", asking: tuple[str, ...] = ()
) -> tuple[Grounding, list[Hit]]:
    """(which terms the hits support, the hits on the topic).

    A hit is on the topic when it holds every matched term of one run of the topic: an item
    about 军山新城 does not stand beside items about 武汉新城."""
    terms = terms_for(engine, topic, hits)
    if not terms:  # nothing salient to hold the items to: the judge's choice stands
        return Grounding(), list(hits)
    support = neighbours(engine, topic, terms, supports(engine, terms, hits))
    matched = set().union(*(s.terms for s in support)) if support else set()
    groups = [g & matched for g in term_groups(engine, topic, terms, question, asking)]
    grounded = [s.hit for s in support if any(g and s.terms >= g for g in groups)]
    return (Grounding(tuple(t for t in terms if t in matched), tuple(t for t in terms if t not in matched)), grounded)


def apart(
    engine: Engine, topic: str, grounding: Grounding, hits: list[Hit], question: str, asking: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """One matched term from each run of the topic, when the runs are asked of one thing (滨江天街 … 停车位)
    yet no hit holds them together: each is said somewhere, their combination nowhere. Runs joined by 和/与/及
    are alternatives, and a run inside the words that ask a detail is what is asked, not the topic."""
    if len(conjuncts(engine, question)) > 1:
        return ()
    matched = set(grounding.matched)
    paragraphs: dict[str, str] = {}  # the pieces of one paragraph (p5.1, p5.2) say it together
    for h in hits:
        paragraphs[h.item.paragraph] = paragraphs.get(h.item.paragraph, "") + engine.texts[engine.by_id[h.item.id]]
    texts = list(paragraphs.values())
    runs: list[tuple[str, tuple[str, ...]]] = []
    for run, words in phrases(engine, topic):
        if any(run in span for span in asking):
            continue
        cores = core_runs(engine, run)
        held = [t for t in (*cores, *words) if t in matched and any(spelled_in(t, x) for x in texts)]
        if held:
            spelled = [c for c in cores if any(spelled_in(c, x) for x in texts)]
            runs.append((spelled[0] if spelled else "".join(t for t in held if t in words), tuple(dict.fromkeys(held))))
    if len(runs) < 2:
        return ()
    together = any(all(any(spelled_in(t, text) for t in held) for _, held in runs) for text in texts)
    return () if together else tuple(name for name, _ in runs)
