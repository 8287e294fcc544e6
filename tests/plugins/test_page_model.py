"""The page-dump line model (``plugins/page_lines.py``, rule ``page_model`` of ``structure``)."""

import json
from importlib import resources

import pytest

from newsclean import ConfigError, Pipeline
from newsclean.plugins import page_lines
from newsclean.plugins.structure import StructureNormalizer
from newsclean.testing import run_normalizer

ARTICLE = [
    "Heavy rain and strong winds knocked down power lines across the region overnight, leaving more than 40,000 homes without electricity on Wednesday morning.",
    "Utility crews worked through the night to restore service, and the company said most customers should have power back by Thursday evening.",
    "The storm also closed several roads near the coast, where fallen trees blocked traffic for hours, according to the state transportation department.",
    '"We have every available crew out there," a company spokesman said. "Some of the damage is extensive, and it will take time."',
    "Schools in three districts opened two hours late, and officials urged drivers to treat dark traffic signals as four-way stops.",
    "Forecasters said the worst of the wind had passed, but warned that more rain was expected over the weekend.",
    "Residents can report outages online or by calling the company's hotline, which was busy for much of the morning.",
    "The National Weather Service said gusts reached 60 mph at the airport shortly after midnight.",
]
MENU = "The Daily Example - Local news, weather and sport\nSkip to content\nHome\nNews\nLocal\nPolitics\nBusiness\nSport\nWeather\nOpinion\nObituaries\nSign in\nSearch"
AFTER = [
    "Police Search For Driver After Hit-And-Run On Main Street",
    "School Board Votes To Delay New Start Times",
    "mike_r",
    "2 hours ago",
    "We lost power for two days last winter and nobody from the company answered the phone, so I am not surprised.",
    "sarah.k",
    "3 hours ago",
    "Thanks to the crews who were out all night in that weather, they deserve a raise and a day off.",
    "dave1960",
    "5 hours ago",
    "Same thing every year, when will they finally bury the lines like every other city has done?",
    "About Us\nContact\nCareers\nAdvertise",
]
#: a page dump as html-text gives it: one line per text node, no blank lines
PAGE = "\n".join([MENU, "Storm leaves thousands without power across the region", *ARTICLE, *AFTER])


def test_the_model_file_matches_the_features():
    data = json.loads(resources.files("newsclean.plugins").joinpath("data", page_lines.DATA).read_text())
    assert tuple(data["features"]) == page_lines.FEATURES
    assert any("CC-BY-4.0" in line for line in data["about"])  # the licence of what it was learned from
    rows = page_lines.line_features(PAGE.split("\n"))
    assert len(rows) == len(PAGE.split("\n")) and all(len(r) == len(page_lines.FEATURES) for r in rows)


def test_probabilities_tell_prose_from_menus():
    lines = PAGE.split("\n")
    probs = dict(zip(lines, page_lines.article_probabilities(lines)))
    assert all(0.0 <= p <= 1.0 for p in probs.values())
    assert min(probs[s] for s in ARTICLE) > max(probs[m] for m in ("Home", "Politics", "Sign in", "Search"))


def test_page_model_takes_only_what_the_rules_left_and_never_the_article():
    rules_only = run_normalizer(StructureNormalizer(page_model=0), PAGE)
    doc = run_normalizer(StructureNormalizer(), PAGE)
    taken = [e for e in doc.edits if e.rule == "page_model"]
    assert taken, "the model takes something the rules leave on this page"
    assert not [e for e in rules_only.edits if e.rule == "page_model"]
    kept = set(doc.text.split("\n"))
    assert set(ARTICLE) <= kept  # every sentence of the article survives
    assert kept <= set(rules_only.text.split("\n"))  # the model only ever takes more
    assert all(r["kind"] == "navigation" for r in doc.removed if r["text"] in {"mike_r", "sarah.k", "dave1960"})


def test_the_model_is_asked_about_page_dumps_only():
    # an extractor's article (no menus before it) with comments under it: not a page dump
    text = "\n\n".join(ARTICLE + AFTER[2:5])
    doc = run_normalizer(StructureNormalizer(), text)
    assert not [e for e in doc.edits if e.rule == "page_model"]


@pytest.mark.parametrize("value", [1.0, 1.5, -0.1, True, "0.2", None])
def test_page_model_must_be_a_probability(value):
    with pytest.raises(ConfigError, match="page_model"):
        StructureNormalizer(page_model=value)


def test_page_model_option_reaches_the_step():
    assert Pipeline.from_config(page_model=0)["structure"].params["page_model"] == 0.0
    assert Pipeline.from_config()["structure"].params["page_model"] == pytest.approx(0.2)
