"""The worked example plugin (examples/newsclean-plugin-example) installs and works.

It is installed the way a user installs it, with pip, but into a temporary
folder (``pip install --no-deps --target``) that a subprocess has on its
PYTHONPATH; the dev environment is never changed. The build of the example
needs setuptools: this environment's if it is >= 70.1, else pip fetches it from
PyPI into an isolated build environment (cached by pip after the first time).

The helpers here are also used by tests/test_new_plugin.py and
tests/test_plugin_walkthrough.py.
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "newsclean-plugin-example"
FOOTER = "The Example Times is not responsible for the content of external sites."


def pytest_plugin_args() -> list[str]:
    """``-p newsclean.pytest_plugin`` unless newsclean's pytest11 entry point already loads it
    (then ``-p`` would register the module twice, which pytest refuses)."""
    registered = any(ep.value == "newsclean.pytest_plugin" for ep in metadata.entry_points(group="pytest11"))
    return [] if registered else ["-p", "newsclean.pytest_plugin"]


def subprocess_env(tmp_path: Path, *paths: Path) -> dict[str, str]:
    """The current environment with ``paths`` first on PYTHONPATH, no plugin disabled, caches in tmp_path."""
    env = dict(os.environ)
    env.pop("NEWSCLEAN_DISABLE_PLUGINS", None)
    env.pop("PYTEST_ADDOPTS", None)
    env["PYTHONPATH"] = os.pathsep.join([str(p) for p in paths] + [v for v in [env.get("PYTHONPATH")] if v])
    env["HF_DATASETS_CACHE"] = str(tmp_path / "hf_cache")
    env["HF_HUB_OFFLINE"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(args: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed ({proc.returncode}) in {cwd}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def copy_project(src: Path, dest: Path) -> Path:
    """A clean copy (pip builds in the source folder: keep build/ and *.egg-info out of the repo)."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    return dest


def _setuptools_builds_wheels() -> bool:
    """True when this environment's setuptools builds wheels by itself (>= 70.1: no ``wheel`` needed)."""
    try:
        major, minor = (int(x) for x in metadata.version("setuptools").split(".")[:2])
    except (metadata.PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (70, 1)


def pip_install(project: Path, target: Path, env: dict[str, str]) -> None:
    """``pip install --no-deps --target`` (newsclean itself is already importable).

    The build uses this environment's setuptools when it is recent enough (fast,
    offline), else an isolated build environment that pip fills from PyPI.
    """
    isolation = ["--no-build-isolation"] if _setuptools_builds_wheels() else []
    run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
         "--no-deps", *isolation, "--target", str(target), str(project)],
        cwd=project, env=env,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(site folder, environment, work folder): the example installed into the site folder."""
    tmp = tmp_path_factory.mktemp("example_plugin")
    project = copy_project(EXAMPLE, tmp / "newsclean-plugin-example")
    site = tmp / "site"
    env = subprocess_env(tmp, site)
    pip_install(project, site, env)
    work = tmp / "work"  # no newsclean.toml here
    work.mkdir()
    return site, env, work, project


def newsclean(installed, *args: str) -> subprocess.CompletedProcess:
    _, env, work, _ = installed
    return run([sys.executable, "-m", "newsclean", *args], cwd=work, env=env)


def test_the_example_is_installed_as_its_own_distribution(installed):
    site = installed[0]
    (info,) = site.glob("newsclean_plugin_example-*.dist-info")
    assert "example_footer = newsclean_example" in (info / "entry_points.txt").read_text()
    assert (site / "newsclean_example" / "footers.txt").is_file()  # package data shipped


def test_plugins_lists_it_with_its_distribution_at_its_stage(installed):
    rows = json.loads(newsclean(installed, "plugins", "--json").stdout)
    names = [r["name"] for r in rows]
    row = rows[names.index("example_footer")]
    assert row == {
        "name": "example_footer",
        "stage": "STRUCTURE",
        "order": -10,
        "version": "1",
        "plugin": "example_footer",
        "distribution": "newsclean-plugin-example",
        "distribution_version": "0.1.0",
    }
    assert names.index("layout") < names.index("example_footer") < names.index("structure")
    table = newsclean(installed, "plugins").stdout
    assert "newsclean-plugin-example 0.1.0" in table


def test_clean_shows_its_edits_and_disable_leaves_them_out(installed):
    work = installed[2]
    raw = "Shares rose\u00a0 on Monday, traders said.\n\nThe index gained 2 per cent.\n\n" + FOOTER + "\n"
    (work / "in.jsonl").write_text(json.dumps({"id": "a1", "text": raw}) + "\n", encoding="utf-8")

    out = newsclean(installed, "clean", "in.jsonl", "-o", "out.jsonl").stdout
    assert "example_footer/footer" in out  # the summary counts edits by step/rule
    (row,) = [json.loads(line) for line in (work / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert FOOTER not in row["text"]
    footer_edits = [e for e in row["edits"] if e["step"] == "example_footer"]
    assert [(e["rule"], e["note"]) for e in footer_edits] == [("footer", "footers.txt")]
    steps = [e["step"] for e in row["edits"]]
    # at its stage: after layout's edits, before structure's
    assert max(i for i, s in enumerate(steps) if s == "layout") < steps.index("example_footer")
    assert {"kind": "footer", "text": FOOTER, "step": "example_footer"} in row["removed"]

    out = newsclean(installed, "clean", "in.jsonl", "-o", "out2.jsonl", "--disable", "example_footer").stdout
    assert "example_footer" not in out.split("(chain:")[1].split(")")[0]
    (row,) = [json.loads(line) for line in (work / "out2.jsonl").read_text(encoding="utf-8").splitlines()]
    assert FOOTER in row["text"]
    assert not any(e["step"] == "example_footer" for e in row["edits"])


def test_the_environment_variable_skips_the_plugin(installed):
    site, env, work, _ = installed
    proc = run([sys.executable, "-m", "newsclean", "plugins", "--json"], cwd=work,
               env={**env, "NEWSCLEAN_DISABLE_PLUGINS": "example_footer"})
    assert "example_footer" not in [r["name"] for r in json.loads(proc.stdout)]


def test_the_examples_own_tests_pass(installed):
    _, env, _, project = installed
    proc = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_plugin_args()],
               cwd=project, env=env)
    assert " passed" in proc.stdout and "failed" not in proc.stdout
