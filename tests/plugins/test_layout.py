import pytest
from hypothesis import given, strategies as st

from newsclean.plugins.layout import LayoutNormalizer
from newsclean.testing import assert_normalizes, load_cases, run_normalizer, news_text

from ..conftest import CASES


@pytest.mark.parametrize("case", load_cases(CASES / "layout.json"), ids=lambda c: c["why"][:40])
def test_cases(case):
    assert_normalizes(LayoutNormalizer(), case["before"], case["after"], why=case["why"])


def test_rules_say_what_was_done():
    doc = run_normalizer(LayoutNormalizer(), " a\u00a0 b\n\n\n c  d ")
    assert [e.rule for e in doc.edits] == ["trim_document", "odd_space", "blank_lines", "collapse_spaces", "trim_document"]


@given(st.one_of(news_text(), st.text(alphabet=" \t\n\r\u00a0\u2009\u200bab.", max_size=80)))
def test_output_shape(text):
    out = run_normalizer(LayoutNormalizer(), text).text
    assert out == out.strip()
    assert "\n\n\n" not in out
    for line in out.split("\n"):
        assert line == line.strip()
        assert "  " not in line and "\u00a0" not in line and "\t" not in line
    assert run_normalizer(LayoutNormalizer(), out).edits == []


def _whitespace_run_reference():
    """The pattern without the start-of-run lookahead: it tries every alternative everywhere."""
    import re

    from newsclean import whitespace as w

    return re.compile(
        rf"(?:(?P<vertical>{w.HSPACE}*{w._NEWLINE}(?:{w.HSPACE}|{w._NEWLINE})*)"
        rf"|(?P<horizontal>\A{w.HSPACE}+|{w.HSPACE}+\Z| {{2,}}{w.HSPACE}*| *{w._ODD_SPACE}{w.HSPACE}*))"
    )


@given(st.text(alphabet=" \t\n\r\x0b\u00a0\u2009\u200b\u2028\ufeff\u3000ab.", max_size=40))
def test_the_lookahead_only_skips_positions_where_no_run_starts(text):
    from newsclean.whitespace import WHITESPACE_RUN

    expected = [(m.span(), m.lastgroup) for m in _whitespace_run_reference().finditer(text)]
    assert [(m.span(), m.lastgroup) for m in WHITESPACE_RUN.finditer(text)] == expected
