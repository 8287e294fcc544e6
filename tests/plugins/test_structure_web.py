"""Publishers' web layouts as extractors give them (``tests/cases/structure_web.json``): BBC, Al Jazeera,
Reuters, the Times of India, the Hindu, Sky News and AP pages, and lines that look like their chrome but are prose. (The case files run in ``test_structure.py``.)"""

import pytest

from newsclean.plugins.dates import parse_stamp
from newsclean.plugins.structure import StructureNormalizer
from newsclean.testing import run_normalizer

BODY = (
    "The ministry said the talks would resume next week after a short pause.\n\n"
    "Officials from both sides met in the capital on Tuesday to discuss the border."
)


@pytest.mark.parametrize(
    "line,value",
    [
        ("Updated: Jan 5, 2024, 12:01 IST", "2024-01-05T12:01:00"),  # India, Ireland or Israel: never guessed
        ("Friday 5 January 2024 12:01, UK", "2024-01-05T12:01:00+00:00"),
        ("Friday 5 July 2024 12:01, UK", "2024-07-05T12:01:00+01:00"),
        ("Jan 5, 2024 12:01 GST", "2024-01-05T12:01:00"),
    ],
)
def test_zones(line, value):
    assert parse_stamp(line).value == value


def test_ist_with_a_region():
    assert parse_stamp("Updated: Jan 5, 2024, 12:01 IST", region="IN").value == "2024-01-05T12:01:00+05:30"
    assert parse_stamp("Updated: Jan 5, 2024, 12:01 IST", region="IE").value == "2024-01-05T12:01:00+00:00"


@pytest.mark.parametrize("stamp", ["3 hours ago", "Updated 20 minutes ago", "an hour ago", "2d ago"])
def test_relative_stamps_in_the_head_go_without_published(stamp):
    doc = run_normalizer(StructureNormalizer(), f"{stamp}\n\n{BODY}")
    assert doc.text == BODY and "published" not in doc.metadata


@pytest.mark.parametrize(
    "footer", ["Our Standards: The Thomson Reuters Trust Principles.", "Why you can trust BBC News", "Our editorial standards"]
)
def test_standards_footers(footer):
    assert run_normalizer(StructureNormalizer(), f"{BODY}\n\n{footer}").text == BODY


@pytest.mark.parametrize("line", ["Sources: Reuters, AFP", "Source: AP and news agencies", "Source: Agencies"])
def test_source_lines(line):
    doc = run_normalizer(StructureNormalizer(), f"{BODY}\n\n{line}")
    assert doc.text == BODY and doc.metadata["source"] == line.split(": ", 1)[1]


@pytest.mark.parametrize(
    "head", ["Emmanuel Macron\nFrench President", "Boris Johnson\nPrime Minister", "Sales rose\nin March", "Nigeria News\nWorld News"]
)
def test_a_name_over_a_line_that_is_no_outlet_or_role_stays(head):
    text = f"{head}\n\n{BODY}"
    assert "author" not in run_normalizer(StructureNormalizer(), text).metadata
