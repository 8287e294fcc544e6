import json
import re

import ftfy
import pytest
from hypothesis import given, strategies as st

from newsclean import Document
from newsclean.whitespace import plan_whitespace
from newsclean.plugins.unicode import NEEDS_FTFY, UnicodeFixer
from newsclean.testing import assert_normalizes, load_cases, run_normalizer, news_text

from ..conftest import CASES

CASE_FILE = CASES / "unicode.json"


@pytest.mark.parametrize("case", load_cases(CASE_FILE), ids=lambda c: c["why"][:40])
def test_cases(case):
    assert_normalizes(UnicodeFixer(), case["before"], case["after"], why=case["why"])
    # the case file's expectation is ftfy's own behaviour, not ours alone
    assert ftfy.fix_text(case["before"]) == case["after"]


def test_each_fix_is_an_edit_named_for_its_ftfy_step():
    doc = run_normalizer(UnicodeFixer(), "Iran\u2019s role\nHe said \u00e2\u20ac\u0153hello\u00e2\u20ac\u009d\n\ufb01le")
    rules = {e.rule for e in doc.edits}
    assert "uncurl_quotes" in rules
    assert "fix_encoding" in rules
    assert "fix_latin_ligatures" in rules
    assert all(e.step == "unicode" for e in doc.edits)


def test_options_reach_ftfy():
    doc = run_normalizer(UnicodeFixer(uncurl_quotes=False), "\u201cquoted\u201d")
    assert doc.text == "\u201cquoted\u201d"


def test_bad_option_is_a_config_error():
    from newsclean import ConfigError

    with pytest.raises(ConfigError, match="unicode"):
        UnicodeFixer(no_such_option=True)


def ftfy_per_line(text: str) -> str:
    """ftfy.fix_text on each line on its own (its HTML decision is per line with us)."""
    return "".join(ftfy.fix_text(line) for line in re.findall(r"[^\n]*\n|[^\n]+$", text))


def without_edge_spaces(text: str) -> str:
    """Text that layout would leave alone: the only text where we promise ftfy's exact output."""
    doc = Document(text)
    doc.apply(plan_whitespace(text), step="layout")
    return doc.text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400).map(without_edge_spaces))
def test_same_output_as_ftfy_fix_text(text):
    assert run_normalizer(UnicodeFixer(), text).text == ftfy_per_line(text)
    if "<" not in text:
        assert run_normalizer(UnicodeFixer(), text).text == ftfy.fix_text(text)


@given(news_text().map(without_edge_spaces))
def test_same_output_as_ftfy_on_news_like_text(text):
    assert run_normalizer(UnicodeFixer(), text).text == ftfy_per_line(text)


def test_html_unescaping_is_decided_per_line():
    text = "<b>bold</b> &amp; tags\nAT&amp;T shares"
    assert run_normalizer(UnicodeFixer(), text).text == "<b>bold</b> &amp; tags\nAT&T shares"


def test_edge_spaces_are_left_to_layout_and_not_shown_to_ftfy():
    # ftfy alone leaves this junk (the NBSP changes its verdict); once layout drops
    # the NBSP a second ftfy pass would fix it. We decide on the line's core.
    doc = run_normalizer(UnicodeFixer(), "\u00a0\u00c2\u00a1 and \u201cquoted\u201d  ")
    assert doc.text.startswith("\u00a0") and doc.text.endswith('"quoted"  ')


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=200))
def test_fast_path_only_skips_text_ftfy_leaves_alone(text):
    if not NEEDS_FTFY.search(text):
        assert ftfy.fix_text(text) == text


@given(st.text(alphabet="&#;amplgtAMPx0123 .Tn", max_size=60))
def test_fast_path_skips_an_ampersand_only_where_no_entity_follows(text):
    if not NEEDS_FTFY.search(text):
        assert ftfy.fix_text(text) == text


def test_the_entity_pattern_is_ftfys():
    assert "&#?[0-9A-Za-z]{1,24};" == ftfy.fixes.HTML_ENTITY_RE.pattern
    assert NEEDS_FTFY.search("AT&amp;T") and not NEEDS_FTFY.search("AT&T and R&D, Q&A, P&G")


def test_long_segment_is_recorded_exactly():
    text = ("\u201cword\u201d " * 3000) + "\n"
    doc = run_normalizer(UnicodeFixer(), text)
    assert doc.text == ftfy.fix_text(text)


def test_a_multi_step_fix_is_split_by_step():
    doc = run_normalizer(UnicodeFixer(), "He said \u00e2\u20ac\u0153hello\u00e2\u20ac\u009d")
    assert doc.text == 'He said "hello"'
    assert [e.rule for e in doc.edits] == ["fix_encoding", "fix_encoding", "uncurl_quotes", "uncurl_quotes"]


# -- the shortcut: ftfy's answer without running it, where it is sure ---------------------------------

from newsclean.plugins.unicode import explain, shortcut  # noqa: E402

SHORTCUT_ALPHABET = st.sampled_from(
    list("ab Z.,'\"&;") + ["£", "é", "€", "—", "\u2019", "\u201c", "\u201d", "\u02bc", "Ã", "Â", "©", "ﬁ", "Ｗ", "\u00a0",
                           "\u0301", "ГўВЂВ", "Ã©", "â€™", "\x85", "\r", "&amp;", "Ø", "Ù", "×²"]
)


@given(st.lists(SHORTCUT_ALPHABET, max_size=40).map("".join))
def test_the_shortcut_agrees_with_ftfy_where_it_answers(text):
    config = ftfy.TextFixerConfig()
    known = shortcut(text, config)
    fixed, plan = ftfy.fix_and_explain(text, config)
    if known is not None:
        assert known == (fixed, [tuple(step) for step in plan])
    assert explain(text, config)[0] == fixed


@pytest.mark.parametrize("padding", [0, 3, 6, 7, 40])
def test_mojibake_far_from_any_other_character_outside_ascii_is_still_found(padding):
    text = "Price £5 " + ("x" * padding + " " if padding else "") + "the cafÃ© opened"
    config = ftfy.TextFixerConfig()
    assert shortcut(text, config) is None
    assert run_normalizer(UnicodeFixer(), text).text == ftfy.fix_text(text)


def test_the_shortcut_answers_for_plain_news_lines():
    config = ftfy.TextFixerConfig()
    assert shortcut("It cost £52.7m, the café said.", config) == ("It cost £52.7m, the café said.", [])
    assert shortcut("\u201cWe\u2019re here,\u201d she said.", config) == ('"We\'re here," she said.', [("apply", "uncurl_quotes")])
    assert shortcut("\u201cWe\u2019re here\u201d", ftfy.TextFixerConfig(uncurl_quotes=False)) is None


# -- ftfy's own test cases (tests/cases/ftfy_test_cases.json, Apache-2.0, see FTFY-TEST-CASES-LICENSE.txt) --

FTFY_CASES = json.loads((CASES / "ftfy_test_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", FTFY_CASES, ids=lambda c: c["label"][:50])
def test_ftfys_own_cases_give_ftfys_output(case):
    text = without_edge_spaces(case["original"])
    assert run_normalizer(UnicodeFixer(), text).text == ftfy_per_line(text)
    if text == case["original"] and case["expect"] == "pass":
        assert run_normalizer(UnicodeFixer(), text).text == case["fixed"]


def _runs(before, after):
    runs, start = [], -1
    for i, (a, b) in enumerate(zip(before, after)):
        if a != b and start < 0:
            start = i
        elif a == b and start >= 0:
            runs.append((start, i, after[start:i]))
            start = -1
    return runs + ([(start, len(before), after[start:])] if start >= 0 else [])


@given(st.lists(st.tuples(st.sampled_from("ab \u2019\u201c\"'é\x00"), st.sampled_from("ab \u2019\u201c\"'é\x00")), max_size=30))
def test_same_length_spans_are_the_runs_of_differing_characters(pairs):
    from newsclean.plugins.unicode import same_length_spans

    before, after = "".join(a for a, _ in pairs), "".join(b for _, b in pairs)
    assert [(s.start, s.end, s.after) for s in same_length_spans(before, after, 0, "r", None)] == _runs(before, after)
