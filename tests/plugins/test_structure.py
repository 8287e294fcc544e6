import pytest
from hypothesis import given

from newsclean import Document
from newsclean.plugins.dates import parse_stamp
from newsclean.plugins.structure import (
    StrayQuoteNormalizer,
    StructureNormalizer,
    boilerplate_kind,
    boilerplate_patterns,
)
from newsclean.testing import assert_normalizes, load_cases, news_text, run_normalizer

from ..conftest import CASES

BODY = (
    "The ministry said the talks would resume next week after a short pause.\n\n"
    "Officials from both sides met in the capital on Tuesday to discuss the border."
)


#: every case file of the structure step: the general one, wire services, web layouts, bylines
CASE_FILES = ("structure.json", "structure_wire.json", "structure_web.json", "structure_bylines.json")
ALL_CASES = [case for name in CASE_FILES for case in load_cases(CASES / name)]


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda c: c["why"][:50])
def test_cases(case):
    doc = assert_normalizes(StructureNormalizer(), case["before"], case["after"], case.get("meta"), why=case["why"])
    # idempotent on its own output
    assert run_normalizer(StructureNormalizer(), doc.text).text == doc.text


def test_removed_blocks_are_listed_with_their_kind():
    doc = run_normalizer(StructureNormalizer(), f"{BODY}\n\nRelated News:\n\nUS cannot break ties: Zarif\n\nH.M")
    kinds = [r["kind"] for r in doc.removed]
    assert kinds.count("related") == 2 and "signoff" in kinds
    assert {"US cannot break ties: Zarif", "H.M"} <= {r["text"] for r in doc.removed}


def test_datelines_keep_leaves_the_place_in_the_body_and_sets_metadata():
    doc = run_normalizer(StructureNormalizer(datelines="keep"), f"LONDON (AP) \u2014 {BODY}")
    assert doc.text.startswith("LONDON (AP) \u2014 The ministry")
    assert doc.metadata["dateline"] == "LONDON" and doc.metadata["source"] == "AP"


def test_bad_datelines_option_is_a_config_error():
    from newsclean import ConfigError

    with pytest.raises(ConfigError, match="datelines"):
        StructureNormalizer(datelines="maybe")


def test_over_deletion_guard_keeps_a_page_dump_and_flags_it():
    page = "Home\n\nMenu\n\nSearch\n\nLatest news\n\nMost popular\n\nShare this article\n\nThe end of it all."
    doc = run_normalizer(StructureNormalizer(), page)
    assert doc.text == page
    assert "structure:over-deletion" in doc.flags
    assert doc.edits == []


def test_non_english_text_is_left_alone_and_flagged():
    # the rules would take the first line as a headline and "Leia mais:" matches nothing,
    # but the text is not English, so nothing is touched and the document is flagged
    text = "Nunca ouviu as sensacionais brinquedorias musicais do grupo?\n\n" + (
        "O grupo de Belo Horizonte lança um disco novo com canções para crianças e adultos. " * 6
    ).strip() + "\n\nA banda toca no teatro da cidade no sábado, com ingressos esgotados."
    doc = run_normalizer(StructureNormalizer(), text)
    assert doc.text == text and "structure:not-english" in doc.flags


def test_clean_bbc_style_article_keeps_every_body_sentence():
    text = (
        "Ad sales boost Time Warner profit\n\n"
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.\n\n"
        "The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet.\n\n"
        "Time Warner said on Friday that it now owns 8% of search-engine Google."
    )
    doc = run_normalizer(StructureNormalizer(), text)
    assert doc.metadata["title"] == "Ad sales boost Time Warner profit"
    assert doc.text == text.split("\n\n", 1)[1]


@given(news_text())
def test_structure_never_loses_text(text):
    run_normalizer(StructureNormalizer(), text)  # asserts undo() rebuilds the input
    run_normalizer(StrayQuoteNormalizer(), text)


# -- stray quotes -----------------------------------------------------------------
@pytest.mark.parametrize(
    "before,after",
    [
        ('The official said: "We have a good relationship" and more, Khafaji pointed out."',
         'The official said: "We have a good relationship" and more, Khafaji pointed out.'),
        ('He said it was over."', "He said it was over."),
    ],
)
def test_stray_closing_quote_is_removed(before, after):
    assert_normalizes(StrayQuoteNormalizer(), before, after)


@pytest.mark.parametrize(
    "text",
    [
        'He said: "It is over."',
        '"We will go," he said, "and then we will see."',
        '"The first part of a long quotation runs on.\n\n"And this is where it ends."',
        '"The first part of a quotation left open\n\nand closed in the next paragraph."',
        "A 12\" record and a 7\" single.",
        # a closed quotation, then a new one opened and closed in the same paragraph
        '"The flow situation is good," he told Reuters. "What we are saying is this. "The investment may grow."',
        'He said: \u201cWe will go.\u201d',
    ],
)
def test_balanced_or_continued_quotes_are_never_touched(text):
    assert run_normalizer(StrayQuoteNormalizer(), text).edits == []


# -- data and dates -------------------------------------------------------------------
def test_boilerplate_data_file_compiles_and_classifies():
    assert len(boilerplate_patterns()) > 30
    assert boilerplate_kind("Related News:") == "link_header"
    assert boilerplate_kind("You might also like") == "link_header"
    assert boilerplate_kind("Advertisement") == "ad"
    assert boilerplate_kind("The minister said the latest news was good.") is None


@pytest.mark.parametrize(
    "line,value",
    [
        ("Mar 16, 2019 17:46 Asia/Tehran", "2019-03-16T17:46:00+03:30"),
        ("Mar 16, 2019 17:46 Asia/Tehran".replace("Mar 16", "Jul 16"), "2019-07-16T17:46:00+04:30"),
        ("Monday 4 May 2020 07.30 BST", "2020-05-04T07:30:00+01:00"),
        ("Posted: 2019-03-16 17:46:00+01:00", "2019-03-16T17:46:00+01:00"),
        ("Last updated on 16.03.2019 at 17:46", "2019-03-16T17:46:00"),
    ],
)
def test_time_stamps(line, value):
    assert parse_stamp(line).value == value


@pytest.mark.parametrize("line", ["March 2019", "Published: March 2019", "The talks began on March 16, 2019", "17:46", "Mar 16 17:46 IST"])
def test_not_time_stamps(line):
    assert parse_stamp(line) is None


# -- the fast line filter changes nothing ------------------------------------------------
def _texts_for_filter_check(bbc_sample=()):
    return [c["before"] for c in ALL_CASES] + [text for _, text in bbc_sample]


@pytest.mark.parametrize("source", ["cases", "bbc"])
def test_candidate_filter_finds_every_line_the_rules_would_take(source, monkeypatch, request):
    from newsclean.plugins import structure

    texts = _texts_for_filter_check(request.getfixturevalue("bbc_sample") if source == "bbc" else ())
    fast = [run_normalizer(StructureNormalizer(), t) for t in texts]
    monkeypatch.setattr(structure, "candidate_lines", lambda text, lines: list(range(len(lines))))
    slow = [run_normalizer(StructureNormalizer(), t) for t in texts]
    assert [d.text for d in fast] == [d.text for d in slow]
    assert [d.metadata for d in fast] == [d.metadata for d in slow]


@given(news_text())
def test_candidate_filter_on_generated_text(text):
    from newsclean.plugins import structure

    fast = run_normalizer(StructureNormalizer(), text)
    original = structure.candidate_lines
    structure.candidate_lines = lambda text, lines: list(range(len(lines)))
    try:
        slow = run_normalizer(StructureNormalizer(), text)
    finally:
        structure.candidate_lines = original
    assert fast.text == slow.text and fast.metadata == slow.metadata


@pytest.mark.parametrize("text,language", [
    ("Le président a dit que la France ne sera pas seule dans cette crise, et que les pays de "
     "l'Union sont avec nous. Il a ajouté que le gouvernement va présenter un plan pour la "
     "relance de l'économie dans les prochains jours, avec des mesures pour les entreprises.", "fr"),
    ("Der Präsident sagte, dass die Regierung nicht mit den Plänen einverstanden ist und sich auf "
     "die Wahl vorbereitet. Er sagte auch, dass die Partei mit der Opposition über den Haushalt "
     "sprechen will, und dass die Entscheidung in der nächsten Woche fallen soll, wie er meinte.", "de"),
    ("Президент заявил, что страна не останется одна в этом кризисе и что правительство готовит "
     "новый план поддержки экономики. " * 3, "cyrillic"),
])
def test_a_document_that_is_not_english_is_flagged_with_a_language_guess(text, language):
    from newsclean.plugins.structure import StructureNormalizer

    doc = run_normalizer(StructureNormalizer(), text)
    assert doc.text == text
    assert "structure:not-english" in doc.flags and f"language:{language}" in doc.flags


def test_new_boilerplate_kinds_classify_whole_lines():
    assert boilerplate_kind("A row of unsold cars at a dealership in Littleton, Colo. (AP Photo/David Zalubowski)") == "caption"
    assert boilerplate_kind("Sonu Mehta/Hindustan Times/Getty Images") == "caption"
    assert boilerplate_kind("[automerge]1574096160[/automerge]") == "markup"
    assert boilerplate_kind("Pick Six Newsletter") == "newsletter"
    for prose in ("Reuters reported that the talks had failed.", "He wrote the newsletter every week.", "The deal, first reported by Bloomberg, is worth $2bn."):
        assert boilerplate_kind(prose) is None


def test_a_repeated_copy_of_the_article_is_removed_without_tripping_the_over_deletion_guard():
    copy = BODY + "\n\nThe agreement is expected to be signed before the end of the year, they said."
    doc = run_normalizer(StructureNormalizer(), f"{copy}\n\n{copy}")
    assert doc.text == copy and "structure:over-deletion" not in doc.flags
    assert {r["kind"] for r in doc.removed} == {"repeat"}


MENU = "\n".join(
    ["Home", "World", "Business", "Politics", "Climate & Environment", "Science", "Sport", "Culture", "Opinion", "Video"]
)
ARTICLE = [
    "The city council voted on Tuesday to expand the bus network after a year of debate over its cost.",
    "Officials said the new routes would serve neighbourhoods that have had no public transport for decades.",
    "The plan will cost about $40 million over five years, most of it paid for by a state grant.",
    "Residents who spoke at the meeting said they had waited a long time for the service to arrive.",
    "The first of the new buses is expected to run in the spring, the council said in a statement.",
]


def test_page_dump_navigation_may_exceed_half_of_the_words_when_the_article_remains():
    # the menus are most of the words; the guard lets them go because the article's core
    # (five prose lines, 90 words) is what remains
    menus = "\n\n".join([MENU] * 4)
    footer = "\n".join(["About Us", "Contact Us", "Careers", "Privacy Policy", "Terms of Service", "Cookie Settings"] * 3)
    body = "\n\n".join(ARTICLE)
    doc = run_normalizer(StructureNormalizer(), f"{menus}\n\n{body}\n\n{footer}")
    assert "structure:over-deletion" not in doc.flags
    assert doc.text == body
    assert "navigation" in {r["kind"] for r in doc.removed} <= {"navigation", "nav"}  # ("Home": a boilerplate line)


def test_page_dump_with_too_little_prose_is_left_alone():
    # two sentences are no article's core: the navigation rule does not fire (only the
    # whole-line boilerplate rules may), and the over-deletion guard is the old one
    menus = "\n\n".join([MENU] * 4)
    text = f"{menus}\n\n" + "\n\n".join(ARTICLE[:2])
    doc = run_normalizer(StructureNormalizer(), text)
    assert "navigation" not in {r["kind"] for r in doc.removed}
    assert "Climate & Environment" in doc.text


def test_over_deletion_guard_still_refuses_when_other_rules_take_most_of_a_page_dump():
    from newsclean.plugins.structure import Plan, Span, StructureNormalizer as S, split_lines

    text = "\n\n".join(["Home", "Menu"] + ARTICLE[:4])
    lines = split_lines(text)
    plan = Plan()
    for line in lines[2:5]:  # a rule other than nav_block claims three of the four prose lines
        S.remove_line(plan, line, "comment_section", "comments")
    assert S.removes_too_much(text, lines, plan, core=(2, 5))
    plan = Plan()
    for line in lines[:2]:
        S.remove_line(plan, line, "nav_block", "navigation")
    assert not S.removes_too_much(text, lines, plan, core=(2, 5))


def test_page_tail_ends_a_page_dump_at_the_first_chrome_line_after_the_core():
    # the share row after the article's core ends it: the share row, the other stories'
    # headlines and the copyright line go under page_tail; the list after the core stays
    menus = "\n\n".join([MENU] * 2)
    body = "\n\n".join(ARTICLE)
    listed = "Route 12: every 10 minutes\nRoute 14: every 20 minutes, weekdays only"
    tail = "\n\n".join(["Share this article", "A bakery on Main Street closes after 80 years", "Copyright 2019 The Daily Example"])
    doc = run_normalizer(StructureNormalizer(), f"{menus}\n\n{body}\n\n{listed}\n\n{tail}")
    assert doc.text == f"{body}\n\n{listed}"
    rules = {e.rule for e in doc.edits if e.field is None}
    assert {"nav_block", "boilerplate:share", "page_tail"} <= rules
    assert {r["text"].strip() for r in doc.removed if r["kind"] == "navigation"} >= {
        "A bakery on Main Street closes after 80 years", "Copyright 2019 The Daily Example"
    }


def test_page_tail_needs_a_page_dump():
    # an article extractor's output (no menus before the prose): only the share line goes
    body = "\n\n".join(ARTICLE)
    after = "A bakery on Main Street closes after 80 years"
    doc = run_normalizer(StructureNormalizer(), f"{body}\n\nShare this article\n\n{after}")
    assert doc.text == f"{body}\n\n{after}"
    assert "page_tail" not in {e.rule for e in doc.edits}
