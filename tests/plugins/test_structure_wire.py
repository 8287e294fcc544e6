"""Wire services' and other publishers' formats (``tests/cases/structure_wire.json``; the case files run in ``test_structure.py``)."""

import pytest

from newsclean.plugins.structure import StructureNormalizer
from newsclean.testing import run_normalizer

BODY = (
    "The ministry said the talks would resume next week after a short pause.\n\n"
    "Officials from both sides met in the capital on Tuesday to discuss the border."
)


@pytest.mark.parametrize("slug", ["bur-js/rl", "abc/xyz", "jit/sst", "BUR-JS/RL"])
def test_desk_slugs_on_the_last_line_are_sign_offs(slug):
    doc = run_normalizer(StructureNormalizer(), f"{BODY}\n\n{slug}")
    assert doc.text == BODY and doc.metadata["signoff"] == slug


@pytest.mark.parametrize("line", ["and/or", "bur-js/rl"])
def test_a_desk_slug_inside_the_text_stays(line):
    text = f"{BODY.replace('the border.', 'the border ' + line + ' the river.')}\n\nThe talks will go on."
    assert run_normalizer(StructureNormalizer(), text).text == text


@pytest.mark.parametrize("mark", ["(AFP)", "(Kyodo)", "(Yonhap)", "(ANI)", "(END)", "Enditem"])
def test_glued_end_marks(mark):
    doc = run_normalizer(StructureNormalizer(), f"{BODY} {mark}")
    assert doc.text == BODY and doc.metadata["signoff"] == mark


@pytest.mark.parametrize("mark", ["(ABC)", "(2019)", "(Reuters) reporters"])
def test_a_bracket_that_is_no_agency_or_does_not_end_the_text_stays(mark):
    text = f"{BODY} {mark}"
    assert run_normalizer(StructureNormalizer(), text).text == text


@pytest.mark.parametrize(
    "prefix,place,source",
    [
        ("Ankara (Anadolu) - ", "Ankara", "Anadolu"),
        ("Kuala Lumpur, March 3 (Bernama) -- ", "Kuala Lumpur", "Bernama"),
        ("Seoul, Jan. 5 (Yonhap) ", "Seoul", "Yonhap"),
        ("MOSCOW, March 3. /TASS/. ", "MOSCOW", "TASS"),
    ],
)
def test_agency_datelines(prefix, place, source):
    doc = run_normalizer(StructureNormalizer(), prefix + BODY)
    assert doc.text == BODY and doc.metadata["dateline"] == place and doc.metadata["source"] == source


@pytest.mark.parametrize("label", ["UPDATE", "EDITOR'S NOTE", "BREAKING", "WATCH"])
def test_a_label_in_capitals_is_not_a_colon_dateline(label):
    text = f"{label}: {BODY}"
    assert run_normalizer(StructureNormalizer(), text).text == text


def test_colon_dateline_keep_option_leaves_the_place():
    doc = run_normalizer(StructureNormalizer(datelines="keep"), f"MUMBAI: {BODY}")
    assert doc.text.startswith("MUMBAI: ") and doc.metadata["dateline"] == "MUMBAI"


def test_cnn_block_without_a_place():
    doc = run_normalizer(StructureNormalizer(), f"CNN\n —\n\n{BODY}")
    assert doc.text == BODY and doc.metadata["source"] == "CNN" and "dateline" not in doc.metadata
