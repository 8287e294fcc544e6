"""Render the hook reference of docs/plugins.md from the docstrings in hookspecs.py.

``python -m newsclean.hookdoc docs/plugins.md`` rewrites the section between the
``<!-- hooks:start -->`` and ``<!-- hooks:end -->`` markers; a test fails when
the file is out of date.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

from . import hookspecs

START, END = "<!-- hooks:start -->", "<!-- hooks:end -->"


def hook_functions() -> list:
    return [
        obj for name, obj in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("newsclean_")
    ]


def render_hooks() -> str:
    """Markdown for every hook: its signature and docstring."""
    parts = []
    for fn in hook_functions():
        signature = str(inspect.signature(fn)).replace("'", "")
        parts.append(f"### `{fn.__name__}{signature}`\n\n{inspect.cleandoc(fn.__doc__ or '')}\n")
    return "\n".join(parts)


def update(path: str | Path) -> bool:
    """Rewrite the hook section of ``path``; True if it changed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no {START} ... {END} section")
    new = pattern.sub(lambda _: f"{START}\n{render_hooks()}{END}", text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover
    for p in sys.argv[1:] or ["docs/plugins.md"]:
        print(f"{p}: {'updated' if update(p) else 'up to date'}")
