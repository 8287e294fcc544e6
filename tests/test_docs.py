"""The docs stay in step with the code."""

from newsclean import hookdoc

from .conftest import ROOT


def test_hook_reference_in_docs_matches_the_hookspecs():
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = text[text.index(hookdoc.START) : text.index(hookdoc.END)]
    assert section == f"{hookdoc.START}\n{hookdoc.render_hooks()}", (
        "docs/plugins.md is out of date: run python -m newsclean.hookdoc docs/plugins.md"
    )
    for fn in hookdoc.hook_functions():
        assert fn.__doc__ and len(fn.__doc__.strip()) > 40, f"{fn.__name__} has no real docstring"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- ci:test-command -->")[1].split("<!-- /ci:test-command -->")[0]
    command = [line for line in block.splitlines() if line.strip() and not line.startswith("```")]
    assert len(command) == 1 and "pytest" in command[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "ci:test-command" in ci  # .ci/run extracts and runs exactly that line
