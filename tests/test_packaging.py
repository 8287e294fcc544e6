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
    # every built-in plugin module and every data file (with its licence notes) ships
    for path in sorted((ROOT / "plugins").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            name = "newsclean/plugins/" + path.relative_to(ROOT / "plugins").as_posix()
            assert name in wheel_names, f"{name} is not in the wheel"
    # the templates of `newsclean new-plugin`
    for path in sorted((ROOT / "newsclean" / "templates").glob("*.tmpl")):
        assert f"newsclean/templates/{path.name}" in wheel_names


def test_wheel_has_no_top_level_plugins_seeds_or_tests(wheel_names):
    tops = {name.split("/", 1)[0] for name in wheel_names}
    assert not tops & {"plugins", "seeds", "tests", "benchmarks"}, tops


def test_builtins_are_registered_through_entry_points(tmp_path, wheel_names):
    import importlib.metadata as md

    eps = {ep.name: ep.value for ep in md.entry_points(group="newsclean") if ep.dist and ep.dist.name == "newsclean"}
    # every built-in module that provides normalizers is registered under its own name
    providers = sorted(p.stem for p in (ROOT / "plugins").glob("*.py")
                       if "def newsclean_normalizers" in p.read_text(encoding="utf-8"))
    assert providers and {name: eps.get(name) for name in providers} == {
        name: f"newsclean.plugins.{name}" for name in providers
    }
