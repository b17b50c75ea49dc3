"""The web-page reader on small hand-made pages: site furniture gone, blocks to lines, encodings."""

from __future__ import annotations

import pytest

from indexer.ingest.readers import read_lines, reader_for

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>网站标题</title><style>p {{ color: red }}</style></head>
<body>
<header><a href="/">市政府门户</a></header>
<nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav>
<div class="main-menu"><a>机构</a></div>
<div id="breadcrumb">当前位置：首页 &gt; 文件</div>
<div class="position">您现在的位置：首页 &gt; 政务公开</div>
<div class="related-docs">相关文件：2024年方案</div>
<div class="content">
  <h1>2026年责任分解方案</h1>
  <p>一、重点工作</p>
  <p>1.加快建设
     武汉新城。<span>(牵头单位:市发改委)</span></p>
  <p>2.第一段<br>第二段<br/>第三段</p>
  <ul><li>甲</li><li>乙</li></ul>
  <script>document.write("广告");</script>
</div>
<div class="bdshare_t">分享到：</div>
<aside>相关链接</aside>
<footer>主办单位：市政府办公厅</footer>
<div class="copyright">版权所有</div>
</body></html>
"""


def write(tmp_path, text: str, encoding: str = "utf-8", name: str = "page.html", bom: bytes = b""):
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return path


def texts(path) -> list[str]:
    return [line.text for line in read_lines(path)]


EXPECTED = [
    "2026年责任分解方案",
    "一、重点工作",
    "1.加快建设 武汉新城。(牵头单位:市发改委)",
    "2.第一段",
    "第二段",
    "第三段",
    "甲",
    "乙",
]


def test_site_furniture_is_removed_and_blocks_become_lines(tmp_path):
    path = write(tmp_path, PAGE.format(charset="utf-8"))
    assert reader_for(path).name == "html"
    assert texts(path) == EXPECTED


@pytest.mark.parametrize("charset, encoding", [("gb2312", "gb18030"), ("GBK", "gbk"), ("utf-8", "utf-8")])
def test_meta_charset_decides_the_encoding(tmp_path, charset, encoding):
    assert texts(write(tmp_path, PAGE.format(charset=charset), encoding)) == EXPECTED


def test_utf16_page_with_bom(tmp_path):
    path = write(tmp_path, PAGE.format(charset="utf-16"), "utf-16-le", bom=b"\xff\xfe")
    assert reader_for(path).name == "html"
    assert texts(path) == EXPECTED


def test_page_without_charset_is_detected(tmp_path):
    page = PAGE.replace('<meta charset="{charset}">', "").format() * 1
    assert texts(write(tmp_path, page, "gb18030")) == EXPECTED


@pytest.mark.parametrize(
    "head",
    [
        "<html>",
        "  \n<!doctype html>",
        "<!-- saved -->\n<HTML lang='zh'>",
        "\ufeff<!DOCTYPE HTML>",
        '<?xml version="1.0"?>\n<html xmlns="x">',
    ],
)
def test_magic_is_recognised(tmp_path, head):
    path = write(tmp_path, head + "<body><p>正文</p></body></html>")
    assert reader_for(path).name == "html"
    assert texts(path) == ["正文"]


def test_text_that_mentions_html_is_not_a_page(tmp_path):
    path = write(tmp_path, "关于<html>标签的说明\n第二行\n", name="notes.txt")
    assert reader_for(path).name == "text"


def test_table_rows_with_a_unit_header_become_item_lines(tmp_path):
    page = (
        "<html><body><table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th></tr>"
        "<tr><td>7</td><td><p>大力发展</p><p>银发经济。</p></td><td>市发改委</td><td>市民政局</td></tr>"
        "<tr><td colspan='4'>——做强投资</td></tr>"
        "<tr><td>8</td><td colspan='2'>跨两列的任务。</td><td>市商务局</td></tr>"
        "</table><p>表后</p></body></html>"
    )
    assert texts(write(tmp_path, page)) == [
        "7.大力发展 银发经济。（牵头单位：市发改委；责任单位：市民政局）",
        "——做强投资",
        "8.跨两列的任务。（责任单位：市商务局）",
        "表后",
    ]


def test_an_article_header_keeps_its_title(tmp_path):
    page = "<html><body><article><header><h1>方案标题</h1></header><p>正文</p></article></body></html>"
    assert texts(write(tmp_path, page)) == ["方案标题", "正文"]


def test_other_spellings_of_the_unit_headers(tmp_path):
    page = (
        "<html><body><table><tr><td>序 号</td><td>任务</td><td>牵头\n部门</td><td>配合部门</td></tr>"
        "<tr><td>3.</td><td>建设数据中心。</td><td>市数据局</td><td>市发改委</td></tr>"
        "<tr><td>4</td><td>发展银发经济。</td><td></td><td>牵头单位:市民政局;责任单位:市卫健委</td></tr>"
        "</table></body></html>"
    )
    assert texts(write(tmp_path, page)) == [
        "3.建设数据中心。（牵头单位：市数据局；责任单位：市发改委）",
        "4.发展银发经济。（牵头单位:市民政局;责任单位:市卫健委）",
    ]


def test_a_tables_deadline_column_is_a_field_and_a_note_in_a_unit_cell_keeps_the_units(tmp_path):
    page = (
        "<html><body><table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>完成时限</th></tr>"
        "<tr><td>4</td><td>建设数据中心。</td><td>市公安局<br>各区人民政府（含开发区，下同）</td>"
        "<td>2025年底前</td></tr></table></body></html>"
    )
    [line] = read_lines(write(tmp_path, page))
    assert line.text == "4.建设数据中心。（牵头单位：市公安局，各区人民政府〈含开发区，下同〉）"
    assert line.fields == (("deadline", "2025年底前"),)


def test_portal_furniture_goes_and_the_document_number_of_its_metadata_stays(tmp_path):
    page = (
        "<html><body><div>无障碍浏览 | 长者模式</div><table>"
        "<tr><td>索引号：</td><td>011043/2025-00012</td><td>发文机关：</td><td>武汉市人民政府办公厅</td></tr>"
        "<tr><td>发文字号：</td><td>武政办〔2025〕3号</td><td>成文日期：</td><td>2025年01月16日</td></tr>"
        "</table><h1>2025年工作责任分解方案</h1><p>1.建设数据中心。</p><div>【打印本页】【关闭窗口】</div>"
        "</body></html>"
    )
    assert texts(write(tmp_path, page)) == ["武政办〔2025〕3号", "2025年工作责任分解方案", "1.建设数据中心。"]
