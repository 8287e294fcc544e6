"""``newsclean new-plugin NAME``: a skeleton whose tests pass as generated."""

from __future__ import annotations

import sys

import pytest

import newsclean.cli

from .test_example_plugin import pytest_plugin_args, run, subprocess_env

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def test_the_skeleton_has_the_files_and_the_entry_point(tmp_path, capsys):
    target = tmp_path / "plugin"
    assert newsclean.cli.main(["new-plugin", "house_style", "--dir", str(target)]) == 0
    files = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "newsclean_house_style/__init__.py",
        "pyproject.toml",
        "tests/cases.json",
        "tests/test_house_style.py",
    ]
    project = tomllib.loads((target / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "newsclean-house-style"
    assert project["entry-points"]["newsclean"] == {"house_style": "newsclean_house_style"}
    assert any(dep.startswith("newsclean") for dep in project["dependencies"])
    source = (target / "newsclean_house_style" / "__init__.py").read_text(encoding="utf-8")
    assert "class HouseStyle(Normalizer):" in source and 'name = "house_style"' in source
    assert "{{" not in "".join(p.read_text(encoding="utf-8") for p in target.rglob("*") if p.is_file())
    out = capsys.readouterr().out
    assert "newsclean-house-style" in out and "python -m pytest" in out


def test_the_skeleton_tests_pass_as_generated(tmp_path):
    target = tmp_path / "newsclean-house-style"
    assert newsclean.cli.main(["new-plugin", "house_style", "--dir", str(target)]) == 0
    proc = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_plugin_args()],
        cwd=target, env=subprocess_env(tmp_path, target),
    )
    assert "5 passed" in proc.stdout, proc.stdout


def test_the_generated_module_is_a_working_plugin(tmp_path, monkeypatch):
    target = tmp_path / "p"
    assert newsclean.cli.main(["new-plugin", "style2", "--dir", str(target)]) == 0
    monkeypatch.syspath_prepend(str(target))
    import newsclean_style2

    from newsclean.pytest_plugin import make_pipeline
    from newsclean.testing import check_normalizer

    try:
        pipeline = make_pipeline(newsclean_style2, builtins=True)
        assert pipeline.names[-1] == "style2"  # stage FINISH: after every built-in step
        assert pipeline.clean("Prices rose 3 per cent.").text == "Prices rose 3 percent."
        check_normalizer(newsclean_style2.Style2(), examples=10, corpus_sample=0)
    finally:
        sys.modules.pop("newsclean_style2", None)


def test_an_empty_folder_is_used(tmp_path):
    assert newsclean.cli.main(["new-plugin", "abc", "--dir", str(tmp_path)]) == 0
    assert (tmp_path / "newsclean_abc" / "__init__.py").is_file()


def test_the_default_folder_is_the_distribution_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert newsclean.cli.main(["new-plugin", "my_site_2"]) == 0
    assert (tmp_path / "newsclean-my-site-2" / "newsclean_my_site_2" / "__init__.py").is_file()
    assert "class MySite2(Normalizer)" in (tmp_path / "newsclean-my-site-2" / "newsclean_my_site_2" / "__init__.py").read_text()


def test_an_existing_folder_is_never_overwritten(tmp_path, capsys):
    target = tmp_path / "plugin"
    target.mkdir()
    (target / "README.md").write_text("mine", encoding="utf-8")
    assert newsclean.cli.main(["new-plugin", "house_style", "--dir", str(target)]) == newsclean.cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "already exists and is not empty" in err and "nothing was written" in err and "--dir" in err
    assert [p.name for p in target.iterdir()] == ["README.md"]
    assert (target / "README.md").read_text() == "mine"
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert newsclean.cli.main(["new-plugin", "house_style", "--dir", str(a_file)]) == newsclean.cli.EXIT_ERROR
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["House_Style", "house-style", "1st", "_x", "x_", "a__b", "class", "héllo", "a b", "x" * 41])
def test_invalid_names_are_refused(tmp_path, capsys, name):
    assert newsclean.cli.main(["new-plugin", name, "--dir", str(tmp_path / "p")]) == newsclean.cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert f"{name!r} is not a valid plugin name" in err and "e.g. house_style" in err
    assert not (tmp_path / "p").exists()


def test_a_builtin_name_is_refused(tmp_path, capsys):
    assert newsclean.cli.main(["new-plugin", "layout", "--dir", str(tmp_path / "p")]) == newsclean.cli.EXIT_ERROR
    assert "'layout' is the name of a built-in step" in capsys.readouterr().err
