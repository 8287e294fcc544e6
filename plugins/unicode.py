"""``unicode``: fix text damage (mojibake, curly quotes, control characters) with ftfy.

The result equals ``ftfy.fix_text`` (with ``options``) applied to each line
on its own (ftfy would stop unescaping HTML entities for the rest of a text
after the first ``<``; we decide per line) without the whitespace at its edges: the text is cut into segments at line
breaks exactly as ftfy cuts it, and the core of each segment that can need a fix
goes through ``ftfy.fix_and_explain``. (Leading and trailing spaces are
layout's to remove; leaving them out of ftfy's view makes the chain idempotent,
since ftfy's mojibake detection looks at neighbouring characters.) A segment of printable ASCII
without an HTML entity cannot be changed by ftfy, so it is skipped without calling it
(most news text; ``tests/plugins/test_unicode.py`` checks the entity pattern is ftfy's).
A segment whose other characters are a ``£``, an ``é`` or curly quotes is decided without
running ftfy either (:func:`shortcut`: what ftfy would return, where that is certain);
ftfy's own test cases (``tests/cases/ftfy_test_cases.json``) and property tests check
that the step's output is ftfy's. Each changed span is an edit whose rule is the name of the
ftfy step that made it (``uncurl_quotes``, ``fix_encoding``, ...); a segment
fixed by several steps has one group of edits per step.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import Any, Iterable

import ftfy

from newsclean import ConfigError, Document, Edit, Normalizer, Span, Stage, hookimpl
from newsclean.whitespace import HSPACE, ZERO_WIDTH, plan_whitespace

#: A character outside printable ASCII, tab and newline; an HTML entity as ftfy's
#: ``unescape_html`` finds them (``ftfy.fixes.HTML_ENTITY_RE``: the ';' is required).
NOT_PRINTABLE_ASCII = re.compile(r"[^\t\n\x20-\x7e]")
HTML_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")
#: What ftfy may act on: either of them.
NEEDS_FTFY = re.compile(f"{NOT_PRINTABLE_ASCII.pattern}|{HTML_ENTITY.pattern}")


def needs_ftfy(text: str) -> bool:
    """``bool(NEEDS_FTFY.search(text))``, as two searches: each alternative alone is one that
    ``re`` runs quickly (a character class; a literal ``&`` first), the alternation is not."""
    return NOT_PRINTABLE_ASCII.search(text) is not None or ("&" in text and HTML_ENTITY.search(text) is not None)


def next_need(text: str, pos: int) -> int:
    """Where the first character or HTML entity ftfy may act on (``NEEDS_FTFY``) starts in
    ``text[pos:]``; ``len(text)`` if nowhere. (An entity is at most 27 characters long: one that
    starts before the first such character ends within 27 of it, so the search stops there.)"""
    m = NOT_PRINTABLE_ASCII.search(text, pos)
    first = len(text) if m is None else m.start()
    entity = HTML_ENTITY.search(text, pos, first + 27)
    return first if entity is None else min(first, entity.start())


#: The flag of a document holding U+FFFD, the replacement character (something was lost).
REPLACEMENT_FLAG = "unicode:replacement-character"
#: Above this length the changed middle of a segment is one span (difflib is quadratic).
MAX_DIFF_LENGTH = 400


def step_name(operation: str, parameter: str) -> str:
    """The rule name of one ftfy explanation step.

    >>> step_name("apply", "uncurl_quotes")
    'uncurl_quotes'
    >>> step_name("encode", "sloppy-windows-1252")
    'fix_encoding'
    """
    if operation in ("encode", "decode"):
        return "fix_encoding"
    if operation == "normalize":
        return f"normalize_{parameter.lower()}"
    return parameter


def rule_for(plan: list[Any] | None) -> str:
    names: list[str] = []
    for operation, parameter in plan or []:
        name = step_name(operation, parameter)
        if name not in names:
            names.append(name)
    return "+".join(names) or "ftfy"


def diff_spans(before: str, after: str, offset: int, rule: str, note: str | None) -> list[Span]:
    """Small spans that turn ``before`` into ``after`` (offsets shifted by ``offset``).

    Linear time: most ftfy fixes keep the length (quotes, widths), and those are
    compared character by character; otherwise the common head and tail are cut
    and only a short middle is aligned with difflib (quadratic, so bounded).

    >>> [(s.start, s.end, s.after) for s in diff_spans("“hi”", '"hi"', 10, "r", None)]
    [(10, 11, '"'), (13, 14, '"')]
    """
    if len(before) == len(after):
        return same_length_spans(before, after, offset, rule, note)
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    old, new = before[head : len(before) - tail], after[head : len(after) - tail]
    if len(old) > MAX_DIFF_LENGTH or len(new) > MAX_DIFF_LENGTH:
        return [Span(offset + head, offset + head + len(old), new, rule, note)]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    base = offset + head
    return [
        Span(base + i1, base + i2, new[j1:j2], rule, note)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def same_length_spans(before: str, after: str, offset: int, rule: str, note: str | None) -> list[Span]:
    """One span per run of differing characters of two strings of one length.

    ftfy's same-length fixes (quotes, widths) change only characters outside printable
    ASCII in ``before``: those places are compared first, and when putting ``after``'s
    characters there makes ``after`` (one C-level comparison), no other place differs;
    otherwise every place is compared.
    """
    runs = differing_runs(before, after, (m.start() for m in NOT_PRINTABLE_ASCII.finditer(before)))
    pieces: list[str] = []
    cursor = 0
    for start, end in runs:
        pieces.append(before[cursor:start])
        pieces.append(after[start:end])
        cursor = end
    pieces.append(before[cursor:])
    if "".join(pieces) != after:
        runs = differing_runs(before, after, range(len(before)))
    return [Span(offset + start, offset + end, after[start:end], rule, note) for start, end in runs]


def differing_runs(before: str, after: str, places: Iterable[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive ``places`` (increasing) where the strings differ."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    for i in places:
        if before[i] == after[i]:
            continue
        if i != end:  # not next to the last difference: a new run
            if start >= 0:
                runs.append((start, end))
            start = i
        end = i + 1
    if start >= 0:
        runs.append((start, end))
    return runs


class UnicodeFixer(Normalizer):
    """ftfy's ``fix_text`` with every change in the edit log. Params are ftfy's options."""

    name = "unicode"
    stage = Stage.UNICODE
    scope = "paragraph"  # ftfy fixes each line on its own (see __call__)
    version = "2"

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        try:
            self._config = ftfy.TextFixerConfig(**params)
        except TypeError as exc:
            raise ConfigError(f"normalizer 'unicode': bad ftfy option in {params!r}: {exc}") from None

    def __call__(self, doc: Document) -> None:
        text = doc.text
        if not needs_ftfy(text):
            return
        config = self._config
        limit = config.max_decode_length
        # ftfy.fix_text turns HTML unescaping off for the rest of the text once it has
        # seen '<'; fix_and_explain decides per segment, which is what we use: then
        # removing a line (structure) cannot change how a later line is fixed on the
        # next pass, and cleaning stays idempotent.
        pieces: list[str] = []
        edits: list[Edit] = []
        shift = 0  # how much earlier segments' fixes moved this one
        pos = 0
        while pos < len(text):
            # the segments before the one holding the next character or entity ftfy may act on
            # need nothing: one piece (a segment starts at each line's start, and every
            # ``limit`` characters into a longer line)
            need = next_need(text, pos)
            if need >= len(text):
                pieces.append(text[pos:])
                break
            line = text.rfind("\n", 0, need) + 1
            skip_to = max(pos, line + (need - line) // limit * limit)
            if skip_to > pos:
                pieces.append(text[pos:skip_to])
                pos = skip_to
            cut = text.find("\n", pos) + 1 or len(text)
            if cut - pos > limit:
                cut = pos + limit
            segment = text[pos:cut]
            if needs_ftfy(segment):
                # Whitespace at the line's edges is set aside: layout removes it, and
                # ftfy must not decide differently on the next pass without it.
                lead, core, trail, newline = split_edges(segment)
                start = pos + shift + len(lead)
                for part, gap, line_break in ((core, trail, False), (newline, "", True)):
                    fixed = part
                    if part and needs_ftfy(part):
                        if line_break:  # "\r\n" or "\r": a CRLF text has one per line, fixed once
                            part_edits, fixed = shift_edits(fix_line_break(part, config, self.name), start)
                        else:
                            part_edits, fixed = fix_part(part, config, start, self.name)
                        edits.extend(part_edits)
                        shift += len(fixed) - len(part)
                    start += len(fixed) + len(gap)
                    lead += fixed + gap
                segment = lead
            pieces.append(segment)
            pos = cut
        if edits:
            doc.apply_log("".join(pieces), edits)
        if "\ufffd" in doc.text:
            # characters lost before us (bytes decoded with encoding_errors="replace",
            # or by the source) or by ftfy's lossy repair: a human should look
            doc.flag(REPLACEMENT_FLAG)


#: The curly quotes ftfy's ``uncurl_quotes`` straightens (``ftfy.chardata.SINGLE_QUOTE_RE``, ``DOUBLE_QUOTE_RE``).
CURLY_QUOTES = frozenset("\u02bc\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f")
#: How far around a character outside ASCII a match of ftfy's mojibake pattern
#: (``ftfy.badness.BADNESS_RE``) can reach: its longest alternative spans 7 characters
#: (``ГўВЂВ.[A-Za-z ]``) and every alternative needs a character outside ASCII.
BADNESS_REACH = 7
#: Characters outside ASCII less than ``2 * (BADNESS_REACH - 1) + 1`` apart: their windows overlap or
#: touch, so ``_looks_bad`` searches them as one (one ``re`` call per cluster, not per character).
NON_ASCII_CLUSTER = re.compile(rf"[^\x00-\x7f](?:[\x00-\x7f]{{0,{2 * (BADNESS_REACH - 1)}}}[^\x00-\x7f])*")
#: The shortcut was checked against ftfy 6 (its pattern, its fixers); another major version runs ftfy.
SHORTCUT_CHECKED = ftfy.__version__.split(".")[0] == "6"


def explain(part: str, config: Any) -> tuple[str, list[Any]]:
    """``ftfy.fix_and_explain(part, config)`` as ``(fixed, plan)``; the common cases are decided
    without running it (:func:`shortcut`)."""
    known = shortcut(part, config)
    if known is not None:
        return known
    fixed, plan = ftfy.fix_and_explain(part, config)
    return fixed, list(plan or [])


def shortcut(part: str, config: Any) -> tuple[str, list[Any]] | None:
    """What ``ftfy.fix_and_explain(part, config)`` returns, decided without running it, for the
    lines of news that reach ftfy for a ``£``, an ``é`` or curly quotes; None when unsure.

    ftfy leaves a text alone, but for its curly quotes, when: no HTML entity; every other
    character outside printable ASCII is one that no character-level fixer changes
    (ligatures, widths, controls, line breaks, surrogates: each acts on characters one by
    one) and is not whitespace (layout's); the text is in the configured normalization form;
    and ftfy's mojibake test, ``is_bad``, finds nothing, before and after the quotes are
    straightened. ``is_bad`` is checked only near the characters outside ASCII
    (``BADNESS_REACH``), not over the whole line as ftfy does.
    """
    if not SHORTCUT_CHECKED:
        return None
    chars = set(NOT_PRINTABLE_ASCII.findall(part))
    quotes = chars.intersection(CURLY_QUOTES) if config.uncurl_quotes else ()
    if quotes:
        chars -= quotes
    if not all(map(_inert, chars)) or ("&" in part and HTML_ENTITY.search(part)):
        return None
    fixed = ftfy.fixes.uncurl_quotes(part) if quotes else part
    if config.normalization and not unicodedata.is_normalized(config.normalization, fixed):
        return None
    if config.fix_encoding and (_looks_bad(part) or (quotes and _looks_bad(fixed))):
        return None
    return fixed, [("apply", "uncurl_quotes")] if quotes else []


def _looks_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searched only near the characters outside ASCII: in one
    window per cluster of them (``NON_ASCII_CLUSTER``), reaching ``BADNESS_REACH - 1`` around it."""
    search = ftfy.badness.BADNESS_RE.search
    reach = BADNESS_REACH - 1
    for m in NON_ASCII_CLUSTER.finditer(text):
        if search(text, max(0, m.start() - reach), m.end() + reach):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _inert(char: str) -> bool:
    """Whether ftfy's default fixes leave ``char`` alone, on its own (see ``ftfy_leaves_alone``)."""
    if char < "\x7f" or "\x7f" <= char <= "\x9f" or char.isspace() or char in ZERO_WIDTH or unicodedata.combining(char):
        return False  # controls (a line break, a terminal escape's ESC), whitespace, a combining mark
    return ftfy.fix_text(char) == char


#: The characters of ``HSPACE``, for str.strip (all are below U+10000).
HSPACE_CHARS = "".join(c for c in map(chr, range(0x10000)) if re.fullmatch(HSPACE, c))


def split_edges(segment: str) -> tuple[str, str, str, str]:
    """``(leading whitespace, core, trailing whitespace, final newline)`` of a segment.

    What ``re.fullmatch(rf"(?s)({HSPACE}*)(.*?)({HSPACE}*)(\r?\n?)", segment)`` gives, without
    its backtracking: that pattern is quadratic on a long run of spaces inside a line.

    >>> split_edges("\u00a0 “Hi” \\r\\n")
    ('\xa0 ', '“Hi”', ' ', '\\r\\n')
    """
    newline = "\r\n" if segment.endswith("\r\n") else segment[-1:] if segment.endswith(("\r", "\n")) else ""
    body = segment[: len(segment) - len(newline)]
    rest = body.lstrip(HSPACE_CHARS)
    core = rest.rstrip(HSPACE_CHARS)
    return body[: len(body) - len(rest)], core, rest[len(core) :], newline


@functools.lru_cache(maxsize=64)
def fix_line_break(part: str, config: Any, step: str) -> tuple[tuple[Edit, ...], str]:
    """:func:`fix_part` of a line break at offset 0 (a CRLF text has one per line: cached)."""
    edits, fixed = fix_part(part, config, 0, step)
    return tuple(edits), fixed


def shift_edits(fixed: tuple[tuple[Edit, ...], str], offset: int) -> tuple[list[Edit], str]:
    edits, text = fixed
    return [Edit(e.step, e.rule, e.start + offset, e.end + offset, e.before, e.after, e.field, e.note) for e in edits], text


#: Whitespace other than a plain space, and the zero-width characters (see :func:`plain_spacing`).
ODD_WHITESPACE = re.compile("[^\\S ]|[" + "".join(sorted(ZERO_WIDTH)) + "]")


def plain_spacing(part: str) -> bool:
    """Whether ``plan_whitespace(part)`` is certainly empty (most line cores): its only whitespace is
    single spaces between other characters. (Every other character ``plan_whitespace`` treats as a
    space or a line break is whitespace to ``str.isspace`` or in ``ZERO_WIDTH``; a run it changes
    starts at one of them, at two spaces, or at a space at an edge.)"""
    return not ("  " in part or part[:1] == " " or part[-1:] == " " or ODD_WHITESPACE.search(part))


def fix_part(part: str, config: Any, offset: int, step: str) -> tuple[list[Edit], str]:
    """ftfy on one line core; returns its edits (offsets from ``offset``) and the result.

    If the core has odd whitespace (NBSP, zero-width characters, runs of
    spaces) and ftfy decides differently once layout has normalised it, the
    whitespace is normalised here first: otherwise the next pass over the
    cleaned text would fix what this one left (ftfy cannot decode
    ``"the\u00a0caf\u00c3\u00a9"`` as a whole but can ``"the caf\u00c3\u00a9"``).
    """
    fixed, plan = explain(part, config)
    spaces = [] if plain_spacing(part) else plan_whitespace(part)
    if spaces:
        view = Document(part)
        view.apply(spaces, step=step)
        view_fixed, view_plan = explain(view.text, config)
        if view_fixed != view.text and not plan_whitespace(view_fixed):
            shifted = [
                Edit(e.step, e.rule, e.start + offset, e.end + offset, e.before, e.after, None, e.note)
                for e in view.edits
            ]
            return shifted + segment_edits(view.text, view_fixed, view_plan or [], offset, step), view_fixed
    if fixed == part:
        return [], part
    return segment_edits(part, fixed, plan or [], offset, step), fixed


def replay_step(state: Any, operation: str, parameter: str) -> Any:
    """One ftfy plan step (``apply_plan`` does not know ``normalize``); ``None`` if it cannot be replayed."""
    try:
        if operation == "normalize":
            return unicodedata.normalize(parameter, state)
        return ftfy.apply_plan(state, [(operation, parameter)])
    except (ValueError, TypeError, UnicodeError):
        return None


def segment_edits(segment: str, fixed: str, plan: list[Any], offset: int, step: str) -> list[Edit]:
    """The edits that turn ``segment`` into ``fixed``, one group per ftfy step of ``plan``.

    Each str-to-str stage of the plan (an encode/decode pair counts as one) is
    replayed with ``ftfy.apply_plan`` and diffed, so every edit carries the name
    of the step that made it. If the replay does not reach ``fixed`` the whole
    change is one group named by all the steps. A plan of one step is that one
    group either way: it is not replayed.
    """
    stages: list[tuple[str, str]] = []  # (rule, text after the stage)
    state: Any = segment
    pending: list[Any] = []
    for operation, parameter in plan if len(plan) > 1 else ():
        pending.append((operation, parameter))
        state = replay_step(state, operation, parameter)
        if state is None:
            break
        if isinstance(state, str):
            stages.append((rule_for(pending), state))
            pending = []
    if state is None or not stages or pending or stages[-1][1] != fixed:
        stages = [(rule_for(plan), fixed)]
    sub = Document(segment)
    for rule, after in stages:
        sub.apply(diff_spans(sub.text, after, 0, rule, None), step=step)
    return [
        Edit(e.step, e.rule, e.start + offset, e.end + offset, e.before, e.after, None, e.note)
        for e in sub.edits
    ]


@hookimpl
def newsclean_configure(config):
    config.declare("ftfy", {}, "options passed to ftfy.TextFixerConfig (e.g. {uncurl_quotes = false})")


@hookimpl
def newsclean_normalizers(config):
    return [UnicodeFixer(**dict(config.get("ftfy")))]
