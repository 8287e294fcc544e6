"""Reading the shared evaluation corpora (../shared/corpora), for every benchmark."""

from __future__ import annotations

import hashlib
import os
import tarfile
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = Path(os.environ.get("NEWSCLEAN_CORPORA", ROOT.parent / "shared" / "corpora"))


def is_test_file(name: str) -> bool:
    """The fixed 70% test split of the BBC corpus: by the first byte of the name's SHA-256."""
    return hashlib.sha256(name.encode()).digest()[0] >= int(0.3 * 256)


def bbc_articles(corpora: Path, split: str = "all") -> Iterator[tuple[str, str]]:
    """``(name, text)`` of the BBC articles, sorted by name; ``split`` is all, tune or test.

    ``bbc/sport/199.txt`` is latin-1, not UTF-8 (a '£'): a file that is not UTF-8 is read as latin-1.
    """
    with tarfile.open(corpora / "typos" / "bbc-fulltext.tar.gz") as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        for m in members:
            if split != "all" and is_test_file(m.name) != (split == "test"):
                continue
            raw = tar.extractfile(m).read()
            try:
                yield m.name, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield m.name, raw.decode("latin-1")
