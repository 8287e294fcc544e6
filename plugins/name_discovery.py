"""Find candidate spelling variants of names in a corpus, for a person to review.

`variant_key` is deliberately conservative: it folds what transliteration
varies (accents, apostrophes, hyphens and spaces, the article ``al-``/``el-`` and its
sun-letter forms, ``Abdul``/``Abd al-``/``Abdel``, ``ibn``/``bin``, ``q``/``k``,
``ou``/``u``, ``e``/``i`` and ``o``/``u`` before the last syllable (Arabic has three
short vowels), the diphthongs ``ai``/``ei``/``ay`` and ``aw``/``au``, a final ``h``
after a vowel, ``y``/``i`` and a few consonant spellings of other alphabets: ``ph``/``f``,
``x``/``ks``, ``dj``/``j``, ``zh``/``j``, ``tsch``/``ch``; see ``NAME_FOLDS`` and
``FOLDS``) and never what tells names apart: doubled letters stay doubled (``Assad``
is not ``Asaad``, ``Fatah`` is not ``Fattah``), ``a`` stays apart from ``i`` and ``u``
(``Hassan`` is not ``Hussein``), consonants are never dropped (``Iran`` is not
``Iraq``), and letters that are different Arabic letters stay apart (``kh``/``h``:
``Khan`` is not ``Han``; ``dh``, which is also ``d`` + ``h``: ``Adham`` is not ``Azam``;
``gh``/``g``: ``Ghai`` is not ``Gay``).

:func:`discover` counts name-like spans (runs of capitalised words, with
``al-``/``bin``-style particles inside) in a corpus, groups those with one key and
reports each group with its counts, the share of contexts the spellings have in
common and how often two spellings meet in one document (usually a sign of two
different names). Nothing here changes text: the table it writes is what a
person accepts into their ``name_table`` (or ``name_discover = true`` merges it
automatically, opt-in).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

APOSTROPHES = "'’‘ʼʻ`´ʿʾ"
ARTICLE = re.compile(r"^(?:al|el|the)[- ](?=\w)", re.IGNORECASE)
#: Lower-case particles inside names: these before a space or a hyphen, the sun-letter
#: articles (which are English words too) only before a hyphen.
PARTICLE_WORDS = "al|el|bin|ibn|bint|abu|abd|de|la|van|von"
HYPHEN_PARTICLES = f"{PARTICLE_WORDS}|ad|ash|as|at|an|ar|az|ul|ud"
_NAME_WORD = rf"[A-Z][\w{APOSTROPHES}]*[a-z][\w{APOSTROPHES}]*"
#: A name-like span: capitalised words, joined by spaces or hyphens, with lower-case particles inside.
NAME_SPAN = re.compile(
    rf"(?<![\w{APOSTROPHES}-])(?:(?:{HYPHEN_PARTICLES})-|(?:{PARTICLE_WORDS}) )?{_NAME_WORD}"
    rf"(?:[ -](?:(?:{PARTICLE_WORDS})[ -]|(?:{HYPHEN_PARTICLES})-)?{_NAME_WORD})*"
)
POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s$")
#: Capitalised function words that open a sentence before a name: "The Arvand Rud port".
LEADING_WORDS = re.compile(
    r"^(?:(?:The|A|An|In|On|At|For|From|By|With|And|But|Of|To|As|When|While|After|Before|If|This|That|"
    r"These|Those|His|Her|Their|Its|Our|Mr|Mrs|Ms|Dr)\s)+"
)
WORD = re.compile(r"\w+")
SENTENCE_BREAK = re.compile(r"(?:^|[.!?:][\"'”’)]*\s+|\n\s*|[\"“‘(]\s*)$")
#: Whole-name folds, on the lower-case name before anything else. An apostrophe writes
#: ayn or hamza, which other spellings write as a doubled vowel: a final hamza after ``a``
#: (``Ala'``/``Alaa``, ``Baha'``/``Bahaa``), ayn between a consonant and ``a``
#: (``As'ad``/``Asaad``, ``Kan'an``/``Kanaan``: and so ``As'ad``, "happier", no longer
#: meets ``Asad``, "lion") and ayn between ``a`` and a consonant (``Sa'd``/``Saad``,
#: ``Ja'far``/``Jaafar``, ``Ba'th``/``Baath``, no longer the English ``Bath``). Any other
#: apostrophe is dropped (``Sha'abi``/``Shaabi``, ``Qa'ida``/``Qaida``).
NAME_FOLDS = [
    (re.compile(rf"(?<=a)[{APOSTROPHES}](?=$|[ -])"), "a"),
    (re.compile(rf"(?<=[b-df-hj-np-tv-z])[{APOSTROPHES}](?=a)"), "a"),
    (re.compile(rf"(?<=a)[{APOSTROPHES}](?=[b-df-hj-np-tv-z])"), "a"),
]
#: The sun-letter forms of the article, hyphenated, are ``al-``: ``ash-Shabaab``/``al-Shabaab``,
#: ``ar-Rahman``, ``ad-Dawa``, ``ud-Din``, ``ez-Zor``.
SUN_ARTICLE = re.compile(r"\b[aeiu]([tdrzsn]|sh|th|dh)-(?=\1)")
#: ``el``, ``il`` and the Urdu/Persian ``ul``, ``ol`` as words are ``al`` (``Jamaat-ul-Dawa``).
OTHER_ARTICLE = re.compile(r"\b(?:el|il|ul|ol)(?=[- ])")
#: "Servant of": ``Abdul Rahman``, ``Abd al-Rahman``, ``Abdel Rahman``, ``Abdurrahman``,
#: ``Abd ar-Rahman``, ``Abdolreza`` are ``abdal`` + the name. A bare ``Abd`` before a
#: space or a consonant gets the article too; ``Abdali``, ``Abdi``, ``Abdu`` (before a
#: vowel, without a particle) are kept as they are.
ABD = re.compile(
    r"\babd(?:[ -]?(?:[eiou]l|al(?=[ -]|[b-df-hj-np-tv-z])|[aeiou]([rdnstz])(?=[ -]?\1))[ -]*|[ -]+|(?=[b-df-hj-np-tv-z]))(?=\w)"
)
#: The Persian/Urdu izafe between words, ``-e-`` or ``-i-``: ``Lashkar-e-Taiba``/``Lashkar-i-Taiba``.
IZAFE = re.compile(r"(?<=\w[- ])e(?=[- ]\w)")
#: ``ibn`` and ``bin`` are one word ("son of").
IBN = re.compile(r"\bibn\b")
#: An article inside a name is dropped, as the leading one is: ``Ayman al-Zawahiri`` and
#: ``Ayman Zawahiri``, ``Hamed al-Ali`` and ``Hamed Ali`` are one name.
INNER_ARTICLE = re.compile(r"(?<=\w[ -])al[- ](?=\w)")
#: Letter groups that romanisations of Arabic, Persian, Russian and Ukrainian spell
#: differently, applied to each word in order:
#:
#: - ``-eddin``/``-uddin``/``-ad-din`` is the article + ``din`` (``Nureddin``/``Nour al-Din``,
#:   ``Salahuddin``), a final French ``e`` included (``Noureddine``);
#: - a Russian initial ``ye`` before ``v``/``g``/``k`` is ``e`` (``Yevgeny``/``Evgeny``,
#:   ``Yekaterina``; not before ``l``/``m``: ``Yellen`` is not ``Ellen``, ``Yemen`` not ``Imen``);
#: - a French final ``e`` after ``-Vmin`` (``Amine``/``Amin``, ``Lamine``);
#: - the diphthong ``aw`` before a consonant is ``au`` (``Tawfiq``/``Taufik``, ``Awlaki``/``Aulaqi``);
#: - ``ph`` inside a word is ``f`` (``Mustapha``/``Mustafa``, ``Raphael``; not word-initial,
#:   where it is Vietnamese or Thai: ``Phan`` is not ``Fan``);
#: - ``x`` inside a word before a vowel is ``ks`` (``Alexei``/``Aleksey``; not initial:
#:   pinyin ``Xi``; not before a consonant or at the end: ``Box`` is not ``Boks``);
#: - French ``dj`` is ``j`` (``Djamel``/``Jamel``, ``Abdelmadjid``); German ``tsch``,
#:   French initial ``tch`` and ``-vitch`` are ``ch`` (``Tschatayev``, ``Tchad``,
#:   ``Petrovitch``; English ``tch`` stays: ``Mitchell`` is not ``Michell``);
#: - Persian ``zh`` after a vowel is ``j`` (``Ahmadinezhad``/``Ahmadinejad``; pinyin ``zh``
#:   opens a syllable and stays: ``Zhu`` is not ``Ju``);
#: - ``q`` is ``k`` (qaf), long ``u`` is ``ou``/``oo``/``ow``, ``ee`` is ``i``;
#: - ``w`` after ``a`` before a vowel is ``v`` (``Jawad``/``Javad``, ``Dawood``/``Davood``,
#:   ``Mahdawi``/``Mahdavi``; elsewhere English ``w`` stays: ``Lowe`` is not ``Love``,
#:   ``Ewan`` not ``Ivan``, pinyin ``Wu`` not Vietnamese ``Vu``);
#: - the Persian ending -ā'ī: ``Rezaei``/``Rezai``/``Rezaee``/``Rezayi``;
#: - ai/ei/ay/ey are one diphthong; a final ``-iyeh``/``-ieh`` is ``-iyah``
#:   (``Haniyeh``/``Haniyah``); a final h after a vowel is ta marbuta;
#: - a final -iy/-yy/-ii/-yi/-ij/-y is -i (``Zelenskyy``, ``Zelenskyi``, ``Dmitrij``);
#:   ``iy`` before a vowel is ``i`` (``Ziyad``/``Ziad``, ``Viktoriya``/``Viktoria``); ``y``
#:   after a consonant, outside the first syllable, is ``i`` (``Natalya``/``Natalia``,
#:   ``Kateryna``/``Katerina``, ``Yanukovych``/``Yanukovich``; it stays in the first syllable
#:   and in a final ``-yn``, where English spells names with it: ``Smyth``, ``Myers``,
#:   ``Bryan``, ``Lyon``, ``Robyn`` is not ``Robin``, ``Martyn`` not ``Martin``); the Russian
#:   ``-yev``/``-iev``/``-ev`` of names and patronymics is ``-ev`` (``Grigoryev``,
#:   ``Anatolievich``/``Anatolyevich``);
#: - e/i and o/u are folded only before the last syllable, whose vowel often tells two
#:   names of one root apart (Salem/Salim).
#:
#: Consonant letters are never dropped (gh is not q: Ghazi/Qazi), doubled letters
#: (shadda: Assad/Asaad) never collapsed.
_C = "b-df-hj-np-tv-xz"  # consonant letters (not y)
FOLDS = [
    (re.compile(r"(?<=\w)[aeiu]d(?=dine?$)|(?<=din)e$"), ""),
    (re.compile(r"^ye(?=[vgk])"), "e"),
    (re.compile(r"(?<=[aeiou]mi)ne$"), "n"),
    (re.compile(r"aw(?=[b-df-hj-np-tv-z])"), "au"),
    (re.compile(r"(?<=\w)ph"), "f"),
    (re.compile(r"(?<=\w)x(?=[aeiouy])"), "ks"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"tsch|^tch|(?<=vi)tch"), "ch"),
    (re.compile(r"(?<=[aeiou])zh"), "j"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ou|oo|ow(?=[^aeiouy]|$)"), "u"),
    (re.compile(r"(?<=a)w(?=[aeiou])"), "v"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"a(?:ei|ee|ie|yi|ii)$"), "ai"),
    (re.compile(r"ae"), "ai"),
    (re.compile(r"(?<=[iy])eh$"), "ah"),
    (re.compile(r"(?:ai|ei|ay|ey)(?![aeiou])"), "Y"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"(?:iy|yy|ii|yi|ij|y)$"), "i"),
    (re.compile(r"iy(?=[aeiou])"), "i"),
    (re.compile(rf"(?<=[aeiouY])([{_C}]{{1,3}})y(?=[aeiou])"), r"\1i"),
    (re.compile(rf"(?<=[{_C}])[iy]e(?=v(?:ich|na|a|)$)"), "e"),
    (re.compile(rf"(?<=[aeiouY])([{_C}]{{1,3}})y(?=[{_C}])(?!n$)"), r"\1i"),
    (re.compile(r"e(?=.*[aeiouY])"), "i"),
    (re.compile(r"o(?=.*[aeiouY])"), "u"),
]


@lru_cache(maxsize=1 << 16)
def variant_key(name: str) -> str:
    """The conservative key two spellings of one name share (see the module docstring).
    Cached: :func:`discover` asks again for each time a name is seen."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    for pattern, repl in NAME_FOLDS:
        text = pattern.sub(repl, text)
    text = re.sub(f"[{APOSTROPHES}]", "", text)
    text = ARTICLE.sub("", SUN_ARTICLE.sub("al-", text))
    text = OTHER_ARTICLE.sub("al", text)
    text = ABD.sub("abdal", text)
    text = IZAFE.sub("i", text)
    text = IBN.sub("bin", text)
    text = INNER_ARTICLE.sub("", text)
    words = []
    for word in re.split(r"[^a-z0-9]+", text):
        for pattern, repl in FOLDS:
            word = pattern.sub(repl, word)
        words.append(word)
    return "".join(words).lower()


@dataclass
class Cluster:
    """Spellings with one key: counts, shared contexts and same-document meetings."""

    key: str
    counts: dict[str, int]
    context_overlap: float
    same_document: int

    @property
    def canonical(self) -> str:
        """The most frequent spelling (ties: the alphabetically first)."""
        return min(self.counts, key=lambda f: (-self.counts[f], f))

    @property
    def variants(self) -> list[str]:
        return sorted((f for f in self.counts if f != self.canonical), key=lambda f: (-self.counts[f], f))


def name_spans(text: str) -> Iterable[tuple[str, str, str, str]]:
    """``(span, left word, right word, first word if the span opens a sentence)`` of the
    name-like spans of ``text``; a single capitalised word opening a sentence is skipped."""
    for m in NAME_SPAN.finditer(text):
        span = POSSESSIVE.sub("", m.group())
        lead = LEADING_WORDS.match(span)
        start = m.start()
        if lead:
            span, start = span[lead.end() :], start + lead.end()
            if not span:
                continue
        opens = bool(SENTENCE_BREAK.search(text[max(0, start - 4) : start]))
        if opens and " " not in span and "-" not in span:
            continue  # a capitalised first word of a sentence is not evidence of a name
        left = WORD.findall(text[max(0, start - 30) : start])
        right = WORD.findall(text[m.end() : m.end() + 30])
        first = re.match(r"[^ -]+", span).group() if opens else ""
        yield span, (left[-1].lower() if left else ""), (right[0].lower() if right else ""), first


def discover(texts: Iterable[str], *, min_count: int = 2, min_length: int = 4) -> list[Cluster]:
    """Clusters of spellings in ``texts`` that share a :func:`variant_key`, most frequent first.

    A span that opens a sentence loses its first word when the corpus also uses that
    word in lower case (``Later al Qaida denied`` -> ``al Qaida``).
    """
    found: list[list[tuple[str, str, str, str]]] = []
    lower_words: set[str] = set()
    for text in texts:
        found.append(list(name_spans(text)))
        lower_words.update(w for w in WORD.findall(text) if w.islower())
    counts: Counter[str] = Counter()
    contexts: dict[str, Counter[str]] = defaultdict(Counter)
    meetings: Counter[tuple[str, str]] = Counter()
    for spans in found:
        seen: dict[str, set[str]] = defaultdict(set)
        for span, left, right, first in spans:
            if first and first.lower() in lower_words:
                span, left = span[len(first) + 1 :], first.lower()
                if " " not in span and "-" not in span:
                    continue
            counts[span] += 1
            contexts[span].update(w for w in (f"<{left}", f">{right}") if len(w) > 1)
            seen[variant_key(span)].add(span)
        for forms in seen.values():
            if len(forms) > 1:
                for a in forms:
                    for b in forms:
                        if a < b:
                            meetings[a, b] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for form, n in counts.items():
        key = variant_key(form)
        if n >= min_count and len(key) >= min_length:
            groups[key].append(form)
    clusters = []
    for key, forms in groups.items():
        if len(forms) < 2:
            continue
        forms.sort()
        shared = _overlap([contexts[f] for f in forms])
        same_doc = sum(meetings[a, b] for i, a in enumerate(forms) for b in forms[i + 1 :])
        clusters.append(Cluster(key, {f: counts[f] for f in forms}, shared, same_doc))
    clusters.sort(key=lambda c: (-sum(c.counts.values()), c.key))
    return clusters


def _overlap(bags: list[Counter[str]]) -> float:
    """Weighted Jaccard of the context bags of the spellings (1.0 = the same contexts)."""
    if not bags:
        return 0.0
    common = bags[0]
    union = bags[0]
    for bag in bags[1:]:
        common = common & bag
        union = union | bag
    total = sum(union.values())
    return round(sum(common.values()) / total, 3) if total else 0.0


def cluster_rows(clusters: Iterable[Cluster]) -> list[tuple[str, str, str, str]]:
    """Name-table rows (``canonical, variant, type, source``) for accepted clusters."""
    rows = []
    for c in clusters:
        for v in c.variants:
            evidence = f"discovered:count={c.counts[v]}/{c.counts[c.canonical]};context={c.context_overlap};same_doc={c.same_document}"
            rows.append((c.canonical, v, "", evidence))
    return rows


def format_table(clusters: Iterable[Cluster]) -> str:
    """A TSV name table for review: one commented summary line per cluster, then its rows."""
    lines = [
        "# Candidate name variants found by `newsclean names discover`. Review each group:",
        "# delete the rows that are different names, then use the file as name_table.",
        "canonical\tvariant\ttype\tsource",
    ]
    for c in clusters:
        lines.append(f"# {c.key}: " + ", ".join(f"{f} ({n})" for f, n in sorted(c.counts.items(), key=lambda x: -x[1]))
                     + f"; shared contexts {c.context_overlap}; met in one document {c.same_document}x")
        lines.extend("\t".join(row) for row in cluster_rows([c]))
    return "\n".join(lines) + "\n"
