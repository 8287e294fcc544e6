"""docs/plugins.md's walkthrough works: its commands are run and its files written, in order.

Blocks of the walkthrough are marked with an HTML comment just before them:

- ``<!-- walkthrough:run -->``: a bash block; each line is a command, run in the
  walkthrough's current folder (``cd`` changes it);
- ``<!-- walkthrough:file PATH -->``: written to PATH (relative to the current folder);
- ``<!-- walkthrough:generated PATH -->``: what ``newsclean new-plugin`` wrote to PATH, verbatim;
- ``<!-- walkthrough:excerpt PATH -->``: a part of what it wrote to PATH.

``pip install -e .`` is the one command not run as written: the plugin is
installed with pip into a temporary folder put on PYTHONPATH (``--target``
cannot be editable), so that the dev environment is left alone.
"""

from __future__ import annotations

import json
import re
import shlex
import sys

import pytest

from newsclean import HOOK_API_VERSION

from .conftest import ROOT
from .test_example_plugin import pip_install, pytest_plugin_args, run, subprocess_env

DOC = ROOT / "docs" / "plugins.md"
BLOCK = re.compile(r"<!-- walkthrough:(\w+)(?: (\S+))? -->\n```[\w-]*\n(.*?)^```", re.S | re.M)


def walkthrough() -> list[tuple[str, str | None, str]]:
    return [(m.group(1), m.group(2), m.group(3)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_walkthrough_is_there():
    steps = walkthrough()
    kinds = [kind for kind, _, _ in steps]
    assert set(kinds) <= {"run", "file", "generated", "excerpt"}, kinds
    commands = " | ".join(body for kind, _, body in steps if kind == "run")
    for needed in ("newsclean new-plugin", "python -m pytest", "pip install", "newsclean plugins", "newsclean clean"):
        assert needed in commands, f"the walkthrough does not run {needed!r}"
    text = DOC.read_text(encoding="utf-8")
    assert f'`newsclean.HOOK_API_VERSION` (now `"{HOOK_API_VERSION}"`)' in text


def test_following_the_walkthrough_gives_a_working_installed_plugin(tmp_path):
    site = tmp_path / "site"
    cwd = tmp_path / "work"
    cwd.mkdir()
    env = subprocess_env(tmp_path, site)
    outputs: dict[str, str] = {}
    for kind, path, body in walkthrough():
        if kind == "file":
            target = cwd / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        elif kind in ("generated", "excerpt"):
            written = (cwd / path).read_text(encoding="utf-8")
            if kind == "generated":
                assert body == written, f"docs/plugins.md shows {path} other than newsclean new-plugin writes it"
            else:
                assert body.strip() in written, f"docs/plugins.md shows a part of {path} not in what is generated"
        else:
            for line in body.splitlines():
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                words = shlex.split(line)
                if words[0] == "cd":
                    cwd = cwd / words[1]
                    assert cwd.is_dir(), line
                elif words == ["pip", "install", "-e", "."]:
                    pip_install(cwd, site, env)
                elif words[0] == "newsclean":
                    outputs[" ".join(words[:2])] = run([sys.executable, "-m", "newsclean", *words[1:]],
                                                       cwd=cwd, env=env).stdout
                elif words[:3] == ["python", "-m", "pytest"]:
                    extra = ["-p", "no:cacheprovider", *pytest_plugin_args()]
                    outputs["pytest"] = run([sys.executable, "-m", "pytest", *words[3:], *extra], cwd=cwd, env=env).stdout
                else:
                    pytest.fail(f"the walkthrough runs {line!r}, which this test does not know how to run")

    assert " passed" in outputs["pytest"] and "failed" not in outputs["pytest"]
    plugins = outputs["newsclean plugins"].splitlines()
    assert "house_style" in plugins[-1] and "FINISH" in plugins[-1]
    assert plugins[-1].rstrip().endswith("newsclean-house-style 0.1.0")
    assert "house_style/replace" in outputs["newsclean clean"]
    assert "house_style/replace" in outputs["newsclean explain"]
    (row,) = [json.loads(line) for line in (cwd / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert row["text"] == "Prices rose 3 percent, the company said in an email on Monday."
    assert [(e["before"], e["after"]) for e in row["edits"] if e["step"] == "house_style"] == [
        ("per cent", "percent"), ("e-mail", "email")
    ]


def test_the_fixture_example_of_the_doc(tmp_path):
    """The ``newsclean_pipeline`` example under *Testing a plugin* passes against the walkthrough's plugin."""
    text = DOC.read_text(encoding="utf-8")
    example = text.split("## Testing a plugin")[1].split("```python\n")[1].split("```")[0]
    module = next(body for kind, path, body in walkthrough() if path == "newsclean_house_style/__init__.py")
    (tmp_path / "newsclean_house_style").mkdir()
    (tmp_path / "newsclean_house_style" / "__init__.py").write_text(module, encoding="utf-8")
    (tmp_path / "test_doc_example.py").write_text("import newsclean_house_style\n\n\n" + example, encoding="utf-8")
    proc = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_plugin_args(),
                "test_doc_example.py"], cwd=tmp_path, env=subprocess_env(tmp_path, tmp_path))
    assert "1 passed" in proc.stdout


def test_the_table_of_builtin_steps_matches_the_chain():
    from newsclean import Stage
    from newsclean.pytest_plugin import make_pipeline

    text = DOC.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z]+)` \((\d+)\) \| (-?\d+) \| `(\w+)` \|$", text, re.M)
    assert len(rows) >= 6, "the table of built-in steps under 'Where it runs' is missing"
    chain = make_pipeline(builtins=True)
    for stage, value, order, name in rows:
        assert Stage[stage] == int(value), f"docs/plugins.md: stage {stage} is {int(Stage[stage])}, not {value}"
        assert name in chain.names, f"docs/plugins.md lists a built-in step {name!r} that is not in the chain"
        step = chain[name]
        assert (Stage(step.stage).name, step.order) == (stage, int(order)), f"docs/plugins.md: {name} runs at {step!r}"
