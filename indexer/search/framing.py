"""How a question came to be asked, which is never what it is about.

Staff open with who they are, whom they ask for (领导让我查) and what they want done (我是国资委的，想确认下本委…, 核稿：, 统计局同事问：)
and point back at their own unit (本委, 我们局). The documents never use these words, so left in the
topic they would only be missing from every item and refuse an answerable question.
"""

from __future__ import annotations

import re

# The request: 想确认下, 需要核实一下, 核稿：, 同事问：.
REQUEST = (
    r"(?:想|需要|要|得|麻烦|请)?(?:帮我|帮忙)?再?(?:确认|核实|核对|了解|核稿)(?:一下|下)?(?:口径)?[：:]?|(?:同事|领导)问[：:]?|"
    r"(?:核|对)口径[：:]?|(?:督查室|督查办|督查科|督办科)(?=想|需要|要|请|核|对|确认|了解|问|[：:])"  # 督查室核对口径：
)
# The asker's own unit, said as theirs: 本委, 我局, 我们局 (never 委员, 局面, 办公, 办理 or 办事).
OWN_UNIT = r"(?:本|我们?)(?:委|局|办)(?![员会面势限公理法事好实结成展])"
# Who the question is asked for (领导让我查, 处里要我整理).
ON_BEHALF = r"(?:领导|上级|上面|处里|科里|主任|处长|科长|局长)(?:让|要|叫|安排)(?:我|咱)?|(?:做|整理|建)(?:个|一下)?(?:督办|督查)?(?:台账|对账)(?:用)?"
# Being named, said as showing one's face (露过几次面).
SHOWN = r"露(?:过|了)?(?:几次|几回|多少次)?面"
ASKER = re.compile(rf"{ON_BEHALF}|{REQUEST}|{OWN_UNIT}|{SHOWN}")
# The asker's own office after the body it belongs to (我是江夏区督查办的): the body is asked about, the office not.
OWN_OFFICE = re.compile(  # 政府办 is the government's own office: 我在青山区政府办 asks of 青山区政府
    r"我(?:是|在)([\u4e00-\u9fff]{2,12}?)(政府)?(?:督查办|督查室|督办科|督查科|办公室|综合科|综合处|秘书科|办)的?(?=[，,：:\s])"
)


def without_own_office(text: str) -> str:
    return OWN_OFFICE.sub(lambda m: m.group(1) + (m.group(2) or ""), text)


# An item pointed at by its units, and the rest of its list asked (医保局被拉进去的那条…牵头和配合单位全列出来, 除了科技
# 创新局，还要哪些…一起出力): a question of who, not of the unit's own items.
OTHERS_ASKED = re.compile(
    r"(?:的那(?:一|几)?[条个项件]|之外|以外|除了)[^？?]*(?:谁|还(?:有|要)哪|其余|全列|都列|牵头和配合|配合单位)"
)
# The rest of each item's list asked after its items (每条还拉了哪些单位, 当主角的几件事，后面跟着配合的, 给它打配合的):
# the unit lists show it, no topic.
EACH_ITEMS_OTHERS = re.compile(
    r"(?:每条|每项|各条)?还(?:拉|带|叫|有|要)了?(?:哪些|哪几家|哪几个|什么)(?:单位|部门)|"
    r"(?:后面|后头)(?=跟着|的?配合)|(?:给|配合)它(?=打?配合|的)|(?:当|唱)主角"
)
