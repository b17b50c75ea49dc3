"""Years a question names: 2023, 23年, 二〇二三年, 二三年, and 今年/去年 counted from the latest plan or from the
report the question cites as its source (2024年报告说去年… is 2023)."""

from __future__ import annotations

import re

YEAR = re.compile(r"(?<!\d)(20[1-3]\d)(?:\s*年|(?![\d.%场个万亿家条座人所项]))")
CHINESE_YEAR = re.compile(r"(二[〇○零]二[〇○零一二三四五六七八九])年")  # 二〇二三年 → 2023年
# 二三年 said for 2023 (二五年的方案); never a span of years (二三年时间, 二三年内, 十二三年).
CHINESE_SHORT_YEAR = re.compile(
    r"(?<![〇○零一二三四五六七八九十百])二([〇一二三四五六七八九])年(?!代|内|来|间|以上|左右|期|时间|多|半)"
)
CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
SHORT_YEAR = re.compile(r"(?<![\d.])([1-3]\d)\s*年(?!代|内|来|间|以上|左右|期)")  # 23年 → 2023; never 5年 or 1.5年
# A bare 23 or 25 standing apart in a typed-in question (援藏 25 责任单位, 标准领跑者 23 几家): a year, as no count
# stands alone without its measure word (25 家).
BARE_YEAR = re.compile(r"(?:(?<=\s)|^)(2\d)(?=\s|$)(?!\s*[个家条座项所处万亿%])")
# Two short years set side by side in a typed-in question (23/25 分工, 23的跟25的, 23、25两年): years, as no two
# counts are.
YEAR_PAIR = re.compile(r"(?<![第\d.])(2\d)的?\s*(?:/|／|、|和|跟|与)\s*(2\d)(?=的|\s|$|[，,。？?]|两年)")
SAID_IN = re.compile(
    r"(?:(20\d\d)年|(去年|今年))(?:的|那份)?(?:市)?(?:政府)?(?:工作)?报告(?:里|中)?(?:说|提到|显示|指出|回顾|称)"
)
REPORT_OF = re.compile(  # 2024 report, typed in English
    r"(20\d\d)\s*年?(?:的)?\s*(?:市)?(?:政府)?(?:工作)?(?:报告|(?i:(?:gov(?:ernment)?\s+)?(?:work\s+)?report))"
)
# A document named right after a relative year is that year's own (今年分解方案), whatever report is cited.
OWN_DOCUMENT = re.compile(r"(?:的)?(?:那份|这份)?(?:(?:责任|任务)?分解)?方案|(?:的)?(?:2号)?建议案")
# 明年 is the year after the latest plan, which no document covers yet.
RELATIVE_YEARS = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1}
# "This round" (这回被分了啥活): the latest plan, where no year is named and no report asked (its 这次 is 2024's).
THIS_ROUND = re.compile(r"这一?[回次]|本次")
REPORT_ASKED = re.compile(r"报告(?![^，。？?]{0,4}分解)")


def find_years(text: str, latest: int) -> tuple[tuple[int, ...], str]:
    """Years named, short (23年) or relative (今年); a report cited as the source (2024年报告说2023年…) names
    where the answer is, not a year asked beside the other."""
    text = CHINESE_YEAR.sub(lambda m: m.group(1).translate(CHINESE_DIGITS) + "年", text)
    text = CHINESE_SHORT_YEAR.sub(lambda m: "202" + m.group(1).translate(CHINESE_DIGITS) + "年", text)
    text = SHORT_YEAR.sub(lambda m: f"20{m.group(1)}年", text)
    text = YEAR_PAIR.sub(lambda m: f"20{m.group(1)}年和20{m.group(2)}年", text)
    text = BARE_YEAR.sub(lambda m: f"20{m.group(1)}年", text)
    source = SAID_IN.search(text)
    if source and source.group(2):  # 去年报告说今年…: the report's year said outright, its 今年 is its own year
        said = latest + RELATIVE_YEARS[source.group(2)]
        text = f"{text[: source.start(2)]}{said}年{text[source.end(2) :]}"
        source = SAID_IN.search(text)
    years = [int(y) for y in YEAR.findall(text)]
    frame = REPORT_OF.search(text)  # 2024年报告说去年…: the report's 去年 is the year before its own
    base = int(frame.group(1)) if frame else latest
    for word, offset in RELATIVE_YEARS.items():
        for at in re.finditer(word, text):  # 今年分解方案 beside 去年报告说: this year's plan, not the report's year
            years.append((latest if OWN_DOCUMENT.match(text, at.end()) else base) + offset)
        text = text.replace(word, " ")
    if source and len(set(years)) > 1:
        years = [y for y in years if y != int(source.group(1))]
    if THIS_ROUND.search(text) and not years and not REPORT_ASKED.search(text):
        years, text = [latest], THIS_ROUND.sub(" ", text)
    return tuple(sorted(set(years))), YEAR.sub(" ", text)
