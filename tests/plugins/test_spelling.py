import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Document
from newsclean.config import Config
from newsclean.plugins import spelling
from newsclean.plugins.spelling import SpellingNormalizer, table
from newsclean.testing import assert_normalizes, load_cases, news_text, run_normalizer

from ..conftest import CASES, ROOT

CASE_FILE = CASES / "spelling.json"
US = SpellingNormalizer()


def rows() -> list[tuple[str, str, str]]:
    text = (ROOT / "plugins" / "data" / "spelling_uk_us.tsv").read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("case", load_cases(CASE_FILE), ids=lambda c: c["why"][:50])
def test_cases(case):
    doc = assert_normalizes(US, case["before"], case["after"], why=case["why"])
    assert all(e.step == "spelling" and e.rule == "uk_to_us" and e.note for e in doc.edits)
    assert run_normalizer(US, doc.text).edits == []  # idempotent


def test_case_file_size():
    cases = load_cases(CASE_FILE)
    assert len(cases) >= 40
    assert sum(c["before"] == c["after"] for c in cases) >= 15  # negative cases


def test_edits_are_word_for_word():
    doc = run_normalizer(US, "Colour and colours of the neighbour's flag.")
    assert [(e.before, e.after, e.note) for e in doc.edits] == [
        ("Colour", "Color", "varcon; sentence start"),
        ("colours", "colors", "varcon"),
        ("neighbour", "neighbor", "varcon"),
    ]


def test_off_changes_nothing():
    text = "The colour of the organisation's centre was criticised. Rumours spread."
    doc = run_normalizer(SpellingNormalizer(variety="off"), text)
    assert doc.text == text and doc.edits == []


def test_uk_variety_reverses():
    uk = SpellingNormalizer(variety="uk")
    doc = assert_normalizes(
        uk,
        "The color of the center was analyzed. Organizers apologized to their neighbors.",
        "The colour of the centre was analysed. Organisers apologised to their neighbours.",
    )
    assert {e.rule for e in doc.edits} == {"us_to_uk"}
    assert run_normalizer(uk, doc.text).edits == []


@pytest.mark.parametrize(
    "text",
    [
        "Run the computer program and check the tire pressure at the curb.",  # sense-dependent
        "The story of the meter reader who got a license to practice.",
        "An inquiry found his judgment sound.",  # also British: reverse not used
        "A gray sky over Pearl Harbor and the World Trade Center on Labor Day.",  # gray; names
        "Labor said the Centers for Disease Control had warned of it.",  # party; a name with 'for'
        "The advertise, compromise and surprise words stay.",
        "The government's analyzes.",  # not a key: 'analyses' is also a noun
    ],
)
def test_uk_variety_leaves(text):
    assert run_normalizer(SpellingNormalizer(variety="uk"), text).edits == []


@pytest.mark.parametrize("bad", ["british", "US", "", None, 1])
def test_bad_variety(bad):
    with pytest.raises(newsclean.ConfigError, match=r"'variety'.*us, uk, off"):
        SpellingNormalizer(variety=bad)


def test_hooks():
    config = Config({"variety": "uk"})
    spelling.newsclean_configure(config)
    assert config.declared()["variety"][0] == "us"
    (normalizer,) = spelling.newsclean_normalizers(config)
    assert normalizer.params == {"variety": "uk"}
    default = Config({})
    spelling.newsclean_configure(default)
    assert spelling.newsclean_normalizers(default)[0].params == {"variety": "us"}
    bad = Config({"variety": "canadian"})
    spelling.newsclean_configure(bad)
    with pytest.raises(newsclean.ConfigError, match="variety"):
        spelling.newsclean_normalizers(bad)


def test_picklable_and_light():
    n = SpellingNormalizer(variety="uk")
    table("uk")  # loaded: still never on the instance
    clone = pickle.loads(pickle.dumps(n))
    assert vars(clone) == {"params": {"variety": "uk"}}
    assert clone.identity() == n.identity()
    assert n.identity()["data"].keys() == {"spelling_uk_us.tsv"}
    assert SpellingNormalizer("us").identity() != n.identity()


def test_table():
    data = rows()
    assert len(data) > 2000
    assert all(len(r) == 3 and re.fullmatch("[a-z]+", r[0]) and re.fullmatch("[a-z]+", r[1]) for r in data)
    assert {r[2] for r in data} == {"both", "us"}
    uk, us = {r[0] for r in data}, {r[1] for r in data}
    assert len(uk) == len(data)  # one American form per British form
    assert not uk & us  # no chains: a second run changes nothing
    both = [r[1] for r in data if r[2] == "both"]
    assert len(both) == len(set(both))  # one British form per American form in reverse
    for word in (
        "advertise advertised compromise surprise surprised exercise enterprise revise supervise televise "
        "improvise franchise merchandise programme programmes cheque kerb tyre tyres storey licence "
        "licences practise practised metre metres draught disc gaol mum grey amongst analyses"
    ).split():
        assert word not in uk, word
    for word in "tire curb check story meter practice program license".split():
        assert word not in us, word  # never produced, and never changed back by "uk"
    assert table("us").mapping["colour"] == "color" and table("uk").mapping["color"] == "colour"
    assert "judgment" not in table("uk").mapping and table("us").mapping["judgement"] == "judgment"


def test_table_ships_licence_and_source():
    data = ROOT / "plugins" / "data"
    header = (data / "spelling_uk_us.tsv").read_text(encoding="utf-8").split("\n", 12)[:10]
    assert any("VarCon" in line for line in header) and any("VARCON-COPYRIGHT.txt" in line for line in header)
    assert "Kevin Atkinson" in (data / "VARCON-COPYRIGHT.txt").read_text(encoding="utf-8")


def test_table_is_reproducible(corpora, tmp_path):
    """The shipped table is exactly what the script makes from varcon.txt."""
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "build_spelling_table.py"))
    out = tmp_path / "t.tsv"
    assert script["main"]([str(corpora / "spelling" / "varcon.txt"), str(out)]) == 0
    assert out.read_bytes() == (ROOT / "plugins" / "data" / "spelling_uk_us.tsv").read_bytes()


# -- properties ------------------------------------------------------------------

def _variants(word: str) -> list[str]:
    return [word, word.capitalize(), word.upper()]


TABLE_WORDS = sorted({w for r in rows()[::7] for w in r[:2]})
WORDS = st.sampled_from(TABLE_WORDS).flatmap(lambda w: st.sampled_from(_variants(w)))
OTHER = st.sampled_from(
    ["the", "said", "Labour", "Party", "Mr.", "Dr.", "of", "for", "U.S.", "Harbour", "Centre", "Defence", "I"]
)
GLUE = st.sampled_from(
    [" ", " ", " ", ". ", ", ", "'s ", "\u2019s ", "-", "\n", "\n\n", ' "', '." ', " #", " www.", "@", "/", ".co.uk ", "_"]
)
SENTENCES = st.lists(st.tuples(st.one_of(WORDS, OTHER), GLUE), max_size=25).map(
    lambda pairs: "".join(w + g for w, g in pairs)
)


@given(SENTENCES, st.sampled_from(["us", "uk"]))
def test_idempotent_on_table_words(text, variety):
    n = SpellingNormalizer(variety=variety)
    doc = run_normalizer(n, text)  # also checks that undo rebuilds the input
    assert run_normalizer(n, doc.text).edits == []


@given(news_text())
def test_never_loses_text(text):
    doc = run_normalizer(US, text)
    assert run_normalizer(US, doc.text).edits == []


@given(st.lists(st.sampled_from(sorted(r[0] for r in rows() if r[2] == "both")), max_size=12))
def test_round_trip(words):
    """British lower-case words of two-way rows come back after us -> uk."""
    text = " ".join(words)
    us = run_normalizer(US, text)
    assert run_normalizer(SpellingNormalizer(variety="uk"), us.text).text == text
