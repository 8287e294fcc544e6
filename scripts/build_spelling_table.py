"""Build ``plugins/data/spelling_uk_us.tsv`` (British -> American word forms) from VarCon.

Usage::

    python scripts/build_spelling_table.py PATH/TO/varcon.txt [OUT.tsv]

OUT defaults to ``plugins/data/spelling_uk_us.tsv`` next to this script's repo.
The output is deterministic (sorted), so rerunning on the same ``varcon.txt``
gives the same bytes.

VarCon's format (``varcon.txt``, from the SCOWL / en-wl project): entries are
grouped; a group starts with ``# headword [<verified>] (level N)`` where N is
the SCOWL size level of the group (10 = very common ... 95/99 = rare or
obscure); ``##`` lines are the author's comments. Each entry line maps the
spellings of one word form::

    A Cv: color / B C D: colour
    A C D 1: program / B Dv 2: programme | <N>

Each ``TAGS: word`` part lists the dictionaries that use ``word``: ``A``
American, ``B`` British (-ise), ``Z`` British -ize (Oxford), ``C`` Canadian,
``D`` Australian, ``_`` other; a tag may carry a variant level: ``.`` equal
variant, ``v`` variant, ``V`` seldom-used variant, ``-`` possible misspelling,
``x`` improper. A bare number among the tags, or a ``| note`` after the line
(``| <N>``, ``| <V>``, ``| :1``, ``| street edge``, ``| (-) archaic``), means
the spelling holds only for one sense or part of speech.

A row ``uk<TAB>us<TAB>dir`` is shipped for each entry line where the American
form is the one word tagged plain ``A`` and the British form is a word tagged
plain ``B`` or ``Z`` (preferred, no variant level) that differs from it. The
third column says in which directions the row may be used: ``both``, or ``us``
(British -> American only: the American form is itself an accepted British
spelling, e.g. ``inquiry`` (``B.``), ``judgment`` (``Bv``), ``aging``; or the
row is the ``Z`` (-ize) form of a word whose ``B`` (-ise) form is the British
target, e.g. ``colourize``).

Skipped, each category counted and printed. The categories are tried in this
order and a pair is counted under the first that applies. Per entry line:

- ``ambiguous_us``: not exactly one word tagged plain ``A`` (``_`` "other"
  lines such as ``addable``/``addible``, lines of American variants only).
- ``same_in_uk``: the American form is also the preferred British one
  (``A B: advertise / A-: advertize``; ``A B Z: jail / Bv ZV: gaol``, where
  ``gaol`` is only a British variant): nothing to convert. This is how VarCon
  keeps ``advertise``, ``compromise``, ``surprise``, ``exercise``, ``revise``,
  ``supervise``, ``televise``, ``franchise``... away from -ize; the script
  also asserts that none of them (see ``NEVER_CONVERTED``) becomes a key.
- ``no_preferred_uk``: no plain ``B``/``Z`` form, and the American form is not
  plain ``B`` either (none in the current varcon.txt).

Per British/American pair of a line:

- ``not_plain_word``: either form is not one lowercase word of ASCII letters
  (capitalised proper nouns such as ``Acre``/``Acer``; ``'s`` possessives,
  which the normalizer handles by matching the word before the apostrophe;
  hyphenated or multi-word forms).
- ``rare``: the group's level is above ``MAX_LEVEL`` (SCOWL 60, the size SCOWL
  recommends for spell checkers; level 70 still holds ``poe``/``pe``,
  ``ren``/``ern``, ``shoer``/``sher``): too rare to be sure of, and to matter.
- ``uk_is_us_word``: the British form is tagged American (``A``, ``A.``,
  ``Av``, ``AV``) on some other line that does not map it to the same American
  form, i.e. it is also an American spelling of something else and may be
  correct in American text: ``practise``/``programme`` (the verb / the noun),
  ``analyses`` (also the plural of ``analysis``), ``draught``, ``mum``,
  ``blonde``, ``spelt``, ``analogue``, ``whizz``...
- ``us_is_uk_word``: the American form is tagged British (``B``/``Z``, any
  level but ``-``/``x``) on some other line that does not pair it with the
  same British form: converting back (``uk`` mode) would break correct British
  text, and the British form is sense-dependent: ``cheque``/``check``,
  ``kerb``/``curb``, ``tyre``/``tire``, ``storey``/``story``,
  ``licence``/``license``, ``metre``/``meter``, ``grey``/``gray`` (the SI
  unit), ``prise``/``prize``, ``whisky``, ``arse``...
- ``sense_dependent``: the line has a sense number or a ``|`` note (part of
  speech or meaning) and was not caught above: ``chequered``, ``tsar``,
  ``dependants``, ``flyer``, ``phoney``, ``practised``, ``practising``...
- ``sense_word``: the line itself is plain but one of its two forms also
  appears in a sense-dependent line elsewhere (``enthral``).
- ``manual``: ``MANUAL_SKIP`` below: ``amongst`` (VarCon pairs it with
  ``among``, but it is a choice of word, used in American English too).
- ``us_variant``: the British form is also an American variant in real use
  (tagged ``Av`` or ``A.`` on the same line: ``catalogue``, ``ageing``,
  ``cancelled``, ``chaperone``, ``collectable``, ``omelette``, ``ambience``,
  ``acknowledgement``, ``likeable``, ``wilful``): American text may use it, so
  it is left. A British form that is only a seldom-used American variant
  (``AV``: ``aluminium``, ``adaptor``) is converted.

Then, over the pairs left:

- ``group_headword_skipped``: the pair of the group's headword was skipped
  for one of the reasons above (``uk_is_us_word`` ... ``us_variant``), so the
  group's other forms are left too, to stay consistent (``grey`` stays, and
  so do ``greyer``, ``greying``...; ``dyke``/``dyked``).
- ``unverified``: the VarCon group is not marked ``<verified>`` and the pair is
  neither the ``-ise`` -> ``-ize`` ending nor a verified pair inside a longer
  word (``colourfast`` from ``colour``): unverified groups hold generated
  junk such as ``prev``/``perv``, ``fayre``/``fayer``, ``matres``/``maters``
  (and a few good pairs, ``skilful``, ``maths``, ``rouble``, lost with them).
- ``conflict``: the same British form maps to more than one American form.
- ``chain``: the British form is also the American form of another row (a
  second run would change it again; the normalizer must be idempotent).
- ``reverse_ambiguous``: (not a skip) one American form with several
  two-way British forms: those rows become ``us`` (British -> American only).

Every count is per entry line (per word form), counted before deduplication.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "plugins" / "data" / "spelling_uk_us.tsv"
#: Highest SCOWL level of a group shipped (60: the size SCOWL recommends for spell checkers).
MAX_LEVEL = 60
GROUP = re.compile(r"^# (\S+)( <verified>)? \(level (\d+)\)\s*$")
#: -ise -> -ize (and -yse -> -yze) endings: the one mechanical British/American difference.
ISE_ENDING = re.compile(r"(?<=[iy])s(?=(?:e|ed|es|ing|er|ers|ation|ations|able|ational)$)")
TAG = re.compile(r"^([ABZCD_])([.vVx-]?)$")
WORD = re.compile(r"^[a-z]+$")
AMERICAN_LEVELS = {"", ".", "v", "V"}
BRITISH_LEVELS = {"", ".", "v", "V"}
#: Pairs VarCon lists that are a choice of word, not of spelling (left to the writer).
MANUAL_SKIP = {"amongst": "among and amongst are both American English; a word choice, not a spelling"}
#: Skip categories that, when they hit a group's headword, leave out the whole group.
GROUP_WIDE = {"uk_is_us_word", "us_is_uk_word", "sense_dependent", "sense_word", "us_variant", "manual"}
#: Never a key of the table: -ise words that are American English too, and the
#: sense-dependent British forms (a guard: the build fails if one slips in).
NEVER_CONVERTED = (
    "advertise advertised advertising advertises advertisement compromise compromised surprise "
    "surprised surprising exercise exercised enterprise revise revised supervise supervised "
    "supervisor televise televised improvise improvised franchise franchised merchandise "
    "merchandising despise devise devised disguise disguised premise promise promised rise "
    "arise wise otherwise chastise chastised comprise comprised incise excise expertise "
    "concise precise practise practised practising license licence licences licenced check tire curb "
    "story meter practice programme programmes cheque cheques kerb kerbs tyre tyres storey storeys "
    "metre metres draught draughts disc discs gaol gaols mum analyses"
).split()


@dataclass
class Line:
    """One entry line of VarCon."""

    group: str
    level: int
    verified: bool
    number: int
    text: str
    words: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # word -> {(dict, level)}
    sense: bool = False

    def tagged(self, dicts: str, levels: set[str]) -> set[str]:
        return {w for w, tags in self.words.items() if any(d in dicts and lv in levels for d, lv in tags)}


def parse(path: Path) -> list[Line]:
    """The entry lines of ``varcon.txt`` with their group, level and tags."""
    lines: list[Line] = []
    group, level, verified = "", 0, False
    with open(path, encoding="latin-1") as fh:  # VarCon is ISO-8859-1 (f\xfchrer, R\xf6ntgen)
        for number, raw in enumerate(fh, 1):
            raw = raw.rstrip("\n")
            if not raw.strip() or raw.startswith("##"):
                continue
            if raw.startswith("#"):
                m = GROUP.match(raw)
                if not m:
                    raise ValueError(f"{path}:{number}: unexpected group header {raw!r}")
                group, verified, level = m.group(1), bool(m.group(2)), int(m.group(3))
                continue
            body, bar, note = raw.partition("|")
            line = Line(group, level, verified, number, raw, sense=bool(bar and note.strip()))
            for part in body.split(" / "):
                tags, colon, word = part.partition(":")
                if not colon:
                    raise ValueError(f"{path}:{number}: no ':' in {part!r}")
                word = word.strip()
                for tag in tags.split():
                    if tag.isdigit():
                        line.sense = True  # spelling used for one numbered sense only
                        continue
                    m = TAG.match(tag)
                    if not m:
                        raise ValueError(f"{path}:{number}: unknown tag {tag!r}")
                    line.words.setdefault(word, set()).add((m.group(1), m.group(2)))
            lines.append(line)
    return lines


def build(lines: list[Line]) -> tuple[list[tuple[str, str, str]], Counter, dict[str, list[str]]]:
    """Rows ``(uk, us, dir)``, the skip counts and examples of each skip category."""
    skipped: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    sense_words = {w for ln in lines if ln.sense for w in ln.words}

    headword_skipped: set[str] = set()  # groups whose headword itself was left out

    def skip(category: str, what: str, ln: Line | None = None, forms: tuple[str, ...] = ()) -> None:
        if ln is not None and ln.group in forms and category in GROUP_WIDE:
            headword_skipped.add(ln.group)
        skipped[category] += 1
        if len(examples[category]) < 1000:
            examples[category].append(what)

    # every (word -> lines) where it is American / British, to find other uses
    american: dict[str, list[Line]] = defaultdict(list)
    british: dict[str, list[Line]] = defaultdict(list)
    for ln in lines:
        for w in ln.tagged("A", AMERICAN_LEVELS):
            american[w].append(ln)
        for w in ln.tagged("BZ", BRITISH_LEVELS):
            british[w].append(ln)

    def plain_pair(ln: Line) -> tuple[str | None, set[str]]:
        us = ln.tagged("A", {""})
        uk = ln.tagged("BZ", {""}) - us
        return (next(iter(us)) if len(us) == 1 else None), uk

    def same_mapping(o: Line, uk: str, us: str) -> bool:
        """Line ``o`` maps ``uk`` to ``us`` as well (a restatement, not another word)."""
        o_us, o_uk = plain_pair(o)
        return not o.sense and o_us == us and uk in o_uk

    candidates: list[tuple[str, str, str, Line]] = []
    for ln in lines:
        us_set = ln.tagged("A", {""})
        if len(us_set) != 1:
            skip("ambiguous_us", ln.text)
            continue
        us = next(iter(us_set))
        if ln.tagged("B", {""}) >= us_set and not (ln.tagged("Z", {""}) - us_set):
            skip("same_in_uk", ln.text)
            continue
        uks = ln.tagged("BZ", {""}) - us_set
        if not uks:
            skip("no_preferred_uk", ln.text)
            continue
        for uk in sorted(uks):
            what = f"{uk} -> {us}  [{ln.group}, level {ln.level}]"
            if not (WORD.match(uk) and WORD.match(us)):
                skip("not_plain_word", what)
            elif ln.level > MAX_LEVEL:
                skip("rare", what)
            elif any(not same_mapping(o, uk, us) for o in american[uk] if o is not ln):
                skip("uk_is_us_word", what, ln, (uk, us))
            elif any(not same_mapping(o, uk, us) for o in british[us] if o is not ln):
                skip("us_is_uk_word", what, ln, (uk, us))
            elif ln.sense:
                skip("sense_dependent", what, ln, (uk, us))
            elif uk in sense_words or us in sense_words:
                skip("sense_word", what, ln, (uk, us))
            elif uk in MANUAL_SKIP:
                skip("manual", what, ln, (uk, us))
            elif any(d == "A" and lv in {".", "v"} for d, lv in ln.words[uk]):
                skip("us_variant", what, ln, (uk, us))
            else:
                # forward only when the American form is itself British (B at any level)
                # or when the British target is a -ise B form and this is its Z twin
                us_british = any(d == "B" and lv in BRITISH_LEVELS for d, lv in ln.words[us])
                z_twin = not any(d == "B" and lv == "" for d, lv in ln.words[uk])
                direction = "us" if us_british or (z_twin and ln.tagged("B", {""}) - us_set) else "both"
                candidates.append((uk, us, direction, ln))

    by_uk: dict[str, set[str]] = defaultdict(set)
    for uk, us, _, _ in candidates:
        by_uk[uk].add(us)
    us_forms = {us for _, us, _, _ in candidates}
    verified_pairs = {(uk, us) for uk, us, _, ln in candidates if ln.verified}

    def derived(uk: str, us: str) -> bool:
        """A verified pair inside a longer word (colourfast), or the -ise -> -ize ending."""
        if ISE_ENDING.sub("z", uk) == us:
            return True
        return any(
            len(a) >= 4 and a in uk and uk.replace(a, b) == us for a, b in verified_pairs if (a, b) != (uk, us)
        )

    rows: dict[str, tuple[str, str, str]] = {}
    for uk, us, direction, ln in candidates:
        what = f"{uk} -> {us}  [{ln.group}, level {ln.level}]"
        if ln.group in headword_skipped:
            skip("group_headword_skipped", what)
        elif not ln.verified and not derived(uk, us):
            skip("unverified", what)
        elif len(by_uk[uk]) > 1:
            skip("conflict", what)
        elif uk in us_forms:
            skip("chain", what)
        else:
            old = rows.get(uk)
            if old and old[2] != direction:
                direction = "us"  # seen twice with different verdicts: the careful one
            rows[uk] = (uk, us, direction)
    # in reverse, one American form must have one British target
    targets: dict[str, list[str]] = defaultdict(list)
    for uk, us, direction in rows.values():
        if direction == "both":
            targets[us].append(uk)
    for us, uks in targets.items():
        if len(uks) > 1:
            for uk in uks:
                rows[uk] = (uk, us, "us")
            skip("reverse_ambiguous", f"{us} <- {', '.join(sorted(uks))}")
    out = sorted(rows.values())
    bad = sorted({uk for uk, _, _ in out} & set(NEVER_CONVERTED))
    assert not bad, f"words correct in American English would be converted: {bad}"
    return out, skipped, examples


HEADER = """\
# spelling_uk_us.tsv: British -> American spellings for the newsclean `spelling` step.
# Generated by scripts/build_spelling_table.py from VarCon (varcon.txt, SCOWL / en-wl project,
# http://wordlist.aspell.net/varcon/), Copyright 2000-2019 Kevin Atkinson, 2016 Benjamin Titze,
# 1993 Geoff Kuenning; permissive licence with notice: see VARCON-COPYRIGHT.txt next to this file.
# This file is a derived (modified) subset of VarCon: only unambiguous, single-word, lowercase pairs
# of groups up to SCOWL level {max_level}, without sense- or part-of-speech-dependent entries; see the
# script's docstring for every category left out. Do not edit by hand: rerun
#   python scripts/build_spelling_table.py /path/to/varcon.txt
# Columns: uk<TAB>us<TAB>dir, dir = both (also used US -> UK by variety "uk") | us (UK -> US only).
# {n} rows ({n_both} usable in both directions).
"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__ if argv else "usage: python scripts/build_spelling_table.py PATH/TO/varcon.txt [OUT.tsv]")
        return 0 if argv else 2
    src = Path(argv[0])
    out_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    lines = parse(src)
    rows, skipped, examples = build(lines)
    n_both = sum(1 for r in rows if r[2] == "both")
    text = HEADER.format(max_level=MAX_LEVEL, n=len(rows), n_both=n_both)
    text += "".join(f"{uk}\t{us}\t{d}\n" for uk, us, d in rows)
    out_path.write_text(text, encoding="utf-8")
    print(f"read {len(lines)} entry lines from {src}")
    print(f"wrote {len(rows)} rows ({n_both} both directions, {len(rows) - n_both} UK->US only) to {out_path}")
    print("skipped (per word form):")
    for category, count in skipped.most_common():
        print(f"  {category:42s} {count:6d}   e.g. {'; '.join(examples[category][:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
