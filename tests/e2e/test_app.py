"""The Streamlit app, page by page, with the real index and model (streamlit.testing AppTest).

The app reads its index folder from POLQA_INDEX: this module points it at a private
folder that the app itself has to build on first start, so the start-up build path
runs for real. Eval runs go to a temporary folder (POLQA_EVAL_RUNS). Both
variables are set for this module only and restored afterwards.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TIMEOUT = 180


def unescape(text: str) -> str:
    """Labels are Markdown-escaped by the app; tests compare the text a reader sees."""
    return re.sub(r"\\(.)", r"\1", text)


@pytest.fixture(scope="module")
def app_env(tmp_path_factory):
    """A private index folder (the app builds it on first start) and eval results file."""
    index = tmp_path_factory.mktemp("app-index")
    results = tmp_path_factory.mktemp("app-eval")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLQA_INDEX", str(index))
        patch.setenv("POLQA_EVAL_RUNS", str(results))
        yield {"index": index, "results": results}


@pytest.fixture(scope="module")
def first_run(app_env):
    """The first start of the app against an empty index folder: it builds, then loads."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    return at


@pytest.fixture()
def app(first_run, app_env):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def engine(first_run):
    """The engine the app loaded (st.cache_resource is per process, so this is the same one)."""
    import os

    from indexer.config import Settings
    from ui.loading import _load_engine

    return _load_engine(os.path.realpath(Settings().index_folder))


def ask(at: AppTest, question: str) -> AppTest:
    at.text_input(key="question").input(question).run()
    assert not at.exception, at.exception
    return at


def expander_labels(at: AppTest) -> list[str]:
    return [unescape(e.label) for e in at.expander]


def answer_texts(at: AppTest) -> list[str]:
    """Plain texts on the page after the question (shown as plain text, 问：…)."""
    return [t.value for t in at.text if not t.value.startswith("问：")]


def all_text(at: AppTest) -> str:
    parts = (
        [t.value for t in at.text] + [unescape(m.value) for m in at.markdown] + [unescape(c.value) for c in at.caption]
    )
    return "\n".join(parts)


def dataframe_cells(at: AppTest) -> set[str]:
    cells = set()
    for frame in at.dataframe:
        cells |= {str(v) for v in frame.value.to_numpy().ravel()}
    return cells


# --------------------------------------------------------------------------- start-up


def test_first_start_builds_the_missing_index(first_run, app_env):
    at = first_run
    assert not at.exception, at.exception
    assert (app_env["index"] / "index" / "config.json").exists()
    labels = [s.label for s in at.status]
    assert "索引已建立" in labels, labels
    assert at.text_input(key="question").value == ""
    # the start screen lists the documents and example questions
    assert any("2023年 责任分解方案" in m.label for m in at.metric)
    assert "哪些单位负责低空经济？" in at.button_group(key="example").options


def test_second_session_reuses_the_loaded_engine(app):
    assert not at_has_status(app), "the index was built again instead of being reused"
    assert [p.label for p in app.metric]


def at_has_status(at: AppTest) -> bool:
    return len(at.status) > 0


# --------------------------------------------------------------------------- 问答


def cite_labels(at: AppTest) -> list[str]:
    """The cited items' labels (buttons `1. 2025年责任分解方案·二(三)·第69项`), as a reader sees them."""
    return [unescape(b.label) for b in at.button if (b.key or "").startswith("cite_")]


def cited_ids(at: AppTest) -> list[str]:
    """The ids behind the cited items, read from the session's answer cache (never shown on the page)."""
    answers = at.session_state["answers"]
    ((answer, hits),) = [v for k, v in answers.items() if k[0] == at.session_state["asked"]][-1:]
    return [h.item.id for h in hits]


def unit_frame(at: AppTest):
    frames = [f.value for f in at.dataframe if "角色" in f.value.columns and "条目" in f.value.columns]
    return frames[0] if frames else None


def test_ask_who_is_responsible_for_low_altitude_economy(app):
    from indexer.present.serialise import UNIT_ROW_COLUMNS

    ask(app, "哪些单位负责低空经济")
    summary = answer_texts(app)[0]
    assert summary.startswith("2025年：牵头") and "市发改委" in summary  # the summary by year (issue 22)
    table = unit_frame(app)
    assert list(table.columns) == UNIT_ROW_COLUMNS
    lead = table[table["角色"] == "牵头"]
    assert "市发改委" in set(lead["单位"]) and (table["角色"] == "责任").any()
    # 市交通运输局 leads the low-altitude flight routes item
    assert "市交通运输局" in set(table["单位"])
    assert all(re.fullmatch(r"\d{4}\S*·\S+", c) for c in table["条目"]), list(table["条目"])  # 2025·二(三)56
    assert not table.duplicated(["单位", "条目"]).any()  # one row per unit and item
    labels = cite_labels(app)
    assert len(labels) >= 3
    assert all(re.match(r"\d+\. (【依据】)?\d{4}年\S+·", label) for label in labels), labels
    assert any("低空" in t for t in answer_texts(app)[1:])
    # the time the answer took is shown
    assert any("用时" in unescape(m.value) and "毫秒" in unescape(m.value) for m in app.markdown)
    keys = {b.key for b in app.download_button}
    assert {"answer_xlsx", "answer_csv_引用条目", "answer_csv_单位与条目"} <= keys


def test_main_view_shows_no_ids_or_file_lines(app):
    ask(app, "哪些单位负责低空经济")
    shown = (
        all_text(app)
        + "\n".join(cite_labels(app))
        + "\n".join(str(v) for col in ("单位", "条目", "摘要", "出处") for v in unit_frame(app)[col])
    )
    assert ".txt" not in shown and "第" in shown
    assert not re.search(r"\d{4}-(plan|report|proposal)", shown), "an internal id is on the page"
    for label in [b.label for b in app.button] + [d.label for d in app.download_button]:
        assert re.search(r"[\u4e00-\u9fff]", label), f"button without Chinese: {label}"


def test_example_question_buttons_ask_the_question(app):
    app.button_group(key="example").set_value("老旧小区改造谁牵头？").run()
    assert not app.exception, app.exception
    assert app.text_input(key="question").value == "老旧小区改造谁牵头？"
    assert "市房管局" in set(unit_frame(app)["单位"])
    assert app.query_params["q"] == "老旧小区改造谁牵头？"


def test_unit_question_lists_the_units_items_of_that_year(app):
    ask(app, "市数据局今年牵头哪些任务？")
    summary = answer_texts(app)[0]
    # 2025's documents name only the new name, so the 2023 name is no other name of it that year (issue 22)
    assert "市数据局" in summary and "市政务服务大数据局" not in summary
    labels = cite_labels(app)
    assert labels and all("2025年" in label for label in labels)


def test_fact_question_shows_the_first_item_in_full(app, engine):
    ask(app, "2025年城镇新增就业目标是多少？")
    assert "25万人" in answer_texts(app)[0]
    first = engine.item(cited_ids(app)[0])
    assert answer_texts(app)[1] == first.text


def test_comparison_question_shows_unit_changes(app):
    ask(app, "2023年和2025年在招商引资上的分工有什么变化？")
    changes = [f for f in app.dataframe if "变化" in f.value.columns]
    assert changes, "no unit-change table"
    assert "市招商办 → 市投资促进局" in set(changes[0].value["单位"])
    assert app.button(key="to_compare")


def test_year_and_kind_filters_restrict_citations(app):
    app.selectbox(key="f_year").set_value(2023).run()
    ask(app, "老旧小区改造")  # a report names no units: 谁牵头 filtered to reports is not found
    labels = cite_labels(app)
    assert labels and all("2023年" in label for label in labels), labels
    assert app.query_params["year"] == "2023"
    app.selectbox(key="f_year").set_value(None)
    app.selectbox(key="f_kind").set_value("report").run()
    labels = cite_labels(app)
    assert labels and all("政府工作报告" in label for label in labels), labels
    assert app.query_params["kind"] == "report" and "year" not in app.query_params


def test_unit_filter_keeps_items_naming_the_unit(app, engine):
    app.selectbox(key="f_unit").set_value("市数据局").run()
    ask(app, "哪些单位负责低空经济")
    ids = cited_ids(app)
    assert ids, "no cited items"
    for item_id in ids:
        assert {"市数据局", "市政务服务大数据局"} & set(engine.item(item_id).units), item_id
    assert any("已按单位筛选" in unescape(i.value) for i in app.info)


def test_symbol_only_question_is_refused_politely(app):
    ask(app, "？？？")
    assert app.warning and "请输入问题" in app.warning[0].value


# --------------------------------------------------------------------------- shared addresses


def open_address(params: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_shared_address_answers_without_typing(first_run):
    at = open_address({"q": "城市数字公共基础设施建设谁牵头"})
    assert at.text_input(key="question").value == "城市数字公共基础设施建设谁牵头"
    assert "市城市数字公共基础设施建设工作领导小组办公室(市公安局)" in answer_texts(at)[0].split("；")[0]
    lead = unit_frame(at)
    assert "市城市数字公共基础设施建设工作领导小组办公室(市公安局)" in set(lead[lead["角色"] == "牵头"]["单位"])


def test_shared_address_carries_year_and_kind(first_run):
    at = open_address({"q": "老旧小区改造谁牵头", "year": "2023", "kind": "plan"})
    assert at.selectbox(key="f_year").value == 2023
    assert at.selectbox(key="f_kind").value == "plan"
    labels = cite_labels(at)
    assert labels and all(
        label.split(". ", 1)[1].lstrip("【依据】").startswith("2023年责任分解方案") for label in labels
    )


def test_shared_address_with_a_bad_year_says_so(first_run):
    at = open_address({"q": "老旧小区改造谁牵头", "year": "1999"})
    assert any("1999" in unescape(i.value) and "全部年份" in unescape(i.value) for i in at.info)
    assert at.selectbox(key="f_year").value is None
    assert cite_labels(at)


def test_typed_question_goes_into_the_address(app):
    ask(app, "老旧小区改造谁牵头")
    assert app.query_params["q"] == "老旧小区改造谁牵头"


def test_unit_question_address_shows_a_table_of_that_units_tasks(first_run, engine):
    from indexer.messages.labels import short_label
    from indexer.present.serialise import UNIT_ROW_COLUMNS
    from indexer.records import Role

    at = open_address({"q": "2025年市数据局牵头哪些任务"})
    table = unit_frame(at)
    assert list(table.columns) == UNIT_ROW_COLUMNS
    expected = [t.item for t in engine.unit_items("市数据局", years=[2025], role=Role.LEAD)]
    # default order: the document's own (the corpus keeps it), so 顺序 rises
    assert list(table["条目"]) == [short_label(i) for i in expected]
    assert list(table["顺序"]) == sorted(table["顺序"])
    assert set(table["单位"]) == {"市数据局"} and set(table["角色"]) == {"牵头"} and set(table["年份"]) == {2025}
    assert any("市数据局的任务" in unescape(m.value) for m in at.markdown)
    # a row's card opens its item on the same page (same session), not in a new tab
    at.button(key="unit_card_open_0").click().run()
    assert at.query_params["item"] == [expected[0].id] or at.query_params["item"] == expected[0].id


def test_not_found_shows_what_was_searched_and_related_items_apart(first_run):
    at = open_address({"q": "南极科考站建设由哪些单位负责"})
    assert at.warning and "没有找到相关条目" in at.warning[0].value
    text = all_text(at)
    assert "检索范围：主题「南极科考站建设」" in text
    assert unit_frame(at) is None and not at.dataframe  # no unit table
    assert not at.download_button
    related = [unescape(b.label) for b in at.button if (b.key or "").startswith("related_")]
    assert 0 < len(related) <= 3 and all(r.startswith("相关条目（不作为答案）") for r in related)
    assert any("相关条目（不作为答案" in unescape(m.value) for m in at.markdown)
    assert not cite_labels(at)


# --------------------------------------------------------------------------- the item in its document


def test_citation_opens_the_item_in_its_document(app, engine):
    from indexer.messages.labels import citation_label

    ask(app, "城市数字公共基础设施建设谁牵头")
    first = engine.item(cited_ids(app)[0])
    app.button(key="cite_1").click().run()
    assert not app.exception, app.exception
    assert app.query_params["item"] == first.id and app.query_params["q"] == "城市数字公共基础设施建设谁牵头"
    headings = [unescape(m.value) for m in app.markdown]
    assert f"##### {citation_label(first)}" in headings
    assert "##### 上下文" in headings and "##### 其他年份的相近条目" in headings
    text = all_text(app)
    assert "标题路径：" + " › ".join(first.path) in text
    assert "原文位置：2025-plan-responsibility.txt，第" in text
    body = [h.proto.body for h in app.get("html") if "polqa-item" in h.proto.body]
    assert body and "<mark>城市数字公共基础设施</mark>" in body[0]
    # the items before and after it in the document
    members = [i for i in engine.items if i.doc_id == first.doc_id]
    at = members.index(first)
    near = [unescape(b.label) for b in app.button if (b.key or "").startswith("near_")]
    assert any(citation_label(members[at - 1]) in n for n in near)
    assert any(citation_label(members[at + 1]) in n for n in near)
    # the same task in other years, by its text: the 2024 report paragraph on 城市数字公共基础设施;
    # no 2023 item says as much, so 2023 offers nothing rather than a weak match
    others = [unescape(b.label) for b in app.button if (b.key or "").startswith("other_")]
    assert any(o.startswith("2024年政府工作报告") for o in others) and not any(o.startswith("2023年") for o in others)
    # back to the answer
    app.button(key="item_back").click().run()
    assert "item" not in app.query_params and cite_labels(app)


def test_item_address_opens_directly_and_a_missing_item_is_named(first_run, engine):
    item = engine.item("2025-plan-二-69")
    at = open_address({"item": item.id})
    assert any(item.text[:20] in h.proto.body for h in at.get("html"))
    at = open_address({"item": "no-such-item"})
    assert at.warning and "没有找到这个条目" in unescape(at.warning[0].value)


def test_highlighting_escapes_document_text():
    from indexer.present.highlight import highlight_html, words_to_mark

    text = "<script>alert(1)</script> 低空经济 & <b>数据</b>"
    words = words_to_mark("低空经济谁负责", text)
    assert words == ["低空经济"]
    html = highlight_html(text, words + ["<b>"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>低空经济</mark>" in html and "<mark>&lt;b&gt;</mark>" in html and "&amp;" in html


# --------------------------------------------------------------------------- 年度对比


def test_comparison_page_shows_both_years_side_by_side(app):
    app.switch_page("ui/views/compare.py").run()
    assert not app.exception, app.exception
    assert app.text_input(key="cmp_topic").value == "招商引资"
    headings = [unescape(m.value) for m in app.markdown]
    assert any(h.startswith("**2023年**") for h in headings), headings
    assert any(h.startswith("**2025年**") for h in headings), headings
    texts = [t.value for t in app.text]
    assert texts[0].startswith("“招商引资”：2023年由市招商办牵头") and "改名或合并 1 个" in texts[0], texts[0]
    lead = next(d.value for d in app.dataframe if "变化" in d.value.columns)
    assert "改名：现名市投资促进局" in set(lead["变化"]) and "改名：原名市招商办" in set(lead["变化"])
    assert any("招商" in t for t in texts[1:])
    assert app.query_params["compare"] in ("招商引资", ["招商引资"])
    keys = {b.key for b in app.download_button}
    assert {"compare_xlsx", "compare_csv_条目", "compare_csv_单位变化"} <= keys


def test_comparison_page_takes_a_typed_topic(app):
    app.switch_page("ui/views/compare.py").run()
    app.text_input(key="cmp_topic").input("低空经济").run()
    assert not app.exception, app.exception
    assert "低空经济" in answer_texts(app)[0]
    app.selectbox(key="cmp_b").set_value(2023).run()
    assert app.warning and "不同的年度" in app.warning[0].value


def test_answer_hands_its_topic_to_the_comparison_page(app):
    ask(app, "2023年和2025年在招商引资上的分工有什么变化？")
    app.button(key="to_compare").click().run()
    assert not app.exception, app.exception
    assert app.text_input(key="cmp_topic").value == "招商引资"


# --------------------------------------------------------------------------- 单位


def unit_table(at: AppTest) -> pd.DataFrame:
    return next(f.value for f in at.dataframe if "条目" in f.value.columns)


def test_unit_page_lists_the_data_bureau_items_with_its_old_name(app, engine):
    app.switch_page("ui/views/units.py").run()
    assert not app.exception, app.exception
    assert app.selectbox(key="unit_pick").value == "市数据局"
    table = unit_table(app)  # the 问答 page's unit table: short labels, 顺序, one row per item
    assert list(table.columns) == ["年份", "顺序", "条目", "单位", "角色", "摘要", "出处"]
    expected = sum(1 for i in engine.items if {"市数据局", "市政务服务大数据局"} & set(i.units))
    assert len(table) == expected and set(table["角色"]) <= {"牵头", "责任"}
    # 2023 items name the predecessor 市政务服务大数据局, marked as the old name
    assert "市政务服务大数据局（原名）" in set(table["单位"])
    assert list(table["年份"]) == sorted(table["年份"])
    assert {2023, 2025} <= set(table["年份"])
    assert len(app.get("vega_lite_chart")) == 2
    assert {b.key for b in app.download_button} >= {"unit_xlsx", "unit_csv_条目"}


def test_unit_page_old_name_shows_the_successor(app):
    app.switch_page("ui/views/units.py").run()
    app.selectbox(key="unit_pick").set_value("市招商办").run()
    assert not app.exception, app.exception
    assert "现名" in unescape(app.info[0].value) and "市投资促进局" in unescape(app.info[0].value)
    assert "市投资促进局（现名）" in set(unit_table(app)["单位"])
    assert app.query_params["unit"] == "市招商办"


def test_unit_page_address_sets_unit_and_filters_for_counts_and_table(first_run, engine):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in {"unit": "数据局", "year": "2025", "kind": "plan"}.items():  # a short name resolves
        at.query_params[key] = value
    at.switch_page("ui/views/units.py").run()
    assert not at.exception, at.exception
    assert (at.selectbox(key="unit_pick").value, at.selectbox(key="u_year").value) == ("市数据局", 2025)
    table = unit_table(at)
    expected = engine.unit_items("市数据局", years=(2025,), kinds=("plan",))
    assert list(table["条目"].str[:5]) == ["2025·"] * len(expected) and len(table) == len(expected)
    lead = sum(t.role == "lead" for t in expected)
    assert f"牵头 {lead} 项" in " ".join(m.value for m in at.markdown)  # the figures follow the filters
    assert at.query_params["unit"] == "市数据局" and at.query_params["kind"] == "plan"
    at.button(key="unit_card_open_0").click().run()  # an item opens on this page, the filters kept
    assert at.query_params["item"] == expected[0].item.id and at.query_params["year"] == "2025"
    assert at.button(key="item_back").label == "返回单位任务"
    at.button(key="item_back").click().run()
    assert "item" not in at.query_params and len(unit_table(at)) == len(expected)


# --------------------------------------------------------------------------- 文档


def test_documents_page_shows_structure_with_counts(app, engine):
    app.switch_page("ui/views/documents.py").run()
    assert not app.exception, app.exception
    control = app.button_group(key="doc_pick")
    assert len(control.options) == len(engine.documents)
    for doc_id in [d.doc_id for d in engine.documents]:
        control = app.button_group(key="doc_pick")
        control.set_value(doc_id).run()
        assert not app.exception, app.exception
        outline = app.dataframe[0].value
        assert list(outline.columns) == ["部分", "领域", "主题", "条目数"]
        assert outline["条目数"].sum() == sum(1 for i in engine.items if i.doc_id == doc_id)
    app.button_group(key="doc_pick").set_value("2023-plan").run()
    parts = expander_labels(app)
    assert any(p.startswith("二、重点工作（") for p in parts), parts


# --------------------------------------------------------------------------- 评测

RUN = {
    "date": "2025-06-01T10:00:00+00:00",
    "model": "m3e-small",
    "corpus_fingerprint": "not-this-corpus",
    "embedders": {},
    "settings": {"rrf_k": 60},
    "questions": {"dev": 2, "test": 2},
    "rows": [
        {
            "config": c,
            "split": split,
            "type": t,
            "n": 2,
            "recall@1": 0.5,
            "recall@5": 0.8 if c == "hybrid" else 0.6,
            "recall@10": 0.9,
            "mrr@10": 0.6,
            "ndcg@10": 0.7,
            "unit_precision": 0.9,
            "unit_recall": 0.8,
            "unit_f1": 0.85 if t != "fact" else None,
            "latency_p50_ms": 40.0,
            "latency_p95_ms": 90.0,
        }
        for c in ("hybrid", "dense", "bm25")
        for split in ("dev", "test")
        for t in ("overall", "topic_units", "fact")
    ],
}


def clear_runs(folder):
    for path in folder.glob("eval-*"):
        path.unlink()


def test_eval_page_lists_saved_runs_with_dev_and_test(app, app_env):
    from eval import report

    clear_runs(app_env["results"])
    report.save_run(RUN, app_env["results"])
    report.save_run({**RUN, "date": "2025-06-02T10:00:00+00:00"}, app_env["results"])
    app.switch_page("ui/views/evaluation.py").run()
    assert not app.exception, app.exception
    assert len(app.selectbox(key="eval_run_pick").options) == 2
    assert [p.name for p in report.list_runs(app_env["results"])] == [
        "eval-20250602T100000.json",
        "eval-20250601T100000.json",
    ]
    overall = app.dataframe[0].value
    assert len(overall) == 6 and set(overall["问题集"]) == {"开发集", "测试集"}
    assert overall["配置"].iloc[0].startswith("hybrid") and float(overall["前5条召回率"].iloc[0]) == 0.8
    by_type = app.dataframe[1].value
    assert set(by_type["问题类型"]) == {"全部", "主题→单位", "事实/指标"}
    assert app.warning and "另一版语料" in app.warning[0].value


def test_eval_page_without_results_explains_what_to_do(app, app_env):
    clear_runs(app_env["results"])
    app.switch_page("ui/views/evaluation.py").run()
    assert not app.exception, app.exception
    assert "还没有评测结果" in unescape(app.info[0].value)


def test_eval_button_saves_a_new_run_and_keeps_the_old_ones(app, app_env, engine, monkeypatch):
    from eval import evaluator, report

    dev = evaluator.load_splits()["dev"][:8]  # the real evaluator and engine, a short question set
    monkeypatch.setattr(evaluator, "load_splits", lambda *a, **k: {"dev": dev, "test": []})
    clear_runs(app_env["results"])
    report.save_run(RUN, app_env["results"])
    app.switch_page("ui/views/evaluation.py").run()
    app.button(key="eval_run").click().run(timeout=600)
    assert not app.exception, app.exception
    runs = report.list_runs(app_env["results"])
    assert len(runs) == 2  # nothing overwritten
    fresh = report.load_run(runs[0])
    assert fresh["questions"] == {"dev": 8}  # a split with no questions is not listed
    assert fresh["corpus_fingerprint"] == engine.config["corpus_fingerprint"]
    assert app.success and "评测完成" in app.success[0].value


# --------------------------------------------------------------------------- export


def test_answer_export_holds_the_shown_rows(app, engine):
    from indexer.messages.labels import citation_label
    from indexer.present.serialise import UNIT_ROW_EXPORT
    from ui import data, export

    ask(app, "哪些单位负责低空经济")
    answer = answer_of(engine, AnswerRequest("哪些单位负责低空经济"))
    shown = cite_labels(app)
    citations = data.citation_rows([h.item for h in answer.citations])
    assert len(citations) == len(shown)
    assert [f"{n}. {citation_label(h.item)}" for n, h in enumerate(answer.citations, 1)] == [
        s.replace("【依据】", "") for s in shown
    ]

    units = data.unit_rows(engine, answer)
    on_page = unit_frame(app)
    assert list(units["条目"]) == list(on_page["条目"]) and list(units["单位"]) == list(on_page["单位"])
    workbook = openpyxl.load_workbook(
        io.BytesIO(
            export.to_xlsx(
                {
                    "答案": data.answer_meta(answer, {"年份": "全部年份"}, "now"),
                    "单位与条目": units,
                    "引用条目": citations,
                }
            )
        )
    )
    assert workbook.sheetnames == ["答案", "单位与条目", "引用条目"]
    sheet = workbook["引用条目"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == data.CITATION_COLUMNS
    assert [r[1] for r in rows[1:]] == [h.item.id for h in answer.citations]
    first = answer.citations[0].item
    assert rows[1][6] == first.text and rows[1][3] == first.year
    assert rows[1][9].startswith(first.sources[0].file)
    unit_sheet = list(workbook["单位与条目"].iter_rows(values_only=True))
    assert list(unit_sheet[0]) == UNIT_ROW_EXPORT
    assert [r[3] for r in unit_sheet[1:]] == list(on_page["单位"])
    assert all("?item=" in r[-1] for r in unit_sheet[1:])  # every exported row links to its item
    assert "市发改委" in answer.lead_units
    assert workbook["答案"]["B3"].value == answer.summary

    frame = pd.read_csv(io.BytesIO(export.to_csv(citations)), encoding="utf-8-sig")
    assert list(frame["编号"]) == [h.item.id for h in answer.citations]
    assert export.to_csv(citations)[:3] == b"\xef\xbb\xbf"


def test_comparison_and_unit_exports_open_in_excel(engine):
    from ui import data, export

    answer = answer_of(engine, AnswerRequest("招商引资 2023年与2025年对比"))
    rows = data.comparison_rows(engine, answer)
    assert set(rows["对比年份"]) == {2023, 2025}
    changes = data.comparison_unit_changes(answer)
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"条目": rows, "单位变化": changes})))
    assert book["条目"].max_row == len(rows) + 1
    assert "市招商办 → 市投资促进局" in [c.value for c in book["单位变化"]["B"]]

    table = data.unit_task_rows(engine, engine.unit_items("市数据局"))
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"条目": table})))
    values = list(book["条目"].iter_rows(values_only=True))
    assert len(values) == len(table) + 1
    assert {"市数据局", "市政务服务大数据局（原名）"} <= {r[3] for r in values[1:]}


def test_export_keeps_formula_like_text_as_text():
    from ui import export

    frame = pd.DataFrame({"条目内容": ['=HYPERLINK("http://x")', "-5%", "-负数", "+1", "普通文本"]})
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"t": frame})))
    cell = book["t"]["A2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    text = export.to_csv(frame).decode("utf-8-sig").splitlines()
    assert text[1].startswith("\"'=") and text[2] == "-5%" and text[3] == "'-负数" and text[4] == "'+1"


# --------------------------------------------------------------------------- safety


def test_document_text_is_shown_as_text_never_as_markup():
    from ui.common import md

    def script():
        from indexer.records import Item, Source
        from ui import common

        item = Item(
            id="x-1",
            doc_id="x",
            year=2025,
            kind="plan",
            doc_kind="plan",
            title="T",
            path=("一、**粗体**",),
            number=1,
            text="<script>alert(1)</script> **不是粗体** [链接](http://x) :red[红]",
            sources=(Source("f.txt", 3),),
            citation="2025年 <b>x</b>",
        )
        common.show_item(1, item, expanded=True)

    at = AppTest.from_function(script, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert at.text[0].value == "<script>alert(1)</script> **不是粗体** [链接](http://x) :red[红]"
    label = at.expander[0].label
    assert "<b>" not in label.replace("\\<b\\>", "") and unescape(label).startswith("1. 2025年·<b>x</b>")
    assert md("**a** <i>") == "\\*\\*a\\*\\* \\<i\\>"
    assert not any(getattr(m.proto, "allow_html", False) for m in at.markdown)


# --------------------------------------------------------------------------- sharing safely (issue 15 point 8)


def test_streamlit_config_is_safe_and_chinese():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["toolbarMode"] == "minimal"
    assert config["client"]["showErrorDetails"] in ("none", False)
    assert config["server"]["address"] == "127.0.0.1"
    from ui.upload import MAX_BYTES

    assert config["server"]["maxUploadSize"] * 1024 * 1024 <= MAX_BYTES
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--server.address $(POLQA_HOST)" in makefile and "POLQA_HOST ?= 127.0.0.1" in makefile


def test_read_only_follows_the_listening_socket_not_the_configuration(monkeypatch):
    """In-process (AppTest) nothing listens: local. A server socket beyond loopback: read-only,
    whatever POLQA_HOST says (indexer/access.py reads the kernel's table; tests/unit/test_faults_access.py)."""
    from ui import access

    monkeypatch.delenv("POLQA_READONLY", raising=False)
    monkeypatch.setenv("POLQA_HOST", "0.0.0.0")
    assert not access.read_only()  # no socket and no browser session: a test run
    monkeypatch.setattr(access, "served_addresses", lambda: ["0.0.0.0"])
    monkeypatch.setenv("POLQA_HOST", "127.0.0.1")
    assert access.read_only()
    monkeypatch.setenv("POLQA_READONLY", "0")
    assert not access.read_only()
    monkeypatch.setattr(access, "served_addresses", lambda: ["127.0.0.1"])
    monkeypatch.setenv("POLQA_READONLY", "1")
    assert access.read_only()


def test_read_only_hides_eval_and_rebuild(first_run, monkeypatch):
    monkeypatch.setenv("POLQA_READONLY", "1")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    for page in ("ui/views/evaluation.py", "ui/views/admin.py"):  # not in the navigation at all
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    at.switch_page("ui/views/documents.py").run()
    assert not at.exception, at.exception
    assert not [b for b in at.button if b.key == "rebuild"]
    # and a page script reached some other way refuses too
    for page in ("evaluation.py", "admin.py"):
        direct = AppTest.from_file(str(ROOT / "ui" / "views" / page), default_timeout=TIMEOUT).run()
        assert not direct.exception, direct.exception
        assert direct.info and "只读" in direct.info[0].value
        assert not [b for b in direct.button if b.key in ("eval_run", "rebuild")]


def test_admin_password_guards_the_admin_pages(first_run, monkeypatch):
    monkeypatch.delenv("POLQA_READONLY", raising=False)
    monkeypatch.setenv("POLQA_ADMIN_PASSWORD", "s3cret")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("ui/views/admin.py").run()
    assert not [b for b in at.button if b.key == "rebuild"]
    at.text_input(key="admin_password").input("wrong")
    at.button[-1].click().run()
    assert at.error and "口令不正确" in at.error[0].value
    at.text_input(key="admin_password").input("s3cret")
    at.button[-1].click().run()
    assert not at.exception, at.exception
    assert at.button(key="rebuild")


def test_a_trusted_proxy_header_grants_admin(monkeypatch):
    """AppTest cannot send request headers, so the policy is called with the peer and headers a
    session would carry; the password path above runs through the page."""
    from indexer import access
    from indexer.config import Settings

    monkeypatch.delenv("POLQA_READONLY", raising=False)
    monkeypatch.setenv("POLQA_ADMIN_HEADER", "X-Forwarded-User")
    monkeypatch.setenv("POLQA_TRUSTED_PROXIES", "10.0.0.1")
    settings = Settings()
    assert access.is_admin(settings, True, "10.0.0.1", {"X-Forwarded-User": "zhang"}, logged_in=False)
    assert not access.is_admin(settings, True, "127.0.0.1", {"X-Forwarded-User": "zhang"}, logged_in=False)
    assert not access.is_admin(settings, True, "10.0.0.1", {"X-Forwarded-User": "  "}, logged_in=False)


def test_admin_upload_previews_then_adds_and_removal_removes(first_run, tmp_path, monkeypatch):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    monkeypatch.setenv("POLQA_CORPUS", str(corpus))
    monkeypatch.delenv("POLQA_READONLY", raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("ui/views/admin.py").run()
    assert not at.exception, at.exception
    uploader = at.file_uploader(key="corpus_upload_0")
    assert {".txt", ".docx", ".pdf", ".ofd", ".html"} <= set(uploader.allowed_type)
    uploader.upload("伪装.docx", b"\x7fELF\x02\x01 binary", "application/octet-stream").run()
    assert at.error and "已拒绝" in at.error[0].value
    text = "武汉市2026年政府工作报告目标任务责任分解方案\n一、总体要求\n1.建设示范性测试工程。（牵头单位：市发改委）\n"
    at.file_uploader(key="corpus_upload_0").upload("../新方案.txt", text.encode("gbk"), "text/plain").run()
    assert not at.error, [e.value for e in at.error]
    assert at.info and "2026年" in at.info[0].value and not (corpus / "新方案.txt").exists()  # preview only
    at.button(key="upload_confirm").click().run()
    assert (corpus / "新方案.txt").read_bytes() == text.encode("gbk")
    assert at.success and "已加入语料库" in at.success[0].value
    assert not at.error and at.file_uploader(key="corpus_upload_1").value is None  # emptied, no red 未添加
    at.selectbox(key="remove_doc").set_value("2026-plan").run()
    at.checkbox(key="remove_sure").check().run()
    at.button(key="remove_confirm").click().run()
    assert not (corpus / "新方案.txt").exists() and "已删除" in at.success[0].value


def test_an_internal_error_is_logged_and_never_shown(first_run, monkeypatch, caplog):
    from indexer.messages import say
    from ui import data

    def broken(*args, **kwargs):
        raise RuntimeError("boom: secret detail")

    monkeypatch.setattr(data, "unit_rows", broken)
    at = open_address({"q": "老旧小区改造谁牵头"})
    assert at.error and at.error[0].value == say("app.internal")
    assert "boom" not in all_text(at) and not at.exception
    assert any("boom" in (r.exc_text or "") or "page failed" in r.message for r in caplog.records)


def test_changed_corpus_is_answered_from_the_index_with_a_warning(first_run, tmp_path, monkeypatch):
    import shutil

    from indexer.build import build_index
    from indexer.config import Settings

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    monkeypatch.setenv("POLQA_CORPUS", str(corpus))
    monkeypatch.setenv("POLQA_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("POLQA_CACHE", str(ROOT / "embeddings" / "cache"))
    build_index(Settings(), progress=False)

    def stale_warnings(at):
        return [w for w in at.warning if "语料在建索引后有变化" in w.value]

    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert not stale_warnings(at)
    # the corpus changes while the app runs: it still answers, and says the index is out of date
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + b"\n")
    ask(at, "老旧小区改造谁牵头")
    warning = stale_warnings(at)
    assert warning and "python -m indexer build" in warning[0].value and "刷新页面" in warning[0].value
    assert "市房管局" in set(unit_frame(at)["单位"])
    # a build from the command line: the next page load uses the new index, no restart
    build_index(Settings(), progress=False)
    at.run()
    assert not at.exception, at.exception
    assert not stale_warnings(at)
    assert "市房管局" in set(unit_frame(at)["单位"])


# --------------------------------------------------------------------------- generated summary (optional)


def test_generated_summary_from_a_local_model_server(first_run, engine, monkeypatch):
    from indexer.messages.labels import citation_label
    from tests.unit.test_llm_summary import FakeModel

    model = FakeModel()
    try:
        question = "城市数字公共基础设施建设谁牵头"
        hits = answer_of(engine, AnswerRequest(question)).citations
        model.reply = f"由市公安局牵头的领导小组办公室负责［{citation_label(hits[0].item)}］。"
        monkeypatch.setenv("POLQA_LLM_URL", model.url)
        at = open_address({"q": question})
        assert [t.value for t in at.text if t.value == model.reply], "the summary is not shown"
        assert any("语言模型" in c.value for c in at.caption)
        ((_, body),) = model.requests
        assert citation_label(hits[0].item) in body["messages"][-1]["content"]
        # one that cites an item the answer did not cite is not shown; the answer is the same
        model.reply = "另见［2031年责任分解方案·九(九)·第99项］。"
        at = open_address({"q": question})
        assert not [t for t in at.text if "2031年" in t.value]
        assert not any("语言模型" in c.value for c in at.caption)
        assert "年：牵头" in answer_texts(at)[0] and cite_labels(at)
    finally:
        model.close()
    monkeypatch.delenv("POLQA_LLM_URL")
    at = open_address({"q": question})  # off: no request, same answer
    assert len(model.requests) == 2 and not any("语言模型" in c.value for c in at.caption)


# --------------------------------------------------------------------------- comfort


def test_long_questions_up_to_2000_characters(app):
    long = "低空经济" + "，请列出相关单位" * 240  # about 1,900 characters: answered
    assert len(long) <= 2000
    ask(app, long)
    assert cite_labels(app)
    ask(app, "低" * 2001)
    assert app.warning and "问题过长" in app.warning[0].value and "2000" in app.warning[0].value


def test_session_history_asks_again(app):
    ask(app, "老旧小区改造谁牵头")
    ask(app, "哪些单位负责低空经济")
    history = [b for b in app.sidebar.button if (b.key or "").startswith("history_")]
    assert [unescape(b.label) for b in history][:2] == ["哪些单位负责低空经济", "老旧小区改造谁牵头"]
    history[1].click().run()
    assert app.query_params["q"] == "老旧小区改造谁牵头"
    assert "市房管局" in set(unit_frame(app)["单位"])


def test_feedback_is_appended_to_a_jsonl_file(app, tmp_path, monkeypatch):
    path = tmp_path / "feedback.jsonl"
    monkeypatch.setenv("POLQA_FEEDBACK", str(path))
    ask(app, "老旧小区改造谁牵头")
    thumbs = [b for b in app.feedback if (b.key or "").startswith("feedback_")]
    assert len(thumbs) == 1
    thumbs[0].set_value(0).run()
    assert not app.exception, app.exception
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 1 and entries[0]["rating"] == "down"
    assert entries[0]["question"] == "老旧小区改造谁牵头" and entries[0]["citations"]
    assert any("已记录" in unescape(c.value) for c in app.caption)
