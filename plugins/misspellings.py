"""``misspellings``: non-word misspellings, ``recieve`` -> ``receive``, ``goverment`` -> ``government``.

Professionally edited news is mostly right, and every false change is damage in a
training set, so the step changes a word only when it is sure:

- the word is not in the dictionary (``data/words_en.tsv``: symspellpy's English
  frequency list, MIT, 82,765 words with their Google Books counts), nor a British
  or American form of the spelling table (``data/spelling_uk_us.tsv``), nor in the
  corpus vocabulary learned by :meth:`MisspellingsNormalizer.fit` (a word seen
  often in the corpus is the corpus's word, not a typo);
- it is at least :data:`MIN_LENGTH` letters a-z, lower case, or capitalised as the
  first word of a sentence and not followed by another capitalised word (a
  capitalised word anywhere else is a name: ``Britian`` mid-sentence is left
  alone; ALL CAPS and mixed case are never touched);
- it is a whole word: not glued to a digit (``1990s``), an apostrophe (``dont``,
  ``rock'n'roll``; but a possessive may follow, :func:`_possessive`: ``goverment's``,
  ``goverments'``), a hyphen (``e-mail``, ``well-organised``; but a word of
  :data:`MIN_LENGTH_HYPHEN`+ letters hyphened to one known lower-case word of 3+
  letters is considered: ``government-commisioned``), an underscore or a
  dot (``foo_bar``, ``x.y``), and not part of a URL, e-mail address, handle,
  hashtag or path;
- it has a vowel (``kbps``), is not a contraction missing its apostrophe
  (``dont``), and is not written three times or more in the document (a capitalised
  one: twice), which makes it meant (a name, a term);
- the two words on each side are known (unknown words close together are a foreign
  or technical phrase: ``numerique terrestre``, ``joie de vivre``), it is not
  quoted on its own (``the word "fide"``, ``a "frunk,"``), and it is not the species of a
  binomial name (:func:`_after_name`: after an initial, ``Y. pestis``, or with a Latin ending after
  a capitalised word the lists lack, ``Yersinia pestis``).

Candidates are the dictionary words within Damerau-Levenshtein distance 1 of the
word (every deletion, insertion, substitution and adjacent transposition) and, for
lower-case words of :data:`MIN_LENGTH_2`+ letters, at distance 2 the ones reached by
a deletion followed by any one edit (``tommorow``), and the words with the same
consonant :func:`skeleton`, consonants as they sound (vowels and doubled letters wrong at any
distance: ``permenant``, ``noticible``, ``sucesful``; a sound spelt otherwise: ``hypocracy``,
``contravercial``) or, for skeletons of :data:`MIN_SKELETON_NEAR`+ consonants, one consonant
away (:func:`near_skeletons`: ``suprized``, ``govormental``); skeleton candidates keep the
first letter and are at most :data:`MAX_SKELETON_EDITS` edits away by their letters, and each
edit past the second pays :data:`DISTANCE3_COST`. A shorter word gets the words of its very skeleton
at most :data:`SHORT_SKELETON_EDITS` edits away (its vowels mixed up or a letter moved: ``minkay``,
``hvea``). The word's edits are generated
on the fly and looked up in the dictionary (no index: 10 MB in memory, loaded in
~0.1 s on first use). Each candidate is scored as a noisy channel, ``log10(count) -
cost of its edits`` (:data:`COSTS`, the cheapest alignment, costs from how people misspell: a transposition
(two vowels the cheapest, the sound kept: ``wierd``), a doubled or undoubled letter, a vowel for a vowel, a vowel
left out (``achive``), a missing ``h`` of ``wh``/``ch`` or a letter that adds no sound (:data:`_SILENT`: ``pich``,
``knowlege``) are cheap, a consonant left out, a vowel too many or a consonant for one of the same sound
(:data:`SOUND_ALIKE`: ``z``/``s``, ``c``/``s``/``k``, ``m``/``n``, ``f``/``ph``, ``t``/``s`` in ``-tion``/``-sion``)
less so, a consonant too many dearer unless its key is next to a letter beside it (a finger on two keys), any
other substitution dear; an edit of the first letter, which writers seldom get wrong, pays ``COSTS["first"]`` more
(``lonly`` is not ``only``); distance 2 pays :data:`DISTANCE2_COST`). The frequency counts up to
:data:`FREQUENCY_CAP`: the spelling of the commonest words is overlearned (``fomr`` is not ``for``).

The word itself may be right and merely missing from the list; that reading is
scored on the same scale (:func:`derivation`): a known word with a regular ending
(``buoy+ing``), a prefix and a known word (``un+viable``), or two known words run
together (``car+maker``, as likely as the two side by side). A suffix reading that
English spells as the candidate does not count (``occur+ed`` is ``occurred``), nor do
readings English would not write: ``in+`` before b, l, m, p, r (``inbalance``: English
writes ``im-``), ``-ally`` after a stem that takes neither ``-ic`` nor ``-al``
(``evidentally``), a compound with a function word (:data:`FUNCTION_WORD_CLASS`:
``band+with`` is ``bandwidth`` misspelt), ``-ed``, ``-ing`` or ``-ers`` on a common stem the list
does not show to be a verb (:func:`_is_verb`: ``advice+ed``, ``covert+ed``, ``solid+ers``; the
inflections of a common verb are in the list), ``-y`` on a stem of three or more syllables
(``minister+y``), ``-es`` where English writes ``-s`` (``month+es``), and ``-er(s)`` where a candidate
has ``-or(s)`` on the same stem (``survive+ers``: ``survivors``). A word that is a candidate's other
American/British spelling (:func:`_variant`: ``catalog``, ``canceled``, ``theater``,
``apnea``, ``analyzes``, ``skillfully``; not a stem of one vowel, which doubles its ``l`` in both:
``roling`` is ``rolling``) is right, even where the spelling table lacks it, and so
is a word that is the best candidate less its plural ``-s`` (a singular the list lacks: ``telecom``,
``teraflop``; not a word in ``-s``, no plural ends in ``-ss``: ``acces`` is ``access``) or the best
candidate with an inflection English writes so (:data:`INFLECTIONS`, :func:`_regular_inflection`:
``practiced``; not ``addresss`` or ``blockd``).

A candidate that lacks an inflection the word has (:data:`ENDINGS`: ``finaly`` ->
``final``, ``comissions`` -> ``commission``, ``busineses`` -> ``business``; ``-es`` and ``-s`` are one
ending) pays ``COSTS["ending"]``, and so does one that is the word less an ending whose last two letters
are swapped (``yeasr`` is ``years`` with a slip, not ``year`` with an ``s`` too many); one that begins
with the whole word does not (``proces`` is ``process`` cut short, not an ``-es`` form). The words on
each side (across spaces only) weigh in through bigram counts
(``data/misspellings_bigrams.tsv``, from symspellpy, MIT; :func:`context_score`):
``personel`` between ``military`` and ``were`` is ``personnel``. A reading of the word
as a derived form does not count when English writes it otherwise (``company+s``,
``ache+ive``) or a near dictionary word has both its parts (``co+mission``).

The best candidate wins only when its score reaches :data:`MIN_SCORE` (:data:`WEAK_ALLOWANCE` less
when a word of :data:`MIN_LENGTH_2`+ letters leads the runner-up by :data:`WEAK_LEAD`, or has no
runner-up at all: a few slips in a long word, ``phenomonenon``, ``matheticians``; :data:`LONG_ALLOWANCE`
less for a word of :data:`LONG_LENGTH`+ letters led by :data:`LONG_LEAD` with the word's ending and only
slips of letters, ``aquiantance``) and beats
the runner-up by :data:`MARGIN` (:data:`SLIP_MARGIN` when it is slips of letters away, :func:`_only_slips`: no
unrelated or neighbouring key, no first letter, not the word cut short: ``electon`` is ``election``, not
``electron``) and the word's own reading by :data:`KEEP_MARGIN` (:data:`SLIP_KEEP` less
when one common slip past the reading's stem explains the word: ``possably`` is no ``pos+ably``; more for
words under :data:`SHORT_LENGTH` letters; a capitalised word needs :data:`CAPITAL_MARGIN`
more, distance 1 and a cheap edit). The thresholds were chosen on the tune splits
(``benchmarks/bench_misspellings.py --tune``). Known misses: two candidates
of about the same score the neighbours do not tell apart (``caost``: ``coast`` or
``cost``?) are left alone, and so are capitalised words mid-sentence (``Britian``).

Every fix is an edit with rule ``non_word`` and a note with the evidence (best
candidate with its edits, frequency class and score; the runner-up; the word's own
reading; the margin): ``->receive (swap ie>ei; class 79, score 6.9) runner-up
relieve (sub c>l; class 65, score 3.5); margin 3.4``.
The case of a sentence-initial word is kept (``Recieve`` -> ``Receive``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from newsclean import Document, Normalizer, Span, Stage, hookimpl

from .names import ALIASES_DATA, NAMES_DATA, gazetteer_words
from .wordcontext import in_url, occurrences, starts_sentence
from .wordlist import WORDS_DATA as DATA
from .wordlist import data_rows as _data_rows
from .wordlist import word_classes
SPELLING_TABLE = "spelling_uk_us.tsv"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiouy")

#: Shortest word the step corrects (short words have too many neighbours) ...
MIN_LENGTH = 4
#: ... and below this length the margin is larger by SHORT_MARGIN.
SHORT_LENGTH = 5
SHORT_MARGIN = 0.5
#: The best candidate's score must beat the runner-up's (and the word's own, when it looks
#: derived) by this much, in log10 units of frequency ...
MARGIN = 1.0
#: ... or SLIP_MARGIN when the best candidate is a few slips of letters away (:func:`_only_slips`): none of its edits
#: is in UNRELATED_EDITS (an unrelated or neighbouring key, an unrelated consonant too many, the first letter) and it
#: is not the word cut short.
#: ``electon`` is ``election`` (not ``electron``), ``inside cente`` ``centre`` (not ``cent``), ``military personel``
#: ``personnel``; but ``bona fide`` is no ``five`` (a key), ``high carb`` no ``car`` (cut short), ``onboard`` no
#: ``board`` (the first letter).
SLIP_MARGIN = 0.5
UNRELATED_EDITS = frozenset({"sub", "key", "first", "extra_far"})
#: ... and reach this score (an unknown word is right unless a common word explains it well).
MIN_SCORE = 3.0
#: ... or WEAK_ALLOWANCE less when it leads a runner-up by WEAK_LEAD (1,000 times likelier) and the word has
#: MIN_LENGTH_2+ letters: a long word with a few slips (``phenomonenon``, ``unsucesfuly``) has one far
#: candidate that no other comes near.
WEAK_ALLOWANCE = 1.0
WEAK_LEAD = 3.0
#: ... or LONG_ALLOWANCE less when it leads by LONG_LEAD in a word of LONG_LENGTH+ letters, ends in the word's
#: last two letters, is at most two letters longer or shorter, and none of its edits is a substitution of an
#: unrelated letter or touches the first letter: a long word has room for several slips (``aquiantance``,
#: ``embezelled``, ``intealignt``), and a right word that long is seldom within a few such slips of another with
#: the same ending (``retrovirals`` is no ``retrovirus``, ``onboarding`` no ``boarding``).
LONG_LENGTH = 9
LONG_LEAD = 2.0
LONG_ALLOWANCE = 2.5
#: The best candidate must beat the word's own reading (a derived form, :func:`derivation`) by this much ...
KEEP_MARGIN = 1.0
#: ... or by SLIP_KEEP less when it is one of the commonest slips (SLIP_KINDS) away, past the reading's stem
#: (:func:`_slip_past_stem`): a vowel for a vowel, a doubled or undoubled letter, a swap, a consonant for one of
#: the same sound. ``possably`` is ``possibly`` misspelt, not ``pos+ably``; ``dispence`` is ``dispense``, not
#: ``dis+pence``; but ``cushier`` is ``cushy+er``, not ``cashier``, and ``schemas`` ``schema+s``.
SLIP_KEEP = 2.0
SLIP_KINDS = frozenset({"vowel", "sound", "extra_double", "missing_double", "swap", "swap_vowels"})
#: A candidate's score counts its frequency class this much (1: log10 of its count) ...
FREQUENCY_WEIGHT = 1.0
#: ... up to this class: the commonest words (``the``, ``for``, ``they``, ``only``: a billion uses and more) are
#: written so often that their spelling is overlearned, and a typo is seldom theirs as often as their count says
#: (``fomr`` is ``form``, not ``for``; ``tyhe`` ``they``, not ``the``).
FREQUENCY_CAP = 90
#: A capitalised word at a sentence start (it may be a name): only distance 1, this extra margin.
CAPITAL_MARGIN = 1.5
#: Distance 2 only for words of at least this many letters; each such candidate pays DISTANCE2_COST more.
MIN_LENGTH_2 = 7
#: A word joined by a hyphen to a known word is considered from this many letters (``non-govermental``).
MIN_LENGTH_HYPHEN = 6
#: Longer tokens are not words (candidate search grows with the square of the length).
MAX_LENGTH = 30
#: Set by ``structure`` on a document that does not look English: this step leaves it alone.
NOT_ENGLISH = "structure:not-english"
DISTANCE2_COST = 1.0
#: Each edit beyond the second (candidates of the same skeleton) pays this much more.
DISTANCE3_COST = 1.0
#: Skeleton candidates (:func:`skeleton`) for skeletons of at least this many consonants, at most this
#: many letters longer or shorter than the word.
MIN_SKELETON = 3
MAX_SKELETON_GAP = 3
#: Skeletons one consonant away (:func:`near_skeletons`) for skeletons of at least this many consonants.
MIN_SKELETON_NEAR = 4
#: Words too short for distance 2 (MIN_LENGTH_2) get the words of the same skeleton of at least
#: SHORT_SKELETON_MIN consonants that are at most SHORT_SKELETON_EDITS edits away by their letters: the
#: vowels of a short word mixed up or moved (``minkay``: ``monkey``; ``hvea``: ``have``; ``heellp``: ``help``).
SHORT_SKELETON_MIN = 2
SHORT_SKELETON_EDITS = 2
#: Skeleton candidates keep the word's first letter (or swap the first two: it is seldom wrong) and are at
#: most this many edits away by their letters (:func:`_letter_gap`): more never win.
MAX_SKELETON_EDITS = 3
#: The cost of keeping a word that is a known word + an ending, a prefix + a known word, or two known words.
SUFFIX_COST = 0.5
PREFIX_COST = 1.0
COMPOUND_COST = 0.5
#: log10 of the list's total count, times 10: two words side by side are ``count_a * count_b / total``.
COMPOUND_BASE = 116
#: Words of at least this frequency class (``the``, ``with``, ``all``) are not half of a closed compound
#: the list lacks: ``bandwith`` is not ``band+with`` but ``bandwidth`` misspelt.
FUNCTION_WORD_CLASS = 90
#: Context (:func:`context_score`): its weight against the candidate's own frequency and edits, the most
#: one side can add or take away, and log10 of the count under which a pair is not in the list.
CONTEXT_WEIGHT = 1.0
CONTEXT_CAP = 1.0
BIGRAM_FLOOR = 6.0
#: A word written this many times in one document is meant (a name or a term), not a slip.
MAX_REPEATS = 2
#: Corpus words seen at least this often are learned by ``fit`` (not typos) ...
MIN_CORPUS_COUNT = 3
#: ... at most this many of them (the most frequent).
MAX_VOCABULARY = 20_000

#: The cost of each kind of edit, in log10 units of frequency (tune split).
COSTS = {
    "swap": 1.0,  # adjacent letters swapped: beleive, finsihed
    "swap_vowels": 0.5,  # two vowels swapped, the sound kept (i before e): recieve, wierd, peice
    "missing_double": 0.25,  # a doubled letter written once: ocurred, comited
    "extra_double": 0.5,  # a letter doubled that is not: untill, tommorrow
    "vowel": 1.0,  # a vowel for a vowel: seperate, definately, independant
    "missing_h": 1.0,  # the h of ch, gh, ph, sh, th, wh left out: wich
    "silent": 1.0,  # a letter that adds no sound left out or written too many (_SILENT): pich, knowlege, priviledge
    "missing_vowel": 1.0,  # a vowel left out (misspellings are mostly in the vowels): achive, orgin, competive
    "missing": 1.5,  # a consonant left out: goverment, probem
    "extra_vowel": 1.5,  # a vowel too many: arguement
    "extra": 1.5,  # a consonant too many, on a key next to a letter beside it (two keys hit): srtrategy, questiopn
    "extra_far": 2.0,  # any other consonant too many: seldom written by mistake (fomr is form, not for)
    "sound": 1.5,  # a consonant for one that sounds the same (SOUND_ALIKE): suprized, hypocracy, inbalance
    "key": 2.0,  # a neighbouring key: confirned
    "sub": 3.0,  # any other substitution
    # on top of the letters: one of the two ends with an inflection (ENDINGS) the other lacks
    "ending": 2.0,
    # on top of the letters: the first letter is added, left out or changed (not swapped: hvae); it seldom is
    "first": 1.0,
}
#: Edits cheap enough for a capitalised word.
CAPITAL_EDITS = frozenset({"swap", "swap_vowels", "missing_double", "extra_double", "vowel"})
#: Contractions written without their apostrophe: never "corrected" into another word.
CONTRACTIONS = frozenset(
    "dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt "
    "mustnt neednt youre theyre youve theyve weve ive youll theyll shes hes thats whats theres heres lets "
    "wouldve couldve shouldve mightve aint".split()
)

#: A run of letters, and the text around it that makes it not a plain word.
WORD = re.compile(r"[A-Za-z]+")
#: Characters that, right before or after a word, glue it to something else.
GLUE = frozenset("0123456789_-'’‘`@#/\\.&=+%$€£")
QUOTES = "\"'‘’“”«»"

#: Endings under which an unknown word may be a known word the list lacks (``buoying``).
SUFFIXES = (
    "s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ness", "ment", "ments", "ity", "ities", "ies",
    "ied", "ier", "iest", "ise", "ised", "ises", "ising", "isation", "isations", "ize", "ized", "izes",
    "izing", "ization", "izations", "able", "ably", "ability", "less", "ful", "ship", "ism", "isms",
    "ist", "ists", "al", "ally", "ic", "ical", "ous", "ive", "ion", "ions", "ation", "ations", "ish",
    "y", "like", "wise", "hood", "dom", "or", "ors",
)
#: Prefixes under which an unknown word may be a known word the list lacks (``unviable``).
PREFIXES = (
    "un", "re", "de", "non", "dis", "mis", "pre", "post", "over", "under", "out", "anti", "pro", "co",
    "counter", "cross", "cyber", "eco", "euro", "extra", "hyper", "inter", "intra", "macro", "mega",
    "micro", "mid", "mini", "multi", "neo", "pan", "para", "poly", "pseudo", "semi", "sub", "super",
    "tele", "trans", "tri", "ultra", "bi", "in", "im", "ir", "il", "self", "e", "fore", "up", "down",
)


@dataclass(frozen=True)
class Lexicon:
    """The dictionary, read once per process."""

    #: word -> frequency class (round(10 * log10(count)))
    classes: dict[str, int]
    #: words that are right but not in the frequency list (British/American forms of the spelling table)
    extra: frozenset[str]

    def known(self, word: str) -> bool:
        return word in self.classes or word in self.extra


def _data_folder():
    return resources.files(__package__).joinpath("data")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The words of ``data/words_en.tsv`` and ``data/spelling_uk_us.tsv``, read once per process."""
    classes = word_classes()
    extra = set()
    for raw in _data_rows(SPELLING_TABLE):
        extra.update(raw.split("\t")[:2])
    return Lexicon(classes, frozenset(extra - set(classes)))


BIGRAMS = "misspellings_bigrams.tsv"


@functools.lru_cache(maxsize=1)
def bigrams() -> dict[str, int]:
    """``"left right"`` -> frequency class of ``data/misspellings_bigrams.tsv``, read once per process (~0.3 s)."""
    out: dict[str, int] = {}
    for raw in _data_rows(BIGRAMS):
        cls, left, rights = raw.split("\t")
        c = int(cls)
        prefix = left + " "
        for right in rights.split():
            out[prefix + right] = c
    return out


# -- candidates ------------------------------------------------------------------


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    subs = [a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + swaps + subs + inserts)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_NO_VOWELS = str.maketrans("", "", "aeiouy")
_RUNS = re.compile(r"(.)\1+")
#: Spellings of one sound, written alike in a skeleton: ``ph`` and ``f``, a soft ``c`` and ``s``, a hard ``c``,
#: ``ck`` and ``q`` and ``k``, ``z`` and ``s``, ``x`` and ``ks``.
_SOUNDS = ((re.compile("ph"), "f"), (re.compile("c(?=[eiy])"), "s"), (re.compile("ck|c|q"), "k"))
_SOUND_LETTERS = str.maketrans({"z": "s", "x": "ks"})
#: The letters of skeletons (:func:`skeleton`), for :func:`near_skeletons`.
SKELETON_LETTERS = "bdfghjklmnprstvw"


def skeleton(word: str) -> str:
    """``word``'s consonants as they sound, with runs of one letter written once: ``permanent`` and
    ``permenant`` -> ``prmnt``; ``controversial`` and ``contravercial`` -> ``kntrvrsl``.

    Misspellings mostly get the vowels and the doubled letters wrong and keep the
    consonants, or write them as they sound: ``noticible`` (``noticeable``),
    ``sucesful`` (``successful``), ``representive`` (``representative``),
    ``hypocracy`` (``hypocrisy``). Doubled letters are written once before the
    sounds are read (``succ-`` is ``suc-``).
    """
    key = _RUNS.sub(r"\1", word)
    for pattern, sound in _SOUNDS:
        key = pattern.sub(sound, key)
    return _RUNS.sub(r"\1", key.translate(_SOUND_LETTERS).translate(_NO_VOWELS))


def near_skeletons(key: str) -> set[str]:
    """The skeletons one consonant away from ``key`` (one left out, added or changed): ``sprsd``
    (``suprized``) -> ``srprsd`` (``surprised``), ``gvrmntl`` (``govormental``) -> ``gvrnmntl``."""
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + c + b[1:] for a, b in splits if b for c in SKELETON_LETTERS if c != b[0])
    out.update(a + c + b for a, b in splits for c in SKELETON_LETTERS)
    return {k for k in out if k != key and not _RUNS.search(k)}


@functools.lru_cache(maxsize=1)
def skeletons() -> dict[str, tuple[str, ...]]:
    """Skeleton -> the dictionary words that have it (built on first use, ~0.5 s, per process)."""
    index: dict[str, list[str]] = {}
    for word in lexicon().classes:
        index.setdefault(skeleton(word), []).append(word)
    return {k: tuple(v) for k, v in index.items()}


def candidate_words(word: str, classes: Mapping[str, int], distance2: bool) -> dict[str, int]:
    """Dictionary words near ``word``: all at distance 1; without ``distance2`` (short words), the words of
    the same :func:`skeleton` at most :data:`SHORT_SKELETON_EDITS` edits away; with ``distance2``, a deletion
    + one more edit, the words of the same :func:`skeleton` and, for skeletons of :data:`MIN_SKELETON_NEAR`+
    consonants,
    of a skeleton one consonant away (:func:`near_skeletons`); at most :data:`MAX_SKELETON_GAP` letters
    longer or shorter, their distance the number of edits of :func:`edit_ops`, 0 until it is computed."""
    found = {w: 1 for w in _edits1(word) if w in classes}
    if not distance2:
        key = skeleton(word)
        if len(key) >= SHORT_SKELETON_MIN:
            letters = Counter(word)
            for w in skeletons().get(key, ()):
                if (w not in found and w != word and abs(len(w) - len(word)) <= SHORT_SKELETON_EDITS
                        and _same_start(w, word) and _letter_gap(letters, Counter(w)) <= SHORT_SKELETON_EDITS):
                    found[w] = 0
    if distance2:
        for d in _deletes(word):
            for w in _edits1(d):
                if w in classes and w not in found and w != word:
                    found[w] = 2
        key = skeleton(word)
        if len(key) >= MIN_SKELETON:
            index = skeletons()
            keys = [key]
            if len(key) >= MIN_SKELETON_NEAR:
                keys += near_skeletons(key)
            letters = Counter(word)
            for k in keys:
                for w in index.get(k, ()):
                    if (
                        w not in found and w != word and abs(len(w) - len(word)) <= MAX_SKELETON_GAP
                        and _same_start(w, word)
                        and _letter_gap(letters, Counter(w)) <= MAX_SKELETON_EDITS
                    ):
                        found[w] = 0
    return found


def _same_start(w: str, word: str) -> bool:
    """Whether a skeleton candidate starts as the word does: the same first letter or the first two swapped."""
    return w[0] == word[0] or w[:2] == word[1::-1]


def _letter_gap(a: "Counter[str]", b: "Counter[str]") -> int:
    """The fewest edits that can turn one word into the other, from their letters alone."""
    return max(sum((a - b).values()), sum((b - a).values()))


def _extra_kind(typo: str, i: int) -> str:
    """The kind of edit of a letter ``typo[i]`` written too many (:data:`COSTS`).

    Doubled (``untill``), a letter that adds no sound (:data:`_SILENT`: ``priviledge``), a vowel
    (``arguement``: misspellings are mostly in the vowels), a key next to one of the letters on either side
    (a finger touching two keys: ``questiopn``) or an echo of a letter two places away (``pseudononymous``), or
    any other consonant (``extra_far``: seldom written by mistake, ``fomr`` is not ``for``).
    """
    c = typo[i]
    if (i > 0 and typo[i - 1] == c) or typo[i + 1 : i + 2] == c:
        return "extra_double"
    if _SILENT.match(typo, i):
        return "silent"
    if c in VOWELS:
        return "extra_vowel"
    near = KEY_NEIGHBOURS.get(c, "")
    if (i > 0 and typo[i - 1] in near) or (i + 1 < len(typo) and typo[i + 1] in near):
        return "extra"
    if (i > 1 and typo[i - 2] == c) or typo[i + 2 : i + 3] == c:
        return "extra"  # an echo of a letter two places away: pseudononymous
    return "extra_far"


def _missing_kind(word: str, j: int) -> str:
    """The kind of edit of a letter ``word[j]`` left out (:data:`COSTS`): one of a double (``ocurred``), the ``h``
    of ``ch``, ``gh``, ... (``wich``), a letter that adds no sound (``knowlege``), a vowel (``achive``), or a
    consonant (``goverment``)."""
    c = word[j]
    if (j > 0 and word[j - 1] == c) or word[j + 1 : j + 2] == c:
        return "missing_double"
    if c == "h" and j > 0 and word[j - 1] in "cgpstw":
        return "missing_h"
    if _SILENT.match(word, j):
        return "silent"
    if c in VOWELS:
        return "missing_vowel"
    return "missing"


def edit_ops(typo: str, word: str) -> list[str]:
    """The cheapest edits (by :data:`COSTS`) that turn ``word`` into ``typo``, each named by its kind.

    Kinds are the keys of :data:`COSTS` followed by the letters: ``swap ie>ei``
    (``typo`` has ``ie`` where ``word`` has ``ei``), ``missing_double m``, ``vowel a>e``;
    an edit of the first letter (not a swap of the first two) is followed by ``first``.
    The letters the two share at the start and the end are aligned as they are.
    """
    n, m = len(typo), len(word)
    p = 0
    while p < n and p < m and typo[p] == word[p]:
        p += 1
    q = 0
    while q < n - p and q < m - p and typo[n - 1 - q] == word[m - 1 - q]:
        q += 1
    last_i, last_j = n - q, m - q
    inf = float("inf")
    costs = COSTS
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[p][p] = 0.0
    extra_kinds = [_extra_kind(typo, i) for i in range(last_i)]
    missing_kinds = [_missing_kind(word, j) for j in range(last_j)]
    for i in range(p, last_i + 1):
        for j in range(p, last_j + 1):
            here = cost[i][j]
            if here == inf:
                continue
            moves = []
            if i < last_i and j < last_j:
                a, b = typo[i], word[j]
                if a == b:
                    moves.append((i + 1, j + 1, 0.0, ""))
                else:
                    if a in VOWELS and b in VOWELS:
                        kind = "vowel"
                    elif b in SOUND_ALIKE.get(a, "") or (a + b in ("st", "ts") and _SH_SOUND.match(word, j + 1)):
                        kind = "sound"
                    else:
                        kind = "key" if b in KEY_NEIGHBOURS.get(a, "") else "sub"
                    moves.append((i + 1, j + 1, costs[kind], f"{kind} {a}>{b}"))
                    if i + 1 < last_i and j + 1 < last_j and a == word[j + 1] and typo[i + 1] == b:
                        kind = "swap_vowels" if a in VOWELS and b in VOWELS else "swap"
                        moves.append((i + 2, j + 2, costs[kind], f"{kind} {typo[i:i + 2]}>{word[j:j + 2]}"))
            if i < last_i and j + 1 < last_j and typo[i] == "f" and word[j : j + 2] == "ph":
                moves.append((i + 1, j + 2, costs["sound"], "sound f>ph"))  # one sound: fotograph
            if i + 1 < last_i and j < last_j and typo[i : i + 2] == "ph" and word[j] == "f":
                moves.append((i + 2, j + 1, costs["sound"], "sound ph>f"))
            if i < last_i:  # typo has a letter too many
                kind = extra_kinds[i]
                moves.append((i + 1, j, costs[kind], f"{kind} {typo[i]}"))
            if j < last_j:  # typo lacks word[j]
                kind = missing_kinds[j]
                moves.append((i, j + 1, costs[kind], f"{kind} {word[j]}"))
            if i == 0 and j == 0:  # an edit of the first letter (not a swap of the first two)
                moves = [mv if not mv[3] or mv[3].startswith("swap") else
                         (mv[0], mv[1], mv[2] + costs["first"], mv[3] + "|first") for mv in moves]
            for ni, nj, c, label in moves:
                if here + c < cost[ni][nj]:
                    cost[ni][nj] = here + c
                    back[ni][nj] = (i, j, label)
    ops: list[str] = []
    i, j = last_i, last_j
    while (i, j) != (p, p):
        pi, pj, label = back[i][j]  # type: ignore[misc]
        if label:
            ops += reversed(label.split("|"))
        i, j = pi, pj
    ops.reverse()
    return ops


#: A letter that adds no sound before the next ones, left out or written too many: the ``t`` of ``tch`` (``pich``),
#: the ``d`` of ``dg`` (``knowlege``, ``priviledge``), the ``c`` of ``ck``.
_SILENT = re.compile("t(?=ch)|d(?=g)|c(?=k)")
#: Before an ``i`` and a vowel, ``s`` and ``t`` are one sound, ``sh`` (a ``sound`` edit): ``convertion`` is
#: ``conversion``, ``comprehention`` ``comprehension``. (``c`` and ``s`` are always alike, :data:`SOUND_ALIKE`.)
_SH_SOUND = re.compile("i[aeiou]")
#: Consonants that spell one sound (a ``sound`` substitution): ``suprized``, ``hypocracy``; and the two nasals,
#: alike in sound and side by side on the keyboard (``inbalance``). ``f`` for ``ph`` and ``s`` for
#: ``t`` before ``i`` and a vowel (:data:`_SH_SOUND`) are ``sound`` edits too.
SOUND_ALIKE = {"c": "ksz", "k": "cq", "s": "cz", "z": "s", "q": "k", "g": "j", "j": "g", "m": "n", "n": "m"}

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
KEY_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        near = set(_row[max(0, _c - 1) : _c + 2])
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < 3:
                near.update(_ROWS[_other][max(0, _c - 1) : _c + 2])
        near.discard(_ch)
        KEY_NEIGHBOURS[_ch] = "".join(sorted(near))


@dataclass(frozen=True)
class Candidate:
    """A dictionary word the unknown word may be a misspelling of, with its noisy-channel score."""

    word: str
    cls: int
    distance: int
    ops: tuple[str, ...]
    score: float
    #: what the words on each side add to the score (bigram counts, :func:`context_score`)
    context: float = 0.0

    def describe(self) -> str:
        ctx = f", context {self.context:+.1f}" if self.context else ""
        return f"{self.word} ({', '.join(self.ops)}; class {self.cls}{ctx}, score {self.score:.1f})"


#: Inflections a misspelling keeps: ``finaly`` is ``finally`` (not ``final``), ``comissions``
#: ``commissions`` (not ``commission``), ``adviced`` ``advised`` (not ``advice``).
ENDINGS = ("ing", "ed", "ly", "es", "s", "y")


def _ending_mismatch(word: str, cand: str) -> str:
    """The first of :data:`ENDINGS` that ends ``word`` but not ``cand``, or ''. Also the ending of ``word``
    with its last two letters swapped back when ``cand`` is the rest (``yeasr`` is ``years`` with a slip,
    not ``year`` with an ``s`` too many; ``dreasm``: ``dreams``, not ``dream``)."""
    if cand.startswith(word):
        return ""  # the word is the candidate cut short: "proces" ends as "process" begins, no inflection
    for e in ENDINGS:
        if word.endswith(e) and not cand.endswith(e) and not (e == "es" and cand.endswith("s") and cand[-2] != "s"):
            return e  # (-es and -s are one ending: "monthes" is "months")
    unswapped = word[:-2] + word[-1] + word[-2]
    for e in ENDINGS if unswapped != word else ():
        if unswapped.endswith(e) and unswapped[: -len(e)] == cand:
            return e
    return ""


@functools.lru_cache(maxsize=4096)
def nearby(word: str, distance2: bool) -> tuple[tuple[str, int, int, tuple[str, ...]], ...]:
    """``(candidate, class, distance, edits)`` for the dictionary words near ``word`` (cached per process)."""
    classes = lexicon().classes
    out = []
    for cand, dist in candidate_words(word, classes, distance2).items():
        ops = tuple(edit_ops(word, cand))
        ending = _ending_mismatch(word, cand)
        if ending:
            ops += (f"ending {ending}",)
        out.append((cand, classes[cand], dist or max(2, len(ops)), ops))
    return tuple(out)


def ranked(word: str, distance2: bool = True, settings: Mapping[str, Any] | None = None) -> list[Candidate]:
    """The candidates for ``word`` (lower case), best first: ``log10(count) - cost of the edits``."""
    s = settings or SETTINGS
    costs = s["costs"]
    out = []
    for cand, cls, dist, ops in nearby(word, distance2):
        score = s["frequency_weight"] * min(cls, s["frequency_cap"]) / 10 - sum(costs[op.split()[0]] for op in ops)
        if dist >= 2:
            score -= s["distance2_cost"] + (dist - 2) * s["distance3_cost"]
        out.append(Candidate(cand, cls, dist, ops, score))
    out.sort(key=lambda c: (-c.score, c.word))
    return out


#: American and British spellings the spelling table may lack, rewritten alike by :func:`_variant`.
_VARIANTS = (
    (re.compile(r"ogue(s|d)?$"), r"og\1"),  # catalog, catalogue
    (re.compile(r"oguing$"), "oging"),  # cataloging, cataloguing
    (re.compile(r"(?<=[a-z])[ao]e(?=[a-z])"), "e"),  # apnea, apnoea; anemia, anaemia
    (re.compile(r"(?<=[a-z]{2})our"), "or"),  # colored, coloured
    (re.compile(r"(?<=[a-z]{2}[bgt])re(s|d)?$"), r"er\1"),  # theater, theatre; liter, litre
    # traveled, travelled; modeling; dialed (not pulled, rolling: a stem of one vowel doubles its l in both)
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), lambda m: m.group() if _vowel_letters(m.string[: m.start()]) < 2
     else "l" + m.group(1)),
    (re.compile(r"(?<=[a-z]{3})yz(e|es|ed|ing|er|ers)$"), r"ys\1"),  # analyzes, analyses; paralyzed
    (re.compile(r"(?<=[a-z]{3})ll(ful|fully|ment|ments)$"), r"l\1"),  # skillfully, skilfully; enrollment
)


def _vowel_letters(text: str) -> int:
    return sum(text.count(v) for v in "aeiou")


def _variant(word: str) -> str:
    """``word`` with its American and British spellings written alike: a word whose candidate it equals
    this way is the other spelling, not a misspelling."""
    for pattern, repl in _VARIANTS:
        word = pattern.sub(repl, word)
    return word


@dataclass(frozen=True)
class Verdict:
    """The decision for one word: ``fix`` is the correction or None; ``why`` says which test decided."""

    fix: str | None
    why: str
    best: Candidate | None = None
    runner_up: Candidate | None = None
    #: the word as a derived form (``buoy+ing``) and that reading's score, when it has one
    derived: str | None = None
    keep_score: float | None = None

    @property
    def margin(self) -> float:
        if self.best is None:
            return 0.0
        rivals = [r for r in (self.runner_up.score if self.runner_up else None, self.keep_score) if r is not None]
        return self.best.score - max(rivals) if rivals else float("inf")

    def note(self) -> str:
        assert self.best is not None
        text = f"->{self.best.describe()}"
        text += f" runner-up {self.runner_up.describe()}" if self.runner_up else " no runner-up"
        if self.derived:
            text += f", kept reading {self.derived} score {self.keep_score:.1f}"
        return text + f"; margin {self.margin:.1f}"


def context_score(cand: str, left: str | None, right: str | None, settings: Mapping[str, Any] | None = None) -> float:
    """How much likelier ``cand`` is between the words ``left`` and ``right`` than on its own (log10 units).

    For each side, the bigram's count (``data/misspellings_bigrams.tsv``) against the
    count the two words would have side by side by chance (``count_a * count_b /
    total``), both floored at the list's smallest count (a pair the list lacks is
    rarer than that): a pair seen far more often than chance lifts the candidate, a
    pair of common words never seen together lowers it. Each side is clipped to
    ``±context_cap``.
    """
    s = settings or SETTINGS
    classes = lexicon().classes
    pairs = bigrams()
    c = classes.get(cand)
    if c is None:
        return 0.0
    floor, cap = s["bigram_floor"], s["context_cap"]
    total = 0.0
    for key, other in ((f"{left} {cand}", left), (f"{cand} {right}", right)):
        if other is None or other not in classes:
            continue
        seen = max(pairs.get(key, 0) / 10, floor)
        chance = max((c + classes[other]) / 10 - COMPOUND_BASE / 10, floor)
        total += min(cap, max(-cap, seen - chance))
    return total


#: Inflections: a reading as a known word + one of these is a form the list lacks (``schemas``, ``dicts``), which
#: one slip in a likelier word does not outweigh.
INFLECTIONS = frozenset({"s", "es", "ed", "d", "ing"})


def _regular_inflection(form: str, ending: str) -> bool:
    """Whether English writes ``form`` + ``ending`` as they are (``practice+d``, ``schema+s``, ``stand+ing``): not
    ``-d`` after anything but ``e`` (``block+d``), nor an ending :func:`_irregular` rules out (``stands+s``)."""
    if ending == "d" and not form.endswith("e"):
        return False
    return not _irregular(form, ending)


def _only_slips(word: str, cand: "Candidate") -> bool:
    """Whether ``cand`` is slips of letters away from ``word`` (:data:`SLIP_MARGIN`): none of its edits is in
    :data:`UNRELATED_EDITS` and it is not ``word`` cut short (``carb`` is no slip for ``car``, ``masse`` for ``mass``:
    a word that is a known word and a letter or two more is often another word)."""
    return not (word.startswith(cand.word) or any(op.split()[0] in UNRELATED_EDITS for op in cand.ops))


def _slip_past_stem(word: str, cand: str, reading: str) -> bool:
    """Whether ``cand`` differs from ``word`` only past the stem of its derived ``reading`` (``left+right``):
    in the prefixed word (``dis+pence``: ``dispense``) or in the ending (``pos+ably``: ``possibly``), not in a
    known stem (``cushy+er`` is no ``cashier``), and the reading is no inflection (``schema+s`` is no
    ``schemes``) and no two words run together (``con+men`` is no ``conman``)."""
    left, _, right = reading.partition("+")
    if left in PREFIXES:
        return True
    if right in INFLECTIONS or right not in SUFFIXES:
        return False  # an inflection, or two words run together ("con+men" is no "conman")
    common = 0
    while common < min(len(word), len(cand)) and word[common] == cand[common]:
        common += 1
    return common >= len(left) - 1


def judge(
    word: str,
    *,
    capitalised: bool = False,
    settings: Mapping[str, Any] | None = None,
    left: str | None = None,
    right: str | None = None,
) -> Verdict:
    """Whether the unknown lower-case ``word`` is a misspelling of one clear candidate.

    ``left`` and ``right``: the lower-case words next to it (no punctuation between), when known.
    """
    s = settings or SETTINGS
    lex = lexicon()
    distance2 = len(word) >= s["min_length_2"] and not capitalised
    cands = ranked(word, distance2, s)
    if capitalised:
        cands = [c for c in cands if c.distance == 1]
    weight = s["context_weight"]
    if weight and (left or right) and cands:
        cands = [
            Candidate(c.word, c.cls, c.distance, c.ops, c.score + weight * ctx, round(weight * ctx, 2))
            if (ctx := context_score(c.word, left, right, s)) else c
            for c in cands
        ]
        cands.sort(key=lambda c: (-c.score, c.word))
    if not cands:
        return Verdict(None, "no candidate")
    if _variant(word) in {_variant(c.word) for c in cands[:2]}:
        return Verdict(None, "a variant spelling", cands[0])  # catalog (catalogue), colored (coloured)
    best = cands[0]
    runner = cands[1] if len(cands) > 1 else None
    if best.word in (word + "s", word + "es") and not word.endswith("s"):
        # "teraflop", "telecom", "bedsheet": a singular the list lacks (it has the plural), not a slip
        # (but "acces", "busines": no plural ends in -ss, the word lacks the last s of "access")
        return Verdict(None, "a singular", best, runner)
    if any(word == best.word + e and _regular_inflection(best.word, e) for e in INFLECTIONS):
        # "practiced": a known word's inflection the list lacks; taking the ending off changes the grammar
        # (but "stands"+s, "obliged"+d, "block"+d: English writes no such inflection, a letter is doubled or left out)
        return Verdict(None, "an inflection", best, runner)
    derived = derivation(word, lex.known, s, best.word, (c.word for c in cands))
    keep = None if derived is None else derived[1]
    v = Verdict(None, "non_word", best, runner, None if derived is None else derived[0], keep)
    margin = s["margin"]
    if _only_slips(word, best):
        margin = min(margin, s["slip_margin"])  # "electon": election, not electron
    extra = 0.0
    if len(word) < s["short_length"]:
        extra += s["short_margin"]
    if capitalised:
        extra += s["capital_margin"]
        if any(op.split()[0] not in CAPITAL_EDITS for op in best.ops):
            return Verdict(None, "capitalised, not a common slip", best, runner, v.derived, keep)
    if len(word) < s["min_length_2"]:
        lead = 0.0
    else:  # a long word's only candidate leads every other word by far: "matheticians", "probalibity"
        lead = best.score - runner.score if runner is not None else float("inf")
    allowance = s["weak_allowance"] if lead >= s["weak_lead"] else 0.0
    if (len(word) >= LONG_LENGTH and lead >= s["long_lead"] and word[-2:] == best.word[-2:]
            and abs(len(word) - len(best.word)) <= 2
            and not any(op.split()[0] in ("sub", "key", "first") for op in best.ops)):
        allowance = max(allowance, s["long_allowance"])  # "aquiantance", "embezelled": no other word comes near
    if best.score < s["min_score"] - allowance:
        return Verdict(None, "weak candidate", best, runner, v.derived, keep)
    if keep is not None and not s["context_vs_keep"] and best.context:
        v = Verdict(None, "non_word", best, runner, v.derived, keep + best.context)
    keep_margin = s["keep_margin"]
    one_slip = len(best.ops) == 1 and best.ops[0].split()[0] in SLIP_KINDS
    if v.derived and one_slip and _slip_past_stem(word, best.word, v.derived):
        keep_margin -= s["slip_keep"]  # one common slip beats a reading as a derived word: "possably", "dispence"
    if (runner is not None and best.score - runner.score < margin + extra) or (
        v.keep_score is not None and best.score - v.keep_score < keep_margin + extra
    ):
        return Verdict(None, "no clear winner", best, runner, v.derived, keep)
    return Verdict(best.word, "non_word", best, runner, v.derived, keep)


#: The thresholds (the tune split's choice); ``judge`` and ``ranked`` take another mapping to tune them.
SETTINGS: dict[str, Any] = {
    "margin": MARGIN,
    "min_score": MIN_SCORE,
    "weak_allowance": WEAK_ALLOWANCE,
    "weak_lead": WEAK_LEAD,
    "long_lead": LONG_LEAD,
    "long_allowance": LONG_ALLOWANCE,
    "short_length": SHORT_LENGTH,
    "short_margin": SHORT_MARGIN,
    "capital_margin": CAPITAL_MARGIN,
    "min_length_2": MIN_LENGTH_2,
    "distance2_cost": DISTANCE2_COST,
    "distance3_cost": DISTANCE3_COST,
    "suffix_cost": SUFFIX_COST,
    "prefix_cost": PREFIX_COST,
    "compound_cost": COMPOUND_COST,
    "costs": COSTS,
    "context_weight": CONTEXT_WEIGHT,
    "context_cap": CONTEXT_CAP,
    "bigram_floor": BIGRAM_FLOOR,
    "context_vs_keep": False,
    "frequency_weight": FREQUENCY_WEIGHT,
    "frequency_cap": FREQUENCY_CAP,
    "keep_margin": KEEP_MARGIN,
    "slip_keep": SLIP_KEEP,
    "slip_margin": SLIP_MARGIN,
}


# -- words the dictionary lacks ----------------------------------------------------


#: Endings English adds to verbs only (a past, a participle, an agent noun's plural): an unknown word read as
#: such an ending needs a stem the list shows to be a verb (:func:`_is_verb`).
VERB_SUFFIXES = frozenset({"ed", "d", "ing", "ers"})
#: ... when the stem is this common: the inflections of a verb that common are in the list (about a tenth
#: as common, well above its rarest words), those of a rare one (``snaffle``) may not be.
VERB_EVIDENCE_CLASS = 60
#: Agent endings spelt two ways for one sound: ``survivers`` is ``survivors`` misspelt, not ``survive+ers``.
#: (Not the other way: ``-or`` for ``-er`` is often a right variant, ``convertor``, ``adaptor``.)
_ALTERNATE_SUFFIX = {"er": "or", "ers": "ors"}


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _syllables(word: str) -> int:
    """About how many syllables ``word`` has: its groups of vowels, a final silent ``e`` not counted."""
    return len(_VOWEL_GROUPS.findall(word[:-1] if word.endswith("e") and len(word) > 3 else word))


def _is_verb(form: str, known) -> bool:
    """Whether the list has ``form``'s past or ``-ing`` form (``buoyed``, ``survived``, ``stopping``): it
    is a verb, and ``-ed``, ``-ing`` and ``-ers`` readings of it are English (not ``advice+ed``, ``solid+ers``)."""
    if form.endswith("e"):
        forms = (form + "d", form[:-1] + "ing")
    elif form.endswith("y") and form[-2] not in VOWELS:
        forms = (form[:-1] + "ied", form + "ing")
    else:
        forms = (form + "ed", form + "ing", form + form[-1] + "ed", form + form[-1] + "ing")
    return any(known(f) for f in forms)


def _irregular(form: str, suffix: str) -> bool:
    """Whether English would not write ``form`` + ``suffix`` by simply putting them together.

    A final e kept before a vowel (``ache+ive``, ``fire+y``; but ``notice+able``,
    ``agree+ing``), ``s`` after a hissing sound (``approach+s``) or after a consonant
    and y (``company+s``), ``es`` after anything else (``month+es``).
    """
    first = suffix[0]
    if form.endswith("e") and first in "aeiouy" and form[-2] not in "eoy":
        return not (form[-2] in "cg" and first in "ao")
    if suffix == "s":
        return form.endswith(("s", "x", "z", "ch", "sh")) or (form.endswith("y") and form[-2] not in VOWELS)
    if suffix == "es":
        return not form.endswith(("s", "x", "z", "ch", "sh", "o"))
    return False


def derivation(
    word: str, known, settings: Mapping[str, Any] | None = None, candidate: str = "", near: Iterable[str] = ()
) -> tuple[str, float] | None:
    """The best reading of ``word`` as a right word the list lacks, and its score, or None.

    ``buoy+ing`` (a known word and a regular ending, perhaps with its final e
    dropped, its last letter doubled or y -> i), ``un+viable`` (a prefix and a
    known word of 4+ letters), ``car+maker`` (two known words of 3+ letters, scored as the
    two side by side: ``count_a * count_b / total``).
    A reading does not count when English writes it otherwise: a suffix reading that
    English spells as ``candidate`` (``occur+ed`` when the candidate is ``occurred``),
    a final e kept before a vowel or an ``s`` where English writes ``es``/``ies``
    (:func:`_irregular`: ``ache+ive``, ``company+s``), and a reading whose two parts
    begin and end one of the ``near`` dictionary words (``co+mission``: ``commission``;
    ``clinical+y``: ``clinically``; ``target+ed``: ``targeted``).
    The score is the rarer part's ``log10(count)`` less the reading's cost, on the
    scale of :func:`ranked`'s: a correction must beat it by the margin.
    """
    s = settings or SETTINGS
    classes = lexicon().classes
    best: tuple[str, float] | None = None
    near = [w for w in near if w != word and len(w) <= len(word) + 1]

    def offer(left: str, right: str, cls: int, cost: float) -> None:
        nonlocal best
        if any(w.startswith(left) and w.endswith(right) for w in near):
            return  # a dictionary word near the word has both parts: it is that word misspelt
        score = s["frequency_weight"] * cls / 10 - cost
        if best is None or score > best[1]:
            best = (f"{left}+{right}", score)

    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms = [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")
            alt = next((a for a in (suffix, _ALTERNATE_SUFFIX.get(suffix)) if a and candidate.endswith(a)), None)
            base = candidate[: -len(alt)] if alt else None
            if base is not None and (
                (base.startswith(stem) and len(base) <= len(stem) + 2)
                or (stem[-1] in "eiy" and base.startswith(stem[:-1]) and len(base) <= len(stem))
            ):
                continue  # the candidate is how English writes it: occur+ed "occurred", like+ly "likely"
            if suffix == "y" and _syllables(stem) > 2:
                continue  # -y makes adjectives of short words (grassy, leafy, watery), not "minister+y"
            if suffix == "ally" and not (stem.endswith("ic") or known(stem + "al")):
                continue  # -ally is -ic + -ally or -al + -ly: "basically", "traditionally"; not "evidentally"
            for form in forms:
                if len(form) >= 3 and known(form) and not (form == stem and _irregular(form, suffix)):
                    if (suffix in VERB_SUFFIXES and classes.get(form, 0) >= VERB_EVIDENCE_CLASS
                            and not _is_verb(form, known)):
                        continue  # advice+ed, covert+ed, solid+ers: English adds these endings to verbs
                    offer(form, suffix, classes.get(form, 60), s["suffix_cost"])
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and known(rest):
            if prefix == "in" and rest[0] in "blmpr":
                continue  # English writes im-, il-, ir-: "inbalance" is "imbalance"
            offer(prefix, rest, classes.get(rest, 60), s["prefix_cost"])
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if left in classes and right in classes and max(classes[left], classes[right]) < FUNCTION_WORD_CLASS:
            # as likely as the two words side by side (independent), written closed
            offer(left, right, classes[left] + classes[right] - COMPOUND_BASE, s["compound_cost"])
    return best


# -- where a word may be changed -------------------------------------------------------


def _full_stop(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a full stop (or ``!``/``?``) ending a sentence, not a dot inside a token."""
    return text[i] in ".!?" and (i + 1 == len(text) or not (text[i + 1].isalnum() or text[i + 1] in "_@/"))


_LEFT2 = re.compile(r"(?:\b([A-Za-z]+)[ \t]+)?\b([A-Za-z]+)[ \t]+\Z")
_RIGHT2 = re.compile(r"[ \t]+([A-Za-z]+)\b(?:[ \t]+([A-Za-z]+)\b)?")


def _near_words(text: str, start: int, end: int) -> list[str]:
    """Up to two words on each side of ``[start, end)``, across spaces only (no punctuation between)."""
    words = []
    m = _LEFT2.search(text[max(0, start - 80) : start])
    if m:
        words += [w for w in m.groups() if w]
    m = _RIGHT2.match(text[end : end + 80])
    if m:
        words += [w for w in m.groups() if w]
    return words


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _occurrences(text: str, token: str) -> list[int]:
    """Where ``token`` is a whole :data:`WORD` match in ``text`` (no a-z letter on either side)."""
    return occurrences(text, token, _ASCII_LETTERS.__contains__)


_HYPHEN_LEFT = re.compile(r"(?:^|[\s(\"'‘“])([a-z]+)-\Z")
_HYPHEN_RIGHT = re.compile(r"-([a-z]+)(?=[\s,.;:!?)\"'’”]|\Z)")


def _hyphen_part(text: str, start: int, end: int, known) -> bool:
    """Whether ``[start, end)`` is one half of a two-word hyphenated compound whose other half is a known
    lower-case word (``government-commisioned``, ``busness-friendly``), and at least
    :data:`MIN_LENGTH_HYPHEN` letters long (``e-mail``, ``pre-empt``, ``x-ray`` are not)."""
    if end - start < MIN_LENGTH_HYPHEN:
        return False
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before == "-" and not (after.isspace() or after in ",;:)\"'’”" or _full_stop(text, end)):
        return False
    if before == "-":
        m = _HYPHEN_LEFT.search(text[max(0, start - 40) : start])
        return bool(m) and len(m.group(1)) >= 3 and known(m.group(1))
    if after == "-" and (before.isspace() or before in "(\"'‘“" or not start):
        m = _HYPHEN_RIGHT.match(text[end : end + 40])
        return bool(m) and len(m.group(1)) >= 3 and known(m.group(1))
    return False


_BEFORE_NAME = re.compile(r"(?:^|[^A-Za-z.])([A-Z][a-z]+|[A-Z]\.)[ \t]+\Z")


#: Endings of the species half of a binomial name (Latin and Greek: ``pestis``, ``aureus``, ``coli``).
LATIN_ENDINGS = ("is", "us", "um", "ae", "i", "ia", "ensis", "ens", "oides", "ata", "ica")


def _after_name(text: str, start: int, word: str, known, vocabulary) -> bool:
    """Whether ``word`` at ``start`` is the species of a binomial name: after an initial (``Y. pestis``,
    ``E. coli``), or with a Latin ending after a capitalised word the lists lack (``Yersinia pestis``,
    ``Tritrichomonas muris``; but ``Mr Ebbers relatiopnship`` is a misspelling)."""
    offset = max(0, start - 40)
    m = _BEFORE_NAME.search(text[offset:start])
    if not m:
        return False
    name = m.group(1)
    if name.endswith("."):
        return True
    if not word.endswith(LATIN_ENDINGS):
        return False
    lower = name.lower()
    return not (known(lower) or lower in vocabulary)


_POSSESSIVE = re.compile(r"['’](?:s)?(?![A-Za-z0-9'’_-])")


def _possessive(text: str, end: int, word: str) -> bool:
    """Whether the word ending at ``end`` is followed by a possessive ``'s`` (``goverment's``), or ends in ``s``
    and is followed by an apostrophe alone (``goverments'``)."""
    m = _POSSESSIVE.match(text, end)
    return bool(m) and (len(m.group()) == 2 or word.endswith("s"))


def _neighbour(text: str, start: int, end: int, forward: bool) -> str | None:
    """The word next to ``[start, end)`` across spaces only (no punctuation between), or None."""
    if forward:
        m = re.match(r"[ \t]+([A-Za-z]+)\b", text[end : end + 60])
    else:
        m = re.search(r"\b([A-Za-z]+)[ \t]+\Z", text[max(0, start - 60) : start])
    return m.group(1) if m else None


class MisspellingsNormalizer(Normalizer):
    """Non-word misspellings -> the one clear dictionary word (rule ``non_word``).

    ``vocabulary`` (learned by :meth:`fit`): words of the corpus that are not
    typos. ``min_corpus_count``: how often ``fit`` must see a word to learn it.
    """

    name = "misspellings"
    stage = Stage.TYPOS
    order = 10
    version = "9"

    def __init__(
        self, *, vocabulary: Iterable[str] = (), min_corpus_count: int = MIN_CORPUS_COUNT, **params: Any
    ) -> None:
        super().__init__(vocabulary=sorted(set(vocabulary)), min_corpus_count=int(min_corpus_count), **params)
        self._vocabulary = frozenset(self.params["vocabulary"])

    def __getstate__(self):
        return {"params": self.params}

    def __setstate__(self, state):
        self.params = state["params"]
        self._vocabulary = frozenset(self.params["vocabulary"])

    def data_files(self) -> list[Path]:
        folder = _data_folder()
        return [Path(str(folder.joinpath(name))) for name in (DATA, SPELLING_TABLE, BIGRAMS, NAMES_DATA, ALIASES_DATA)]

    def fit_counts(self, docs: Iterable[Document]) -> "Counter[str]":
        """For ``fit``: how often each lower-case out-of-dictionary word is written."""
        lex = lexicon()
        counts: Counter[str] = Counter()
        for doc in docs:
            counts.update(w for w in WORD.findall(doc.text) if len(w) >= MIN_LENGTH and w.islower() and not lex.known(w))
        return counts

    def fit_from_counts(self, counts: "Counter[str]") -> Mapping[str, Any]:
        """Learn the out-of-dictionary words the corpus uses often: they are its words, not typos.

        A lower-case word (as written, anywhere in a sentence) seen at least
        ``min_corpus_count`` times, the most frequent :data:`MAX_VOCABULARY` of them
        (ties in alphabetical order, so counts added up from workers learn the same).
        """
        threshold = self.params["min_corpus_count"]
        often = sorted((w for w, c in counts.items() if c >= threshold), key=lambda w: (-counts[w], w))
        return {"vocabulary": sorted(set(often[:MAX_VOCABULARY]) | set(self.params["vocabulary"]))}

    def find(self, text: str, settings: Mapping[str, Any] | None = None) -> list[tuple[int, int, Verdict]]:
        """Every word of ``text`` the guards let through, with its verdict (fixes and refusals)."""
        out = []
        for start, end, word, capitalised in self.considered(text):
            left = _neighbour(text, start, end, False)
            right = _neighbour(text, start, end, True)
            verdict = judge(word, capitalised=capitalised, settings=settings,
                            left=left and left.lower(), right=right and right.lower())
            out.append((start, end, verdict))
        return out

    def considered(self, text: str) -> list[tuple[int, int, str, bool]]:
        """``(start, end, lower-case word, capitalised)`` of every unknown word the guards let through."""
        lex = lexicon()
        classes = lex.classes
        # the set of distinct tokens less the dictionary's (C-level), then the tests that do not
        # depend on where a token is; only the survivors are looked for in the text
        written = Counter(WORD.findall(text))
        unknown = {
            w for w in set(written).difference(classes)
            if MIN_LENGTH <= len(w) <= MAX_LENGTH and w.lower() not in classes
        }
        if not unknown:
            return []
        repeats: Counter[str] = Counter()  # how often each unknown word is written, in any case
        for w in unknown:
            repeats[w.lower()] += written[w]
        known = lex.known
        vocabulary = self._vocabulary
        names = gazetteer_words()
        wanted = []
        for token in unknown:
            word = token.lower()
            if word in lex.extra or word in vocabulary or word in CONTRACTIONS or not VOWELS.intersection(word):
                continue  # a British/American form, the corpus's word, "dont", "kbps"
            if word in names:
                continue  # a word of a gazetteer name ("Mohammed said"): the names step owns its spelling
            if token != word and not (token[0].isupper() and token[1:] == word[1:]):
                continue  # ALL CAPS, mixed case
            wanted.append(token)
        if not wanted:
            return []
        spots = sorted((start, token) for token in wanted for start in _occurrences(text, token))
        out = []
        for start, token in spots:
            word = token.lower()
            if repeats[word] >= (2 if token != word else MAX_REPEATS + 1):
                continue  # written again in the document: meant (a name, a term)
            end = start + len(token)
            if (start and (text[start - 1] in GLUE or text[start - 1].isalpha())) or (
                end < len(text) and (text[end].isalpha() or text[end] in GLUE and not _full_stop(text, end)
                                     and not _possessive(text, end, word))
            ):
                if not _hyphen_part(text, start, end, known):
                    continue  # glued to a digit, apostrophe, hyphen, dot, accented letter: "1990s", "e-mail", "x.y"
            capitalised = False
            if token != word:
                if not starts_sentence(text, start, line_starts=True):
                    continue  # a name
                following = _neighbour(text, start, end, True)
                if following and following[0].isupper() and following != "I":
                    continue  # "Hashd Shaabi": a name
                capitalised = True
            if in_url(text, start, end):
                continue
            if start and end < len(text) and text[start - 1] in QUOTES and (
                text[end] in QUOTES or (text[end] in ",.!?" and text[end + 1 : end + 2] in tuple(QUOTES))
            ):
                continue  # quoted on its own: a mention ("frunk," with the comma inside the quotes)
            if any(len(n) > 2 and n.islower() and not known(n) and n not in vocabulary
                   for n in _near_words(text, start, end)):
                continue  # another unknown word at most two words away: a foreign or technical phrase
            if not capitalised and _after_name(text, start, word, known, vocabulary):
                continue  # the second word of a binomial name: "Yersinia pestis", "E. coli"
            out.append((start, end, word, capitalised))
        return out

    def __call__(self, doc: Document) -> None:
        if NOT_ENGLISH in doc.flags:
            return  # English words only: French "mardi" is not a misspelling of "mari"
        spans = []
        for start, end, verdict in self.find(doc.text):
            if verdict.fix is None:
                continue
            token = doc.text[start:end]
            after = verdict.fix
            if token[0].isupper():
                after = after[0].upper() + after[1:]
            spans.append(Span(start, end, after, "non_word", note=verdict.note()))
        doc.apply(spans, step=self.name)


@hookimpl
def newsclean_configure(config: Any) -> None:
    config.declare("misspellings", True, "fix non-word misspellings (recieve -> receive); false switches the step off")
    config.declare(
        "misspelling_min_corpus_count",
        MIN_CORPUS_COUNT,
        "fit: an unknown word seen this often in the corpus is learned as a word, never corrected",
    )


@hookimpl
def newsclean_normalizers(config: Any) -> list[Normalizer]:
    if not config.get("misspellings"):
        return []
    return [MisspellingsNormalizer(min_corpus_count=int(config.get("misspelling_min_corpus_count")))]
