"""Precision on clean, professionally edited text (BBC News sample from ../shared/corpora).

The chain may trim the file's edges, take the headline into ``title`` and fix
real encoding damage; it must not touch the words of the body.
"""

import re

import newsclean

WORD = re.compile(r"\w+")


def test_bbc_bodies_keep_every_word(bbc_sample):
    # typos and misspellings are checked below; names and spelling change words on purpose (below too)
    pipeline = newsclean.Pipeline.from_config(disable=["typos", "misspellings", "names", "spelling"])
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
            if edit.rule == "doubled_word":
                assert (name.removeprefix("bbc/"), edit.before.strip()) in errors, (name, edit)


def test_bbc_real_word_fixes_are_rare(bbc_sample):
    """The confusion rule changes at most about one word per 10,000 of clean news (benchmarks/bench_typos.py)."""
    pipeline = newsclean.Pipeline.from_config()
    tokens = sum(len(WORD.findall(raw)) for _, raw in bbc_sample)
    changes = [(name, e.note) for name, raw in bbc_sample for e in pipeline.clean(raw).edits if e.rule == "confusion"]
    assert len(changes) <= max(2, tokens // 10_000), changes


def test_bbc_spelling_and_names_change_only_single_words_in_place(bbc_sample):
    """UK -> US spelling and gazetteer names replace words one for one; a capitalised
    word inside a sentence (a name: ``Labour Party``, ``World Trade Centre``) is never
    respelled."""
    pipeline = newsclean.Pipeline.from_config()
    for name, raw in bbc_sample:
        doc = pipeline.clean(raw, id=name)
        for e in doc.edits:
            if e.step == "spelling":
                assert WORD.fullmatch(e.before) and WORD.fullmatch(e.after), (name, e)
                assert e.before.islower() or "sentence start" in e.note, (name, e)
            elif e.step == "names":
                assert len(WORD.findall(e.before)) and e.before[:1].isupper() == e.after[:1].isupper(), (name, e)


def test_bbc_misspelling_fixes_are_rare(bbc_sample):
    """Non-word fixes: about one per 10,000 words of clean news at most (benchmarks/bench_misspellings.py
    lists them: most are the BBC's own typos)."""
    pipeline = newsclean.Pipeline.from_config()
    tokens = sum(len(WORD.findall(raw)) for _, raw in bbc_sample)
    changes = [(name, e.before, e.after) for name, raw in bbc_sample for e in pipeline.clean(raw).edits
               if e.step == "misspellings"]
    assert len(changes) <= max(2, 2 * tokens // 10_000), changes
