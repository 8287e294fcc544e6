"""``typos``: correctly spelled mistakes that spell checkers miss: doubled words and real-word errors.

``that that the`` -> ``that the``, ``the the`` -> ``the``, ``hostility hostility`` ->
``hostility``; kept: ``had had``, ``that that`` + noun (pronoun + conjunction),
``very very``, ``no no``, a preposition ending one phrase and starting the next
(``waiting for for years``), hyphenated words (``break-in in``), names and titles
(``Duran Duran``, ``Please Please Me``: anything capitalised mid-sentence, except a
doubled nationality word), and repeats across a line break. The word lists are
in ``data/doubled_words.tsv``. Every fix is an edit with rule ``doubled_word``
and a note saying which test decided it.

Real-word errors (rule ``confusion``): a correctly spelled word of a confusion set
(``data/confusion_sets.tsv``: will/with, form/from, than/then, ...) that its
neighbours say is the wrong one, ``relations will all of our`` -> ``relations
with all of our``. The context model is the bigram counts of
``data/confusion_bigrams.tsv`` (symspellpy's Google Books lists, MIT). For a word
``w`` and an alternative ``a`` of its set:

- ``left = P(a | left word) / P(w | left word) = c(left a) / c(left w)``;
- ``right = P(right word | a) / P(right word | w) = (c(a right) / c(a)) / (c(w right) / c(w))``.

A bigram absent from the list is rarer than the list's cut-off ``T``; it counts as
``UNSEEN * T`` (on the right it never outweighs a present bigram: absence is
evidence against a word, never for it). When both bigrams of a side are absent, or
there is no neighbour on that side (punctuation, a line break, a word with an
apostrophe), the side gives no evidence (1); a number is scored as ``two``. ``w``
becomes ``a`` only when ``left * right`` reaches the direction's ``MIN_PRODUCT``, the
neighbours alone (the prior ``c(a) / c(w)`` taken out) favour ``a`` ``>= MIN_CONTEXT``
times, neither side favours ``w`` more than ``1 / MIN_SIDE`` times (prior taken out), and
when one side gives no evidence the other reaches ``MIN_ONE_SIDED`` (or the direction's
``MIN_PRODUCT``, if higher) both with and without the prior (``a year too.`` stays: the
prior alone never decides). A right neighbour that is a word no bigram has after the word as
written (``plans too restructure``) is not punctuation: the left side then needs that minimum
with the prior and ``MIN_BLIND_CONTEXT`` without it. ``MIN_PRODUCT`` is set per direction by the ``=word<TAB>into<TAB>N``
lines of the sets file (``=or<TAB>of<TAB>3000``: after a noun ``of`` is always likelier
than ``or``, so ``or`` only becomes ``of`` on overwhelming evidence); a direction the
tune split showed to be unsafe is never taken (``!its<TAB>it's``). All of them were chosen on
the tune split of the BBC corpus (``benchmarks/bench_typos.py --tune``: the most injected
errors fixed with at most 0.75 changes per 10,000 clean tokens, a margin under the goal of
one, each per-direction level charged the clean changes of the next looser level). Contractions (``it's``) have no bigrams: their right side is scored by
their expansion (``is``/``has``), their left side gives no evidence. Never
touched: a word capitalised mid-sentence (``Will Smith``, ``Form One``), an
all-capitals word, a sentence-initial word before a capitalised one, a word
glued to digits, a URL or a hyphen, a word quoted on its own (``the word
"their"``), and two neighbouring candidates that would both change. Case is
kept (``Will`` -> ``With``). The note gives the evidence: ``will->with left=22.8 right=6.7``.

A capitalised neighbour mid-sentence is a name (a day of the week is not: ``one Sunday``
is scored as ``one sunday``), scored as the pseudo-word ``NAME``, whose bigrams sum those
of a few words that are nearly always names (``trip too Newcastle``: ``to`` + name). A few
grammar patterns
(``grammar_pattern``: ``will`` + determiner after a word or + a number, a preposition + ``it's``, ``its`` +
article, ``one`` + determiner, object pronoun or date, a determiner + noun + ``or``, ``form`` + determiner,
``did now`` + verb) give their direction a threshold of its own
(``=word<TAB>into<TAB>N<TAB>pattern``, tune split), noted as ``pattern=...``. ``or`` after
``either`` or ``whether`` in the same sentence is a coordination and never becomes ``of``.
"""

from __future__ import annotations

import functools
import operator
import re
import dataclasses
from dataclasses import dataclass
from importlib import resources
from typing import Any, Mapping, NamedTuple, Sequence

from newsclean import Document, Normalizer, Span, Stage, hookimpl

DATA = "doubled_words.tsv"
CONFUSION_SETS = "confusion_sets.tsv"
CONFUSION_LM = "confusion_bigrams.tsv"
#: A word and its repeats, separated by spaces only (not a line break), case-insensitive.
DOUBLED = re.compile(r"\b(\w+)((?: +\1\b)+)", re.IGNORECASE)
#: ``DOUBLED`` for a text in lower case (see ``lowered``): case-sensitive, and ``\w++`` takes
#: the whole word at once (a shorter part of a word is never followed by a space, so
#: backtracking into it never found a match).
DOUBLED_LOWER = re.compile(r"\b(\w++)((?: +\1\b)+)")
#: A character outside ASCII that case-insensitive matching takes for an ASCII letter (the
#: Kelvin sign, a long s, a dotless i, an I with a dot).
FOLDS_TO_ASCII = re.compile(r"(?=[^\x00-\x7f])(?i:[a-z])")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Every byte but an ASCII word character (what ``\w`` matches) becomes a space (``doubled_words``).
ASCII_WORD_RUNS = bytes(b if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_") else 32 for b in range(256))
WORD_BEFORE = re.compile(r"(\w+)\W*$")
WORD_AFTER = re.compile(r"^\W*?(\w+)")
#: Set by ``structure`` on a document that does not look English: this step leaves it alone.
NOT_ENGLISH = "structure:not-english"
SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n)$")


@functools.lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The lists of ``data/doubled_words.tsv``, read once per process."""
    text = resources.files(__package__).joinpath("data", DATA).read_text(encoding="utf-8")
    lists: dict[str, frozenset[str]] = {}
    for raw in text.splitlines():
        if raw.strip() and not raw.startswith("#"):
            name, _, words = raw.partition("\t")
            lists[name.strip()] = frozenset(words.split())
    return lists


def lowered(text: str) -> str | None:
    """``text.lower()`` if it changes only ASCII letters and no character outside ASCII is taken for an
    ASCII letter when case is ignored; else None.

    In such a lower-case copy, a pattern of lower-case ASCII words matched case-sensitively
    matches exactly where its case-insensitive form matches in ``text``, position for position
    (a character outside ASCII is the same in both, and matches no ASCII letter either way).
    Python's ``re`` is much slower on a case-insensitive alternation: it cannot test an
    alternative's first letter before entering it.
    """
    low = text.lower()
    if text.isascii():
        return low
    if len(low) != len(text) or FOLDS_TO_ASCII.search(text) or NON_ASCII.findall(low) != NON_ASCII.findall(text):
        return None
    return low


def doubled_words(text: str) -> list[re.Match[str]]:
    """``list(DOUBLED.finditer(text))``, found in the lower-case copy when there is one (see ``lowered``).

    A doubled word is rare: each place found in the copy is matched again with ``DOUBLED`` in
    ``text``, so the matches are ``DOUBLED``'s own (same spans, the words as written).
    """
    low = lowered(text)
    if low is None:
        return list(DOUBLED.finditer(text))
    if text.isascii():
        # a doubled word is two equal neighbours among the words (runs of ``\w``) of the lower-case
        # copy: most texts have none, which C-level splitting and comparing tells quickly
        words = low.encode("ascii").translate(ASCII_WORD_RUNS).split()
        if not any(map(operator.eq, words, words[1:])):
            return []
    return [DOUBLED.match(text, m.start()) for m in DOUBLED_LOWER.finditer(low)]


def after_sentence_break(text: str, start: int) -> bool:
    """``SENTENCE_START.search(text[:start])``, looking back only as far as it must.

    (Searching the whole prefix for every doubled word made the step quadratic on a long text.)
    """
    if start == 0 or text[start - 1] == "\n":
        return True
    i = start
    while i and text[i - 1].isspace():  # ``\s`` is what str.isspace() says
        i -= 1
    if i == start:
        return False
    while i and text[i - 1] in "\"'”’)":
        i -= 1
    return bool(i) and text[i - 1] in ".!?"


def word_before(text: str, start: int) -> re.Match[str] | None:
    """``WORD_BEFORE.search(text, 0, start)``: the last word before ``start``, in linear time."""
    i = start
    while i and not _is_word_char(text[i - 1]):
        i -= 1
    j = i
    while j and _is_word_char(text[j - 1]):
        j -= 1
    return WORD_BEFORE.match(text, j, start) if j < i else None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def verdict(text: str, match: re.Match[str]) -> str | None:
    """Why the second word of ``match`` is a typo (the note of the edit), or None to keep it."""
    lists = word_lists()
    first, second = match.group(1), match.group(2).split()[0]
    start, end = match.start(), match.end()
    if (start and text[start - 1] in "-'’") or text[end : end + 1] in ("-", "'", "’"):
        return None  # part of a hyphenated or clipped word: "break-in in", "in in-fighting"
    lower = second.lower()
    if first != second:
        # only "The the" at a sentence start: a capital first word, the same word in lower case
        if not (first[:1].isupper() and second == lower and after_sentence_break(text, start)):
            return None
    elif first[:1].isupper() and not after_sentence_break(text, start):
        return "demonym" if lower in lists["demonym"] else None  # names and titles: Duran Duran
    if lower.isdigit() or lower in lists["legit"] or lower in lists["strandable"]:
        return None
    # the neighbours within the paragraph only (the step's scope: see Normalizer.scope)
    before = word_before(text, start)
    if before is not None and "\n\n" in text[before.end(1) : start]:
        before = None
    after = WORD_AFTER.search(text[end : end + 40].split("\n\n", 1)[0])
    if lower == "that":
        return "that+determiner" if after and after.group(1).lower() in lists["determiner"] else None
    if lower in lists["copula"]:
        return None if before and before.group(1).lower() in lists["copula_subject"] else "copula"
    if lower in lists["always"]:
        return "function_word"
    if len(lower) >= 4 and lower.isalpha() and second == lower:
        return "content_word"  # "hostility hostility"
    return None


# -- real-word errors (confusion sets) ------------------------------------------

#: An absent bigram counts as this share of the list's cut-off (tune split).
UNSEEN = 0.1
#: Change only when the context prefers the alternative this much overall ...
MIN_PRODUCT = 100.0
#: ... the neighbours alone (the prior taken out) prefer it this much ...
MIN_CONTEXT = 1.0
#: ... neither side prefers the word as written (each side, the prior taken out of ``left``) ...
MIN_SIDE = 0.1
#: ... and, when one side gives no evidence at all, the other is this strong, with and without the prior.
MIN_ONE_SIDED = 50.0
#: ... or, when the right neighbour is a word that no bigram has after the word as written (``too
#: suffocate``, ``too refund``: its ratio is 1, the right side gives no evidence, but a word does follow,
#: unlike punctuation, after which ``too`` is common and ``to`` rare), the left side reaches the
#: one-sided minimum with the prior and this without it (tune split).
MIN_BLIND_CONTEXT = 5.0

#: A neighbour: a run of letters (an apostrophe or a hyphen makes it no evidence).
LEFT_WORD = re.compile(r"(?:^|(?<=[\s\"'(\[]))([\w'’.-]+) +$")
LEFT_WORD_AT = re.compile(r"([\w'’.-]+) +$")
LEFT_WORD_CHARS = "_'’.-"
RIGHT_WORD = re.compile(r" +([\w'’-]+)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Capitalised neighbours that are no names: the bigrams have them in lower case (``on monday``).
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
#: A capitalised neighbour mid-sentence (a name: ``trip too Newcastle``, ``draw will Chelsea``) is
#: scored as this pseudo-word, whose bigram counts are the sums of those of a few words that are
#: nearly always names (the lists are lower case, so a name of their own is no safe evidence).
NAME = "<name>"
NAME_PROXIES = ("london", "paris", "england", "britain", "france", "germany", "china", "japan", "europe",
                "america", "india", "washington", "john", "james", "david", "george", "mary")

# -- grammar patterns: a direction's evidence from function words the bigrams weigh too lightly --
#: Determiners and possessives: a noun phrase starts after them.
DETERMINERS = frozenset("the a an his her their its our my your these those".split())
#: "will" as a noun (the will of, free will, against their will) or inverted (nor will the, how will the).
WILL_NOUN_OR_INVERTED = frozenset(
    "the a an his her their its our my your this that free political good ill own sheer public popular last "
    "how what when where why who which whom nor neither so only then as than".split()
)
PREPOSITIONS = frozenset(
    "of in to for with at by from on into onto about over under through across against without within "
    "towards toward upon behind despite during among between".split()
)
#: What follows "one" used as an object of "on" (on the, on his, on them; not "a": one a day) ...
ON_OBJECTS = (DETERMINERS - {"a", "an"}) | frozenset("them him us me".split())
#: ... but not after words that make "one" a pronoun or a number (the one the public wants, one of)
#: nor after a copula or "of" (is one the largest, one of his: "of" is missing, "on" is no fix).
ONE_AS_PRONOUN = frozenset(
    "the that this no any every each only which last first next another little big good new right wrong same "
    "such other a an is was be been are were of remains remain become became becomes as".split()
)
#: ``will`` starting a clause (a sentence's first word, or after a comma or semicolon) before a
#: determiner in a statement (no inverted question: ``Will the ...?``) is ``with`` (``With the help
#: of ...``, ``..., with a late goal.``): scored as this left neighbour (no bigram has it).
CLAUSE = "<clause>"
#: A sentence opening with these may invert its subject without a question mark (``Only then, will
#: the``; ``Why on earth will the ..., he demanded.``).
INVERTING_OPENERS = frozenset(
    "only not never nor neither rarely seldom hardly scarcely little no nowhere so such until "
    "why how what when where who whom whose which whether".split()
)
#: Words that make a full stop end a reported question (``Will the euro survive, asks ...``).
ASKING = re.compile(
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|question|demanded|demands|queried)\b", re.IGNORECASE
)
#: The end of a sentence: a terminator before a space, a closing quote or bracket, or the line's end.
SENTENCE_END = re.compile(r"[.!?](?=[\"'”’)\]]*(?:\s|$))")
#: A short capitalised word before a full stop is an abbreviation (Mr., Gen., U.S.), not a sentence end.
ABBREVIATION = re.compile(r"(?:^|\W)(?:[A-Z][A-Za-z]{0,3}|[A-Za-z])$")

#: ``grammar_pattern`` cues: the word stands in a statement (see ``statement``); a number or an
#: amount comes next; a day of the week comes next, as a report dates an event.
STATEMENT = "statement"
NUMBER_NEXT = "number"
DAY_NEXT = "day"
#: ``grammar_pattern`` cue: a date comes next (``one 20 March``, ``one March 20``).
DATE_NEXT = "date"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_AFTER = re.compile(rf" {{1,3}}(?:\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS})|(?:{MONTHS}) \d{{1,2}})\b")
#: A number or an amount after spaces (``will 11 nominations``, ``will $24m``).
NUMBER_AFTER = re.compile(r" {1,3}[£$€¥]?\d")
#: An amount after spaces: a currency sign and a digit (``too £10``).
AMOUNT_NEXT = re.compile(r" {1,3}[£$€¥]\d")
WEEKDAYS = frozenset(d.lower() for d in DAYS)
#: Comparatives: "then" after them is "than" (not "later", "earlier", "longer": "two years later then").
COMPARATIVES = frozenset(
    "more less fewer rather better worse greater higher lower larger smaller bigger cheaper faster slower "
    "stronger weaker harder easier shorter older younger".split()
)
#: ``or`` after a quantity and before a determiner: "of" (``one or the biggest``), unless the words
#: after the determiner make a coordination (``one or the other``, ``two or a few``, ``40% or a 50% stake``).
QUANTITY_BEFORE = "quantity"
QUANTITY = re.compile(
    r"(?:^|(?<=[\s\"'(]))(?:one|two|three|four|five|six|seven|eight|nine|ten|most|many|some|any|none|each|half|"
    r"much|both|several|few|\d+(?:\.\d+)?%) {1,3}$",
    re.IGNORECASE,
)
COORDINATED_AFTER = re.compile(
    r" {1,3}\w+ {1,3}(?:other|others|another|same|latter|former|few|couple|handful|dozen|number|majority|bulk|rest|"
    r"\d)",
    re.IGNORECASE,
)
#: ... and after these (a complex preposition's head, or a word that takes "of") "or" + a determiner is
#: "of": they are seldom coordinated (not "start", "end", "top", "side": "the start or the end")
DETERMINER_NEXT = "determiner"
OF_HEADS = frozenset(
    "because instead ahead regardless behalf terms spite favour favor charge lot lots couple handful majority "
    "series variety aware capable afraid proud guilty accused out short part rest front".split()
)
#: ``or`` after a determiner and one word, before a word that is no determiner (``the number or people``,
#: ``a couple or weeks``): that word heads a noun phrase, which "of" continues far more often than "or" does.
ARTICLE_BEFORE = "article"
#: A number after "or" when its bigrams ("or two") are no evidence: a word no bigram has.
NUMBER_WORD = "<number>"
#: Plural amounts that are followed by "of" (``thousands or people``) ...
COUNTED_BY = frozenset("thousands millions billions hundreds dozens tens lots".split())
#: ... unless "or" coordinates them with another amount (``thousands or millions``, ``part or all``).
AMOUNTS = frozenset(
    "one two three four five six seven eight nine ten all some most more many much none few several half "
    "whole thousands millions billions hundreds dozens tens lots".split()
) | {NUMBER_WORD}
#: Before "or" + a number these are counted things that coordinate with a number (a week or 10 days).
COUNTED = frozenset(
    "day days week weeks month months year years hour hours minute minutes second seconds decade decades "
    "season seasons time times point points goal goals game games match matches round rounds set sets "
    "percent cent cents penny pence pound pounds dollar dollars euro euros yen mile miles metre metres "
    "meter meters foot feet inch inches yard yards kilo kilos tonne tonnes ton tons people dozen".split()
)
#: A number before "or" in the same sentence: the number after it restates an amount (4.9 million or 11.7%).
NUMBER_BEFORE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
#: After "one" + a day, these tell a story (one Sunday morning, one Friday in May): "one" is right.
STORY_AFTER_DAY = re.compile(r" {1,3}(?:morning|afternoon|evening|night|in|of|when|last)\b", re.IGNORECASE)

#: "form" + determiner is the verb (``to form a government``, ``they form the``) after these; else it is
#: "from" (``came form the``, ``away form a``).
FORM_AS_VERB = frozenset(
    "to will would can could may might must shall should they we you i and or which who that not also often "
    "help helped helps".split()
)

#: "do", "does", "did" and a word: "now" between them is "not" (``did now want``: ``do`` only takes an
#: adverb like "now" in a question or for emphasis, and a question inverts: ``does it now``).
DO_SUPPORT = frozenset("do does did".split())

#: "its" before these is "it's" (its a, its the, its not, its been): never a possessive.
IT_IS_NEXT = frozenset("a an the not been".split())


def grammar_pattern(word: str, alternative: str, left: str | None, right: str | None, cue: str = "") -> str:
    """The name of the grammar pattern that backs ``word -> alternative`` between ``left`` and
    ``right`` (spelled as in the bigrams, None: no word; ``CLAUSE``: ``word`` starts a clause),
    or "" (judged by the bigrams alone). ``cue``: what the text says beyond the two neighbours
    (``STATEMENT``: the word stands in a statement; ``NUMBER_NEXT``: a number or an amount comes
    next; ``DAY_NEXT``: a day of the week comes next, and no word that tells a story after it
    (``one Sunday morning``, ``one Sunday in May``); see ``confusion_candidates``).

    A pattern has its own ``MIN_PRODUCT`` (an ``=word<TAB>into<TAB>N<TAB>pattern`` line of the sets
    file): the bigrams must still not contradict it. The patterns are English grammar, not BBC habits:

    - ``will`` + determiner is ungrammatical for the auxiliary in a statement (``relations will all``
      is the seed, ``will the`` after a noun: ``with``); a question inverts (``But will the device
      ...?``), and so do ``as will the Liberal Democrats`` and ``nor will the``; at a clause's start
      too (``Will the help of ...``, ``..., will a late goal.``), and before a name (``talks will
      Israel``; a day is no name: ``will Monday``);
    - a preposition + ``it's`` is always the possessive (``of it's shares``); ``its`` + article or
      ``not``/``been`` is always ``it's``;
    - ``one`` + determiner or object pronoun, not after a word that makes ``one`` a pronoun (``the one
      the``), is ``on``, and so is ``one`` + a day of the week in a report (``said one Tuesday``; not
      a story's ``one Sunday morning``);
    - ``too`` qualifies an adjective or an adverb, never a number or an amount (``rose 2% too 3%``,
      ``from £6 too £10``): there it is ``to``. (``too`` + a name is no pattern: ``too Greek``, ``too
      Tory``, ``too Hollywood`` are adjectives, and no list of them is complete.)
    - ``or`` is ``of`` after a noun before a number with no number before (``the quarter or 2004``;
      not ``a week or 10 days``, nor an amount restated: ``20% of its equity or 17.2 million
      shares``), between a quantity and a determiner (``one or the biggest``, ``40% or the market``;
      not ``one or the other``, ``one or a few``), and between a word that takes "of" and a
      determiner (``because or the``, ``in terms or the``, ``aware or the``);
    - ``then`` after a comparative is ``than`` (``less then four years``, ``rather then``);
    - ``or`` after a determiner and one word, before a word that is not a determiner (``the number or
      people``, ``a couple or weeks``; not ``the start or the end``), is ``of``: that word heads a noun
      phrase; and so is ``or`` after a word that takes "of" or a plural amount before anything but an
      amount (``out or retirement``, ``thousands or fans``; not ``thousands or millions``, ``part or all``);
    - ``form`` + determiner after a word that does not make it the verb (``came form the``; not ``to form
      the``, ``they form a``) is ``from``; ``do``/``does``/``did`` + ``now`` + a word is ``not``;
    - ``one`` before a date is ``on`` (``one 20 March``), ``will`` before a number in a statement is
      ``with`` (``will 11 nominations``).
    """
    if right is None:
        return ""
    if word == "will":
        if alternative == "with" and cue == NUMBER_NEXT and left not in WILL_NOUN_OR_INVERTED:
            return "will+number"
        if alternative != "with" or cue != STATEMENT or left is None or left in WILL_NOUN_OR_INVERTED:
            return ""
        if right == NAME:
            return "will+name"
        if right in DETERMINERS:
            return "clause+will+determiner" if left == CLAUSE else "will+determiner"
    elif word == "it's":
        if alternative == "its" and left in PREPOSITIONS:
            return "preposition+it's"
    elif word == "its":
        if alternative == "it's" and right in IT_IS_NEXT:
            return "its+article"
    elif word == "one":
        if alternative == "on" and left not in ONE_AS_PRONOUN and left != "two":
            if right in ON_OBJECTS and left is not None:
                return "one+determiner"
            if right in WEEKDAYS and cue == DAY_NEXT:
                return "one+day"
            if cue == DATE_NEXT:
                return "one+date"
    elif word == "too":
        if alternative == "to" and cue == NUMBER_NEXT:
            return "too+number"
    elif word == "form":
        if alternative == "from" and right in DETERMINERS and left is not None and left not in FORM_AS_VERB:
            return "form+determiner"
    elif word == "now":
        if alternative == "not" and left in DO_SUPPORT:
            return "do+now"
    elif word == "then":
        if alternative == "than" and left in COMPARATIVES:
            return "comparative+then"
    elif word == "or":
        if alternative == "of" and cue == NUMBER_NEXT and left is not None and left != NAME and left not in COUNTED:
            return "or+number"
        if alternative == "of" and cue == QUANTITY_BEFORE and right in DETERMINERS:
            return "quantity+or+determiner"
        if alternative == "of" and cue == DETERMINER_NEXT and right in DETERMINERS and left in OF_HEADS:
            return "head+or+determiner"
        if alternative == "of" and cue == ARTICLE_BEFORE and left is not None and left != NAME:
            return "determiner+noun+or"
        if alternative == "of" and (left in OF_HEADS or left in COUNTED_BY) and right not in AMOUNTS:
            return "head+or"
    return ""


#: Before "or" in the same sentence these make it a coordination: either ... or, whether ... or.
EITHER = re.compile(r"\b(?:either|whether)\b", re.IGNORECASE)
#: Quote marks that, on both sides of a word, make it a mention ("the word 'their'").
QUOTES = "\"'‘’“”"


@dataclass(frozen=True, eq=False)
class ConfusionData:
    """The confusion sets and their context counts, read once per process."""

    #: word -> the words of its set(s) it may become ("!now<TAB>not" lines take some out)
    alternatives: dict[str, tuple[str, ...]]
    #: word -> every other word of its set(s), whatever the "!" lines say
    members: dict[str, tuple[str, ...]]
    #: word -> the words whose right-hand bigrams stand for it (itself, or the expansion of a contraction)
    proxies: dict[str, tuple[str, ...]]
    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    cutoff: int
    #: every word of the sets, as one case-insensitive alternation
    pattern: re.Pattern[str]
    #: (word, into) -> the ``MIN_PRODUCT`` of that direction, where the sets file sets one ("=" lines;
    #: a "!" line: infinite); (word, into, pattern) -> the same for a grammar pattern of that direction
    thresholds: dict[tuple[str, ...], float] = dataclasses.field(default_factory=dict)

    def every_direction(self) -> ConfusionData:
        """The same data with every direction allowed at the default thresholds (for tuning them)."""
        return dataclasses.replace(
            self, alternatives=dict(self.members), thresholds={}, pattern=words_pattern(self.members)
        )


@functools.lru_cache(maxsize=1)
def confusion_data() -> ConfusionData:
    """The data of ``data/confusion_sets.tsv`` and ``data/confusion_bigrams.tsv``, read once per process."""
    folder = resources.files(__package__).joinpath("data")
    alternatives: dict[str, set[str]] = {}
    proxies: dict[str, tuple[str, ...]] = {}
    never: set[tuple[str, str]] = set()
    thresholds: dict[tuple[str, ...], float] = {}
    for raw in folder.joinpath(CONFUSION_SETS).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("="):
            word, into, product, *pattern = raw[1:].split("\t")
            thresholds[(word.strip(), into.strip(), *(p.strip() for p in pattern))] = float(product)
            continue
        if raw.startswith("!"):
            word, into = raw[1:].split("\t")
            never.add((word.strip(), into.strip()))
            continue
        members = []
        for item in raw.split("\t"):
            word, _, expansion = item.strip().partition(":")
            members.append(word)
            proxies[word] = tuple(expansion.split(",")) if expansion else (word,)
        for word in members:
            alternatives.setdefault(word, set()).update(m for m in members if m != word)
    unigrams: dict[str, int] = {}
    bigrams: dict[tuple[str, str], int] = {}
    cutoff = 0
    for raw in folder.joinpath(CONFUSION_LM).read_text(encoding="utf-8").splitlines():
        if raw.startswith("b\t"):
            _, left, right, count = raw.split("\t")
            bigrams[left, right] = int(count)
        elif raw.startswith("u\t"):
            _, word, count = raw.split("\t")
            unigrams[word] = int(count)
        elif raw.startswith("cutoff\t"):
            cutoff = int(raw.split("\t")[1])
    proxies_of_names = frozenset(NAME_PROXIES)
    names: dict[tuple[str, str], int] = {}
    for (left, right), count in bigrams.items():
        if right in proxies_of_names:
            names[left, NAME] = names.get((left, NAME), 0) + count
        if left in proxies_of_names:
            names[NAME, right] = names.get((NAME, right), 0) + count
    bigrams.update(names)
    members = {w: tuple(sorted(a)) for w, a in alternatives.items()}
    for word, into in never:
        if any(len(k) == 3 and k[:2] == (word, into) for k in thresholds):
            thresholds[word, into] = float("inf")  # only through a grammar pattern
        else:
            alternatives[word].discard(into)
    allowed = {w: tuple(sorted(a)) for w, a in alternatives.items()}
    return ConfusionData(allowed, members, proxies, unigrams, bigrams, cutoff, words_pattern(allowed), thresholds)


#: ``words_pattern``'s patterns -> the same for a lower-case copy of the text (``confusable``).
LOWER_PATTERNS: dict[re.Pattern[str], re.Pattern[str]] = {}


def words_pattern(alternatives: Mapping[str, Sequence[str]]) -> re.Pattern[str]:
    """Where a word with an alternative stands; a word whose every direction is "never"
    ("to": to->too) is not even looked at."""
    words = sorted((w for w, a in alternatives.items() if a), key=lambda w: (-len(w), w))
    alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    # a whole word: not part of a longer word, a contraction, a hyphenated word, a URL or a number
    pattern = re.compile(rf"(?<![\w'’@#/.-])(?:{alternation})(?![\w'’@/]|[-.]\w)", re.IGNORECASE)
    # the same for a lower-case copy of the text (see ``lowered``): the words case-sensitive, their first
    # letters tested before anything else (several times quicker); what is around them, as above
    if all(w.isascii() and w.islower() for w in words):
        firsts = "".join(sorted({w[0] for w in words}))
        LOWER_PATTERNS[pattern] = re.compile(
            rf"(?=[{re.escape(firsts)}])(?<!(?i:[\w'’@#/.-]))(?:{alternation})(?!(?i:[\w'’@/]|[-.]\w))"
        )
    return pattern


def confusable(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(text)`` (a ``words_pattern``), found in the lower-case copy of
    ``text`` when there is one (see ``lowered``)."""
    fast = LOWER_PATTERNS.get(pattern)
    low = lowered(text) if fast is not None else None
    if low is None:
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in fast.finditer(low)]


class Confusion(NamedTuple):
    """A candidate: ``text[start:end]`` (``word``, lower case) might be ``alternative``.

    (A named tuple: one is made for every confusion-set word of the text, and a tuple is quick to make.)
    """

    start: int
    end: int
    word: str
    alternative: str
    left: float
    right: float
    #: c(alternative) / c(word): how much more often the alternative is written at all
    prior: float
    #: the ``MIN_PRODUCT`` of this direction (word -> alternative), or of its grammar pattern
    threshold: float = MIN_PRODUCT
    #: the grammar pattern that backs the change (``grammar_pattern``), or ""
    pattern: str = ""
    #: the right neighbour is a word that no bigram has after ``word`` (and the right ratio is 1)
    blind: bool = False

    @property
    def product(self) -> float:
        return self.left * self.right

    @property
    def context(self) -> float:
        """The evidence of the neighbours alone, the prior taken out of ``left``."""
        return self.product / self.prior

    def note(self) -> str:
        pattern = f" pattern={self.pattern}" if self.pattern else ""
        return f"{self.word}->{self.alternative} left={self.left:.1f} right={self.right:.1f}{pattern}"


def _side(count_a: float | None, count_w: float | None, unseen: float) -> float:
    """``count_a / count_w``, an absent count standing for ``unseen``; 1 when both are absent."""
    if count_a is None and count_w is None:
        return 1.0  # no evidence either way
    return (count_a if count_a is not None else unseen) / (count_w if count_w is not None else unseen)


def _follows(data: ConfusionData, word: str, right: str, unseen: float) -> tuple[float, bool]:
    """P(right | word) on the bigram scale, through the word's proxies; and whether any bigram was seen."""
    seen = [data.bigrams[p, right] / data.unigrams[p] for p in data.proxies[word] if (p, right) in data.bigrams]
    if seen:
        return max(seen), True
    return max(unseen / data.unigrams[p] for p in data.proxies[word]), False


def _right_ratio(data: ConfusionData, word: str, alternative: str, right: str, unseen: float) -> float:
    """``P(right | alternative) / P(right | word)``; an absent bigram never outweighs a present one.

    The estimate of an absent bigram, ``unseen / c(word)``, is large for a rare word,
    so it is capped by the present one: absence is evidence against, never for.
    """
    p_a, seen_a = _follows(data, alternative, right, unseen)
    p_w, seen_w = _follows(data, word, right, unseen)
    if seen_a and seen_w:
        return p_a / p_w
    if seen_a:
        return max(1.0, p_a / p_w)
    if seen_w:
        return min(1.0, p_a / p_w)
    return 1.0


def _prior(data: ConfusionData, word: str, alternative: str) -> float:
    if data.proxies[word][0] != word or data.proxies[alternative][0] != alternative:
        return 1.0  # a contraction: no count of its own
    return data.unigrams[alternative] / data.unigrams[word]


def _context_word(match: re.Match[str] | None, text: str = "") -> str | None:
    """The neighbour as the bigrams spell it: lower case; a number as ``two`` (the lists have no digits).

    A capitalised neighbour is a name (``with Mark``, ``Buds of May``) and gives no
    evidence, unless it is a sentence's first word (``text`` given: a left neighbour).
    """
    if match is None:
        return None
    token = match.group(1)
    if token[0].isupper() and token != "I" and not (text and _sentence_start(text, match.start(1))):
        return _name(token)
    return _spelled(token)


@functools.lru_cache(maxsize=1 << 16)
def _name(token: str) -> str | None:
    """A capitalised neighbour: a day as itself (``one Sunday``), a name as ``NAME``, else None."""
    if token in DAYS:
        return token.lower()
    if (token.isalpha() or (token[-2:] in ("'s", "’s") and token[:-2].isalpha())) and token.isascii():
        return NAME
    return None


@functools.lru_cache(maxsize=1 << 16)
def _spelled(token: str) -> str | None:
    """A neighbour token as the bigrams spell it (see ``_context_word``), or None: no evidence."""
    word = token.lower()
    if NUMBER.fullmatch(word):
        return "two"  # "more then 200 people" is scored as "more then two": numbers behave like cardinals
    return word if word.isalpha() and word.isascii() else None


def left_word(text: str, start: int, window: int = 40) -> re.Match[str] | None:
    """``LEFT_WORD.search(text, start - window, start)`` in linear time: the word and the
    spaces right before ``start``, the word starting the text or after a space, quote or bracket."""
    i = start
    while i and text[i - 1] == " ":
        i -= 1
    j = i
    while j and (text[j - 1].isalnum() or text[j - 1] in LEFT_WORD_CHARS):
        j -= 1
    if i == start or j == i or j < start - window or (j and text[j - 1] not in "\"'([" and not text[j - 1].isspace()):
        return None
    return LEFT_WORD_AT.match(text, j, start)


def _sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in "\"'‘“([":
        i -= 1
    return bool(SENTENCE_START.search(text, max(0, i - 12), i)) if i else True


def clause_start(text: str, start: int, capitalised: bool) -> bool:
    """Whether the word at ``start`` starts a clause: it starts its sentence (``capitalised``, the
    caller has checked) or a comma or semicolon comes right before it."""
    if capitalised:
        return True
    i = start
    while i and text[i - 1] == " ":
        i -= 1
    return i != start and bool(i) and text[i - 1] in ",;"


def statement(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` stands in a statement: a sentence that ends with a
    full stop or an exclamation mark on the same line (not an ellipsis), reports no question (no
    quote mark or "asked" before its end) and opens with no word that inverts a statement (``Only then will the``).

    Looks at most 240 characters either way (a linear scan: see ``left_word``).
    """
    line_start = max(text.rfind("\n", max(0, start - 240), start) + 1, start - 240, 0)
    before = text[line_start:start]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    opener = before[cut + 1 :].split(None, 1)[:1] if before.strip() else [text[start:end]]
    if opener and opener[0].strip("\"'‘“(").lower() in INVERTING_OPENERS:
        return False
    line_end = text.find("\n", end, end + 240)
    limit = line_end if line_end >= 0 else min(len(text), end + 240)
    for match in SENTENCE_END.finditer(text, end, limit):
        if match.group() == "." and ABBREVIATION.search(text, max(0, match.start() - 5), match.start()):
            continue
        span = text[end : match.start()]
        if match.group() == "?" or text[match.start() - 1] in ".…" or any(q in span for q in "\"“”"):
            return False  # a question, a trailing-off one (...), or one quoted before "he asked."
        return not ASKING.search(span)
    return False


def _sentence_break_between(text: str, start: int) -> bool:
    """Whether a sentence ends between the last "either"/"whether" before ``start`` and ``start``."""
    window = text[max(0, start - 120) : start]
    lowered = window.lower()
    last = max(lowered.rfind("either"), lowered.rfind("whether"))
    return bool(re.search(r"[.!?]\s|\n", window[last:]))


def confusion_candidates(
    text: str, unseen_share: float = UNSEEN, data: ConfusionData | None = None, *, accepted_only: bool = False
) -> list[Confusion]:
    """Every confusion-set word the guards allow to change, with its best alternative's evidence
    (with ``accepted_only``, only those ``confusion_verdict`` accepts).

    The hottest loop of the pipeline (it runs on every confusion-set word of every text):
    the lookups are bound to locals, and a lower-case neighbour is spelled through a cache.
    """
    data = data or confusion_data()
    unseen = unseen_share * data.cutoff
    out = []
    append = out.append
    right_match = RIGHT_WORD.match
    best_alternative = _best_alternative
    spelled = _spelled
    size = len(text)
    for start, end in confusable(data.pattern, text):
        token = text[start:end]
        if token[0].isupper():
            # capitalised: only a sentence's first word, and not before a name ("Will Smith")
            if token[1:] != token[1:].lower() or not _sentence_start(text, start):
                continue
            following = right_match(text, end, end + 40)
            if following and following.group(1)[0].isupper() and following.group(1) != "I":
                continue
            left = None
            word = token.lower()
        elif not token.islower():
            continue
        else:
            word = token
            left = _context_word(left_word(text, start), text)
        if start and end < size and text[start - 1] in QUOTES and text[end] in QUOTES:
            continue  # a word quoted on its own is a mention: the word "their"
        following = right_match(text, end, end + 40)
        cue = ""
        if following is None:
            right = None
        else:
            neighbour = following.group(1)
            if neighbour[0].isupper() and neighbour != "I":
                right = _name(neighbour)
            else:
                right = spelled(neighbour)
        if "’" in word:
            word = word.replace("’", "'")
        elif word == "will" and (right in DETERMINERS or right == NAME):
            if statement(text, start, end):
                cue = STATEMENT
                if left is None and clause_start(text, start, token[0].isupper()):
                    left = CLAUSE
        elif word == "will" and token == "will" and NUMBER_AFTER.match(text, end):
            if statement(text, start, end):
                cue, right = NUMBER_NEXT, "two"  # "will 11 nominations", "will $24m": scored as a number
        elif word == "too" and token == "too":
            if following is None:
                if AMOUNT_NEXT.match(text, end):
                    cue, right = NUMBER_NEXT, "two"  # scored as a number, like "2%"
            elif NUMBER.fullmatch(following.group(1)):  # a number ("3%", "17.58"), not "3D"
                cue = NUMBER_NEXT
        elif word == "one" and right in WEEKDAYS and not STORY_AFTER_DAY.match(text, following.end()):
            cue = DAY_NEXT
        elif word == "one" and DATE_AFTER.match(text, end):
            cue = DATE_NEXT
        elif word == "or":
            if EITHER.search(text, max(0, start - 120), start) and not _sentence_break_between(text, start):
                continue  # either ... or, whether ... or: a coordination, never "of"
            coordinated = False
            if right in DETERMINERS:
                coordinated = bool(COORDINATED_AFTER.match(text, end))  # one or the other, two or a few
                if not coordinated:
                    cue = QUANTITY_BEFORE if QUANTITY.search(text, max(0, start - 16), start) else DETERMINER_NEXT
            elif following is not None and NUMBER.fullmatch(following.group(1)):
                cut = max(text.rfind("\n", max(0, start - 60), start), text.rfind(". ", max(0, start - 60), start))
                if not NUMBER_BEFORE.search(text, max(0, start - 60, cut + 1), start):
                    # no right-hand evidence: "or two" counts "one or two", whose number before is excluded here
                    cue, right = NUMBER_NEXT, NUMBER_WORD
            if not cue and not coordinated and right not in (None, "two") and left not in (None, NAME):
                # "the number or people": a determiner, one word, "or": that word heads a noun phrase (not
                # before another determiner: "the start or the end", "a mood or an occasion" are parallel)
                before = left_word(text, start)
                if before is not None and _context_word(left_word(text, before.start(1)), text) in DETERMINERS:
                    cue = ARTICLE_BEFORE
        best = best_alternative(data, word, left, right, unseen, cue)
        if best is not None and (not accepted_only or _accepted(word, best)):
            append(Confusion(start, end, word, *best))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _accepted(word: str, best: tuple[str, float, float, float, float, str, bool]) -> bool:
    """``confusion_verdict`` of a candidate for ``word`` with ``_best_alternative``'s ``best`` (the
    verdict does not read the place: cached, and no candidate is made for the many it refuses)."""
    return confusion_verdict(Confusion(0, 0, word, *best))


@functools.lru_cache(maxsize=1 << 16)
def _best_alternative(
    data: ConfusionData, word: str, left: str | None, right: str | None, unseen: float, cue: str = ""
) -> tuple[str, float, float, float, float, str, bool] | None:
    """``(alternative, left ratio, right ratio, prior, threshold, pattern, blind)`` of the best alternative to
    ``word`` between ``left`` and ``right`` (cached: the same few neighbours recur all over a corpus);
    ``cue``: what ``grammar_pattern`` may need beyond the neighbours (computed only where a pattern reads it)."""
    best = None
    for alternative in data.alternatives[word]:
        if left is None or data.proxies[word][0] != word or data.proxies[alternative][0] != alternative:
            left_ratio = 1.0  # no left neighbour, or a contraction (no bigrams of its own)
        else:
            left_ratio = _side(data.bigrams.get((left, alternative)), data.bigrams.get((left, word)), unseen)
        right_ratio = 1.0 if right is None else _right_ratio(data, word, alternative, right, unseen)
        prior = _prior(data, word, alternative)
        if best is None or left_ratio * right_ratio > best[1] * best[2]:
            pattern = grammar_pattern(word, alternative, left, right, cue)
            threshold = data.thresholds.get((word, alternative), MIN_PRODUCT)
            if pattern:
                threshold = data.thresholds.get((word, alternative, pattern), threshold)
            blind = (
                right is not None and right.isalpha() and right_ratio == 1.0
                and not any((p, right) in data.bigrams for p in data.proxies[word])
            )
            best = (alternative, left_ratio, right_ratio, prior, threshold, pattern, blind)
    return best


def confusion_verdict(
    candidate: Confusion,
    *,
    product: float | None = None,
    context: float = MIN_CONTEXT,
    side: float = MIN_SIDE,
    one_sided: float = MIN_ONE_SIDED,
    blind_context: float = MIN_BLIND_CONTEXT,
) -> bool:
    """Whether the context prefers the alternative overwhelmingly, and neither side says otherwise.

    The keywords override the thresholds (``product``: the candidate's own ``threshold``), for tuning.
    A grammar pattern reads both neighbours: it needs neither the prior taken out (``context``) nor
    the one-sided minimum, and a left side with no bigram at all (ratio 1) is no evidence against it.
    """
    c = candidate
    if c.product < (c.threshold if product is None else product):
        return False
    if c.pattern:
        return min(c.left / c.prior if c.left != 1.0 else 1.0, c.right) >= side
    if c.context < context or min(c.left / c.prior, c.right) < side:
        return False
    need = max(c.threshold if product is None else product, one_sided)
    if c.blind and c.left != 1.0:
        return c.product >= need and c.context >= blind_context
    return min(c.product, c.context) >= need or (
        c.left != 1.0 and c.right != 1.0
    )


def confusion_spans(text: str) -> list[Span]:
    """The real-word fixes of ``text`` (rule ``confusion``), case kept."""
    chosen = confusion_candidates(text, accepted_only=True)
    spans = []
    for i, c in enumerate(chosen):
        # two neighbouring fixes judged each on the other's old form: too unsure, keep both
        if (i and not text[chosen[i - 1].end : c.start].strip()) or (
            i + 1 < len(chosen) and not text[c.end : chosen[i + 1].start].strip()
        ):
            continue
        token = text[c.start : c.end]
        after = c.alternative.replace("'", "’") if "’" in token else c.alternative
        if token[0].isupper():
            after = after[0].upper() + after[1:]
        spans.append(Span(c.start, c.end, after, "confusion", note=c.note()))
    return spans


class TyposNormalizer(Normalizer):
    """Doubled words (rule ``doubled_word``) and real-word errors (rule ``confusion``).

    ``confusion=False`` switches the real-word rule off (config option ``typo_confusion``).
    """

    name = "typos"
    stage = Stage.TYPOS
    scope = "paragraph"  # neighbours are read within the line; a doubled word never spans a line break
    version = "6"

    def __init__(self, *, confusion: bool = True, **params: Any) -> None:
        super().__init__(confusion=bool(confusion), **params)

    def data_files(self):
        folder = resources.files(__package__).joinpath("data")
        files = [folder.joinpath(DATA)]
        if self.params["confusion"]:
            files += [folder.joinpath(CONFUSION_SETS), folder.joinpath(CONFUSION_LM)]
        return files

    def __call__(self, doc: Document) -> None:
        if NOT_ENGLISH in doc.flags:
            return  # English rules: "nous nous", "die die" are French and German grammar
        text = doc.text
        spans = []
        for match in doubled_words(text):
            why = verdict(text, match)
            if why is not None:
                # remove the repeats and their spaces: "that that the" -> "that the"
                spans.append(Span(match.end(1), match.end(), "", "doubled_word", note=why))
        doc.apply(spans, step=self.name)
        if self.params["confusion"]:
            doc.apply(confusion_spans(doc.text), step=self.name)


@hookimpl
def newsclean_configure(config: Any) -> None:
    config.declare(
        "typo_confusion", True, "fix real-word errors from confusion sets in the typos step (will all -> with all)"
    )


@hookimpl
def newsclean_normalizers(config: Any):
    return [TyposNormalizer(confusion=bool(config.get("typo_confusion")))]
