"""newsclean-plugin-example: remove The Example Times' footer lines.

Every article of The Example Times ends with one or more fixed lines (listed in
``footers.txt``) that are not part of the article. The ``example_footer``
normalizer removes them, and only them: a line is removed when it is one of the
listed lines (case and spacing ignored) and only text-free lines or other footer
lines follow it. Each removed line is an edit (rule ``footer``) and goes to the
``removed`` column with kind ``footer``, so ``undo()`` gives the article back.

Users add their own lines with the option ``example_footer_lines``::

    # newsclean.toml
    example_footer_lines = ["Subscribe to the Example Times print edition."]
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Iterable

from newsclean import ConfigError, Normalizer, Span, Stage, hookimpl

__version__ = "0.1.0"

STEP = "example_footer"
DATA = "footers.txt"
OPTION = "example_footer_lines"


def line_key(line: str) -> str:
    """What two lines must share to be the same footer: the words, ignoring case and spacing."""
    return " ".join(line.split()).casefold()


def data_path() -> Path:
    return Path(str(resources.files(__name__).joinpath(DATA)))


@functools.lru_cache(maxsize=1)
def default_footers() -> tuple[str, ...]:
    """The lines of ``footers.txt`` (read once per process, on first use, never at import)."""
    text = data_path().read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=8)
def footer_keys(extra_lines: tuple[str, ...]) -> dict[str, str]:
    """key -> where the line comes from (``footers.txt`` or the option)."""
    keys = {line_key(line): DATA for line in default_footers()}
    for line in extra_lines:
        keys.setdefault(line_key(line), OPTION)
    keys.pop("", None)
    return keys


class ExampleFooter(Normalizer):
    """Remove The Example Times' footer lines from the end of an article."""

    name = STEP
    # Before the built-in ``structure`` step (same stage, order 0): it then judges
    # the article without the footer (a sign-off line is often just above it).
    stage = Stage.STRUCTURE
    order = -10
    # Bump whenever the output for some input changes (it is in the fingerprint).
    version = "1"

    def __init__(self, extra_lines: Iterable[str] = ()) -> None:
        super().__init__(extra_lines=[str(line) for line in extra_lines])

    def data_files(self) -> list[Path]:
        return [data_path()]

    def __call__(self, doc) -> None:
        keys = footer_keys(tuple(self.params["extra_lines"]))
        text = doc.text
        lines = []  # (start, end) of each line, without the line break (and a "\r" before it)
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            lines.append((start, end - 1 if line.endswith("\r") else end))
            start = end + 1
        # Walk back from the end: blank lines are passed over, footer lines taken;
        # the first other line is the article's last line.
        footer: list[int] = []
        i = len(lines) - 1
        while i >= 0:
            s, e = lines[i]
            line = text[s:e]
            if line.strip() and line_key(line) not in keys:
                break
            if line.strip():
                footer.append(i)
            i -= 1
        if not footer or i < 0:
            return  # no footer, or nothing but footer lines: leave the text alone
        spans = []
        previous_end = lines[i][1]
        for j in reversed(footer):
            s, e = lines[j]
            # the line, with the line breaks and blank lines before it
            spans.append(Span(previous_end, e, "", rule="footer", kind="footer", note=keys[line_key(text[s:e])]))
            previous_end = e
        doc.apply(spans, step=self.name)


@hookimpl
def newsclean_configure(config):
    config.declare(OPTION, [], "more footer lines to remove at the end of an article (case and spacing ignored)")


@hookimpl
def newsclean_normalizers(config):
    lines = config.get(OPTION)
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise ConfigError(f"option {OPTION!r} must be a list of lines, got {lines!r}")
    return [ExampleFooter(extra_lines=lines)]
