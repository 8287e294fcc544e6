"""Bylines, credits and time stamps as publishers print them (``tests/cases/structure_bylines.json``): AP,
Reuters, AFP, Bloomberg, the Guardian, the NYT, the Washington Post, CNN, Al Jazeera, the Times of India, the
Hindu, Dawn, SCMP, ABC Australia, CBC, DW, local papers, press-release wires and blogs, and next to each form
the prose and headlines that look like it and must stay. (The case files run in ``test_structure.py``.)"""

import pytest

from newsclean.plugins.dates import parse_stamp
from newsclean.plugins.structure import StructureNormalizer, is_outlet, looks_like_person, role_item
from newsclean.testing import run_normalizer

BODY = "The ministry said the talks would resume next week after a short pause.\n\nOfficials from both sides met in the capital on Tuesday to discuss the border."


def test_the_four_reported_failures():
    """The layouts reported failing, through the whole default chain."""
    import newsclean

    pipeline = newsclean.Pipeline.from_config({})
    body = "A storm hit the coast on Monday, cutting power to thousands of homes.\n\nOfficials said repairs would take days."
    doc = pipeline.clean(f"Storm hits coast\n\nBy Jane Smith for the BBC\n\n{body}")
    assert (doc.text, doc.metadata["title"], doc.metadata["author"]) == (body, "Storm hits coast", ["Jane Smith"])
    assert doc.metadata["source"] == "the BBC"
    doc = pipeline.clean(f"Storm hits coast\n\nBy Jane Smith, BBC News\n\n{body}")
    assert (doc.metadata["author"], doc.metadata["source"]) == (["Jane Smith"], "BBC News")
    doc = pipeline.clean(
        "Iran says talks will continue\n\nTEHRAN, Iran -- Iran said on Monday talks with Europe would go on. "
        "[ Last Update: Monday, 5 January 2024 10:12 AM ]\n\nThe foreign ministry said so."
    )
    assert doc.text == "Iran said on Monday talks with Europe would go on.\n\nThe foreign ministry said so."
    assert doc.metadata["published"] == "2024-01-05T10:12:00"
    doc = pipeline.clean(f"Storm hits coast\n\nJane Smith, Associated Press\nJan. 5, 2024, 10:12 a.m. ET\n\n{body}")
    assert (doc.text, doc.metadata["author"], doc.metadata["source"]) == (body, ["Jane Smith"], "Associated Press")


@pytest.mark.parametrize(
    "item,outlet",
    [
        ("BBC News", True), ("Associated Press", True), ("The Associated Press", True), ("ASSOCIATED PRESS", True),
        ("CNN", True), ("The Times", True), ("Times of India", True), ("Jane Smith", False), ("Emily Post", False),
        ("New Delhi", False), ("Staff Writer", False),
    ],
)
def test_is_outlet(item, outlet):
    assert is_outlet(item) is outlet


def test_a_word_like_post_counts_only_where_the_outlet_goes():
    assert is_outlet("Washington Post", loose=True) and not is_outlet("Washington Post")


@pytest.mark.parametrize(
    "item,role",
    [("Staff Writer", True), ("Foreign Correspondent", True), ("news reporter", True), ("Jane Smith", False),
     ("Jane Smith Globe Staff", False)],
)
def test_role_item(item, role):
    assert role_item(item) is role


@pytest.mark.parametrize(
    "text,person",
    [("Jane Smith", True), ("JOHN SMITH", True), ("Christopher S. Penn", True), ("Middle East", False),
     ("World Politics", False), ("BBC News", False), ("Climate Crisis", False), ("In This Article", False)],
)
def test_looks_like_person(text, person):
    assert looks_like_person(text) is person


@pytest.mark.parametrize(
    "line,value",
    [
        ("Last Update: Monday, 5 January 2024 10:12 AM", "2024-01-05T10:12:00"),
        ("5 January 2024 • 10:12am", "2024-01-05T10:12:00"),
        ("January 5, 20244:12 PM GMT", "2024-01-05T16:12:00+00:00"),
        ("Published : Jan. 5, 2024 - 10:12", "2024-01-05T10:12:00"),
    ],
)
def test_stamp_forms(line, value):
    assert parse_stamp(line).value == value


def test_issued_on_with_an_ambiguous_numeric_date_is_a_stamp_without_value():
    stamp = parse_stamp("Issued on: 05/01/2024 - 10:12")
    assert stamp is not None and stamp.value is None and stamp.ambiguous


@pytest.mark.parametrize(
    "byline,authors",
    [
        ("By Priya Sharma, New Delhi", ["Priya Sharma"]),
        ("By Ali Reza and Sara Karimi, Tehran", ["Ali Reza", "Sara Karimi"]),
        ("By Jane Smith, Washington", ["Jane Smith"]),
    ],
)
def test_a_place_after_the_names_is_neither_author_nor_source(byline, authors):
    doc = run_normalizer(StructureNormalizer(), f"{byline}\n\n{BODY}")
    assert doc.text == BODY and doc.metadata["author"] == authors and "source" not in doc.metadata


def test_a_label_without_a_person_is_no_byline():
    doc = run_normalizer(StructureNormalizer(), f"Ukraine talks\n\nAnalysis by the numbers\n\n{BODY}")
    assert "author" not in doc.metadata


def test_a_name_in_a_place_under_the_headline_without_a_stamp_is_no_byline():
    # it may be a caption ("Volodymyr Zelensky in Washington"); next to the stamp it is the Guardian's byline
    head = "Ukraine talks to resume next week\n\nVolodymyr Zelensky in Washington"
    assert "author" not in run_normalizer(StructureNormalizer(), f"{head}\n\n{BODY}").metadata
    stamped = "Ukraine talks to resume next week\n\nShaun Walker in Kyiv\n\nMon 5 Jan 2024 12.01 GMT"
    assert run_normalizer(StructureNormalizer(), f"{stamped}\n\n{BODY}").metadata["author"] == ["Shaun Walker"]
