#!/usr/bin/env python3
"""Candidate spellings for gazetteer names from the OFAC SDN list.

The OFAC Specially Designated Nationals list (US Treasury) is a work of the US
government and in the public domain. Its "aka" entries hold many transliterations
of the same person or group (``QADHAFI, Muammar`` / ``GADDAFI, Muammar`` /
``EL-QADDAFI, Muammar``). This script prints, for the canonical names you give,
the SDN spellings that look like the same name, as rows ready for
``plugins/data/names.tsv``::

    canonical<TAB>variant<TAB>type<TAB>ofac:<ent_num>

It only proposes; a human keeps the rows that are plausible spellings in English
news (see plugins/data/NAMES-SOURCES.md for the precision rules). A row whose
variant is already in names.tsv (as the matcher keys it) ends with ``# have``;
``--new-only`` leaves such rows out.

Usage::

    python scripts/build_names_from_ofac.py "Gaddafi" "Qassem Soleimani:person" "Hezbollah:group"
    python scripts/build_names_from_ofac.py --file canonicals.txt --new-only

A name is matched by a loose consonant skeleton (vowels dropped, q/k/g/gh/kh one
letter, dh/th/d/z one letter, doubled letters single, the article al-/el- ignored):
a one-word canonical is compared with the surname of each SDN name, a longer one
with the whole name. SDN ``SURNAME, Given`` names are turned into ``Given Surname``
in title case, with the particles (al, el, bin, ibn, ...) in lower case.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import re
import sys
from pathlib import Path

CORPUS = Path("/work/shared/corpora/translit")
SDN_JSONL = CORPUS / "ofac_me_entities.jsonl"
SDN_ALT_CSV = CORPUS / "ofac_sdn_alt.csv"
NAMES_TSV = Path(__file__).resolve().parent.parent / "plugins" / "data" / "names.tsv"

PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "ul", "ud", "wa", "of", "the", "and", "min", "fi"}
LOWER_PARTICLES = {"al", "el", "bin", "ibn", "bint", "ul", "ud", "wa", "of", "the", "and", "min", "fi"}
TITLES = re.compile(r"\b(?:Dr|Sheikh|Shaykh|Sayyed|Sayyid|Mullah|Maulavi|Mawlawi|Haji|Hajji)\.?\s+", re.I)
APOS = re.compile(r"[’‘ʼʻ`´]")


def load_sdn(jsonl: Path = SDN_JSONL, alt_csv: Path = SDN_ALT_CSV) -> dict[str, dict]:
    """``{ent_num: {"type": ..., "names": [SDN names]}}`` from both files."""
    entries: dict[str, dict] = {}
    if jsonl.exists():
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            e = entries.setdefault(str(r["ent_num"]), {"type": r.get("sdn_type", ""), "names": []})
            e["names"].append(r["primary"])
            e["names"].extend(a["name"] for a in r.get("aliases", []) if a.get("alt_type") in ("aka", "fka", "nka"))
    if alt_csv.exists():
        with alt_csv.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) < 4 or row[2].strip('"') not in ("aka", "fka", "nka"):
                    continue
                e = entries.setdefault(row[0].strip(), {"type": "", "names": []})
                if row[3] not in e["names"]:
                    e["names"].append(row[3])
    return entries


def _title(word: str, first: bool) -> str:
    parts = re.split(r"([-' ])", word)
    out = []
    for i, p in enumerate(parts):
        low = p.lower()
        if not p or p in "-' ":
            out.append(p)
        elif low in LOWER_PARTICLES and not (first and i == 0):
            out.append(low)
        elif i >= 2 and parts[i - 1] == "'" and len(parts[i - 2]) > 1:
            out.append(low)  # Qa'ida, Kata'ib, Sha'abi (but O'Brien)
        else:
            out.append(p[:1].upper() + p[1:].lower())
    return "".join(out)


def news_form(sdn_name: str) -> str:
    """``AL-QADHAFI, Muammar`` -> ``Muammar al-Qadhafi``; ``KATA'IB HIZBALLAH`` -> ``Kata'ib Hizballah``."""
    name = APOS.sub("'", sdn_name.strip())
    if "," in name:
        surname, _, given = name.partition(",")
        name = f"{given.strip()} {surname.strip()}"
    name = TITLES.sub("", name)
    name = re.sub(r"\s+", " ", name).strip()
    words = name.split(" ")
    titled = [_title(w, i == 0) for i, w in enumerate(words)]
    out = " ".join(titled)
    return re.sub(r"\b(al|el) (?=[A-Z])", r"\1-", out)  # al Qaeda -> al-Qaeda (space = hyphen when matching)


def skeleton_token(tok: str) -> str:
    t = APOS.sub("", tok.lower()).replace("'", "")
    t = re.sub(r"^(?:al|el)-?(?=\w{3})", "", t) if "-" in tok or tok.lower().startswith(("al-", "el-")) else t
    for a, b in (("kh", "k"), ("gh", "k"), ("sh", "x"), ("ch", "x"), ("zh", "j"), ("dj", "j"), ("ph", "f"),
                 ("dh", "d"), ("th", "d"), ("ou", "u"), ("q", "k"), ("g", "k"), ("c", "k"), ("z", "d"), ("v", "w")):
        t = t.replace(a, b)
    t = re.sub(r"[aeiouyh\-]", "", t)
    return re.sub(r"(.)\1+", r"\1", t)


def skeleton(form: str) -> tuple[str, ...]:
    toks = [t for t in re.split(r"[\s\-]+", APOS.sub("'", form)) if t and t.lower() not in ("al", "el")]
    return tuple(s for s in (skeleton_token(t) for t in toks) if s)


def have_variants(path: Path = NAMES_TSV) -> set[str]:
    out = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) >= 2 and not line.startswith("#"):
                out.update(cells[:2])
    return out


@functools.lru_cache(maxsize=None)
def _key(form: str) -> tuple[str, ...]:
    """The matcher's key of a form (case, apostrophe, article spelling and hyphen/space folded)."""
    try:
        from newsclean.plugins.names import form_key
    except ImportError:  # pragma: no cover - outside the dev venv
        return tuple(re.split(r"[\s\-]+", APOS.sub("'", form.lower())))
    return form_key(form)


def _same(a: str, b: str) -> bool:
    """Whether two forms are one key for the matcher (then the row would be redundant)."""
    return _key(a) == _key(b)


@functools.lru_cache(maxsize=1)
def sdn_forms() -> list[tuple[str, str, tuple[str, ...], str, tuple[str, ...], int]]:
    """Every SDN name once: ``(ent_num, news form, skeleton, surname form, surname skeleton, words in surname)``."""
    out = []
    for ent, e in load_sdn().items():
        for raw in dict.fromkeys(e["names"]):
            form = news_form(raw)
            surname = raw.partition(",")[0] if "," in raw else raw
            sform = news_form(surname)
            out.append((ent, form, skeleton(form), sform, skeleton(sform), len(surname.split())))
    return out


def candidates(canonical: str, kind: str = "person") -> list[tuple[str, str]]:
    """``[(variant, ent_num)]``: SDN spellings of ``canonical``. A one-word person name
    is compared with SDN surnames; anything else with whole SDN names."""
    target = skeleton(canonical)
    single = len(target) == 1 and kind == "person" and " " not in canonical and "-" not in canonical
    found: dict[str, str] = {}
    for ent, form, skel, sform, sskel, swords in sdn_forms():
        if single:
            if swords <= 2 and sskel == target:
                found.setdefault(sform, ent)
        elif skel == target:
            found.setdefault(form, ent)
    return sorted((v, ent) for v, ent in found.items() if not _same(v, canonical))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="canonical names, optionally 'Name:type'")
    ap.add_argument("--file", help="a file of canonical names (Name or Name:type), one a line")
    ap.add_argument("--new-only", action="store_true", help="omit variants already in names.tsv")
    args = ap.parse_args(argv)
    names = list(args.names)
    if args.file:
        names += [l.strip() for l in Path(args.file).read_text(encoding="utf-8").splitlines() if l.strip()]
    have = {_key(h) for h in have_variants()}
    for item in names:
        canonical, _, kind = item.partition(":")
        kind = kind or "person"
        for variant, ent in candidates(canonical, kind):
            known = _key(variant) in have
            if known and args.new_only:
                continue
            print(f"{canonical}\t{variant}\t{kind}\tofac:{ent}" + ("\t# have" if known else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
