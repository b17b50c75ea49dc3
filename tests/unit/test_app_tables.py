"""The app's unit table, its filters and exports on the mini corpus (no Streamlit, no model)."""

from __future__ import annotations

import io

import openpyxl

from indexer.messages.labels import short_label
from ui import data, export


def test_short_labels_read_whole_and_keep_the_item_number(mini_engine):
    labels = {i.id: short_label(i) for i in mini_engine.items}
    assert labels["2030-plan-二-5"] == "2030·二(二)5"
    assert labels["2030-plan-一-1"] == "2030·一(一)"
    assert labels["2031-report-p2"] == "2031报告·(二)2段"
    assert labels["2030-plan-notice-p1"] == "2030通知·1段"
    assert len(set(labels.values())) == len(labels)  # a label names one item


def test_a_unit_both_lead_and_responsible_gets_one_row_as_lead(mini_engine):
    answer = data.ask(mini_engine, data.AnswerRequest("充电桩由哪些单位负责"))
    frame = data.unit_rows(mini_engine, answer)
    row = frame[(frame["单位"] == "市城建局") & (frame["编号"] == "2030-plan-二-5")]
    assert len(row) == 1 and row.iloc[0]["角色"] == "牵头"
    assert not frame.duplicated(["单位", "编号"]).any()


def test_rows_sort_by_year_then_document_order(mini_engine):
    answer = data.ask(mini_engine, data.AnswerRequest("低空经济由哪些单位负责"))
    frame = data.unit_rows(mini_engine, answer)
    assert set(frame["年份"]) == {2030, 2031}
    place = [(y, mini_engine.by_id[i]) for y, i in zip(frame["年份"], frame["编号"], strict=False)]
    assert place == sorted(place)
    assert frame[frame["编号"] == "2030-plan-二-2"]["顺序"].iloc[0] == 6  # notice ¶1, ¶2, 一-1, 一-2, 二-1, then 二-2


def test_the_unit_filter_narrows_summary_counts_table_and_citations(mini_engine):
    whole = data.ask(mini_engine, data.AnswerRequest("低空经济由哪些单位负责"))
    only = data.ask(mini_engine, data.AnswerRequest("低空经济由哪些单位负责", units=("市数据局",)))
    assert "市交通运输局" in whole.lead_units
    assert all("市数据局" in h.item.units for h in only.citations) and only.citations
    frame = data.unit_rows(mini_engine, only)
    items = {mini_engine.item(i) for i in frame["编号"]}
    assert all("市数据局" in i.units for i in items)
    assert set(only.lead_units) == {u for i in items for u in i.lead_units}
    assert only.summary.startswith("2031年：牵头") and "市数据局" in only.summary  # the summary by year (issue 22)


def test_excel_links_are_real_hyperlinks_and_text_is_not(mini_engine):
    answer = data.ask(mini_engine, data.AnswerRequest("低空经济由哪些单位负责"))
    frame = data.unit_rows(mini_engine, answer, "https://polqa.example.cn/")
    frame.loc[0, "条目内容"] = "https://evil.example/"  # document text stays text
    sheet = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"单位与条目": frame})))["单位与条目"]
    header = [c.value for c in sheet[1]]
    link, text = header.index("链接") + 1, header.index("条目内容") + 1
    first = sheet.cell(row=2, column=link)
    assert first.hyperlink is not None and first.hyperlink.target.startswith("https://polqa.example.cn/?item=")
    assert sheet.cell(row=2, column=text).hyperlink is None


def test_export_meta_has_no_internal_timing(mini_engine):
    answer = data.ask(mini_engine, data.AnswerRequest("充电桩"))
    meta = data.answer_meta(answer, {"年份": "全部年份"}, "2026-12-04 12:00")
    assert "用时" not in set(meta["项目"])


def test_similar_items_of_other_years_follow_the_text_not_the_unit(mini_engine):
    from ui import similar

    # 2030 低空经济 (lead 市交通运输局): the 2031 低空经济 item and the 2031 report paragraph tie on text
    # (0.18 each on this tiny corpus); the shared unit breaks the tie. 2031 GDP (市发改委, 0.03) is no match.
    found = similar.other_years(mini_engine, mini_engine.item("2030-plan-二-2"), threshold=0.1)
    assert [o.id for o, _, _ in found[2031]] == ["2031-plan-二-2", "2031-report-p2"]
    assert found[2031][0][2] and found[2031][1][2] == []  # the report names no unit
    # below the threshold nothing is offered rather than a weak match
    assert similar.other_years(mini_engine, mini_engine.item("2030-plan-二-6")) == {}


def test_the_units_page_rows_mark_an_old_name_and_sort_like_the_answer_table(mini_engine):
    """The 单位 page's table (data.unit_task_rows): the answer table's columns and order, one row per item,
    the item's own name for the unit kept and marked."""
    frame = data.unit_task_rows(mini_engine, mini_engine.unit_items("市科技创新局"), "https://polqa.example.cn/")
    assert list(frame.columns) == list(data.unit_rows(mini_engine, data.ask(mini_engine, data.AnswerRequest("充电桩"))))
    assert list(zip(frame["编号"], frame["单位"], frame["角色"], strict=True)) == [
        ("2030-plan-二-1", "市科技局（原名）", "牵头"),
        ("2031-plan-二-1", "市科技创新局", "牵头"),
    ]
    assert list(frame["条目"]) == ["2030·二(一)1", "2031·二(一)1"]
    assert all(link.startswith("https://polqa.example.cn/?item=") for link in frame["链接"])


def test_the_units_page_year_filter_reaches_rows_counts_and_export(mini_engine):
    whole = data.unit_task_rows(mini_engine, mini_engine.unit_items("市数据局"))
    only = data.unit_task_rows(mini_engine, mini_engine.unit_items("市数据局", years=(2031,)))
    assert set(whole["年份"]) > {2031} == set(only["年份"]) and len(only) < len(whole)
    by_year = data.unit_counts_by_year(only)
    assert list(by_year.index) == ["2031年"] and by_year.to_numpy().sum() == len(only)
    by_area = data.unit_counts_by_area(mini_engine, only)
    assert by_area.to_numpy().sum() == len(only) and all(label.startswith("2031年 ") for label in by_area.index)
    place = [mini_engine.by_id[i] for i in only["编号"]]
    assert place == sorted(place)
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"条目": only})))
    assert book["条目"].max_row == len(only) + 1


def test_public_url_decides_the_export_links(monkeypatch):
    from ui import browser

    monkeypatch.setenv("POLQA_PUBLIC_URL", "https://polqa.example.cn/app")
    assert browser.base_url() == "https://polqa.example.cn/app/"
