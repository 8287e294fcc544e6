"""Every hook is documented and tested (after datasette's test_plugin_hooks_are_documented).

A hook is a function named ``newsclean_*`` in :mod:`newsclean.hookspecs`. Each
must have a docstring, be mentioned in README.md or a file under docs/, and be
implemented or called in a test file other than this one.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from newsclean import hookspecs
from newsclean.loader import PluginManager

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
DOC_SUFFIXES = {".md", ".rst", ".txt"}

HOOKS = sorted(
    name for name, obj in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("newsclean_")
)


def _documentation() -> str:
    files = [ROOT / "README.md"]
    docs = ROOT / "docs"
    if docs.is_dir():
        files += sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES)
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.is_file())


def _test_sources() -> dict[Path, str]:
    this = Path(__file__).resolve()
    return {
        p: p.read_text(encoding="utf-8")
        for p in sorted(TESTS.rglob("*.py"))
        if p.resolve() != this
    }


def test_hooks_are_found():
    assert "newsclean_normalizers" in HOOKS and "newsclean_configure" in HOOKS
    pm = PluginManager()
    for name in HOOKS:
        function = getattr(hookspecs, name)
        assert hasattr(function, f"{hookspecs.PROJECT}_spec"), f"{name} is not marked with @hookspec"
        assert getattr(pm.hook, name).has_spec(), f"{name} is not a hook of the plugin manager"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_docstring(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook))
    assert doc and doc.strip(), f"hook {hook} has no docstring"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook):
    text = _documentation()
    assert re.search(rf"\b{re.escape(hook)}\b", text), (
        f"hook {hook} is not mentioned in README.md or docs/ (looked in {ROOT})"
    )


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_tested(hook):
    # implemented (``def newsclean_x(``) or called (``.newsclean_x(``) by some test
    pattern = re.compile(rf"(\bdef\s+{re.escape(hook)}\s*\()|(\.{re.escape(hook)}\s*\()")
    users = [p.relative_to(ROOT) for p, source in _test_sources().items() if pattern.search(source)]
    assert users, f"hook {hook} is neither implemented nor called in any test under {TESTS.relative_to(ROOT)}/"
