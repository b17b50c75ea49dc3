"""Highlighting in the item view: the question's words marked, the document text never markup."""

from __future__ import annotations

from indexer.present.highlight import highlight_html, marked_phrases, rough_words, words_to_mark


def test_rough_words_cut_at_filler_and_particles():
    assert rough_words("低空经济谁负责") == ["低空经济"]
    assert rough_words("市数据局今年牵头哪些任务？") == ["市数据局"]


def test_neighbouring_tokens_are_marked_as_one_phrase():
    text = "推进城市数字公共基础设施应用。"
    words = words_to_mark(
        "城市数字公共基础设施建设谁牵头", text, lambda q: ["城市", "数字", "公共", "基础设施", "建设", "谁", "牵头"]
    )
    assert set(words) == {"城市", "数字", "公共", "基础设施"}
    assert highlight_html(text, words) == "推进<mark>城市数字公共基础设施</mark>应用。"
    assert marked_phrases(text, words) == ["城市数字公共基础设施"]


def test_everything_but_our_marks_is_escaped():
    text = "<script>x</script> 低空经济 & <b>数据</b>"
    html = highlight_html(text, ["低空经济", "<b>"])
    assert html == "&lt;script&gt;x&lt;/script&gt; <mark>低空经济</mark> &amp; <mark>&lt;b&gt;</mark>数据&lt;/b&gt;"
    assert highlight_html(text, []) == "&lt;script&gt;x&lt;/script&gt; 低空经济 &amp; &lt;b&gt;数据&lt;/b&gt;"
