import csv
import pickle

import pytest
from hypothesis import given

import newsclean
from newsclean import Document
from newsclean.plugins.typos import TyposNormalizer, confusion_candidates, confusion_data, word_lists
from newsclean.testing import assert_normalizes, load_cases, news_text, run_normalizer

from ..conftest import CASES


@pytest.mark.parametrize("case", load_cases(CASES / "typos.json"), ids=lambda c: c["why"][:50])
def test_cases(case):
    doc = assert_normalizes(TyposNormalizer(), case["before"], case["after"], why=case["why"])
    assert all(e.rule in ("doubled_word", "confusion") and e.note for e in doc.edits)
    assert run_normalizer(TyposNormalizer(), doc.text).edits == []  # idempotent


def test_word_lists_load():
    lists = word_lists()
    assert {"legit", "strandable", "always", "copula", "copula_subject", "determiner", "demonym"} <= set(lists)
    assert "had" in lists["legit"] and "the" in lists["always"]


@given(news_text())
def test_never_loses_text(text):
    run_normalizer(TyposNormalizer(), text)


def test_labelled_bbc_doubled_words(corpora):
    """All 17 errors fixed, all 47 legitimate repeats untouched (corpora/typos)."""
    with open(corpora / "typos" / "bbc_doubled_words_labeled.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == 64
    wrong = []
    for row in rows:
        doc = Document(row["context"])
        TyposNormalizer()(doc)
        if bool(doc.edits) != (row["label(E=error,L=legit)"] == "E"):
            wrong.append((row["match"], row["context"]))
    assert wrong == []


# -- real-word errors (confusion sets) ---------------------------------------------------


def test_confusion_data_loads():
    data = confusion_data()
    assert confusion_data() is data  # read once per process
    assert "with" in data.alternatives["will"] and "will" in data.alternatives["with"]
    assert {"their", "they're"} <= set(data.alternatives["there"])
    assert data.proxies["it's"] == ("is", "has") and data.proxies["its"] == ("its",)
    assert data.thresholds["its", "it's"] == float("inf") and "its" in data.alternatives["it's"]  # "!its it's"
    assert "too" not in data.alternatives["to"]  # "!to too", and no pattern of it
    assert "it's" in data.members["its"]
    assert data.thresholds["or", "of"] > data.thresholds["of", "or"]  # "=or of 500", "=of or 50"
    assert data.cutoff > 0 and data.bigrams["relations", "with"] > data.cutoff
    assert all(w in data.unigrams for w in data.alternatives if "'" not in w)
    assert data.pattern.fullmatch("It's") and not data.pattern.search("without, withhold, oneself, tone")


def test_data_files_are_fingerprinted():
    names = {p.name for p in TyposNormalizer().data_files()}
    assert {"doubled_words.tsv", "confusion_sets.tsv", "confusion_bigrams.tsv"} <= names
    assert {p.name for p in TyposNormalizer(confusion=False).data_files()} == {"doubled_words.tsv"}


def test_confusion_edit_has_the_evidence():
    doc = run_normalizer(TyposNormalizer(), "We have good relations will all of our neighbours.")
    (edit,) = doc.edits
    assert (edit.step, edit.rule, edit.before, edit.after) == ("typos", "confusion", "will", "with")
    assert edit.note.startswith("will->with left=") and " right=" in edit.note
    left = float(edit.note.split("left=")[1].split()[0])
    right = float(edit.note.split("right=")[1])
    assert left > 1 and right > 1


def test_case_is_kept_at_a_sentence_start():
    doc = run_normalizer(TyposNormalizer(), "Their are many reasons for the fall.")
    assert doc.text == "There are many reasons for the fall."


def test_curly_apostrophe_is_kept():
    doc = run_normalizer(TyposNormalizer(), "The firm said it\u2019s own staff would be retrained.")
    assert doc.text == "The firm said its own staff would be retrained."
    doc = run_normalizer(TyposNormalizer(), "The firm said its own staff would be retrained.")
    assert doc.edits == []


def test_switch_off():
    text = "We have good relations will all of our neighbours. It was the the end."
    doc = run_normalizer(TyposNormalizer(confusion=False), text)
    assert [e.rule for e in doc.edits] == ["doubled_word"]
    pipeline = newsclean.Pipeline.from_config({"typo_confusion": False})
    assert pipeline["typos"].params == {"confusion": False}
    assert "will all" in pipeline.clean(text).text
    assert newsclean.Pipeline.from_config({})["typos"].params == {"confusion": True}
    assert pipeline.fingerprint != newsclean.Pipeline.from_config({}).fingerprint


def test_picklable():
    normalizer = TyposNormalizer()
    confusion_data()  # the data is cached by the module, never on the instance
    clone = pickle.loads(pickle.dumps(normalizer))
    assert clone.params == normalizer.params
    assert run_normalizer(clone, "relations will all of our neighbours").text == "relations with all of our neighbours"


@pytest.mark.parametrize(
    "text",
    [
        "We have good relations will all of our neighbours.",
        "One of there members said their was more then 200 people there.",
        "The firm said it's own staff will loose their jobs, too.",
    ],
)
def test_idempotent(text):
    once = run_normalizer(TyposNormalizer(), text).text
    assert once != text
    assert run_normalizer(TyposNormalizer(), once).edits == []


@given(news_text())
def test_confusion_idempotent_on_news_text(text):
    once = run_normalizer(TyposNormalizer(), text).text
    assert run_normalizer(TyposNormalizer(), once).edits == []


def test_candidates_skip_guarded_words():
    words = {c.word for c in confusion_candidates('Will Smith met Form One pupils; the word "their" and www.form.com')}
    assert words == set()


def test_thresholds_per_direction():
    from newsclean.plugins.typos import MIN_PRODUCT, Confusion, confusion_verdict

    data = confusion_data()
    # the same evidence, two directions: or->of needs overwhelming evidence, with->will much less
    strong_or = Confusion(0, 2, "or", "of", 40.0, 10.0, 1.0, data.thresholds["or", "of"])
    assert not confusion_verdict(strong_or)
    assert confusion_verdict(strong_or._replace(threshold=MIN_PRODUCT))
    everything = data.every_direction()
    assert "it's" in everything.alternatives["its"] and everything.thresholds == {}
    assert confusion_data() is data and data.thresholds["its", "it's"] == float("inf")


def test_candidates_on_every_direction_data():
    text = "The firm said its profits rose."
    assert run_normalizer(TyposNormalizer(), text).edits == []  # "!its it's": only through its pattern
    assert [c.alternative for c in confusion_candidates("They went to London.")] == []  # "!to too": no candidate
    (c,) = confusion_candidates(text, data=confusion_data().every_direction())
    assert (c.word, c.alternative) == ("its", "it's")


def test_a_day_is_no_name():
    day = confusion_candidates("It is released one Monday.")[-1]
    name = confusion_candidates("It is released one Mark.")[-1]
    assert day.word == name.word == "one"
    assert day.right > 1 and name.right == 1.0


def test_grammar_patterns():
    from newsclean.plugins.typos import grammar_pattern

    from newsclean.plugins.typos import CLAUSE, DAY_NEXT, NAME, NUMBER_NEXT, STATEMENT

    assert grammar_pattern("will", "with", "talks", "the", cue=STATEMENT) == "will+determiner"
    assert grammar_pattern("will", "with", "talks", "the", cue="") == ""  # a question: But will the ...?
    assert grammar_pattern("will", "with", "nor", "the", cue=STATEMENT) == ""  # inversion: Nor will the government
    assert grammar_pattern("will", "with", None, "the", cue=STATEMENT) == ""  # no word before (a dash, a bracket)
    assert grammar_pattern("will", "with", CLAUSE, "the", cue=STATEMENT) == "clause+will+determiner"
    assert grammar_pattern("will", "with", "talks", NAME, cue=STATEMENT) == "will+name"
    assert grammar_pattern("will", "with", "as", "the", cue=STATEMENT) == ""  # as will the Lib Dems
    assert grammar_pattern("it's", "its", "of", "energy") == "preposition+it's"
    assert grammar_pattern("it's", "its", "said", "energy") == ""
    assert grammar_pattern("its", "it's", "feel", "a") == "its+article"
    assert grammar_pattern("its", "it's", "cut", "own") == ""
    assert grammar_pattern("one", "on", "praise", "them") == "one+determiner"
    assert grammar_pattern("one", "on", "is", "the") == ""  # is one the largest: "of" is missing
    assert grammar_pattern("one", "on", "to", "a") == ""  # one a day
    assert grammar_pattern("one", "on", "said", "tuesday", cue=DAY_NEXT) == "one+day"
    assert grammar_pattern("one", "on", "said", "tuesday") == ""  # one Tuesday morning: a story
    assert grammar_pattern("one", "on", "the", "sunday", cue=DAY_NEXT) == ""  # the one Sunday he missed
    assert grammar_pattern("too", "to", "rose", "two", cue=NUMBER_NEXT) == "too+number"
    assert grammar_pattern("too", "to", "move", NAME) == ""  # too Greek, too Tory: no pattern
    assert grammar_pattern("or", "of", "quarter", "<number>", cue=NUMBER_NEXT) == "or+number"
    assert grammar_pattern("or", "of", "week", "<number>", cue=NUMBER_NEXT) == ""  # a week or 10 days
    assert grammar_pattern("or", "of", "one", "the", cue="quantity") == "quantity+or+determiner"
    assert grammar_pattern("or", "of", "one", "the") == ""  # one or the other: no cue
    assert grammar_pattern("or", "of", "because", "the", cue="determiner") == "head+or+determiner"
    assert grammar_pattern("or", "of", "start", "the", cue="determiner") == ""  # the start or the end
    assert grammar_pattern("then", "than", "less", "four") == "comparative+then"
    assert grammar_pattern("or", "of", "couple", "weeks", cue="article") == "determiner+noun+or"
    assert grammar_pattern("or", "of", NAME, "weeks", cue="article") == ""  # the BBC or ITV
    assert grammar_pattern("or", "of", "out", "retirement") == "head+or"
    assert grammar_pattern("or", "of", "thousands", "fans") == "head+or"
    assert grammar_pattern("or", "of", "thousands", "millions") == ""  # thousands or millions: amounts
    assert grammar_pattern("or", "of", "part", "all") == ""  # part or all
    assert grammar_pattern("form", "from", "came", "the") == "form+determiner"
    assert grammar_pattern("form", "from", "to", "the") == ""  # to form the government
    assert grammar_pattern("now", "not", "did", "say") == "do+now"
    assert grammar_pattern("now", "not", "did", None) == ""  # the job I do now.
    assert grammar_pattern("one", "on", "place", "two", cue="date") == "one+date"
    assert grammar_pattern("one", "on", "the", "two", cue="date") == ""  # the one 20 March
    assert grammar_pattern("will", "with", "oscars", "two", cue=NUMBER_NEXT) == "will+number"
    assert grammar_pattern("will", "with", "oscars", "two") == ""  # a question: no cue
    assert grammar_pattern("then", "than", "later", "the") == ""  # two years later then


@pytest.mark.parametrize(
    "text,word,pattern",
    [
        ("Shares rose 2% too 3% on Monday.", "too", "too+number"),
        ("The fare went from £6 too £10 a trip.", "too", "too+number"),
        ("The picture looks too 3D for some.", "too", ""),  # "3D" is no number
        ("The film was ruled too American by a court.", "too", ""),
        ("Ministers will meet one Thursday to discuss the plan.", "one", "one+day"),
        ("They met one Sunday morning and married a year later.", "one", ""),  # a story
        ("It happened one Friday in May.", "one", ""),
        ("The race is held one 20 March in Paris.", "one", "one+date"),
        ("The race is held one March 20 in Paris.", "one", "one+date"),
        ("He is one 20-year-old of many.", "one", ""),
        ("The number or people who shop online rose.", "or", "determiner+noun+or"),
        ("Sales were strongest at the start or the end of the year.", "or", ""),  # parallel: the ... or the
        ("Your side or the other side won.", "or", ""),  # coordinated: or the other
        ("It took a week or 10 days to finish.", "or", ""),  # a number after: no noun phrase head
        ("The film leads at the Oscars will 11 nominations.", "will", "will+number"),
        ("The film leads at the Oscars will $24m in sales.", "will", "will+number"),
        ("The question is will 8Mbps be enough?", "will", ""),  # a question
    ],
)
def test_what_the_text_cues(text, word, pattern):
    assert [c.pattern for c in confusion_candidates(text) if c.word == word] == [pattern]


def test_statement():
    from newsclean.plugins.typos import clause_start, statement

    def at(text, word="will"):
        i = text.lower().index(word)
        return text, i, i + len(word)

    assert statement(*at("The side won, will a late goal from Smith."))
    assert statement(*at("They won will the help of Mr. Smith and Dr. Jones."))  # abbreviations are no ends
    assert not statement(*at("Will the side win? Nobody knows."))
    assert not statement(*at("Will the side win, asks our correspondent."))
    assert not statement(*at('"Will the side win," he said.'))
    assert not statement(*at("Only then will the side win."))
    assert not statement(*at("But will the side win..."))
    assert not statement(*at("Will the side win"))  # no end on the line: a headline
    assert not statement(*at("Will the side win\nThe match report."))
    text, start, _ = at("The side won, will a late goal.")
    assert clause_start(text, start, False)
    text, start, _ = at("The side won will a late goal.")
    assert not clause_start(text, start, False)


def test_pattern_thresholds_load():
    data = confusion_data()
    assert data.thresholds["it's", "its", "preposition+it's"] < data.thresholds["it's", "its"]
    # its->it's only through its pattern: a candidate, but never changed without it
    assert "it's" in data.alternatives["its"] and data.thresholds["its", "it's"] == float("inf")
    assert confusion_candidates("The firm cut its own costs.")[0].pattern == ""
    assert run_normalizer(TyposNormalizer(), "The firm cut its own costs.").edits == []


def test_pattern_is_in_the_note():
    doc = run_normalizer(TyposNormalizer(), "He had been in talks will the government over the plan.")
    (edit,) = doc.edits
    assert edit.after == "with" and edit.note.endswith("pattern=will+determiner")


@pytest.mark.parametrize(
    "text",
    [
        "Prices will either fall or stagnate in 2005.",
        "Users will either pay monthly or the tunes stop.",
        "It is unclear whether the price or the size matters.",
    ],
)
def test_either_or_is_never_of(text):
    assert not [c for c in confusion_candidates(text) if c.word == "or"]


def test_either_in_an_earlier_sentence_does_not_count():
    text = "Either way, he lost. It was the end or the year."
    assert [c.alternative for c in confusion_candidates(text) if c.word == "or"] == ["of"]


def test_a_name_is_scored_as_a_name():
    from newsclean.plugins.typos import NAME, _name

    assert _name("Chelsea") == _name("Britain's") == NAME and _name("Monday") == "monday"
    assert confusion_data().bigrams["from", NAME] > confusion_data().bigrams["from", "london"]  # summed over proxies
    came = confusion_candidates("He moved from Paris.")[-1]
    assert came.word == "from" and came.right != 1.0  # the name gives evidence
    assert run_normalizer(TyposNormalizer(), "He shared a flat with Mark.").edits == []


def test_a_word_no_bigram_has_is_no_punctuation():
    """An unseen right neighbour ("too restructure") lets a strong left side decide; punctuation does not."""
    from newsclean.plugins.typos import MIN_BLIND_CONTEXT, confusion_verdict

    (blind,) = [c for c in confusion_candidates("The firm said it plans too restructure its debt.") if c.word == "too"]
    assert blind.blind and blind.right == 1.0 and blind.context >= MIN_BLIND_CONTEXT
    assert confusion_verdict(blind) and not confusion_verdict(blind._replace(blind=False))
    (end,) = [c for c in confusion_candidates("The firm plans a restructuring too.") if c.word == "too"]
    assert not end.blind and not confusion_verdict(end)
    (seen,) = [c for c in confusion_candidates("The firm said it was too expensive.") if c.word == "too"]
    assert not seen.blind  # "too expensive" is a bigram: the right side is evidence
    weak = blind._replace(left=blind.prior * (MIN_BLIND_CONTEXT / 2))  # the left side barely beyond the prior
    assert not confusion_verdict(weak)


def test_new_pattern_thresholds_load():
    data = confusion_data()
    assert data.thresholds["or", "of", "determiner+noun+or"] < data.thresholds["or", "of"]
    assert data.thresholds["now", "not"] == float("inf") and "not" in data.alternatives["now"]  # only through do+now
    assert data.thresholds["now", "not", "do+now"] < float("inf")
    assert {("will", "with", "will+number"), ("one", "on", "one+date"), ("form", "from", "form+determiner"),
            ("or", "of", "head+or")} <= set(data.thresholds)
