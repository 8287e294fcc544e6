"""Writing one benchmark's section of benchmarks/RESULTS.md between its markers."""

from __future__ import annotations

import fcntl
from pathlib import Path

HEADER = """# newsclean benchmark results

Each section is written by the script named in its heading; rerun the script to
refresh it (see `benchmarks/README.md`). Do not edit inside the markers by hand.
"""


def write_section(path: Path, key: str, heading: str, body: str) -> None:
    """Replace (or append) the section between ``<!-- key:start -->`` and ``<!-- key:end -->``."""
    start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
    block = f"{start}\n## {heading}\n\n{body.rstrip()}\n{end}"
    # Benchmarks may finish at the same time: the lock keeps one from writing back
    # a copy read before another's section landed.
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
        if start in text and end in text:
            before, rest = text.split(start, 1)
            after = rest.split(end, 1)[1]
            text = before + block + after
        else:
            text = text.rstrip() + "\n\n" + block + "\n"
        path.write_text(text, encoding="utf-8")
