"""The examples in docstrings are run, so they stay true."""

import doctest
import importlib

import pytest

MODULES = [
    "newsclean",
    "newsclean.whitespace",
    "newsclean.plugins.unicode",
    "newsclean.plugins.dates",
    "newsclean.plugins.structure",
    "newsclean.plugins.language",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
