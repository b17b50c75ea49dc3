"""Requests the documents cannot meet whatever they say: to the tool itself, to write, to recommend."""

from __future__ import annotations

import re

# A question to the tool itself (你是谁开发的, 你叫什么): the documents say nothing of it.
TO_THE_TOOL = re.compile(
    r"^(?:请问)?(?:你|您)(?:是谁|叫什么(?:名字)?|好|能做什么|会什么|是什么)[呀啊吗呢？?!！。\s]*$|"
    r"(?:你|您)是(?:谁|哪家|哪个公司)?(?:开发|做|研发)的"
)
# A text to be written or translated (帮我写一份值班通知, 翻译成英文): the tool cites documents, it writes nothing.
WRITING = re.compile(
    r"(?:帮我|给我|替我|帮忙|麻烦你?)(?:写|起草|草拟|拟|撰写|润色|改写|翻译|编)|翻译成|"
    r"(?:起草|草拟|撰写)(?:一|个|份|篇|段|封)|写(?:一|两|几)?(?:份|篇|段|封|首)"
)
# A recommendation or a judgement asked (哪家医院比较好, 推荐几本书): the documents assign tasks and rank nothing.
OPINION = re.compile(
    r"(?:比较|最|更|挺)(?:好|靠谱|便宜|划算|合适|方便)(?=[？?吗呢啊吧。！!]|$)|推荐(?:几|一|个|下)|(?:有什么|有啥)[^，。？?]{0,6}推荐"
)
DECLINED = ((TO_THE_TOOL, "answer.to_the_tool"), (WRITING, "answer.writing"), (OPINION, "answer.opinion"))


def declined(text: str) -> str | None:
    """The message for a request the documents cannot meet whatever they say, if the question is one."""
    return next((key for pattern, key in DECLINED if pattern.search(text)), None)
