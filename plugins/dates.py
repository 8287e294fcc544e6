"""Recognising a line that is only a publication time stamp, and parsing it.

Used by the ``structure`` normalizer; not a plugin itself. A line counts as a
time stamp only when every word in it is a date word (month, weekday, label
such as ``Published:``, ``Last Update:``, ``Issued on:``, AM/PM, a zone; a bar or a bullet between
the date and the time, a year glued to the time as in ``January 5, 20244:12 PM``); the date is parsed with dateutil and the
zone resolved with zoneinfo. A zone the line does not give is never guessed:
the value is then naive. An ambiguous zone abbreviation (``IST``: India, Ireland or
Israel; see ``AMBIGUOUS_ZONES``) makes the line a time stamp all the same, with a
naive value, unless the caller passes the ``region`` the page names (the structure
step does so only when the stamp's own line names an Indian outlet, ``TIMESOFINDIA.COM``).
A country printed as the zone (Sky News' ``12:01, UK``) is the country's zone when the
country has only one (``COUNTRY_ZONES``). An ambiguous numeric date (``03/04/2019``)
gives no value at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from dataclasses import dataclass

from dateutil import parser as dateparser

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
LABELS = "published updated last first posted date created modified on at of the local time hrs hours".split()

#: Zone abbreviations news sites print, to an IANA zone (the offset then follows the date)
#: or a fixed offset in minutes. Ambiguous ones (IST, AST, CST in Asia...) are left out on
#: purpose: an unknown zone gives a naive value rather than a guess.
ZONE_ABBREVIATIONS: dict[str, str | int] = {
    "UTC": 0, "GMT": 0, "Z": 0,
    "ET": "America/New_York", "EST": -300, "EDT": -240,
    "CT": "America/Chicago", "CDT": -300,
    "MT": "America/Denver", "MST": -420, "MDT": -360,
    "PT": "America/Los_Angeles", "PST": -480, "PDT": -420,
    "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "WET": 0, "WEST": 60,
    "MSK": 180, "IRST": 210, "IRDT": 270, "PKT": 300, "JST": 540, "KST": 540,
    "HKT": 480, "SGT": 480, "AEST": 600, "AEDT": 660, "SAST": 120, "EAT": 180, "WAT": 60, "CAT": 120,
    # a country with one zone, printed where the zone goes ("Friday 5 January 2024 12:01, UK")
    "UK": "Europe/London",
}
#: Zone abbreviations that name several zones: a line with one is a time stamp, but its value
#: stays naive unless the caller knows the region (ISO country code) the page is from.
AMBIGUOUS_ZONES: dict[str, dict[str, str]] = {
    "IST": {"IN": "Asia/Kolkata", "IE": "Europe/Dublin", "IL": "Asia/Jerusalem"},
    "CST": {"US": "America/Chicago", "CA": "America/Chicago", "CN": "Asia/Shanghai", "TW": "Asia/Taipei", "CU": "America/Havana"},
    "AST": {"CA": "America/Halifax", "PR": "America/Puerto_Rico", "SA": "Asia/Riyadh", "KW": "Asia/Kuwait", "IQ": "Asia/Baghdad"},
    "GST": {"AE": "Asia/Dubai", "OM": "Asia/Muscat"},
}

LABEL_PREFIX = re.compile(
    r"^(?:(?:first |last )?(?:published|updated?|posted|created|modified|issued)(?: on| at)?|date)\s*:?\s*",
    re.IGNORECASE,
)
IANA_ZONE = re.compile(r"\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?\b")
ABBREVIATION = re.compile(
    r"\b(" + "|".join(sorted([k for k in ZONE_ABBREVIATIONS if k != "Z"] + list(AMBIGUOUS_ZONES), key=len, reverse=True)) + r")\b"
)
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b")
WORD = re.compile(r"[A-Za-z]+")
ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
#: a reading time after the date: ``• 7 min``, ``| 7 minutes read``, ``7 min read``
READ_TIME = re.compile(r"(?:\s*[•⋅·|]\s*\d+\s*min(?:ute)?s?(?: read)?|\s+\d+\s*min(?:ute)?s? read)\s*$", re.IGNORECASE)
CLOCK = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
GLUED_YEAR_TIME = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)\b")
#: a bar or a bullet between the date and the time (``5 January 2024 • 10:12am``)
SEPARATORS = re.compile(r"[|•·]")
DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\b(?![./]\d)")
#: Two parse defaults: a field the line does not give shows up as a difference.
_DEFAULTS = (dt.datetime(1901, 1, 1), dt.datetime(1902, 2, 2))
MAX_LENGTH = 80


@dataclass(frozen=True)
class Stamp:
    """A recognised time stamp line: the value (ISO 8601, or None if ambiguous) and how it was read."""

    value: str | None
    zone: str | None
    ambiguous: bool = False


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> dt.tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _all_words_are_date_words(text: str, zone_words: set[str]) -> bool:
    allowed = set(MONTHS) | set(WEEKDAYS) | set(LABELS) | {"am", "pm", "a", "p", "m", "t", "z", "st", "nd", "rd", "th"}
    return all(w.lower() in allowed or w in zone_words for w in WORD.findall(text))


def parse_stamp(line: str, region: str | None = None) -> Stamp | None:
    """The time stamp of ``line`` if the whole line is one, else None. ``region`` (an ISO
    country code the caller knows the page is from) resolves an ambiguous zone abbreviation.

    >>> parse_stamp("Mar 16, 2019 17:46 Asia/Tehran").value
    '2019-03-16T17:46:00+03:30'
    >>> parse_stamp("Published: 16 March 2019").value
    '2019-03-16'
    >>> parse_stamp("Updated 3:45 PM ET, Sat March 16, 2019").value
    '2019-03-16T15:45:00-04:00'
    >>> parse_stamp("The deal was signed on March 16, 2019") is None
    True
    >>> parse_stamp("Updated: Jan 5, 2024, 12:01 IST").value  # India, Ireland or Israel: not guessed
    '2024-01-05T12:01:00'
    >>> parse_stamp("Updated: Jan 5, 2024, 12:01 IST", region="IN").value
    '2024-01-05T12:01:00+05:30'
    """
    text = GLUED_YEAR_TIME.sub(r"\1 \2", line.strip())  # "January 5, 20244:12 PM": the year and the time glued
    if not text or len(text) > MAX_LENGTH or not YEAR.search(text):
        return None
    body = READ_TIME.sub("", LABEL_PREFIX.sub("", text))
    zone_name: str | None = None
    tz: dt.tzinfo | None = None
    iana = IANA_ZONE.search(body)
    if iana:
        tz = _zone(iana.group())
        if tz is None:
            return None
        zone_name = iana.group()
        body = body[: iana.start()] + body[iana.end() :]
    else:
        abbr = ABBREVIATION.search(body)
        if abbr:
            zone_name = abbr.group()
            if zone_name in AMBIGUOUS_ZONES:
                resolved = AMBIGUOUS_ZONES[zone_name].get(region or "")
                tz = _zone(resolved) if resolved else None  # never guessed: naive
            else:
                target = ZONE_ABBREVIATIONS[zone_name]
                tz = _zone(target) if isinstance(target, str) else dt.timezone(dt.timedelta(minutes=target))
            body = body[: abbr.start()] + body[abbr.end() :]
    body = DOTTED_TIME.sub(r"\1:\2", ORDINAL.sub(r"\1", SEPARATORS.sub(" ", body))).strip(" ,-\u2013\u2014")
    if not _all_words_are_date_words(body, set()):
        return None
    if ISO.match(body):
        try:
            value = dt.datetime.fromisoformat(body.replace("Z", "+00:00"))
        except ValueError:
            return None
        if len(body) == 10:
            return Stamp(value.date().isoformat(), zone_name)
        return Stamp(_attach(value, tz).isoformat(), zone_name)
    numeric = NUMERIC_DATE.search(body)
    dayfirst = False
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        if first <= 12 and second <= 12 and first != second:
            return Stamp(None, zone_name, ambiguous=True)
        dayfirst = first > 12
    elif not any(w.lower() in MONTHS for w in WORD.findall(body)):
        return None
    try:
        a, b = (dateparser.parse(body, dayfirst=dayfirst, fuzzy=False, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.date() != b.date():  # no day, month or year in the line: not a publication date
        return None
    if not CLOCK.search(body):  # a date without a time is a date, whatever the zone
        return Stamp(a.date().isoformat(), zone_name)
    return Stamp(_attach(a, tz).isoformat(), zone_name)


def _attach(value: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    if tz is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=tz)
