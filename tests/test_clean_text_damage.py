"""Precision on clean, professionally edited text (BBC News sample from ../shared/corpora).

The chain may trim the file's edges, take the headline into ``title`` and fix
real encoding damage; it must not touch the words of the body.
"""

import re

import newsclean

WORD = re.compile(r"\w+")


def test_bbc_bodies_keep_every_word(bbc_sample):
    pipeline = newsclean.Pipeline.from_config(disable=["typos"])  # its fixes are checked below
    for name, raw in bbc_sample:
        doc = pipeline.clean(raw, id=name)
        assert doc.undo() == raw
        kinds = {r["kind"] for r in doc.removed}
        assert kinds <= {"title"}, (name, doc.removed)
        body = raw.split("\n", 1)[1] if doc.metadata.get("title") else raw
        assert WORD.findall(doc.text) == WORD.findall(body), name


def test_bbc_quotes_are_left_alone(bbc_sample):
    pipeline = newsclean.Pipeline.from_config()
    stray = [name for name, raw in bbc_sample for e in pipeline.clean(raw).edits if e.step == "stray_quotes"]
    assert len(stray) <= len(bbc_sample) // 100, stray


def test_bbc_typo_fixes_are_all_labelled_errors(bbc_sample, corpora):
    import csv

    with open(corpora / "typos" / "bbc_doubled_words_labeled.tsv", encoding="utf-8") as fh:
        errors = {(r["file"], r["match"].split()[0]) for r in csv.DictReader(fh, delimiter="\t")
                  if r["label(E=error,L=legit)"] == "E"}
    pipeline = newsclean.Pipeline.from_config()
    for name, raw in bbc_sample:
        for edit in pipeline.clean(raw, id=name).edits:
            if edit.step == "typos":
                assert (name.removeprefix("bbc/"), edit.before.strip()) in errors, (name, edit)
