"""Shared fixtures: the corpora folder (tests skip without it), hypothesis profiles, --runslow."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parent / "cases"
CORPORA = Path(os.environ.get("NEWSCLEAN_CORPORA", ROOT.parent / "shared" / "corpora"))

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", deadline=None, max_examples=5000, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run tests marked slow")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"evaluation corpora not found at {CORPORA} (set NEWSCLEAN_CORPORA)")
    return CORPORA


@pytest.fixture(scope="session")
def bbc_sample(corpora) -> list[tuple[str, str]]:
    """A fixed sample of BBC articles (name, text), read from the tarball."""
    import tarfile

    out = []
    with tarfile.open(corpora / "typos" / "bbc-fulltext.tar.gz") as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        for m in members[::20]:
            out.append((m.name, tar.extractfile(m).read().decode("utf-8", errors="replace")))
    return out


@pytest.fixture
def hf_cache(tmp_path_factory, monkeypatch) -> Path:
    """datasets' cache in a fresh temporary folder (also for subprocesses), not ~/.cache.

    Tests then never read results cached by an earlier run (or by another test).
    """
    import datasets.config

    cache = tmp_path_factory.mktemp("hf_cache")
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", cache)
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    return cache


@pytest.fixture
def cli_work_dir(tmp_path, monkeypatch) -> Path:
    """Run in an empty folder (no newsclean.toml found by accident, nothing lands in the
    repo), with the datasets progress bars quiet."""
    import datasets

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    datasets.disable_progress_bars()
    yield work
    datasets.enable_progress_bars()


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """``newsclean ARGS...`` in this process: (exit code, stdout, stderr)."""
    from newsclean.cli import main

    rc = main([str(a) for a in args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


#: The module name of the Explode plugin (``tests/explode_plugin.py``) for ``-p``.
EXPLODE_MODULE = "newsclean_test_explode"


@pytest.fixture
def explode_module(tmp_path, monkeypatch) -> str:
    """The Explode plugin written as a module on ``sys.path`` (imported afresh), for ``-p``; its name."""
    from .explode_plugin import EXPLODE_PLUGIN

    folder = tmp_path / "plugin"
    folder.mkdir()
    (folder / f"{EXPLODE_MODULE}.py").write_text(EXPLODE_PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, EXPLODE_MODULE, raising=False)
    yield EXPLODE_MODULE
    sys.modules.pop(EXPLODE_MODULE, None)
