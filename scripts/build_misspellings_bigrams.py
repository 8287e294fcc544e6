"""Build ``plugins/data/misspellings_bigrams.tsv``, the context of the misspellings step's ranking.

Usage::

    python scripts/build_misspellings_bigrams.py [SYMSPELLPY_DIR] [OUT.tsv]

``SYMSPELLPY_DIR`` defaults to the folder of the installed ``symspellpy`` package, whose
``frequency_bigramdictionary_en_243_342.txt`` (``word word count``, Google Books n-gram
counts; MIT licence, the text is in ``plugins/data/SYMSPELLPY-LICENSE.txt``) is read. Kept:
the pairs of two lower-case a-z words, less those whose two words both have under 3 letters
(a misspelling's candidates have 3 or more). Each pair gets its frequency class
``round(10 * log10(count))``; the rows group the right words of one left word and class,
classes from the highest, left words in order, so rerunning gives the same bytes.
Never built from the BBC corpus: that is the evaluation set (and research-only).
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from symspellpy_lists import lists_folder

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "plugins" / "data" / "misspellings_bigrams.tsv"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
WORD = re.compile(r"[a-z]+")

HEADER = """\
# Word pairs and their frequency class, for the context of the non-word misspellings step (misspellings).
# Derived from symspellpy 6.10.1's frequency_bigramdictionary_en_243_342.txt (Google Books n-gram
# counts as distributed by SymSpell / symspellpy; MIT licence, see SYMSPELLPY-LICENSE.txt in this
# folder): the pairs of lower-case a-z words, less those whose two words both have under 3 letters
# (a misspelling's candidates have 3+). {pairs} pairs.
# Rows: <class><TAB><left word><TAB><right words separated by spaces>; class = round(10 * log10(count))
# of the pair "left right", so its count is about 10 ** (class / 10). The list has no pair under {floor}.
"""


def build(source: Path) -> str:
    rows: dict[tuple[int, str], list[str]] = defaultdict(list)
    pairs = 0
    smallest = None
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        left, right, count = parts[0], parts[1], int(parts[2])
        smallest = count if smallest is None else min(smallest, count)
        if not (WORD.fullmatch(left) and WORD.fullmatch(right)) or (len(left) < 3 and len(right) < 3):
            continue
        rows[round(10 * math.log10(count)), left].append(right)
        pairs += 1
    body = [f"{cls}\t{left}\t{' '.join(sorted(rights))}" for (cls, left), rights in sorted(rows.items(), key=lambda r: (-r[0][0], r[0][1]))]
    floor = f"{smallest / 1e6:.1f} million"
    return HEADER.format(pairs=pairs, floor=floor) + "\n".join(body) + "\n"


def main(argv: list[str]) -> int:
    folder = lists_folder(argv)
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.write_text(build(folder / BIGRAMS), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
