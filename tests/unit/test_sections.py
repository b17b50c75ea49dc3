"""A part of a document asked beside a unit: by its number, or by the words its headings hold."""

from __future__ import annotations

from indexer.answer.sections import part_items
from indexer.records import DocKind, Item

TOP = "二、重点工作"
DEMAND = "(一)在促进内外需协调发展上加力提效"
INDUSTRY = "(三)在发展新质生产力上争先善为"
REGION = "(四)在打造区域发展新增长极上勇挑大梁,著力增强城市能级和竞争力"


def item(id_: str, doc: str, path: tuple[str, ...]) -> Item:
    return Item(id_, doc, 2031, DocKind.PLAN, DocKind.PLAN, "方案", path, 1, "任务")


ITEMS = [
    item("p-1", "plan", (TOP, DEMAND, "做强消费主引擎")),
    item("p-2", "plan", (TOP, DEMAND, "夯实投资硬支撑")),
    item("p-3", "plan", (TOP, INDUSTRY, "加快打造制造强市")),
    item("p-4", "plan", (TOP, INDUSTRY, "建设现代服务业中心")),
    item("p-5", "plan", (TOP, INDUSTRY, "做大数字经济")),
    item("s-1", "scheme", ("二、工作任务", "(一)加速科技创新与产业创新融合")),
    item("p-6", "plan", (TOP, REGION, "做强城市极核功能")),
    item("p-7", "plan", (TOP, REGION, "引领武汉都市圈一体化发展")),
    item("p-8", "plan", (TOP, REGION, "加强区域协同发展")),
]


def words(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def test_a_part_asked_by_its_number_is_its_items():
    assert part_items("发改委第(三)部分里牵头哪几条", ITEMS, words) == {"p-3", "p-4", "p-5"}


def test_a_number_two_documents_share_goes_to_the_one_whose_headings_hold_the_words_said():
    assert part_items("促消费、稳投资的第(一)部分里，发改委领衔的是哪几条", ITEMS, words) == {"p-1", "p-2"}


def test_a_part_named_by_the_words_of_its_headings_is_its_items():
    assert part_items("卫健委在制造业、服务业、数字经济这几块里分到哪些活", ITEMS, words) == {"p-3", "p-4", "p-5"}
    assert part_items("资建局在扩内需那部分（促消费、稳投资）配合了哪几条", ITEMS, words) == {"p-1", "p-2"}


def test_one_word_said_as_a_board_names_the_one_part_whose_headings_hold_it():
    assert part_items("数据局在今年制造业板块里有份的活", ITEMS, words) == {"p-3"}  # 制造 of 制造强市
    assert part_items("数据局在今年养老板块里有份的活", ITEMS, words) is None  # no heading holds it


def test_no_part_is_asked_by_one_word_or_by_words_no_part_holds_more_than_another():
    assert part_items("卫健委在服务业这一块分到哪些活", ITEMS, words) is None
    assert part_items("卫健委在养老、托育这几块分到哪些活", ITEMS, words) is None
    assert part_items("卫健委今年分到哪些活", ITEMS, words) is None


def test_blocks_under_a_part_named_by_their_headings_are_those_blocks_and_the_part_named_is_all_of_it():
    assert part_items("交通运输局在都市圈一体化和区域协同发展这两块涉及哪几项", ITEMS, words) == {"p-7", "p-8"}
    assert part_items("今年城市能级、都市圈、区域协同这一大部分，科创局牵头哪些", ITEMS, words) == {"p-6", "p-7", "p-8"}


def test_a_part_numbered_without_brackets_is_the_section_when_no_top_part_has_that_number():
    """The plan has 二、 only: 第三部分 is its (三), unless the words said with it name something (三) does not hold."""
    assert part_items("今年分解方案第三部分，发改委自己领衔的条目都是啥", ITEMS, words) == {"p-3", "p-4", "p-5"}
    assert part_items("资建局在第三部分（新质生产力那章）只配合不牵头的条目", ITEMS, words) == {"p-3", "p-4", "p-5"}
    assert part_items("第三部分服务型政府建设那几条，司法局负责哪条", ITEMS, words) is None


def test_a_chapter_is_named_by_its_own_heading_or_as_a_whole():
    assert part_items("新质生产力那章里，数据局牵头的有哪些", ITEMS, words) == {"p-3", "p-4", "p-5"}
    assert part_items("做大数字经济那一大章，科创局配合的几条", ITEMS, words) == {"p-3", "p-4", "p-5"}


def test_a_district_government_is_one_or_all_of_them_never_a_zone():
    from indexer.search.scopes import is_district

    assert is_district("各区人民政府") and is_district("洪山区人民政府")
    assert not is_district("东湖高新区管委会") and not is_district("市发改委")


def test_a_theme_under_a_part_named_by_its_words_is_its_items():
    assert part_items("发改委在现代服务业中心那一节里牵头哪几条", ITEMS, words) == {"p-4"}
    assert part_items("交通局25年制造强市那节有名字的两条", ITEMS, words) == {"p-3"}
    assert part_items("发改委在重点工作那部分牵头哪几条", ITEMS, words) != {"p-4"}  # a part above, no theme
