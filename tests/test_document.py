import json

import pytest

from newsclean import Document, EditError, Span, undo_text


def test_replace_records_the_edit_and_undo_restores():
    doc = Document("relations will all of our neighbors", id="d1")
    doc.replace(10, 14, "with", step="typos", rule="confusion:will/with")
    assert doc.text == "relations with all of our neighbors"
    (edit,) = doc.edits
    assert (edit.step, edit.rule, edit.start, edit.end, edit.before, edit.after) == (
        "typos", "confusion:will/with", 10, 14, "will", "with")
    assert doc.undo() == "relations will all of our neighbors"


def test_remove_with_kind_lists_the_block_in_removed():
    doc = Document("Body text.\n\nRead More:\nOther story")
    start = doc.text.index("Read More:")
    doc.remove(start - 2, len(doc.text), step="structure", rule="link_block", kind="related")
    assert doc.text == "Body text."
    assert doc.removed == [{"kind": "related", "text": "Read More:\nOther story", "step": "structure"}]
    assert doc.undo() == "Body text.\n\nRead More:\nOther story"


def test_apply_many_spans_records_document_order_offsets():
    raw = "aa bb cc dd"
    doc = Document(raw)
    doc.apply([Span(6, 8, "CCCC", "r"), Span(0, 2, "", "r"), Span(3, 5, "B", "r")], step="s")
    assert doc.text == " B CCCC dd"
    assert [e.before for e in doc.edits] == ["aa", "bb", "cc"]
    # replaying forward from the raw text with the recorded offsets reproduces the result
    text = raw
    for e in doc.edits:
        assert text[e.start:e.end] == e.before
        text = text[:e.start] + e.after + text[e.end:]
    assert text == doc.text
    assert doc.undo() == raw


def test_unchanged_span_is_not_an_edit():
    doc = Document("same")
    assert doc.apply([Span(0, 4, "same", "r")], step="s") == 0
    assert doc.edits == []


@pytest.mark.parametrize("spans", [[Span(0, 99, "", "r")], [Span(2, 1, "", "r")], [Span(0, 3, "", "r"), Span(2, 4, "", "r")]])
def test_bad_spans_raise_naming_document_step_and_rule(spans):
    doc = Document("abcdef", id="doc-7")
    with pytest.raises(EditError, match=r"doc-7.*'s'.*'r'"):
        doc.apply(spans, step="s")
    assert doc.text == "abcdef" and doc.edits == []


def test_set_meta_records_json_and_is_skipped_by_undo():
    doc = Document("Title\n\nBody")
    doc.set_meta("title", "Title", step="structure", rule="headline")
    doc.remove(0, 7, step="structure", rule="headline")
    (meta, text_edit) = doc.edits
    assert meta.field == "title" and json.loads(meta.after) == "Title" and json.loads(meta.before) is None
    assert doc.metadata["title"] == "Title"
    assert doc.undo() == "Title\n\nBody"
    doc.set_meta("title", "Title", step="structure", rule="headline")
    assert len(doc.edits) == 2  # unchanged value: no edit


def test_undo_from_dicts_and_a_corrupted_log_is_an_error():
    doc = Document("colour and favour")
    doc.replace(0, 6, "color", step="spelling", rule="uk>us")
    dicts = [e.as_dict() for e in doc.edits]
    assert undo_text(doc.text, dicts) == "colour and favour"
    with pytest.raises(EditError, match="does not match"):
        undo_text("something else entirely", dicts)
