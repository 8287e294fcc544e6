"""A cheap guess at the language of a text that is not English (for the ``flags`` column).

Function words of six Latin-script languages, or the script of the letters; no
data files, no model. Only a hint for a person sorting the flagged documents.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

FUNCTION_WORDS = {
    "fr": "le la les des et est un une du que qui dans pour pas sur au avec ce il elle nous vous ils sont",
    "de": "der die das und ist nicht ein eine zu den mit von sich des auf für im dem wir sie er",
    "es": "el la los las y es un una que de en por con para no se del al lo como su",
    "it": "il lo la gli le e è un una che di in per con non si del della sono",
    "pt": "o a os as e é um uma que de em por com para não se do da no na",
    "nl": "de het een en is van dat niet op te zijn met voor die er ook",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
#: Unicode name prefixes of letters -> the script a text written in them is guessed to be.
SCRIPTS = ("CYRILLIC", "ARABIC", "GREEK", "HEBREW", "DEVANAGARI", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI")


def guess_language(text: str, sample: int = 2000) -> str:
    """``fr``, ``de``, ``es``, ``it``, ``pt``, ``nl``, a script (``cyrillic``, ``arabic``,
    ``cjk``...) or ``unknown``.

    >>> guess_language("Le président a dit que la France ne sera pas seule dans cette crise.")
    'fr'
    >>> guess_language("Президент заявил, что страна не останется одна.")
    'cyrillic'
    """
    text = text[:sample]
    scripts: Counter[str] = Counter()
    latin = 0
    for char in text:
        if char.isalpha():
            if char.isascii():
                latin += 1
                continue
            name = unicodedata.name(char, "")
            script = next((s for s in SCRIPTS if name.startswith(s)), "LATIN" if "LATIN" in name else "")
            if script == "LATIN":
                latin += 1
            elif script:
                scripts[script] += 1
    if scripts and sum(scripts.values()) > latin:
        script = scripts.most_common(1)[0][0]
        return "cjk" if script in ("CJK", "HIRAGANA", "KATAKANA") else script.lower()
    words = text.lower().split()
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    ranked = sorted(hits.values(), reverse=True)
    if ranked[0] >= max(3, 0.1 * len(words)) and ranked[0] > ranked[1]:
        return best
    return "unknown"
