"""A repeated pass runs a paragraph-scoped step only on the paragraphs that changed (newsclean.scope)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import Document, Normalizer, Pipeline, Span, Stage
from newsclean.normalizer import validate_normalizer
from newsclean.scope import LastRun, rerun


class Colour(Normalizer):
    """colour -> color, and a doubled word made by that fix is not its business: paragraph-local."""

    name = "colour"
    stage = Stage.SPELLING
    version = "1"
    scope = "paragraph"

    def __init__(self, **params):
        super().__init__(**params)
        self.seen: list[str] = []

    def __call__(self, doc: Document) -> None:
        self.seen.append(doc.text)
        doc.apply(
            [Span(m.start(), m.end(), m.group(1) + "or", "uk_to_us", note="x") for m in re.finditer(r"\b(col|hon)our\b", doc.text)],
            step=self.name,
        )


class LateFix(Normalizer):
    """A late step whose fix (``grey`` -> ``gray``) makes the chain run again."""

    name = "late"
    stage = Stage.FINISH
    version = "1"

    def __call__(self, doc: Document) -> None:
        doc.apply([Span(m.start(), m.end(), "gray", "grey") for m in re.finditer(r"\bgrey\b", doc.text)], step=self.name)


def run_twice(normalizer: Normalizer, first: str, edit_between) -> Document:
    """Run ``normalizer`` on ``first``, apply ``edit_between`` to the document, then rerun it."""
    doc = Document(first, id="d")
    given_text, flags = doc.text, tuple(doc.flags)
    normalizer(doc)
    last = LastRun(given_text, doc.text, flags)
    edit_between(doc)
    rerun(normalizer, doc, last)
    return doc


def test_rerun_shows_the_step_only_the_changed_paragraphs():
    step = Colour()
    text = "A grey colour.\n\nNothing here.\n\nMore grey honour."

    def gray(doc):
        doc.apply([Span(m.start(), m.end(), "gray colour", "x") for m in re.finditer("grey", doc.text)], step="late")

    doc = run_twice(step, text, gray)
    assert step.seen[1] == "A gray colour color.\n\nMore gray colour honor."  # not "Nothing here."
    assert doc.text == "A gray color color.\n\nNothing here.\n\nMore gray color honor."
    assert doc.undo() == text
    # the moved edits sit where a whole-text rerun puts them
    whole = Document(text)
    Colour()(whole)
    gray(whole)
    Colour()(whole)
    assert [e.as_dict() for e in doc.edits] == [e.as_dict() for e in whole.edits]


def test_rerun_does_nothing_when_no_paragraph_changed():
    step = Colour()
    doc = run_twice(step, "One.\n\nTwo.", lambda doc: None)
    assert len(step.seen) == 1 and doc.text == "One.\n\nTwo."


def test_rerun_shows_again_only_the_paragraphs_the_step_changed():
    step = Colour()
    doc = run_twice(step, "One.\n\nTwo colour.", lambda doc: None)
    assert step.seen == ["One.\n\nTwo colour.", "Two color."] and doc.text == "One.\n\nTwo color."


def test_a_paragraph_the_step_itself_changed_is_run_again():
    """A fix can call for another (a real-word fix making a doubled word): it is not vouched for."""

    class Shrink(Normalizer):
        name, stage, version, scope = "shrink", Stage.TYPOS, "1", "paragraph"

        def __call__(self, doc):
            i = doc.text.find("aa")
            if i >= 0:  # one "aa" -> "a" per run: not idempotent on its own output
                doc.replace(i, i + 2, "a", step=self.name, rule="aa")

    doc = run_twice(Shrink(), "aaaa\n\nb", lambda doc: doc.replace(len(doc.text) - 1, len(doc.text), "c", step="x", rule="x"))
    assert doc.text == "aa\n\nc"
    assert doc.undo() == "aaaa\n\nb"


@pytest.mark.parametrize(
    "why, between",
    [
        ("flags changed", lambda doc: doc.flag("structure:not-english")),
        ("not laid out in paragraphs", lambda doc: doc.replace(0, 0, "\n\n\n", step="x", rule="x")),
    ],
)
def test_rerun_falls_back_to_the_whole_text(why, between):
    step = Colour()
    run_twice(step, "First colour.\n\nSecond.", between)
    assert len(step.seen) == 2 and step.seen[1].endswith("First color.\n\nSecond."), why  # all of it


def test_an_edit_across_the_paragraph_break_falls_back_to_the_whole_text():
    class JoinShort(Normalizer):
        """Joins a paragraph ending in ':' to the next (an edit across the break)."""

        name, stage, version, scope = "join", Stage.TYPOS, "1", "paragraph"

        def __call__(self, doc):
            doc.apply([Span(m.start(), m.end(), " ", "join") for m in re.finditer(r"(?<=:)\n\n", doc.text)], step=self.name)

    def between(doc):
        doc.replace(0, 1, "B", step="x", rule="x")
        doc.replace(len(doc.text) - 1, len(doc.text), "D", step="x", rule="x")

    doc = run_twice(JoinShort(), "b:\n\nc.\n\nd", between)
    assert doc.text == "B: c.\n\nD"  # the scratch text "B:\n\nD" would have joined two paragraphs that are not neighbours
    assert doc.undo() == "b:\n\nc.\n\nd"


def test_a_metadata_edit_falls_back_to_the_whole_text():
    class Meta(Normalizer):
        name, stage, version, scope = "meta", Stage.TYPOS, "1", "paragraph"

        def __call__(self, doc):
            doc.set_meta("title", doc.text.split("\n\n")[0], step=self.name, rule="t")

    doc = run_twice(Meta(), "a\n\nb", lambda doc: doc.replace(len(doc.text) - 1, len(doc.text), "c", step="x", rule="x"))
    assert doc.metadata["title"] == "a"  # from the whole text, not from the scratch text "c"


def test_scope_is_validated():
    class Bad(Normalizer):
        name, stage, version, scope = "bad", Stage.TYPOS, "1", "line"

        def __call__(self, doc):
            pass

    assert any("scope" in p for p in validate_normalizer(Bad()))


PARAGRAPH = st.lists(st.sampled_from(["colour", "grey", "honour", "the", "a", ".", "colour grey"]), min_size=1, max_size=6).map(" ".join)


@given(st.lists(PARAGRAPH, min_size=1, max_size=6))
def test_pipeline_with_paragraph_scope_equals_whole_text_reruns(paragraphs):
    """Same text, edits, and undo as when every repeated pass runs the step on the whole text."""
    text = "\n\n".join(paragraphs)
    scoped = Pipeline([Colour(), LateFix()]).clean(text)

    class WholeColour(Colour):
        scope = "document"

    whole = Pipeline([WholeColour(), LateFix()]).clean(text)
    assert scoped.text == whole.text
    assert [e.as_dict() for e in scoped.edits] == [e.as_dict() for e in whole.edits]
    assert scoped.undo() == text


def test_default_chain_paragraph_scope_equals_whole_text_reruns(bbc_sample):
    """On real articles, the built-in paragraph-scoped steps give exactly the whole-text result."""
    pipeline = Pipeline.from_config({})
    scoped_types = [type(n) for n in pipeline.normalizers if n.scope == "paragraph"]
    assert {t.name for t in scoped_types} >= {"unicode", "typos", "names", "spelling"}
    scoped = [pipeline.clean(text, id=name) for name, text in bbc_sample]
    try:
        for t in scoped_types:
            t.scope = "document"
        whole = [pipeline.clean(text, id=name) for name, text in bbc_sample]
    finally:
        for t in scoped_types:
            t.scope = "paragraph"
    for a, b in zip(scoped, whole):
        assert (a.text, [e.as_dict() for e in a.edits], a.metadata, a.flags) == (
            b.text,
            [e.as_dict() for e in b.edits],
            b.metadata,
            b.flags,
        ), a.id
