"""The wheel ships newsclean/ and newsclean/plugins/ (with data), and no top-level plugins or seeds."""

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{proc.stdout}\n{proc.stderr}")
    (wheel,) = out.glob("newsclean-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def test_wheel_holds_the_package_and_the_builtin_plugins(wheel_names):
    assert "newsclean/__init__.py" in wheel_names
    assert "newsclean/plugins/__init__.py" in wheel_names
    assert "newsclean/plugins/unicode.py" in wheel_names
    assert "newsclean/plugins/layout.py" in wheel_names
    assert "newsclean/plugins/structure.py" in wheel_names
    assert "newsclean/plugins/data/boilerplate.tsv" in wheel_names  # data files ship with their plugin
    assert "newsclean/plugins/data/doubled_words.tsv" in wheel_names


def test_wheel_has_no_top_level_plugins_seeds_or_tests(wheel_names):
    tops = {name.split("/", 1)[0] for name in wheel_names}
    assert not tops & {"plugins", "seeds", "tests", "benchmarks"}, tops


def test_builtins_are_registered_through_entry_points(tmp_path, wheel_names):
    import importlib.metadata as md

    eps = {ep.name: ep.value for ep in md.entry_points(group="newsclean") if ep.dist and ep.dist.name == "newsclean"}
    assert eps["unicode"] == "newsclean.plugins.unicode"
    assert eps["layout"] == "newsclean.plugins.layout"
    assert eps["structure"] == "newsclean.plugins.structure"
