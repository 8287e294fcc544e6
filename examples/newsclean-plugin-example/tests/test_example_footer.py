"""Tests of the example_footer normalizer, with newsclean's testing kit.

Run them from this folder with ``python -m pytest``. ``newsclean_pipeline`` is a
fixture of newsclean's pytest plugin (installed with newsclean).
"""

from pathlib import Path

import pytest

import newsclean_example
from newsclean import ConfigError, Stage
from newsclean.testing import assert_normalizes, check_normalizer, load_cases, run_cases, run_normalizer

from newsclean_example import ExampleFooter

CASES = Path(__file__).with_name("cases.json")

ARTICLE = "Shares rose on Monday.\n\nThe index gained 2 percent."
FOOTER = "The Example Times is not responsible for the content of external sites."


@pytest.mark.parametrize("case", load_cases(CASES), ids=lambda case: case["why"][:50])
def test_case(case):
    assert_normalizes(ExampleFooter(), case["before"], case["after"], why=case["why"])


def test_the_case_file_runs_whole():
    assert run_cases(CASES, ExampleFooter()) >= 8


def test_the_contract_holds():
    report = check_normalizer(
        ExampleFooter(extra_lines=["Subscribe today."]),
        samples=[ARTICLE + "\n\n" + FOOTER, ARTICLE + "\n\nSubscribe today.\n"],
        untouched=[ARTICLE, FOOTER + "\n\n" + ARTICLE, "Subscribe today."],
    )
    assert report.changed == 2 and report.rules == {"footer": 2}


def test_the_removed_line_goes_to_the_removed_column():
    doc = run_normalizer(ExampleFooter(), ARTICLE + "\n\n" + FOOTER)
    assert doc.text == ARTICLE
    assert doc.removed == [{"kind": "footer", "text": FOOTER, "step": "example_footer"}]
    assert [(e.rule, e.note) for e in doc.edits] == [("footer", "footers.txt")]


def test_the_footer_list_is_part_of_the_fingerprint():
    assert ExampleFooter().data_files()[0].name == "footers.txt"
    assert ExampleFooter().identity() != ExampleFooter(extra_lines=["x"]).identity()


def test_the_option_adds_lines(newsclean_pipeline):
    pipeline = newsclean_pipeline(newsclean_example, example_footer_lines=["Subscribe today."])
    assert pipeline.names == ["example_footer"]
    doc = pipeline.clean(ARTICLE + "\n\nSubscribe today.")
    assert doc.text == ARTICLE
    assert doc.edits[0].note == "example_footer_lines"
    with pytest.raises(ConfigError, match="example_footer_lines"):
        newsclean_pipeline(newsclean_example, example_footer_lines="Subscribe today.")


def test_it_runs_before_the_builtin_structure_step(newsclean_pipeline):
    pipeline = newsclean_pipeline(newsclean_example, builtins=True)
    names = pipeline.names
    assert names.index("layout") < names.index("example_footer") < names.index("structure")
    assert pipeline["example_footer"].stage == Stage.STRUCTURE
    raw = "Shares rose\u00a0 on Monday.\n\n\n" + FOOTER + "\n"
    doc = pipeline.clean(raw)
    assert doc.text == "Shares rose on Monday."
    assert "example_footer" in {e.step for e in doc.edits}
    assert doc.undo() == raw
