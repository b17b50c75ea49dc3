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
    from indexer.config import Settings
    from ui.common import _load_engine

    return _load_engine(str(Settings().index_folder))


def ask(at: AppTest, question: str) -> AppTest:
    at.text_input(key="question").input(question).run()
    assert not at.exception, at.exception
    return at


def expander_labels(at: AppTest) -> list[str]:
    return [unescape(e.label) for e in at.expander]


def all_text(at: AppTest) -> str:
    parts = [t.value for t in at.text] + [unescape(m.value) for m in at.markdown] + \
            [unescape(c.value) for c in at.caption]
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

def test_ask_who_is_responsible_for_low_altitude_economy(app):
    ask(app, "哪些单位负责低空经济")
    lead = app.dataframe[0].value
    resp = app.dataframe[1].value
    assert "市发改委" in set(lead["单位"])
    assert "条目数" in lead.columns and any(c.endswith("年") for c in lead.columns)
    assert len(resp) >= 1
    summary = app.text[0].value
    assert summary.startswith("牵头单位：") and "市发改委" in summary
    # 市交通运输局 leads the low-altitude flight routes item: it is on the page, in the unit
    # lists or in the cited items with their unit clauses
    shown_units = set(lead["单位"]) | set(resp["单位"])
    page = all_text(app) + "\n".join(expander_labels(app))
    assert "市交通运输局" in shown_units or "牵头单位:市交通运输局" in page
    labels = expander_labels(app)
    assert len(labels) >= 3
    assert any("低空" in label for label in labels)
    assert all(re.match(r"\d+\. ", label) for label in labels)
    # the time the answer took is shown
    assert any("用时" in unescape(m.value) and "毫秒" in unescape(m.value) for m in app.markdown)
    # every cited item opens to its full text, heading path and source line
    text = all_text(app)
    assert "来源：2025-plan-responsibility.txt 第" in text
    assert "标题路径：" in text
    keys = {b.key for b in app.download_button}
    assert {"answer_xlsx", "answer_csv_引用条目", "answer_csv_单位分工"} <= keys


def test_example_question_buttons_ask_the_question(app):
    app.button_group(key="example").set_value("老旧小区改造谁牵头？").run()
    assert not app.exception, app.exception
    assert app.text_input(key="question").value == "老旧小区改造谁牵头？"
    assert "市房管局" in set(app.dataframe[0].value["单位"])
    assert app.button_group(key="example").value is None   # ready for the next pick


def test_unit_question_lists_the_units_items_and_predecessor(app):
    ask(app, "市数据局今年牵头哪些任务？")
    summary = app.text[0].value
    assert "市数据局" in summary and "市政务服务大数据局" in summary
    labels = expander_labels(app)
    assert labels and all("2025年" in label for label in labels)


def test_fact_question_opens_the_first_item(app):
    ask(app, "2025年城镇新增就业目标是多少？")
    assert "25万人" in app.text[0].value
    assert app.expander[0].proto.expanded


def test_comparison_question_shows_unit_changes(app):
    ask(app, "2023年和2025年在招商引资上的分工有什么变化？")
    changes = [f for f in app.dataframe if "变化" in f.value.columns]
    assert changes, "no unit-change table"
    assert "市招商办 → 市投资促进局" in set(changes[0].value["单位"])
    assert app.button(key="to_compare")


def test_year_and_kind_filters_restrict_citations(app):
    app.selectbox(key="f_year").set_value(2023).run()
    ask(app, "老旧小区改造谁牵头")
    labels = expander_labels(app)
    assert labels and all("2023年" in label for label in labels), labels
    app.selectbox(key="f_year").set_value(None)
    app.selectbox(key="f_kind").set_value("report").run()
    labels = expander_labels(app)
    assert labels and all("政府工作报告" in label for label in labels), labels


def test_unit_filter_keeps_items_naming_the_unit(app, engine):
    app.selectbox(key="f_unit").set_value("市数据局").run()
    ask(app, "哪些单位负责低空经济")
    texts = [t.value for t in app.text]
    ids = [t for t in all_text(app).splitlines() if t.startswith("编号：")]
    assert ids, "no cited items"
    for line in ids:
        item = engine.item(line.removeprefix("编号："))
        assert {"市数据局", "市政务服务大数据局"} & set(item.units), item.id
    assert any("市数据局" in t for t in texts)
    assert "已按单位筛选" in all_text(app)


def test_symbol_only_question_is_refused_politely(app):
    ask(app, "？？？")
    assert app.warning and "请输入问题" in app.warning[0].value


# --------------------------------------------------------------------------- 年度对比

def test_comparison_page_shows_both_years_side_by_side(app):
    app.switch_page("ui/views/compare.py").run()
    assert not app.exception, app.exception
    assert app.text_input(key="cmp_topic").value == "招商引资"
    headings = [unescape(m.value) for m in app.markdown]
    assert any(h.startswith("**2023年**") for h in headings), headings
    assert any(h.startswith("**2025年**") for h in headings), headings
    texts = [t.value for t in app.text]
    assert any("市招商办 → 市投资促进局" in t for t in texts), texts
    assert any("招商" in t for t in texts[1:])
    keys = {b.key for b in app.download_button}
    assert {"compare_xlsx", "compare_csv_条目", "compare_csv_单位变化"} <= keys


def test_comparison_page_takes_a_typed_topic(app):
    app.switch_page("ui/views/compare.py").run()
    app.text_input(key="cmp_topic").input("低空经济").run()
    assert not app.exception, app.exception
    assert "低空经济" in app.text[0].value
    app.selectbox(key="cmp_b").set_value(2023).run()
    assert app.warning and "不同的年度" in app.warning[0].value


def test_answer_hands_its_topic_to_the_comparison_page(app):
    ask(app, "2023年和2025年在招商引资上的分工有什么变化？")
    app.button(key="to_compare").click().run()
    assert not app.exception, app.exception
    assert app.text_input(key="cmp_topic").value == "招商引资"


# --------------------------------------------------------------------------- 单位

def test_unit_page_lists_the_data_bureau_items_with_its_old_name(app, engine):
    app.switch_page("ui/views/units.py").run()
    assert not app.exception, app.exception
    assert app.selectbox(key="unit_pick").value == "市数据局"
    labels = expander_labels(app)
    assert any("2025年责任分解方案" in label for label in labels)
    # 2023 items name the predecessor 市政务服务大数据局, marked as the old name
    assert any("市政务服务大数据局（原名）" in label for label in labels)
    table = [f.value for f in app.dataframe if "角色" in f.value.columns][0]
    expected = sum(1 for i in engine.items if {"市数据局", "市政务服务大数据局"} & set(i.units))
    assert len(table) == expected
    assert set(table["角色"]) <= {"牵头", "责任"}
    assert {"2023年（", "2025年（"} <= {t.label[:6] for t in app.tabs}
    assert len(app.get("vega_lite_chart")) == 2
    keys = {b.key for b in app.download_button}
    assert {"unit_xlsx", "unit_csv_条目"} <= keys


def test_unit_page_old_name_shows_the_successor(app):
    app.switch_page("ui/views/units.py").run()
    app.selectbox(key="unit_pick").set_value("市招商办").run()
    assert not app.exception, app.exception
    assert "现名" in unescape(app.info[0].value) and "市投资促进局" in unescape(app.info[0].value)
    labels = expander_labels(app)
    assert any("市投资促进局（现名）" in label for label in labels)


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
    "date": "2025-06-01T10:00:00+00:00", "model": "m3e-small", "corpus_fingerprint": "not-this-corpus",
    "embedders": {}, "settings": {"rrf_k": 60}, "questions": {"dev": 2, "test": 2},
    "rows": [
        {"config": c, "split": split, "type": t, "n": 2, "recall@1": 0.5, "recall@5": 0.8 if c == "hybrid" else 0.6,
         "recall@10": 0.9, "mrr@10": 0.6, "ndcg@10": 0.7, "unit_precision": 0.9, "unit_recall": 0.8,
         "unit_f1": 0.85 if t != "fact" else None, "latency_p50_ms": 40.0, "latency_p95_ms": 90.0}
        for c in ("hybrid", "dense", "bm25") for split in ("dev", "test") for t in ("overall", "topic_units", "fact")
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
    assert [p.name for p in report.list_runs(app_env["results"])] == \
        ["eval-20250602T100000.json", "eval-20250601T100000.json"]
    overall = app.dataframe[0].value
    assert len(overall) == 6 and set(overall["问题集"]) == {"开发集", "测试集"}
    assert overall["配置"].iloc[0].startswith("hybrid") and overall["recall@5"].iloc[0] == 0.8
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

    dev = evaluator.load_splits()["dev"][:8]           # the real evaluator and engine, a short question set
    monkeypatch.setattr(evaluator, "load_splits", lambda *a, **k: {"dev": dev, "test": []})
    clear_runs(app_env["results"])
    report.save_run(RUN, app_env["results"])
    app.switch_page("ui/views/evaluation.py").run()
    app.button(key="eval_run").click().run(timeout=600)
    assert not app.exception, app.exception
    runs = report.list_runs(app_env["results"])
    assert len(runs) == 2                                # nothing overwritten
    fresh = report.load_run(runs[0])
    assert fresh["questions"] == {"dev": 8, "test": 0}
    assert fresh["corpus_fingerprint"] == engine.config["corpus_fingerprint"]
    assert app.success and "评测完成" in app.success[0].value


# --------------------------------------------------------------------------- export

def test_answer_export_holds_the_shown_rows(app, engine):
    from ui import data, export

    ask(app, "哪些单位负责低空经济")
    answer = engine.answer("哪些单位负责低空经济")
    shown = expander_labels(app)
    citations = data.citation_rows([h.item for h in answer.citations])
    assert len(citations) == len(shown)
    assert [f"{n}. {c}" for n, c in zip(citations["序号"], citations["出处"])] == \
        [s.split("｜")[0].replace("【依据】", "") for s in shown]

    units = data.answer_units_table(answer)
    workbook = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(
        {"答案": data.answer_meta(answer, {"年份": "全部年份"}, "now"), "单位分工": units, "引用条目": citations})))
    assert workbook.sheetnames == ["答案", "单位分工", "引用条目"]
    sheet = workbook["引用条目"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == data.CITATION_COLUMNS
    for column in ("编号", "出处", "年份", "文件类型", "条目内容", "牵头单位", "责任单位", "来源"):
        assert column in rows[0]
    assert [r[1] for r in rows[1:]] == [h.item.id for h in answer.citations]
    first = answer.citations[0].item
    assert rows[1][6] == first.text and rows[1][3] == first.year
    assert rows[1][9].startswith(first.sources[0].file)
    unit_rows = list(workbook["单位分工"].iter_rows(values_only=True))
    assert [r[1] for r in unit_rows[1:] if r[0] == "牵头"] == list(app.dataframe[0].value["单位"])
    assert [r[1] for r in unit_rows[1:] if r[0] == "责任"] == list(app.dataframe[1].value["单位"])
    assert "市发改委" in answer.lead_units
    assert workbook["答案"]["B3"].value == answer.summary

    frame = pd.read_csv(io.BytesIO(export.to_csv(citations)), encoding="utf-8-sig")
    assert list(frame["编号"]) == [h.item.id for h in answer.citations]
    assert export.to_csv(citations)[:3] == b"\xef\xbb\xbf"


def test_comparison_and_unit_exports_open_in_excel(engine):
    from ui import data, export

    answer = engine.answer("招商引资 2023年与2025年对比")
    rows = data.comparison_rows(engine, answer)
    assert set(rows["对比年份"]) == {2023, 2025}
    changes = data.comparison_unit_changes(answer)
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"条目": rows, "单位变化": changes})))
    assert book["条目"].max_row == len(rows) + 1
    assert "市招商办 → 市投资促进局" in [c.value for c in book["单位变化"]["B"]]

    table = data.unit_items(engine, "市数据局")
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"条目": table})))
    values = list(book["条目"].iter_rows(values_only=True))
    assert len(values) == len(table) + 1
    assert {"市数据局", "市政务服务大数据局（原名）"} <= {r[2] for r in values[1:]}


def test_export_keeps_formula_like_text_as_text():
    from ui import export

    frame = pd.DataFrame({"条目内容": ["=HYPERLINK(\"http://x\")", "-5%", "-负数", "+1", "普通文本"]})
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"t": frame})))
    cell = book["t"]["A2"]
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"
    text = export.to_csv(frame).decode("utf-8-sig").splitlines()
    assert text[1].startswith("\"'=") and text[2] == "-5%" and text[3] == "'-负数" and text[4] == "'+1"


# --------------------------------------------------------------------------- safety

def test_document_text_is_shown_as_text_never_as_markup():
    from ui.common import md

    def script():
        from indexer.records import Item, Source
        from ui import common

        item = Item(id="x-1", doc_id="x", year=2025, kind="plan", doc_kind="plan", title="T", path=("一、**粗体**",), number=1,
                    text="<script>alert(1)</script> **不是粗体** [链接](http://x) :red[红]",
                    sources=(Source("f.txt", 3),), citation="2025年 <b>x</b>")
        common.show_item(1, item, expanded=True)

    at = AppTest.from_function(script, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert at.text[0].value == "<script>alert(1)</script> **不是粗体** [链接](http://x) :red[红]"
    label = at.expander[0].label
    assert "<b>" not in label.replace("\\<b\\>", "") and unescape(label).startswith("1. 2025年 <b>x</b>")
    assert md("**a** <i>") == "\\*\\*a\\*\\* \\<i\\>"
    assert not any(getattr(m.proto, "allow_html", False) for m in at.markdown)
