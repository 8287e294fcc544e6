"""The quick paths of the steps give exactly what the plain code gives (issues 5 and 8).

Each quick path replaces a slow but obvious computation (a case-insensitive regex, a
character-by-character loop, a regex over every word) by one that must find the same
thing; these tests compare the two on the characters that could tell them apart.
"""

import re

import ftfy
from hypothesis import assume, given
from hypothesis import strategies as st

from newsclean import Document
from newsclean.plugins import spelling, typos, unicode

#: Characters that case-insensitive matching treats specially (the Kelvin sign, a long s, a
#: dotless i, an I with a dot, Greek sigmas, a combining mark whose capital is a letter), letters
#: outside ASCII in both cases, apostrophes and the guards' punctuation.
TRICKY = "\u212a\u017f\u0131\u0130\u03c3\u03c2\u03a3\u0345\u00e9\u00c9\u00df\u01c5\u2160\u2019'’-./@#_1 \n"
WORDS = ["of", "Of", "OF", "on", "or", "will", "With", "it's", "It\u2019s", "its", "one", "the", "The", "THE",
         "their", "there", "too", "than", "then", "sos", "ok", "is", "Is", "\u00e9t\u00e9", "\u00c9t\u00e9"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(TRICKY, max_size=3)), max_size=14).map(" ".join) | st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(TRICKY, max_size=2)), max_size=14
).map("".join)


@given(texts)
def test_confusable_matches_the_case_insensitive_pattern(text):
    for data in (typos.confusion_data(), typos.confusion_data().every_direction()):
        assert typos.confusable(data.pattern, text) == [m.span() for m in data.pattern.finditer(text)]


@given(texts)
def test_doubled_words_are_the_patterns_matches(text):
    expected = [(m.span(), m.groups()) for m in typos.DOUBLED.finditer(text)]
    assert [(m.span(), m.groups()) for m in typos.doubled_words(text)] == expected


@given(st.lists(st.sampled_from(["the", "The", "THE", "a", "_", "x1", "1", " ", "  ", ".", "-", "'", "\n", "("]), max_size=12).map("".join))
def test_doubled_words_in_ascii_text(text):
    expected = [(m.span(), m.groups()) for m in typos.DOUBLED.finditer(text)]
    assert [(m.span(), m.groups()) for m in typos.doubled_words(text)] == expected


def test_lowered_refuses_characters_that_fold_to_ascii():
    assert typos.lowered("The OF of") == "the of of"
    assert typos.lowered("caf\u00e9 \u00a3 \u2019") == "caf\u00e9 \u00a3 \u2019"
    for odd in ("\u212a", "\u017f", "\u0131", "\u0130", "\u00c9"):  # folds to ASCII, or lower() changes it
        assert typos.lowered(f"the {odd} of") is None
    pattern = typos.confusion_data().pattern
    assert typos.confusable(pattern, "\u017fo \u212aof of") == [m.span() for m in pattern.finditer("\u017fo \u212aof of")]


@given(st.text("ab colour Colour iDefence centre-1_\u00e9\u00c9.' \n", max_size=40))
def test_spelling_finds_every_key_that_stands_as_a_word(text):
    tab = spelling.table("us")
    standing = {k for k in tab.keys if re.search(rf"\b{re.escape(k)}\b", text)}
    assert standing <= spelling.present_keys(tab, text)


def test_spelling_ignores_a_key_inside_a_word():
    doc = Document("The security firm iDefence said the colour was wrong.")
    spelling.SpellingNormalizer()(doc)
    assert doc.text == "The security firm iDefence said the color was wrong."


def _same_length_spans_by_hand(before, after):
    runs, start = [], None
    for i, (a, b) in enumerate(zip(before, after)):
        if a != b and start is None:
            start = i
        elif a == b and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(before)))
    return [(s, e, after[s:e]) for s, e in runs]


@given(st.text("ab \"'\u201c\u201d\u2019\u00e9\x00\tA\uff21", max_size=12), st.data())
def test_same_length_spans_are_the_runs_of_differences(before, data):
    after = data.draw(st.text("ab \"'\u201c\u201d\u2019\u00e9\x00\tA\uff21", min_size=len(before), max_size=len(before)))
    spans = unicode.same_length_spans(before, after, 0, "r", None)
    assert [(s.start, s.end, s.after) for s in spans] == _same_length_spans_by_hand(before, after)


@given(st.text("ab é’ \u00c3\u00a9\u00e2\u20ac\u2122\u00c2\u0080x", max_size=40))
def test_looks_bad_is_ftfys_test(text):
    assert unicode._looks_bad(text) == ftfy.badness.is_bad(text)


@given(st.text("ab\n\r &amp;#39;é“", max_size=40), st.integers(0, 40))
def test_next_need_is_the_first_place_ftfy_may_act_on(text, pos):
    pos = min(pos, len(text))
    places = [i for i in range(pos, len(text)) if unicode.NEEDS_FTFY.match(text, i)]
    assert unicode.next_need(text, pos) == (places[0] if places else len(text))


@given(st.text("ab\n\r &amp;;#39é“\u00c3\u00a9", max_size=40), st.sampled_from([1, 3, 7, 1000]))
def test_unicode_skips_only_segments_that_need_nothing(text, limit):
    """The step cut into segments one by one (as before the quick path) gives the same text."""
    fixer = unicode.UnicodeFixer(max_decode_length=limit)
    doc = Document(text)
    fixer(doc)
    expected = []
    pos = 0
    while pos < len(text):
        cut = text.find("\n", pos) + 1 or len(text)
        if cut - pos > limit:
            cut = pos + limit
        segment = text[pos:cut]
        if unicode.needs_ftfy(segment):
            one = Document(segment)
            unicode.UnicodeFixer(max_decode_length=limit)(one)
            segment = one.text
        expected.append(segment)
        pos = cut
    assert doc.text == "".join(expected)


def test_layout_spaces_are_whitespace_or_zero_width():
    """``layout.laid_out`` looks for whitespace with ``str.isspace`` and ``ZERO_WIDTH``: every
    character ``plan_whitespace`` treats as a space or a line break must be one of them."""
    from newsclean.whitespace import _NEWLINE, HSPACE, ZERO_WIDTH

    spaces = re.compile(f"{HSPACE}|{_NEWLINE}")
    odd = [c for c in map(chr, range(0x10000)) if spaces.fullmatch(c) and not c.isspace() and c not in ZERO_WIDTH]
    assert odd == []


@given(st.text(" \n\t\r\x0b\x0c\x1c\x85\u00a0\u2028\u2029\u200b\u2060\ufeffab", max_size=14))
def test_laid_out_text_needs_no_layout(text):
    from newsclean.plugins.layout import laid_out
    from newsclean.whitespace import plan_whitespace

    if laid_out(text):
        assert plan_whitespace(text) == []
    assert laid_out("A line.\nA paragraph, of words.\n\nAnother.")


#: Characters ``plan_whitespace`` treats as spaces or line breaks, with a few that it does not
#: (``\x1c`` is whitespace to ``str.isspace`` only) and letters.
SPACES = " \n\t\r\x0b\x0c\x1c\x85\u00a0\u2009\u3000\u2028\u2029\u200b\u2060\ufeffab"


@given(st.text(SPACES, max_size=14))
def test_plan_layout_is_plan_whitespace(text):
    from newsclean.plugins.layout import plan_layout
    from newsclean.whitespace import plan_whitespace

    assert plan_layout(text) == plan_whitespace(text)
    assert plan_layout("\n\ufeff A line.\nAnother.\n \n") == plan_whitespace("\n\ufeff A line.\nAnother.\n \n")


def test_layout_edge_space_is_what_plan_whitespace_treats_as_space():
    from newsclean.plugins.layout import EDGE_SPACE
    from newsclean.whitespace import _NEWLINE, HSPACE

    spaces = re.compile(f"{HSPACE}|{_NEWLINE}")
    assert set(EDGE_SPACE) == {c for c in map(chr, range(0x10000)) if spaces.fullmatch(c)}


@given(st.text(SPACES + "  ", max_size=10))
def test_plain_spacing_needs_no_layout(text):
    from newsclean.whitespace import plan_whitespace

    if unicode.plain_spacing(text):
        assert plan_whitespace(text) == []


#: Letters in and outside ASCII, the apostrophes ``names`` joins tokens with, a possessive's
#: ``s``, digits, ``_`` and separators.
NAME_CHARS = "AlisS'’`ʼé_1 -.\n\u00e9\ud800"


@given(st.lists(st.one_of(st.sampled_from(["Ali", "al", "Sha'abi", "Sha’abi", "Ali's", "AL", "s"]),
                          st.text(NAME_CHARS, max_size=4)), max_size=10).map("".join))
def test_names_present_tokens_are_the_patterns_tokens(text):
    from newsclean.plugins import names

    words = {"Ali", "al", "AL", "s", "Sha'abi", "Alis", "é", "A", "S"}
    expected = set(names.TOKEN.findall(text))
    if any(c in text for c in names.OTHER_APOSTROPHES):
        expected.update([w.translate(names.APOSTROPHE_TABLE) for w in expected if not w.isascii()])
    ascii_words = frozenset(w.encode("ascii") for w in words if w.isascii() and w.isalpha())
    assert names.present_tokens(text, words, ascii_words) == words & expected


@given(st.lists(st.sampled_from(["colour", "Colour", "centre", "honour", "iDefence", "a", "_", "1", "\u00e9", "\u2160",
                                 " ", "-", "'", ".", "\n"]), max_size=12).map("".join))
def test_spelling_word_places_are_the_patterns_matches(text):
    tab = spelling.table("us")
    found = spelling.present_keys(tab, text)
    expected = [m.span() for m in spelling._words_pattern(frozenset(found)).finditer(text)] if found else []
    assert spelling.word_places(text, found) == expected


def _segment_edits_replayed(segment, fixed, plan):
    """``unicode.segment_edits`` as it was: every plan replayed, a one-step plan too."""
    stages, state, pending = [], segment, []
    for operation, parameter in plan:
        pending.append((operation, parameter))
        state = unicode.replay_step(state, operation, parameter)
        if state is None:
            break
        if isinstance(state, str):
            stages.append((unicode.rule_for(pending), state))
            pending = []
    if state is None or not stages or pending or stages[-1][1] != fixed:
        stages = [(unicode.rule_for(plan), fixed)]
    sub = Document(segment)
    for rule, after in stages:
        sub.apply(unicode.diff_spans(sub.text, after, 0, rule, None), step="unicode")
    return sub.edits


@given(st.text("ab \"'\u201c\u201d\u2019\u00e9\u00c3\u00a9\ufb01\uff21&amp;\x00", max_size=16))
def test_segment_edits_need_not_replay_a_one_step_plan(text):
    fixed, plan = ftfy.fix_and_explain(text)
    plan = list(plan or [])
    for steps in (plan, plan[:1], [("apply", "uncurl_quotes")], [("normalize", "NFC")], []):
        expected = _segment_edits_replayed(text, fixed, steps)
        assert unicode.segment_edits(text, fixed, steps, 0, "unicode") == expected


# -- structure (issue 5: its cost in the chain) -----------------------------------------
from newsclean.plugins import structure  # noqa: E402

LINE_PARTS = ["Related: ", "Read more", "By Jane Smith", "Updated ", "2019", "Photo: Getty", "if you buy something",
              "click here", "comments", "Advertisement", "Share this", "\u0130stanbul ", "caf\u00e9 ", "\u2022 ",
              "The council said on Tuesday that the plan would go ahead. ", "x" * 130, ": ", "(", ")", "\u201c", "\u201d", '"']
lines_of_parts = st.lists(st.lists(st.sampled_from(LINE_PARTS), max_size=8).map("".join), min_size=1, max_size=8)


def plain_candidate_lines(text, lines):
    """candidate_lines as first written: the scanner on the whole text, gate words searched in all of it."""
    import bisect

    short, long = structure.line_scanner(False), structure.line_scanner(True)
    found = {
        l.index for l in lines
        if (len(l.text) <= structure.STAMP_LINE_MAX and structure.YEAR_IN_TEXT.search(l.text))
        or l.text.startswith(structure.BYLINE_START) or l.text.startswith(structure.STAMP_LABELS)
        or structure.is_byline_label(l.text)
        or (short if len(l.text) <= structure.SHORT_LINE or len(l.text.strip(structure.EDGE_CHARS)) <= structure.SHORT_LINE
            else long).match(text, l.start)
    }
    lowered, starts = text.lower(), [l.start for l in lines]
    for word in structure.gate_words():
        at = lowered.find(word)
        while at >= 0:
            found.add(bisect.bisect_right(starts, at) - 1)
            at = lowered.find(word, at + len(word))
    return sorted(found)


@given(lines_of_parts)
def test_candidate_lines_hold_every_line_the_plain_search_finds_that_a_rule_can_use(parts):
    # the quick form asks each line alone; the plain form also flagged a long line for a gate word,
    # which no gated pattern can match (a line over MAX_BOILERPLATE_LINE is no boilerplate line)
    text = "\n".join(parts)
    assume(len(text.lower()) == len(text))  # (the plain form's offsets drift where lower() adds a character)
    lines = structure.split_lines(text)
    quick = set(structure.candidate_lines(text, lines))
    plain = set(plain_candidate_lines(text, lines))
    assert {i for i in plain if len(lines[i].text) <= structure.MAX_BOILERPLATE_LINE} <= quick
    assert quick - plain <= {l.index for l in lines if len(l.text) > structure.MAX_BOILERPLATE_LINE}


@given(st.text(" ab.1\u00e9_'\n", max_size=60), st.integers(0, 14))
def test_has_words_is_a_word_count(text, n):
    assert structure.has_words(text, n) == (structure.word_count(text) >= n)


@given(st.text("a\u00e9\u0130\u00bd\u00b2\u2160\u4e00\u0663_1 \u0301\u00a3", max_size=40))
def test_non_ascii_letters_are_the_patterns_matches(text):
    assert structure.non_ascii_letters(text) == len(structure.NON_ASCII_LETTER.findall(text))


def plain_stray_quotes(text):
    """StrayQuoteNormalizer as first written: every line's quote marks listed."""
    spans, previous_open = [], False
    norm = structure.StrayQuoteNormalizer
    for line in structure.split_lines(text):
        marks = [m.start() for m in norm.QUOTE.finditer(line.text)]
        ending = norm.ENDING.search(line.text)
        if ending and len(marks) % 2 == 1 and not previous_open and structure.is_stray(line.text, marks):
            spans.append((line.start + ending.start(1), line.end))
        previous_open = len(marks) % 2 == 1 and not ending
    return spans


@given(st.lists(st.sampled_from(['He said "no.', 'pointed out."', '"Yes," she said.', "\u201cWe won.\u201d", "ok.\u201d",
                                 "went on", '"', "\n", " ", "."]), max_size=10).map("".join))
def test_stray_quotes_takes_what_the_plain_loop_takes(text):
    doc = Document(text)
    structure.StrayQuoteNormalizer()(doc)
    assert [(e.start, e.start + len(e.before)) for e in doc.edits] == _shifted(plain_stray_quotes(text))


def _shifted(spans):
    """The plain spans as Document.apply records them (each edit's offsets after the earlier ones)."""
    out, removed = [], 0
    for start, end in spans:
        out.append((start - removed, end - removed))
        removed += end - start
    return out
