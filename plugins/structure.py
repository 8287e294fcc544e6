"""``structure``: what is not the article goes out of the body and, where it can, into metadata.

Runs after ``layout``, so the text is lines separated by one or two line breaks.
Each decision is a named rule, made on whole lines (or a prefix of the first
paragraphs), and only where the form is unmistakable:

- ``timestamp``: a line that is only a date/time (``Mar 16, 2019 17:46 Asia/Tehran``, ``Updated at 1:23 p.m.``) -> ``published``;
  ``stamp_parts``: in the head, a line of short parts joined by `` / `` or `` | ``, one of them the time stamp
  (``TOI World Desk / TIMESOFINDIA.COM / Updated: Jan 5, 2024, 12:01 IST``): the whole line goes -> ``published``
  (an ``IST`` stamp is India's only when a part names an Indian outlet: ``INDIAN_OUTLET``; otherwise an
  ambiguous zone stays naive, see ``dates.AMBIGUOUS_ZONES``); ``stamp_place``: a time stamp, a dash and the
  place in capitals (the Hindu's ``Updated - January 05, 2024 12:01 pm IST - PARIS``) -> ``published``, ``dateline``
- ``head_chrome`` (between the top and the first prose line): ``relative_stamp`` (``3 hours ago``: goes, no
  ``published``), ``audio_widget`` (``Listen to this article`` and the duration line under it, ``4 min``),
  ``stacked_byline`` (BBC: ``Hugh Schofield`` over ``BBC News, Paris`` or ``Paris correspondent``, a name line and
  an outlet or role line in one paragraph -> ``author``, the outlet -> ``source``)
- ``headline``: the first line, short, with no final full stop, followed by a paragraph of prose -> ``title``;
  with ``standfirst``/``kicker``: a headline and its standfirst, or a section label and its headline,
  both before the first prose line; when what is left opens with another such headline (a teaser's headline
  under a name, a caption over a share prompt), that goes too in the same run, the first headline staying the
  ``title`` (not on a page dump); ``glued_head``: a headline and its date glued to the first paragraph
- ``byline``: ``By Jane Smith and Ali Reza, Reuters`` / ``Jane Smith | AP`` in the head,
  ``5:45 AM PST 11/19/2019 by Jane Smith`` near it -> ``author``; ``Posted by Jane Smith on January 5, 2024``
  (the date -> ``published``, not when it is labelled ``Updated``); the byline's items are sorted
  (:func:`byline_credit`): an outlet in the list of names -> ``source`` (``By Jane Smith, BBC News``, ``for the
  BBC``, ``with AFP``), a role or credentials dropped (``Staff Writer``, ``MS, RD``), a byline naming no person
  (``By Al Jazeera Staff``) kept as the author
- head bylines without "By" (:meth:`StructureNormalizer.plan_head_bylines`): ``name_outlet_byline``
  (``Jane Smith, Associated Press``, ``Jane Smith and John Doe, CNN``), ``desk_byline`` (``Special
  Correspondent``, ``The Hindu Bureau``), and next to the head's stamp or byline ``name_role_byline``
  (``Jane Smith, Political Editor``), ``place_byline`` (``Shaun Walker in Kyiv``), ``name_byline`` (a name
  alone over the stamp), ``outlet_line`` (``BBC Sport Scotland`` under the byline), ``reporting_from`` (NYT);
  ``wire_slug`` (AP's ``BC-EU--Britain-Election, 1st Ld-Writethru``). On a page dump the article's head is
  the ``DUMP_HEAD_LINES`` lines over its core: a time stamp there gives ``published``, and a name alone over
  it the author (``name_byline``), even where the menus' navigation block took the name in
- ``double_stamp``: ``Published Jan. 5, 2024Updated Jan. 6, 2024`` (the first -> ``published``);
  ``bracket_stamp``: Press TV's ``... go on. [ Last Update: Monday, 5 January 2024 10:12 AM ]`` (the bracket
  goes, the sentence stays)
- ``repeated_block``: a run of prose lines given again later in the text (the extractor doubled the article);
  ``joined_copy``: a later paragraph made of three or more of the earlier prose lines run together (the
  article given again as one block)
- ``outlet_prefix``, ``dateline``: ``Iran Press/Middle East:``, ``BEIRUT, March 3 (Reuters) -``,
  ``WASHINGTON —`` opening one of the first paragraphs -> ``source``, ``section``, ``dateline``
- ``dateline_agency``, ``dateline_slash``, ``dateline_colon``: the wires' own dateline forms, a place in any case
  and a known agency (``WIRE_AGENCIES``) in brackets, with or without a dash (``Berlin (dpa) -``,
  ``Tokyo, Jan. 5 (Jiji Press)--``, ``New Delhi, Jan 5 (IANS) The ...``, IRNA's ``Tehran, IRNA --``), TASS's ``MOSCOW, January 5. /TASS/.``,
  and the Indian press's ``NEW DELHI: The ...`` (an ALL-CAPS place opening the first paragraph, no label
  such as ``UPDATE:``, no transcript) -> ``source``, ``dateline``; the press-release wires' ``NEW YORK, Jan. 5,
  2024 /PRNewswire/ --``, ``(GLOBE NEWSWIRE) --``, ``SAN FRANCISCO--(BUSINESS WIRE)--`` and ``release_source``
  (PR Newswire's closing ``SOURCE Acme Corp.`` -> ``signoff``)
- ``dateline_block``: CNN's web layout, ``Washington`` / ``CNN`` / ``—`` on lines of their own over the first
  paragraph -> ``dateline``, ``source``
- ``agency_byline``: ``By JOHN SMITH Associated Press`` (an agency after the name) and ``By JANE SMITH FOR
  MAILONLINE`` (an outlet after "for") -> ``author``, ``source``;
  ``role_byline``: the Guardian's ``Gwyn Topham Transport correspondent`` next to the head's time stamp -> ``author``
- ``signoff``: editor initials, ``Reuter``, ``(AP)`` (any agency of ``WIRE_AGENCIES``), ``/ss/``, ``-- Xinhua``,
  ``--IANS``, Xinhua's ``Enditem``, Yonhap's ``(END)``, ``© 2019 ...`` at the end -> ``signoff`` (when there are
  several, the last line's); ``desk_slug``: the editors' initials joined by ``-`` and ``/`` on the last lines
  (AFP ``bur-js/rl``, IANS ``abc/xyz``); ``glued_signoff``: ``Enditem`` or a bracketed agency glued after the last
  paragraph's final sentence (``... overnight. (PTI)``; ``... in June (AP).`` stays); ``rule_line``: a rule
  (AP's ``___``) among the tail lines goes, without metadata; ``source_line``: a last line naming the outlets the
  story comes from (Al Jazeera's ``Source: Al Jazeera and news agencies``: names and ``news agencies`` only, so
  ``Source: officials said ...`` stays) -> ``source`` (kind ``signoff``)
- ``credit``: ``Reporting by ...; Editing by ...``, ``A, B and C contributed to this report.`` lines,
  AP's ``Associated Press writer Sylvie Corbet contributed.`` (a bare ``contributed.`` only after a writer's role)
  (reporters -> ``author``, an outlet's possessive dropped: ``CNN’s Manu Raju``), ``(Photo: Getty Images)``; ``author_bio``: a last line with ``Follow him on Twitter @...``
  (a photo's credit alone on the last line does not end the tail: it goes, and what is over it is judged)
- ``link_block``: ``Related News:`` / ``Read More:`` ... and the headline lines after it (questions and
  bulleted titles too), and short topic labels after it when they run to the end of the text (Sky's
  ``Related Topics`` / ``France`` / ``Protests``); ``link_cards``: teaser cards (headline + teaser, between
  lone bullets) ending the page
- ``boilerplate:<kind>``: whole lines listed in ``data/boilerplate.tsv`` (promo, share, newsletter,
  caption, markup, ...)
- ``comment_section``: a comments header (``Top Rated Comments``, ``12 comments``) in the last 40% of
  the text, or one that opens comments (not ``View all``, ``Show more comments``, nor, off a page dump, a
  count) after 120 words of prose lines (from the core's start on a page dump), and every line after it
  (readers' comments are not the article)

- ``nav_block``: on a whole-page text dump (html-text, inscriptis: menus, share rows and footer
  links around the article), runs of short link-like lines outside the article's prose core
  (see :meth:`StructureNormalizer.plan_navigation`); kind ``navigation``. Teasers of other articles run
  together with their first sentence (:func:`glued_teaser`) are no prose of the core and may be in such
  a run; a list that ends the core (numbered, or dated items: :func:`list_end`) is the article's to its end.
  A page that opens with its menus may hold a short article (two prose lines, or one paragraph of 60 words).
  On a page dump in another language (``other_languages = "navigation"``, the default) this rule alone
  runs, with a prose test that needs no English (:func:`prose_weight`, ``neutral``); ``"keep"`` leaves such
  pages whole
- ``page_tail``: on such a page dump, the first certain chrome line after the article's core (a share
  row, a related/promo or comments header, a newsletter/cookie/follow prompt, a copyright line) ends the
  article: it and every line after it go (kind ``navigation``; lines between the core and it stay)
- ``comment_thread``: on a page dump, three commenter header lines (``NAME says:``, ``NAME on DATE at TIME
  said:``) after the core's start: the thread (from the first, with a count line over it) and all after it go
- ``page_footer``: on a page dump, the site's copyright footer (a year and "rights reserved") after the
  core's start ends the article even where teasers in prose made the core reach past it
- ``page_model``: on a page dump, the lines the rules left are scored by a small learned line model
  (:mod:`plugins.page_lines`, trained on WCXB dev pages): a line below the ``page_model`` probability
  (default 0.2; 0 turns it off) goes, kind ``navigation``; the core's prose lines never go, and the
  lines of a short paragraph (a list, a table) go together or not at all

Everything removed is in the edit log and in ``removed`` with its kind. If the
rules would remove more than half of a document's words (bare numbers do not count: a
time stamp's digits weigh nothing), nothing is removed and the document is flagged
``structure:over-deletion``. One exception, for page dumps,
where navigation and readers' comments can legitimately be most of the words: when ``nav_block`` found the
article's core, the removal stands if the other rules alone take at most half of the
words and what remains still holds that core with at least ``CORE_MIN_LINES`` prose
lines of ``CORE_MIN_WORDS`` words (a page whose prose is thinner, or where the rules
are unsure, is still refused and flagged); the thread of a ``comment_thread`` may go with it when 40
words of prose stand before it. Readers' comments under an article (``comment_section`` after 120 words
of prose) may be most of the words too: that removal stands when the other rules take at most half of
the words and the 120 words of prose before the comments remain. A page dump opens with menus, so its
language is judged on its sentences, not on its first characters. Once its navigation went, a page dump
is judged once more: the article's head (a column's name over the headline, a dateline) is now at the
top, and cleaning the output again should change nothing.
"""

from __future__ import annotations

import collections
import functools
import itertools
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from newsclean import ConfigError, Document, Normalizer, Span, Stage, hookimpl

from .dates import AMBIGUOUS_ZONES, ZONE_ABBREVIATIONS, Stamp, parse_stamp
from .language import guess_language

STEP = "structure"
ZONE_WORDS = frozenset(ZONE_ABBREVIATIONS) | frozenset(AMBIGUOUS_ZONES)
DATA = "boilerplate.tsv"
PAGE_MODEL_DATA = "page_lines.json"  # the page-dump line model (plugins/page_lines.py)
#: The flag of a document that does not look English (structure leaves it alone; typos, names, spelling too).
NOT_ENGLISH = "structure:not-english"

HEAD_LINES = 6  # learned boilerplate: the head position class is the first lines
PREFIX_PARAGRAPHS = 3  # outlet prefixes and datelines open one of the first paragraphs
TAIL_LINES = 8  # learned boilerplate: the tail position class is the last lines
MAX_TITLE_WORDS = 25
TITLE_ROUNDS = 3  # plan_title: a headline, and at most two more that the next run would take
MAX_HEADLINE_WORDS = 22
MAX_LINK_HEADLINES = 8
MIN_REPEAT_LINES = 3  # the article given twice: a run of this many prose lines again, in order
#: a month's name or abbreviation: "Dec", "Dec.", "Sept.", "December"
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
LIST_ITEM = re.compile(r"(\d{1,3})[.)] +\S")  # a numbered list's item: "1) Lego ...", "2. Polistil ..."
LIST_ITEM_GAP = 3  # ... each within this many lines of the one before
#: a dated list's item: "June 9 -- Coral Sky Amphitheatre", "Sept. 2 – Salt Lake City, UT @ ..."
DATED_ITEM = re.compile(rf"{MONTH_WORD} \d{{1,2}}(?:st|nd|rd|th)?\b(?! ?[:,/.-] ?\d)")
MIN_LIST_ITEMS = 3  # ... at least this many of them
#: a headline's run of capitalised words at the start of a line (``glued_teaser``) ...
TITLE_RUN = re.compile(r"^(?:[A-Z0-9$][\w'’$,.:-]* +){4,}")
#: ... with one of these small words capitalised inside it, as only a headline writes them ...
TITLE_SMALL_WORDS = frozenset("To In Of For On At With After From Over Into About As By".split())
TEASER_REST_WORDS = 8  # ... and this many words of its first sentence after it
TEASER_MAX_CHARS = 400  # ... in a line no longer than this
#: ... or a headline in sentence case run into its article's dateline: "... from US NEW DELHI: Their ..."
INNER_DATELINE = re.compile(
    r"[a-z0-9)'’\"”] (?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z.'’-]{3,}(?:, [A-Z][a-z]+\.?)?(?: \([A-Za-z. ]+\))?(?::| [—–-]) [A-Z‘'\"“]"
)
TEASER_DATELINE_FROM = 20  # (the dateline this many characters or more into the line)
JOINED_MIN_CHARS = 400  # ... or a paragraph this long made of earlier prose lines run together
JOINED_SHARE = 0.75  # ... for this share of its characters
REPEAT_WORDS = 12
MIN_CARDS = 3  # teaser cards at the end of a page: at least this many
OVER_DELETION = 0.5
MODEL_PARAGRAPH_LINES = 12  # page_model: the lines of a paragraph this short are kept or taken together
PAGE_MODEL_THRESHOLD = 0.2  # page_model: a page dump's line goes below this probability of being the article's
EARLY_SHARE = 0.4  # only a time stamp in the first 40% of the lines gives ``published``
DUMP_HEAD_LINES = 8  # on a page dump, the article's head is this many lines over its core
COMMENTS_AFTER = 0.6  # a comments header after 60% of the text starts the comment section
MORE_COMMENTS = re.compile(r"\b(?:more|all)\b")  # "Show more comments", "View all comments": no section's start
COMMENTS_PROSE_BEFORE = 120  # ... and so does one after this many words of prose lines
MAX_BOILERPLATE_LINE = 600  # longer lines are prose: not even tried against the boilerplate patterns

NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|el|da|di|la|le))*"
#: a date written out: "December 2, 2025", "Nov. 18 2025", "2nd December 2025"
MONTH_DAY_YEAR = rf"(?:{MONTH_WORD} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {MONTH_WORD} \d{{4}})"
BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|Written by|Words by|Posted by|Reported by|Text by|Story by|Article by)\s*:?\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)"
    rf"(?:\s*(?:,|\||-|—|–|/)\s*(?P<org>[A-Z][\w.&' -]{{1,40}})"
    # "for the BBC" (an outlet), "with AFP, Reuters" (agencies, or a co-writer), "in Kyiv" (a place: no outlet)
    rf"|\s(?P<link>in|for|For|FOR|with|With)\s(?P<org2>(?:[Tt]he )?[A-Z][\w.&' ,-]{{1,40}}|agencies|wires))?\.?"
    # "• 5 min read", "| Jan 5, 2024"; "on January 5, 2024" / "at 10:12 AM" (only when it is a time stamp);
    # a date right after the names: "By Jane Smith December 2, 2025", "By Jane Smith — November 18, 2025 6 min read"
    rf"(?:\s*[•⋅·|]\s*(?P<rest>[^\n]{{1,80}})|\s(?:on|at)\s(?P<when>[^\n]{{6,60}})"
    rf"|(?:\s+[—–-]|,)?(?:\s+(?P<label>(?:Last )?(?:Published|Updated|Posted|Modified))(?: on)?:?)?\s+(?P<dated>{MONTH_DAY_YEAR}(?:,?\s+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?)"
    rf"(?:\s*[•|·]?\s*\d{{1,3}} min(?:ute)?s? read)?)?$"
)
#: a link to the comments after a byline's date: ``| Comments``, ``| 12 Comments``, ``· Leave a comment``
COMMENTS_LINK_TAIL = re.compile(r"[|•·] *(?:\d+ |No )?(?:Comments?|Leave a (?:comment|reply)) *$", re.IGNORECASE)
#: "Jane Smith | AP": two or three name words only, never the page's first line ("Title | Site").
PIPE_BYLINE = re.compile(
    r"^(?P<names>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})\s*\|\s*(?P<org>[A-Z][\w.&' -]{1,30})$"
)
BYLINE_START = ("By ", "by ", "BY ", "By:", "by:", "BY:", "Written by", "Words by", "Posted by", "Reported by", "Text by", "Story by", "Article by")
WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
#: A label alone on its line, the name on the next: "Written by" / "Jane Smith - Editor".
#: (in any case, with or without a colon: "Written By", "Article written by:", "AUTHOR")
BYLINE_LABELS = frozenset(
    ["by", "written by", "words by", "posted by", "reported by", "author", "article written by", "article by", "story by"]
)
NAME_LINE = re.compile(r"^(?P<names>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})(?:\s*[-–—,|•]\s*[^\n]{1,80})?$")
CREDIT_ROLES = r"(?:writers?|reporters?|correspondents?|journalists?|photographers?|videojournalists?|researchers?|producers?)"
CREDIT = re.compile(
    r"^\(?(?:(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|Compiled|Edited|Written|Produced|Research|Graphics?|Photos?|Video)"
    r"(?: and (?:reporting|writing|editing))? by [^\n]{2,200}?)\)?\.?$"
    r"|^[A-Z][\w.'’ -]{1,60}?(?:, [A-Z][\w.'’ -]{1,60}?){0,15}(?:,? and [A-Z][\w.'’ -]{1,60}?)? contributed"
    r" (?:reporting|(?:to )?(?:this|the) (?:report|story|article))(?: (?:from|in) [A-Z][\w.,'’ -]{1,60})?\.?$"
    # AP: "Associated Press writer Sylvie Corbet contributed." (a bare "contributed." only after a writer's role)
    r"|^(?:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3} )?(?:[Ss]taff |[Ff]reelance )?" + CREDIT_ROLES +
    r" [A-Z][\w.,'’ -]{1,200}? contributed(?: (?:reporting|research))?(?: (?:from|in) [A-Z][\w.,'’ -]{1,60})?\.?$"
)
CREDIT_STARTS = (
    "Additional", "Reporting", "reporting", "Writing", "writing", "Editing", "editing", "Compiled", "Edited",
    "Written", "Produced", "Research", "Graphic", "Photo", "Video",
)  # how a CREDIT line of the first form starts (a cheap test before the pattern)
CREDIT_PEOPLE = re.compile(
    r"(?:Reporting|Writing|Written|Additional reporting) by ([^;)]+)"
    r"|^(?:[\w.&'’ -]+? " + CREDIT_ROLES + r" )?(.+?) contributed\b"
)
#: "Sylvie Corbet in Paris": a contributor's place after the name
CREDIT_PLACE = re.compile(r" (?:in|from) [A-Z][\w.'’ -]*$")
INLINE_PHOTO = re.compile(
    r"\((?:Photo|Photos|Image|Picture|File photo|Photograph|Credit|Source)\s*(?:credit)?\s*(?::|by)\s*[^()\n]{1,80}\)"
)
OUTLET_SECTION = re.compile(
    r"^(?P<source>[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,3})/(?P<section>[A-Z][\w&'.-]*(?: [A-Z&][\w&'.-]*){0,3}):\s+(?=\S)"
)
#: a dateline's date: ``Jan. 5``, ``March 3``
MONTH_DAY = rf"{MONTH_WORD}\s+\d{{1,2}}(?:,[ ]{{1,2}}(?:19|20)\d\d)?"
DATELINE_WITH_SOURCE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}?)"
    rf"(?:,\s*(?P<date>{MONTH_DAY}))?\s*)?"
    r"\((?P<source>[A-Z][\w.&' -]{0,28}[\w.])\)\s*(?:-{1,2}|—|–)\s*(?=\S)"
)
DATELINE_CAPS = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ .'’-]+[A-Z]{2,}){0,3}\.?(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)"
    r"\s+(?:—|–|--|-)\s+(?=[A-Z\"'])"
)
#: Agencies a one-line "Name | Agency" byline may name on the page's first line (where "Title | Site" is usual).
PIPE_AGENCIES = frozenset(
    "AP AFP Reuters UPI dpa Xinhua PTI IANS ANI Bernama IRNA Anadolu AA CNA Kyodo Yonhap TASS EFE ANSA "
    "Bloomberg".split() + ["Associated Press", "Agence France-Presse", "Press Association", "PA Media"]
)
#: Wire services as they name themselves in datelines (``Berlin (dpa) -``, ``/TASS/``), sign-offs
#: (``(PTI)``, ``--IANS``) and bylines (``By JOHN SMITH Associated Press``): the house forms.
WIRE_AGENCIES = PIPE_AGENCIES | frozenset(
    "RIA Interfax DPA Jiji JIJI Antara PNA IRNA Fars Tasnim Mehr ISNA WAFA SPA KUNA QNA WAM MENA SANA APP UPI "
    "AAP NZPA CP UNI BSS NNA Sputnik Belga ANP APA PAP MTI BTA CTK HINA Tanjug Ukrinform Trend TAP MAP "
    "Petra BNA ONA Lusa Xinhuanet PRNewswire PRWeb ACCESSWIRE Newsfile EINPresswire GlobeNewswire".split()
    + ["RIA Novosti", "ITAR-TASS", "Interfax-Ukraine", "Kyodo News", "Jiji Press", "Yonhap News", "Press Trust of India",
       "Anadolu Agency", "Xinhua News Agency", "Canadian Press", "Australian Associated Press", "Prensa Latina",
       "Philippine News Agency", "Bernama News", "Antara News", "Fars News", "Tasnim News", "Mehr News",
       "Saudi Press Agency", "Emirates News Agency", "Qatar News Agency", "Kuwait News Agency", "Anadolu Ajansi",
       # press-release wires: "NEW YORK, Jan. 5, 2024 /PRNewswire/ --", "(GLOBE NEWSWIRE) --", "--(BUSINESS WIRE)--"
       "PR Newswire", "GLOBE NEWSWIRE", "Globe Newswire", "BUSINESS WIRE", "Business Wire", "PRNewswire-FirstCall"]
)
#: one of WIRE_AGENCIES (the longest first, so "Jiji Press" wins over "Jiji")
AGENCY = "(?:" + "|".join(re.escape(a) for a in sorted(WIRE_AGENCIES, key=lambda a: (-len(a), a))) + ")"
#: ``dateline_agency``: a place in any case, maybe a date, then a known agency in brackets, with or without a dash:
#: ``Berlin (dpa) -``, ``Tokyo, Jan. 5 (Jiji Press)--``, ``New Delhi, Jan 5 (IANS) The Centre ...``
#: (the agency list is the guard: ``Berlin (Germany) has ...`` stays)
DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3}?)"
    rf"(?:,\s*(?P<date>{MONTH_DAY}))?\s*\((?P<source>{AGENCY})\)(?:\s*(?:-{{1,2}}|—|–))?\s*(?=[A-Z\"'“‘])"
)
#: ``dateline_agency`` too: the agency after a comma, without brackets, then a dash (IRNA's ``Tehran, IRNA --``)
DATELINE_COMMA_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}?)"
    rf",\s*(?P<source>{AGENCY})\s*(?:-{{1,2}}|—|–)\s*(?=[A-Z\"'“‘])"
)
#: ``dateline_slash``: TASS's form, ``MOSCOW, January 5. /TASS/.``
DATELINE_SLASH = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3}?)"
    rf"(?:,\s*(?P<date>{MONTH_DAY}))?\.?\s*/(?P<source>{AGENCY})/\.?[ ]{{0,3}}(?:(?:-{{1,2}}|—|–)[ ]{{0,3}})?(?=[A-Z\"'“‘])"
)
#: ``dateline_colon``: an ALL-CAPS place and a colon opening the first paragraph (the Indian press:
#: ``NEW DELHI: The Supreme Court ...``); labels in capitals are no place (see DATELINE_COLON_NOT)
COLON_PLACE_LETTERS = 5  # NEW DELHI, MUMBAI, DHAKA; not NATO, USA, IMF
DATELINE_COLON = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ .'’-]+[A-Z]{2,}){0,3}):[ ]{1,3}(?=[A-Z\"'“‘])")
DATELINE_COLON_NOT = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE WATCH LISTEN READ NOTE WARNING ANALYSIS OPINION COMMENT EDITORIAL REVIEW "
    "CORRECTION CLARIFICATION PHOTOS PHOTO VIDEO LIVE ALERT FLASH URGENT SPOILER SPOILERS TRANSCRIPT SUMMARY "
    "BACKGROUND DISCLAIMER DISCLOSURE WHAT WHY HOW WHEN WHO WHERE QUESTION ANSWER NEWS ADVISORY EMBARGOED "
    "EMBARGO PROFILE INTERVIEW SPONSORED ADVERTISEMENT FACT CHECK TIP TIPS FYI PSA RECAP PREVIEW "
    "HIGHLIGHTS SOURCE SOURCES CREDIT CAPTION TRIGGER CONTENT MORE ALSO THE AND BUT NEW".split()
    + ["FACT CHECK", "EDITOR'S NOTE", "EDITOR’S NOTE", "EDITORS NOTE", "BOTTOM LINE", "THE BOTTOM LINE", "BIG PICTURE",
       "THE BIG PICTURE", "WHY IT MATTERS", "WHAT'S NEXT", "WHAT’S NEXT", "GO DEEPER", "THE LATEST", "LATEST", "NEW YORK TIMES"]
)
#: ``dateline_block``: CNN's web layout, the place, the outlet and a lone dash on lines of their own
#: (``Washington`` / ``CNN`` / `` —``) above the first paragraph
BLOCK_PLACE = re.compile(r"^[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3}$")
BLOCK_OUTLET = re.compile(r"^[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2}$")
LONE_DASHES = frozenset(["—", "–"])  # (a hyphen alone is a menu's separator as often)
#: ... and any line that is only a dash: under one, an outlet's name is no byline (``outlet_line``)
DASHES = LONE_DASHES | {"-", "--"}
#: ``desk_slug``: the editors' initials a wire joins with ``-`` and ``/`` at the end (AFP ``bur-js/rl``, IANS ``abc/xyz``)
DESK_SLUG = re.compile(
    r"^(?:[a-z]{2,5}(?:-[a-z]{2,5}){0,3}/[a-z]{2,5}(?:[-/][a-z]{2,5}){0,3}"
    r"|[A-Z]{2,5}(?:-[A-Z]{2,5}){0,3}/[A-Z]{2,5}(?:[-/][A-Z]{2,5}){0,3})$"
)
#: ``rule_line``: a typographic rule in the tail (AP's ``___`` before its contributor line)
RULE_LINE = re.compile(r"^(?:_{3,}|-{3,}|={3,}|—{2,}|(?:\* ?){3,})$")
#: ``glued_signoff``: a wire's end mark glued to the last paragraph after its final sentence:
#: ``... overnight. Enditem`` (Xinhua), ``... overnight. (PTI)`` (a bracketed agency that ends the text)
GLUED_SIGNOFF = re.compile(rf"[.!?][\"'”’]?[ ]{{0,3}}(?P<signoff>\({AGENCY}\)|\(END\)|Enditem|ENDITEM|\(ENDS?\))$")
GLUED_WINDOW = 60  # the glued sign-off is looked for in the last characters of the text only
SIGNOFF = re.compile(
    r"^(?:"
    r"(?:[A-Z]{2,3}|[A-Z](?=[./][A-Z]))(?:[./][A-Z]{1,3}){0,3}\.?"  # editor initials: H.M, AB/CD, MR (not one letter)
    r"|/[A-Za-z]{1,4}/"  # /ss/
    rf"|Reuter|\({AGENCY}\)|\(END\)|\(ENDS?\)|Enditem|ENDITEM|End ?item"
    r"|(?:-{1,2}|—|–)\s*(?:[A-Z][\w.]+(?: [A-Z][\w.]+){0,2})"  # -- Xinhua
    r"|(?:©|\(c\)|[Cc]opyright|COPYRIGHT)\s*(?:\d{4}(?:\s*-\s*\d{4})?)?[^\n]{0,100}"
    r"|All rights reserved\.?"
    r")$"
)
#: ``agency_byline``: ``By JOHN SMITH Associated Press``, the agency after the name without a comma
BYLINE_AGENCY_TAIL = re.compile(rf"^(?P<name>\S+(?: \S+){{1,3}}) (?P<org>{AGENCY})$")
#: ``outlet_byline``: ``By JANE SMITH FOR MAILONLINE``, ``By Jane Smith for the BBC``: the outlet after "for"
BYLINE_FOR_OUTLET = re.compile(r"^(?P<name>\S+(?: \S+){1,3}) (?:FOR|For|for) (?P<org>(?:[Tt]he )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})$")
#: ``role_byline``: the Guardian's ``Gwyn Topham Transport correspondent`` (a name, then the writer's role in
#: sentence case), next to the head's time stamp
#: Writers' roles in a byline (``Transport correspondent``, ``Paris correspondent``)
WRITER_ROLES = (
    "correspondent", "editor", "reporter", "writer", "columnist", "critic", "journalist", "producer", "analyst",
    "commentator", "contributor", "presenter",
)
ROLE_BYLINE = re.compile(
    r"^(?P<names>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}) (?P<role>[A-Z][a-z]+(?: [a-z]+){0,3}"
    rf" (?:{'|'.join(WRITER_ROLES + ('blogger', 'author'))}))$"
)
#: ``CNN’s Manu Raju contributed ...``: the outlet's possessive before a contributor's name
OUTLET_POSSESSIVE = re.compile(r"^(?:The )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}['’]s? (?=[A-Z])")
NOT_A_TITLE = re.compile(r"https?:|www\.|@|\||<|>|\t")
INNER_SENTENCE = re.compile(r"[a-z0-9)][.!?] +[A-Z]")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
#: a question can be a headline, and so can an exclamation in quotes (``... victim: "We got her!"``)
HEADLINE_END = re.compile(r"\?[\"'”’]*$|![\"'”’]+$")
STANDFIRST_END = re.compile(r"[\w\"'”’]$")  # a standfirst without a full stop ends with its last word
BULLET_SEPARATOR = re.compile("\n[-•*·]\n")  # a lone bullet on its line (as text)
LONE_BULLETS = frozenset(["-", "•", "*", "\u2022", "·"])
#: a quotation in a headline: 'Meth. We're on it.' / "..." (a closing quote is followed by a space, punctuation or the end)
QUOTED = re.compile(r"(?<!\w)'(?:[^'\n]|'(?=\w)){1,80}?'(?=[\s,:;.!?]|$)|\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|‘[^’\n]{1,80}’(?=[\s,:;.!?]|$)")
LOWER_LONG_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]{3}")  # a word of four letters or more in lower case
TITLE_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
WORDS = re.compile(r"\w+")
YEAR_IN_TEXT = re.compile(r"(?:19|20)\d\d")
DIGIT = re.compile(r"\d")
#: "Updated at 1:23 p.m.": a labelled time of day alone (no date: it gives no ``published``).
STAMP_LABELS = ("Updated", "UPDATED", "Last updated", "Posted", "Published", "Modified")
TIME_ONLY_STAMP = re.compile(
    r"^(?:Updated|UPDATED|Last updated|Posted|Published|Modified)(?: on| at)?:?\s*\d{1,2}[:.]\d{2}\s*"
    r"(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?\.?$"
)
#: ``stamp_parts``: a head line of short parts joined by " / " or " | ", one of them a time stamp
STAMP_PARTS = re.compile(r"\s{1,4}[/|·•]\s{1,4}")  # bounded: linear on any run of spaces
#: a name and the date on one line in a page dump's head: "Melissa Ozawa December 18, 2025"
NAME_DATE = re.compile(rf"^(?P<names>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{1,3}}),? (?P<dated>{MONTH_DAY_YEAR})$")
#: a post's reading time or length in a stamp line: "5 min read", "30 min", "6,279 words"
READING_TIME = re.compile(r"\d{1,3} ?min(?:ute)?s?(?: read)?|[\d,]{1,7} (?:words|[Cc]omments?)|No [Cc]omments", re.IGNORECASE)
STAMP_LINE_MAX = 140  # (each part is a parse_stamp line of at most 80 characters)
MAX_PART_WORDS = 5
#: a part naming an Indian outlet: an ``IST`` stamp on its line is India Standard Time
INDIAN_OUTLET = re.compile(r"india|\.in$", re.IGNORECASE)
#: a time stamp's label (``Posted: Jan 5, 2024``)
LABEL_START = re.compile(r"^(?:Published|Posted|Updated|Last Updated|First published)\b", re.IGNORECASE)
#: ``stamp_place``: a time stamp, a dash and the dateline's place in capitals
STAMP_PLACE = re.compile(r"^(?P<stamp>.{6,80}?)\s+[-–—|]\s+(?P<place>[A-Z]{3,}(?:[ .'’-]+[A-Z]{2,}){0,3})$")
#: ``relative_stamp``: "3 hours ago", "Updated 20 minutes ago": removed, never a ``published`` value
RELATIVE_STAMP = re.compile(
    r"^(?:(?:Last )?(?:Updated|Published|Posted)\s*:?\s*)?(?:\d{1,3}|an?|one) ?"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?) ago$|^just now$",
    re.IGNORECASE,
)
#: ``audio_widget``: the player's prompt and, on the next line, the recording's length
AUDIO_PROMPT = re.compile(r"^(?:Listen to (?:this|the) (?:article|story)|Listen|Play audio|Audio)$", re.IGNORECASE)
DURATION = re.compile(r"^\d{1,3} ?(?:mins?|minutes?)(?: listen)?$|^\d{1,2}(?::\d{2}){1,2}$", re.IGNORECASE)
HEAD_CHROME_LINES = HEAD_LINES + 6  # the head chrome is among the first lines, before the first prose line
#: ``stacked_byline``: a name line (two or three capitalised words) ...
STACKED_NAME = re.compile(
    r"^[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: (?:(?:de|van|von|al|bin|da|di|le|la) )?[A-Z][a-z'’-]*[a-z](?:-[A-Z][a-z]+)?){1,2}$"
)
#: ... over the outlet, maybe with the place (``BBC News, Paris``) ...
STACKED_OUTLET = re.compile(
    r"^(?P<outlet>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})(?:, (?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}))?$"
)
NEWS_WORD = re.compile(
    r"\b(?:News|Press|Times|Post|Media|Agency|Journal|Herald|Telegraph|Tribune|Gazette|Chronicle|Daily|Radio|TV"
    r"|Television|Broadcasting|Online|Reuters|Bloomberg)\b"
)
#: ... or the writer's role (``Paris correspondent``, ``Business reporter, BBC News``)
STACKED_ROLE = re.compile(
    r"^(?:[A-Z][\w'’-]*(?: (?:[a-z]+|[A-Z][\w'’-]*)){0,3} )?"
    rf"(?:{'|'.join(f'[{r[0].upper()}{r[0]}]{r[1:]}' for r in WRITER_ROLES)})"
    r"(?:, (?P<outlet>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}))?$"
)
#: Outlets a byline names besides WIRE_AGENCIES (``By Jane Smith, CNN``, ``Jane Smith and John Doe, CNN``);
#: an outlet is also recognised by its words (:func:`is_outlet`)
KNOWN_OUTLETS = frozenset(
    "CNN BBC NPR PBS CBS NBC ABC MSNBC CNBC ITV RTE RTÉ CBC DW RFI VOA Axios Politico POLITICO HuffPost Newsweek "
    "Forbes Euronews NHK CGTN NDTV WION TNN Dawn Mint Scroll Rappler RNZ SBS KBS Semafor Vox Slate Salon Insider "
    "Quartz TIME Wired Nikkei Haaretz Ynet MailOnline PRNewswire GlobeNewswire ACCESSWIRE".split()
    + ["Al Jazeera", "Al Arabiya", "Press TV", "TRT World", "France 24", "Deutsche Welle", "Voice of America",
       "Radio Free Europe", "The Guardian", "The Independent", "The Observer", "The Economist", "The Atlantic",
       "The New Yorker", "The Hindu", "The Wire", "The Conversation", "The Hill", "The Verge", "USA Today", "USA TODAY",
       "Mail Online", "Business Wire", "PR Newswire", "Globe Newswire", "Nikkei Asia", "Arab News", "Gulf News",
       "Kyiv Independent", "ProPublica", "Rolling Stone", "Vanity Fair", "Business Insider"]
)
_OUTLETS_UPPER = frozenset(o.upper() for o in KNOWN_OUTLETS | WIRE_AGENCIES)
#: words that make a name an outlet's: always (``BBC News``, ``Xinhua News Agency``) ...
OUTLET_STRONG_WORD = re.compile(
    r"\b(?:News|NEWS|Agency|AGENCY|Media|MEDIA|Broadcasting|Television|TV|Radio|Online|ONLINE|Newswire|NEWSWIRE"
    r"|Network|Newspapers?)\b|\.(?:com|COM)\b"
)
#: ... or with "The" or in an outlet's place in the byline (``The Times``, ``, Washington Post``)
OUTLET_WORDS = (
    "Press|Times|Post|Journal|Herald|Telegraph|Tribune|Gazette|Chronicle|Daily|Dispatch|Observer|Guardian"
    "|Independent|Globe|Courier|Sentinel|Examiner|Inquirer|Enquirer|Bulletin|Register|Mirror|Express|Standard|Star"
    "|Mail|Sun|Record|Monitor|Economist|Statesman|Republic|Citizen|Weekly|Magazine|Wire|Reuters|Bloomberg"
)
OUTLET_WORD = re.compile(rf"\b(?:{OUTLET_WORDS})\b")
OUTLET_LINK_WORDS = frozenset(["of", "and", "&", "the", "de", "for", "on"])
#: academic and professional letters after a name (``By Jane Smith, MS, RD``): neither a person nor an outlet
CREDENTIALS = frozenset(
    "MS MSc RD RDN LD LDN PhD Ph.D MD M.D RN NP FNP MPH MA MBA BA BSc DO DDS DVM CPT CSCS CDE CDCES CPA CFA CFP JD "
    "Esq PharmD PsyD LCSW LPC".split()
)
#: an organisation's word: such an item of a byline is no person (``Daniel Burstein, MECLABS Institute``)
ORGANISATION_WORD = re.compile(
    r"\b(?:Institute|University|Inc|LLC|Ltd|Group|Company|Corp|Corporation|Foundation|Association|Council|Society"
    r"|Center|Centre|Agency|Ministry|Department|Office)\b"
)
#: Blogger's "Posted by Jane Smith at 10:12 AM": a time of day alone (no date, no ``published``)
CLOCK_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}\s{0,2}(?:[AaPp]\.?[Mm]\.?)?(?:\s{1,2}[A-Z]{2,4})?$")
#: "By Jeff Cobb. Last Updated on ...": the byline's date is an update, no publication date
UPDATED_LABEL = re.compile(r"(?:Updated|Modified)$")
#: a stamp's label the names ran into (``By Angela Kaye Carpenter Updated on February 16, 2026``)
BYLINE_LABEL_TAIL = re.compile(r"\.?[ ]{0,3}(?:Last [Uu]pdated|Updated|Last [Mm]odified|Published|Posted)$")
#: A writer's role in a byline, not a person: ``Staff Writer``, ``Foreign Correspondent``, ``Web Desk``
ROLE_WORDS = frozenset(WRITER_ROLES) | frozenset(
    "staff desk bureau team newsroom reporters writers correspondents editors contributors expert experts specialist "
    "director manager founder co-founder cofounder ceo president officer head strategist consultant scientist "
    "researcher professor fellow intern".split()
)
#: the newsroom's roles a desk line names alone (``Special Correspondent``, ``Staff writer``)
DESK_ROLES = frozenset(
    "correspondent reporter writer editor columnist contributor staff desk bureau team newsroom "
    "correspondents reporters writers editors".split()
)
#: words a role may have before its role word (``Senior Foreign Correspondent``, ``Our Correspondent``)
ROLE_MODIFIERS = frozenset(
    "our special staff senior chief foreign political diplomatic legal business sports sport city metro local web "
    "news online digital guest contributing associate deputy managing executive investigative regional national "
    "international defence defense health science technology tech economics economic education environment "
    "environmental climate crime security entertainment culture arts film music travel royal social media markets "
    "finance financial energy transport court political parliamentary europe asia africa middle east world "
    "washington white house general assistant lead principal freelance".split()
)
#: Desk and staff lines in the head: ``Special Correspondent``, ``Staff writer``, ``The Hindu Bureau``, ``TOI World Desk``
DESK_LINE = re.compile(
    r"^(?P<outlet>(?:[Tt]he )?[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,2}) (?:Desk|Bureau|Staff|Team|Newsroom|DESK|BUREAU|STAFF)$"
)
#: a person's name as a byline prints it: two to four capitalised words (``Jane Smith``, ``JOHN SMITH``, ``Ali al-Reza``)
PERSON_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z][a-z]?[A-Z][a-z'’]+|[A-Z]['’][A-Z][a-z]+|[A-Z]\.|[A-Z]{2,}(?:-[A-Z]{2,})?)"
PERSON = rf"{PERSON_WORD}(?: (?:(?:de|van|von|al|bin|el|da|di|la|le|der|den|du|dos|del|al-|el-) ?)?{PERSON_WORD}){{1,3}}"
PERSONS = rf"{PERSON}(?:(?:, | and | & |, and ){PERSON}){{0,3}}"
PERSON_LINE = re.compile(rf"^{PERSON}$")
#: words that are no person's: a section, a region, a label (``Middle East``, ``World Politics``)
NOT_NAME_WORDS = frozenset(
    "world middle east west north south politics business sport sports health science technology tech opinion local "
    "national international entertainment culture lifestyle travel food money markets economy europe asia africa "
    "americas america united states kingdom breaking latest top stories home live video videos photos weather "
    "updated published posted share read more related topics staff desk bureau team editor reporter writer "
    "correspondent release advertisement sponsored content contact about privacy policy terms sign subscribe "
    "login register search menu edition today monday tuesday wednesday thursday friday saturday sunday news "
    "the new york street avenue road city county state university college school hospital party club court police "
    "ministry government council church a an and as at by for from how in into is it its my of on or our so than "
    "that this to what when where which who why with you your we us "
    # section and topic labels (a label over the date is no byline: "Climate Crisis" / "January 5, 2024")
    "climate change crisis war league cup premier champions election elections covid coronavirus pandemic analysis "
    "review reviews feature features interview explainer fact check podcast newsletter guide guides tips deals "
    "shopping recipes recipe style beauty parenting relationships jobs careers property motoring cars autos games "
    "gaming tv film films movies books arts theatre football cricket tennis golf rugby racing soccer olympics royals "
    "crime justice immigration environment energy space ai artificial intelligence data security privacy software "
    "systems strategies marketing digital social media american british european african asian chinese indian "
    "russian ukrainian israeli palestinian iranian global scientific living healthy wellness personal finance "
    "investing stocks crypto bitcoin estate startups leadership management productivity innovation research "
    "report reports special exclusive update updates blog insights resources webinar events press releases".split()
)
#: ``name_outlet_byline``: a head line ``Jane Smith, Associated Press``, ``Jane Smith and John Doe, CNN``,
#: ``Jane Smith with AFP, Reuters`` (DW), ``Jane Smith | Reuters``: people, then only outlets
NAME_OUTLET = re.compile(
    rf"^(?P<names>{PERSONS})(?:, | \| | · | • | [-—–] | with )"
    r"(?P<org>(?:[Tt]he )?[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,4}(?:(?:, | and | & )(?:[Tt]he )?[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,4}){0,2})$"
)
#: ``name_role_byline``: ``Jane Smith, Political Editor``, ``Jane Smith, news reporter`` next to the head's stamp
NAME_ROLE = re.compile(rf"^(?P<names>{PERSONS}), (?P<role>[A-Za-z][a-z]*(?: [A-Za-z][a-z]*){{0,3}})$")
#: ``place_byline``: the Guardian's and SCMP's ``Shaun Walker in Kyiv`` (``... and John Doe in Moscow``) next to the stamp
PLACE_BYLINE = re.compile(
    rf"^(?P<first>{PERSON}) in [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}}"
    rf"(?: and (?P<second>{PERSON}) in [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}})?$"
)
#: ``label_byline``: a column's label with its writers, ``Analysis by Jane Smith``, ``Opinion by Jane Smith and John Doe``
LABEL_BYLINE = re.compile(
    rf"^(?:News )?(?:Analysis|Opinion|Commentary|Comment|Column|Review|Interview|Explainer|Essay|Story|Report)"
    rf" by (?P<names>{PERSONS})$"
)
#: ``reporting_from``: the NYT's ``Reporting from Kyiv, Ukraine`` and ``Jane Smith reported from Kyiv.`` under the byline
REPORTING_FROM = re.compile(r"^Reporting from [A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,4}$")
REPORTED_FROM = re.compile(
    rf"^(?P<names>{PERSONS}) reported from [A-Z][\w.'’-]*(?:,? (?:and )?[A-Z][\w.'’-]*){{0,5}}"
    rf"(?:,? and (?:{PERSON}) from [A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){{0,3}})?\.$"
)
#: the rules of a head's time stamp line (a byline without "By" is taken next to one)
STAMP_RULES = frozenset(["timestamp", "stamp_parts", "stamp_place", "double_stamp"])
#: ``wire_slug``: AP's keyword slug in the head (``AP-US--Trump-Impeachment, 4th Ld-Writethru``)
WIRE_SLUG = re.compile(r"^(?:AP|BC|APFN)-[A-Z]{2,4}-{1,2}[A-Za-z0-9][\w-]{1,60}(?:, (?:\d{1,2}(?:st|nd|rd|th) )?Ld-Writethru)?$")
#: ``bracket_stamp``: Press TV's ``[ Last Update: Monday, 5 January 2024 10:12 AM ]`` ending a line (or alone)
BRACKET_STAMP = re.compile(
    r"[\[(][ ]{0,3}(?P<stamp>(?:[Ll]ast |LAST )?(?:[Uu]pdated?|UPDATED?|[Pp]ublished|PUBLISHED|[Pp]osted|POSTED|[Mm]odified)"
    r"(?: on| at)?[ ]{0,2}:?[ ]{0,3}[^\[\]()\n]{6,70}?)[ ]{0,3}[\])]$"
)
BRACKET_WINDOW = 100
#: ``double_stamp``: two stamps on one line, the second labelled (``Published Jan. 5, 2024Updated Jan. 6, 2024``,
#: ``Posted Fri 5 Jan 2024 at 10:12am, updated Fri 5 Jan 2024 at 11:22am``): the first is the article's
SECOND_STAMP = re.compile(r"(?:[,;]? {0,3}|(?<=[\d.]))(?=(?:Last [Uu]pdated?|LAST UPDATED|Updated|UPDATED|updated|Modified|modified)\b)")
#: ``source_line``: Al Jazeera's "Source: Al Jazeera and news agencies" ending the article
SOURCE_ITEM = r"(?:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}|(?:other |international |foreign )?(?:news |wire )?agencies|wire services|wires)"
SOURCE_LINE = re.compile(rf"^Sources?: (?P<source>{SOURCE_ITEM}(?:(?:,|, and| and| &|/) ?{SOURCE_ITEM}){{0,5}})\.?$")
#: ``release_source``: a press release's last line naming who issued it (PR Newswire's ``SOURCE Acme Corp.``)
RELEASE_SOURCE = re.compile(r"^SOURCE [A-Z][\w.&'’-]*(?:,? [A-Z&][\w.&'’-]*){0,5}\.?$")
#: topic labels after a link header (Sky's "Related Topics" / "France" / "Protests"), when they end the text
MAX_TOPICS = 12
#: A headline and its date glued together at the start of the body (inline elements the
#: extractor joined without a space): "... killed in Iran unrestNovember 20, 2019 - 11:28 AMT Verified video ...".
GLUED_STAMP = re.compile(  # (the character before it, glued, is checked apart: a look-behind here is slow)
    r"(?P<stamp>(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}, (?:19|20)\d\d"
    r"(?P<time>\s*(?:-|—|–|,|at|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)?)\s+(?=\S)"
)
GLUED_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz.!?'’\"”)")
GLUED_HEAD_CHARS = 300  # the glued headline and date are within the first characters of the body
#: "Follow him on Twitter @handle." opening a sentence: a bio or a promo line at the end of the article.
FOLLOW_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)Follow (?:us|him|her|them|me|@\w+|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r"(?: on (?:Twitter|Facebook|Instagram|LinkedIn|X|Threads|Bluesky|Mastodon|TikTok|YouTube)\b| @\w+)"
)
BY_WORD = re.compile(r"\s(?:by|By|BY)\s")
#: "5:45 AM PST 11/19/2019 by Patrick Shanley": a time stamp, then the byline, on one line.
STAMP_BYLINE = re.compile(rf"^(?P<stamp>[^\n]{{6,60}}?)\s+(?:by|By|BY)\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)$")


@dataclass(slots=True)
class Line:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Plan:
    """What the rules decided for one document, applied at once (or not at all)."""

    removals: list[Span] = field(default_factory=list)
    meta: list[tuple[str, Any, str]] = field(default_factory=list)
    removed_lines: set[int] = field(default_factory=set)
    #: the least a page dump's core holds (prose lines, words): what the over-deletion guard keeps
    core_minimum: tuple[int, int] = field(default_factory=lambda: (CORE_MIN_LINES, CORE_MIN_WORDS))
    flags: list[str] = field(default_factory=list)
    #: the line that starts readers' comments (``comment_section``), if any
    comments_from: int | None = None
    #: what :meth:`StructureNormalizer.page_dump_core` found when the text is a whole-page dump:
    #: the article's core (first and last line), which lines are navigation-like, the core's minimum
    dump_core: tuple[tuple[int, int], list[bool], tuple[int, int]] | None = None
    #: on a page dump, the last line of a list that ends the article's core (:func:`list_end`)
    list_end: int = -1
    #: a byline was taken: the first one gives the author, even when it names only an outlet ("By Clemson News")
    bylined: bool = False
    #: lines that keep their start but lose their end (``bracket_stamp``): the text they will have
    trimmed: dict[int, str] = field(default_factory=dict)

    def meta_value(self, name: str) -> Any:
        return next((v for n, v, _ in self.meta if n == name), None)


@dataclass(frozen=True)
class BoilerplatePattern:
    kind: str
    pattern: re.Pattern[str]
    #: one of these (lower-case) words must be in the line for the pattern to be tried
    needs: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """Every line of ``data/boilerplate.tsv``, compiled once per process."""
    text = resources.files(__package__).joinpath("data", DATA).read_text(encoding="utf-8")
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, pattern, *rest = raw.split("\t")
        needs = tuple(rest[0].removeprefix("needs=").split("|")) if rest else ()
        try:
            out.append(BoilerplatePattern(kind.strip(), re.compile(rf"(?:{pattern.strip()})", re.IGNORECASE), needs))
        except re.error as exc:
            raise ConfigError(f"{DATA} line {number}: bad pattern {pattern!r}: {exc}") from None
    return tuple(out)


@functools.lru_cache(maxsize=1)
def boilerplate_matcher() -> tuple[re.Pattern[str], tuple[str, ...], tuple[BoilerplatePattern, ...]]:
    """The ungated patterns as one alternation (one regex call per line; group ``g<i>`` is
    pattern i, with its kind at ``kinds[i]``), and the gated patterns, tried one by one."""
    plain = [p for p in boilerplate_patterns() if not p.needs]
    combined = "|".join(f"(?P<g{i}>{p.pattern.pattern})" for i, p in enumerate(plain))
    gated = tuple(p for p in boilerplate_patterns() if p.needs)
    return re.compile(combined, re.IGNORECASE), tuple(p.kind for p in plain), gated


SHORT_LINE = 120  # a line whose core is longer can only match the patterns wide enough for it


def max_width(pattern: re.Pattern[str]) -> int:
    """The longest string ``pattern`` can match (``sre``'s own bound)."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]


@functools.lru_cache(maxsize=2)
def line_scanner(long_line: bool = False) -> re.Pattern[str]:
    """One pattern, matched at each line start, that accepts every line the ungated
    boilerplate patterns could match (whole, or as ``header: inline text``); each
    hit is then confirmed by :func:`boilerplate_kind`, so this is only a fast filter.

    The ``long_line`` scanner holds only the patterns that can match more than
    ``SHORT_LINE`` characters, plus the link headers in their inline form.
    """
    plain = [p for p in boilerplate_patterns() if not p.needs]
    wide = [p for p in plain if not long_line or max_width(p.pattern) > SHORT_LINE]
    headers = [p for p in plain if p.kind == "link_header"]
    prefix = r"(?:[^\S\n]|[•*\u2022\[\]-])*"
    suffix = r"(?:[^\S\n]|[\]\[:.>»|\u203a])*"
    whole = "|".join(f"(?:{p.pattern.pattern})" for p in wide)
    inline = "|".join(f"(?:{p.pattern.pattern})" for p in headers)
    return re.compile(rf"{prefix}(?:(?:{whole}){suffix}$|(?:{inline})[ \t]*:[^\n]*$)", re.IGNORECASE | re.MULTILINE)


#: Everything :func:`boilerplate_kind` may strip from a line's ends (and more): what is
#: left is at most the line's real core, so a core longer than SHORT_LINE is safe to skip.
EDGE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "•*\u2022[]-:.>»|\u203a"


def candidate_lines(text: str, lines: list[Line]) -> list[int]:
    """Indices of the lines worth a closer look (:func:`worth_a_look`)."""
    return [l.index for l in lines if worth_a_look(l.text)]


@functools.lru_cache(maxsize=8192)  # (a repeated pass of the chain asks again about most lines)
def worth_a_look(text: str) -> bool:
    """A line worth a closer look: a short line with a year (a time stamp), a byline's or a
    stamp's start, a line the boilerplate scanner finds, or one holding a gated pattern's word.

    A gated pattern matches a whole line of at most ``MAX_BOILERPLATE_LINE`` characters, so
    only those lines are searched for the words; a longer line holding one could only be an
    inline link header (``Related: ...``), and one with a colon near its start is looked at."""
    if (len(text) <= STAMP_LINE_MAX and YEAR_IN_TEXT.search(text)) or text.startswith(BYLINE_START):
        return True
    if text.startswith(STAMP_LABELS) or is_byline_label(text):
        return True
    scanner = line_scanner(len(text) > SHORT_LINE and len(text.strip(EDGE_CHARS)) > SHORT_LINE)
    if scanner.match(text):
        return True
    if len(text) > MAX_BOILERPLATE_LINE:
        return ":" in text[:40]
    lowered = text.lower()
    return any(word in lowered for word in gate_words())


@functools.lru_cache(maxsize=1)
def gate_words() -> tuple[str, ...]:
    """Every word that gates a pattern (``needs=``), each once."""
    return tuple(sorted({w for p in boilerplate_matcher()[2] for w in p.needs}))


@functools.lru_cache(maxsize=4096)  # a page dump's lines are asked twice (the rules, then page_model)
def boilerplate_kind(text: str) -> str | None:
    """The kind of a whole line that is boilerplate (``promo``, ``link_header`` ...), else None."""
    if len(text) > MAX_BOILERPLATE_LINE:
        return None
    key = text.strip().lstrip("-•*\u2022 ").strip("[]").strip().rstrip(" :.>»|\u203a")
    if not key:
        return None
    matcher, kinds, gated = boilerplate_matcher()
    match = matcher.fullmatch(key)
    if match:
        return kinds[int(match.lastgroup[1:])]
    lowered = key.lower()
    for p in gated:
        if any(word in lowered for word in p.needs) and p.pattern.fullmatch(key):
            return p.kind
    return None


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their offsets; ``index`` counts non-empty lines."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        if raw:
            lines.append(Line(len(lines), pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def is_headline(text: str, max_words: int = MAX_HEADLINE_WORDS) -> bool:
    """A short line without a final full stop: a headline, a subhead, a link title (3 words or more)."""
    if SENTENCE_END.search(text) or text.endswith((",", ";")):
        return False  # (the cheap tests first: most lines are sentences)
    return 3 <= word_count(text) <= max_words


def title_case(text: str) -> bool:
    """Every word of four letters or more capitalised (``Why You Shouldn't Worry``): a headline's style."""
    if LOWER_LONG_WORD.search(text):
        return False
    long_words = [w for w in TITLE_WORDS.findall(text) if len(w) >= 4]
    return len(long_words) >= 4 and all(w[0].isupper() for w in long_words)


def title_form(text: str) -> bool:
    """A line shaped like a headline: 3 to 25 words, no link or shouting, no final full stop
    (a question, or an exclamation in quotes, is fine), one sentence, or several in title case."""
    # (every test can say no; the cheap ones first: most lines asked are a paragraph's sentences)
    if len(text) > 200 or text.endswith((",", ";", ":", "(", "[")) or text[:1].islower():
        return False  # ("... in the United States (")
    if SENTENCE_END.search(text) and not HEADLINE_END.search(text) and not title_case(text):
        return False
    if not (3 <= word_count(text) <= MAX_TITLE_WORDS):
        return False
    if NOT_A_TITLE.search(text) or text.upper() == text:
        return False  # links, handles, tables, shouting: page furniture, or a dateline
    if INNER_SENTENCE.search(text) and INNER_SENTENCE.search(QUOTED.sub("Q", text)) and not title_case(text):
        # two sentences are a paragraph, not a headline; a quoted slogan is not a sentence of its own
        # ("South Dakota says, 'Meth. We're On It,' and Twitter asks ...")
        return False
    return True


def longer_than(lines: list[Line], chars: int, start: int = 0) -> bool:
    """Do ``lines[start:]`` hold at least ``chars`` characters (counted until they do)?"""
    for line in itertools.islice(lines, start, None):
        chars -= len(line.text)
        if chars <= 0:
            return True
    return False


def is_kicker(text: str) -> bool:
    """A section label over a headline (``Review``, ``immunology``, ``2019 American Music Awards``)."""
    return 1 <= word_count(text) <= 4 and len(text) <= 40 and not SENTENCE_END.search(text) and not NOT_A_TITLE.search(text) and not text.endswith((",", ";", ":"))


def is_link_title(text: str) -> bool:
    """A line of a link list: a headline (a question or an exclamation too), maybe after a
    bullet (``- Moon Rush: Private Lunar Lander Plans``), or a bullet alone."""
    core = text.strip().lstrip("-•*\u2022 ").strip()
    if not core:
        return text.strip() in LONE_BULLETS
    if is_headline(core):
        return True
    return bool(HEADLINE_END.search(core)) and 3 <= word_count(core) <= MAX_HEADLINE_WORDS and not INNER_SENTENCE.search(core)


def is_card(group: list[Line]) -> bool:
    """A headline and its teaser line (``group`` is in reverse order: teaser first)."""
    if len(group) != 2 or not is_link_title(group[-1].text):
        return False
    return all(word_count(l.text) <= MAX_TITLE_WORDS + 5 and len(l.text) <= 250 for l in group)


def is_topic(text: str) -> bool:
    """A topic label of a tag list: one to four words, no sentence end (``France``, ``Climate change``)."""
    text = text.strip().lstrip("-•*\u2022 ").strip()
    return bool(text) and is_kicker(text) and not text.endswith(":")


def is_tail_mark(text: str) -> bool:
    """A sign-off, a desk slug or a rule line (what :meth:`StructureNormalizer.plan_tail` takes)."""
    text = text.strip()
    return len(text) <= 120 and (
        (SIGNOFF.match(text) is not None and not is_sentence(text)) or DESK_SLUG.match(text) is not None or RULE_LINE.match(text) is not None
    )


def stamp_part_furniture(text: str) -> bool:
    """A part of a compound stamp line that is page furniture: a desk, a site, a byline
    (``TOI World Desk``, ``TIMESOFINDIA.COM``, ``By Jane Smith``), short and no sentence."""
    text = text.strip()
    if READING_TIME.fullmatch(text):
        return True  # "5 min read", "30 min", "6279 words"
    return (
        0 < word_count(text) <= MAX_PART_WORDS and len(text) <= 40 and text[:1].isupper()
        and not SENTENCE_END.search(text) and not LOWER_LONG_WORD.search(text.removeprefix("By "))
    )


def double_stamp(text: str) -> Stamp | None:
    """``double_stamp``: a line of two time stamps, the second labelled (``Published Jan. 5, 2024Updated Jan. 6,
    2024``, ``Posted Fri 5 Jan 2024 at 10:12am, updated Fri 5 Jan 2024 at 11:22am``): the first one, or None."""
    if len(text) > STAMP_LINE_MAX or not YEAR_IN_TEXT.search(text):
        return None
    pieces = [p for p in SECOND_STAMP.split(text) if p.strip()]
    if not 2 <= len(pieces) <= 3:
        return None
    stamps = [parse_stamp(p) for p in pieces]
    if stamps[-1] is None and RELATIVE_STAMP.match(pieces[-1].strip()):
        stamps[-1] = stamps[0]  # Reuters: "January 5, 2024 4:12 PM GMT+1Updated 2 hours ago"
    return stamps[0] if all(stamps) else None


def stacked_outlet(text: str) -> str | None:
    """The line under a ``stacked_byline``'s name: the outlet (``BBC News, Paris`` -> ``BBC News``),
    or ``""`` for a role (``Paris correspondent``; ``Business reporter, BBC News`` -> ``BBC News``);
    None when the line is neither."""
    if len(text) > 60:
        return None
    m = STACKED_ROLE.match(text)
    if m:
        return m.group("outlet") or ""
    m = STACKED_OUTLET.match(text)
    if m and (NEWS_WORD.search(m.group("outlet")) or is_outlet(m.group("outlet"), loose=True)):
        return m.group("outlet")
    return None


def is_outlet(item: str, *, loose: bool = False) -> bool:
    """A news outlet's name (``Associated Press``, ``The Associated Press``, ``CNN``, ``BBC News``, ``The Times``):
    a wire agency, a known outlet, or capitalised words with an outlet's word. A word such as ``Post`` or
    ``Times`` counts after ``The``, in a name with "of" (``Times of India``), or (``loose``) where the byline
    puts the outlet (``, Washington Post``): ``Emily Post`` joined by "and" is a person."""
    item = item.strip().rstrip(".")
    if not item or len(item) > 50:
        return False
    if known_outlet(item):
        return True
    bare = item[4:] if item[:4] in ("The ", "THE ", "the ") else item
    words = bare.split()
    if not (1 if bare is not item else 2) <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w in OUTLET_LINK_WORDS for w in words):
        return False
    if OUTLET_STRONG_WORD.search(bare):
        return True
    return bool(OUTLET_WORD.search(bare)) and (bare is not item or loose or (len(words) >= 3 and "of" in words))


def known_outlet(item: str) -> bool:
    """A wire agency or an outlet of KNOWN_OUTLETS, by name (``AFP``, ``The Associated Press``, ``CNN``)."""
    item = item.strip().rstrip(".")
    bare = item[4:] if item[:4] in ("The ", "THE ", "the ") else item
    return bare in WIRE_AGENCIES or item in KNOWN_OUTLETS or bare in KNOWN_OUTLETS or (bare.isupper() and bare in _OUTLETS_UPPER)


def outlet_line(text: str) -> bool:
    """A line that is only an outlet's name (``Associated Press``, ``The Columbus Dispatch``), or a known outlet's
    with its desk or edition (``BBC Sport Scotland``, ``CNN Business``): at most four capitalised words."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    return is_outlet(text, loose=True) or known_outlet(words[0]) or (len(words) > 2 and known_outlet(" ".join(words[:2])))


def role_item(item: str) -> bool:
    """A writer's role in a byline's list of names (``Staff Writer``, ``Foreign Correspondent``, ``news reporter``,
    ``Al Jazeera Staff``): a role word last, in three words at most, or four when the others are a role's
    modifiers (``Senior Foreign Affairs Correspondent``) or an outlet."""
    words = item.strip().rstrip(".").split()
    if not 1 <= len(words) <= 4 or words[-1].lower() not in ROLE_WORDS:
        return False
    if len(words) <= 3 or all(w.lower() in ROLE_MODIFIERS for w in words[:-1]):
        return True  # ("Jane Smith Globe Staff": four words, a name and a role: byline_credit takes the name)
    return len(words) >= 2 and is_outlet(" ".join(words[:-1]))


def desk_outlet(item: str) -> str | None:
    """The outlet of a staff or desk credit (``Al Jazeera Staff`` -> ``Al Jazeera``), else None."""
    words = item.strip().rstrip(".").split()
    if len(words) >= 2 and words[-1].lower() in ("staff", "desk", "bureau", "team", "newsroom"):
        rest = " ".join(words[:-1])
        if is_outlet(rest) and rest.lower() not in ROLE_MODIFIERS:
            return rest
    return None


def looks_like_person(text: str) -> bool:
    """A person's name alone (``Jane Smith``, ``JOHN SMITH``): two to four capitalised words, no outlet's,
    section's or place's word (``Middle East``, ``World Politics``, ``BBC News`` are not people)."""
    text = text.strip()
    if len(text) > 50 or not PERSON_LINE.match(text) or is_outlet(text, loose=True):
        return False
    words = text.split()
    if any(w.endswith(("'s", "’s")) for w in words):
        return False  # a possessive is no name ("Today's Hours")
    return not any(w.lower().strip(".") in NOT_NAME_WORDS for w in words)


#: a person's name run into a paper's short name and ``Staff``/``Correspondent`` (``Jane Smith Globe Staff``)
OUTLET_STAFF_TAIL = re.compile(rf"^(?P<name>.+?) (?:{OUTLET_WORDS}) (?:Staff|Correspondent|Writer)$")
#: the last person of a byline's list, joined by "and" or "&", before a comma ("Ali Reza and Jane Smith, ")
LAST_NAME_JOINED = re.compile(r"(?:\band|&) [^,]+,\s*$", re.IGNORECASE)


def byline_credit(names_text: str, org: str | None, link: str | None, org2: str | None) -> tuple[list[str], str | None]:
    """The people and the outlet of a byline's parts (``byline_items``): outlets named in the list of names go to
    the source (``By Jane Smith, BBC News``), roles are dropped (``By Jane Smith, Staff Writer``, ``By Staff
    Reporter``), a place after the outlet is dropped (``BBC News, Paris``), and so is a place after the people
    (``By Jane Smith, New Delhi``, ``By Ali Reza and Jane Smith, Tehran``: a second name after a comma that is no
    outlet, when the list already ended with "and NAME" or had one name), ``in Kyiv`` is a place, ``for the BBC``
    the outlet, ``with AFP, Reuters`` agencies (or a co-writer)."""
    names_text = BYLINE_LABEL_TAIL.sub("", names_text)  # "By Jeff Cobb. Last Updated on December 11, 2025"
    items = [i for i in split_names(names_text) if i.rstrip(".") not in CREDENTIALS]  # "Jane Smith, MS, RD"
    if not items:
        return [], None
    if org is not None and org.rstrip(".") in CREDENTIALS:
        org = None
    if org is None and link is None and len(items) > 1 and " " not in items[-1] and "," in names_text:
        org = items.pop()  # "By Jane Smith and Ali Reza, Reuters": a one-word last item is the outlet ...
        if not is_outlet(org, loose=True):
            org = None  # ... or the writer's place ("By Jane Smith, Washington"): dropped, no outlet
    tail = BYLINE_AGENCY_TAIL.match(items[-1]) if org is None and link is None and items else None
    if tail:  # agency_byline: "By JOHN SMITH Associated Press"
        items[-1], org = tail.group("name"), tail.group("org")
    tail = BYLINE_FOR_OUTLET.match(items[-1]) if org is None and link is None and items else None
    if tail:  # outlet_byline: "By JANE SMITH FOR MAILONLINE"
        items[-1], org = tail.group("name"), tail.group("org")
    people: list[str] = []
    outlets: list[str] = []
    for n, item in enumerate(items):
        # the last item after a comma is where a byline puts its outlet (", Washington Post")
        loose = n == len(items) - 1 and n > 0 and names_text.rstrip(" .").endswith(item) and names_text[
            : len(names_text.rstrip(" .")) - len(item)
        ].rstrip().endswith(",")
        staff = OUTLET_STAFF_TAIL.match(item)
        if staff and looks_like_person(staff.group("name")):
            item = staff.group("name")  # the Boston Globe's "By Jane Smith Globe Staff": the person, not the desk
        desk = desk_outlet(item)
        if desk:
            outlets.append(desk)
        elif role_item(item):
            continue
        elif is_outlet(item, loose=loose):
            outlets.append(item)
        elif loose and (len(items) == 2 or LAST_NAME_JOINED.search(names_text[: names_text.rfind(item)])):
            continue  # a list of people ends with "and NAME": after it, a comma gives a place ("By Jane Smith, New Delhi")
        elif not ORGANISATION_WORD.search(item) and (" " in item or len(items) == 1):
            people.append(item)  # (one word among several names is a broken role: "Home and Digital Security Expert")
    if link in ("for", "For", "FOR") and org2:
        org = org2
    elif link in ("with", "With") and org2:
        for part in split_names(org2):
            if is_outlet(part, loose=True):
                outlets.append(part)
            elif PERSON_LINE.match(part):
                people.append(part)
    if org is not None:
        org = org.strip()
        if org.startswith(CREDIT_STARTS) or role_item(org):
            org = None  # "Written by Jane Smith | Edited by John Doe", "By Jane Smith / Staff Writer"
        elif desk := desk_outlet(org):
            org = desk
        elif outlets and not is_outlet(org, loose=True):
            org = None  # "By Jane Smith, BBC News, Paris": the place after the outlet
    source = outlets[0] if outlets else org
    if not people:
        # no person named: the credit itself is the byline ("By Everfit Team", "By Al Jazeera Staff", "By The
        # Associated Press"); its outlet, if any, is the source too
        people = [i for i in items if " " in i or len(items) == 1]
    return people, source


def is_byline_label(text: str) -> bool:
    """A byline's label alone on its line (:data:`BYLINE_LABELS`), the name on the next."""
    return len(text) <= 30 and text.strip().rstrip(":").rstrip().lower() in BYLINE_LABELS


def is_prose(text: str) -> bool:
    """A sentence of ``REPEAT_WORDS`` words or more, ending like one."""
    return bool(SENTENCE_END.search(text.rstrip())) and has_words(text, REPEAT_WORDS)


def list_end(lines: list[Line], last: int) -> int:
    """Where a list that ends the article's core goes on to, past ``last`` (``last`` when none
    does): a numbered list (``1) ...``, ``2. ...``) with an item among the core's last
    ``LIST_ITEM_GAP`` lines, or whose item 1 comes within ``LIST_ITEM_GAP`` lines after it (the
    core's last sentence introduced it), its next items numbered on; or a list of at least
    ``MIN_LIST_ITEMS`` dated items (``June 9 -- Coral Sky Amphitheatre, ...``, tour dates) whose
    first item comes there. Each item comes within ``LIST_ITEM_GAP`` lines of the one before (a
    link or a note under each item comes along), and the list takes as many lines after its last
    item as came after the one before it."""
    return max(numbered_list_end(lines, last), dated_list_end(lines, last))


def numbered_list_end(lines: list[Line], last: int) -> int:
    """:func:`list_end` for a numbered list."""
    number, at = None, last
    for i in range(last, max(last - LIST_ITEM_GAP, -1), -1):
        item = LIST_ITEM.match(lines[i].text.lstrip())
        if item:
            number, at = int(item.group(1)), i
            break
    for i in range(last + 1, min(last + 1 + LIST_ITEM_GAP, len(lines)) if number is None else last + 1):
        item = LIST_ITEM.match(lines[i].text.lstrip())
        if item and item.group(1) == "1":
            number, at = 1, i
            break
    if number is None:
        return last
    first = number  # the n-th item after the first is numbered first + n

    def numbered_next(text: str, n: int) -> bool:
        item = LIST_ITEM.match(text)
        return item is not None and int(item.group(1)) == first + n

    return items_end(lines, list_items(lines, at, numbered_next), last)


def dated_list_end(lines: list[Line], last: int) -> int:
    """:func:`list_end` for a list of dated items."""
    at = next(
        (i for i in range(last - LIST_ITEM_GAP + 1, min(last + 1 + LIST_ITEM_GAP, len(lines))) if i >= 0
         and DATED_ITEM.match(lines[i].text.lstrip())),
        None,
    )
    if at is None:
        return last
    items = list_items(lines, at, lambda text, n: DATED_ITEM.match(text) is not None)
    return items_end(lines, items, last) if len(items) >= MIN_LIST_ITEMS else last


def list_items(lines: list[Line], at: int, is_next: Callable[[str, int], bool]) -> list[int]:
    """The lines of a list's items from its item at ``at``: each next item (``is_next(text, n)``, ``n``
    the items found so far) within ``LIST_ITEM_GAP`` lines of the one before."""
    items = [at]
    for i in range(at + 1, len(lines)):
        if i - items[-1] > LIST_ITEM_GAP:
            break
        if is_next(lines[i].text.lstrip(), len(items)):
            items.append(i)
    return items


def items_end(lines: list[Line], items: list[int], last: int) -> int:
    """The last line of a list whose items are at ``items``, past ``last``; ``last`` when the list
    ends within it."""
    if len(items) < 2 or items[-1] <= last:
        return last
    tail = items[-1] - items[-2] - 1  # the lines under each item (a link, a price)
    return min(items[-1] + tail, len(lines) - 1)


def prose_words(lines: Sequence[Line], plan: Plan) -> int:
    """The words of the prose lines (:func:`is_prose`) among ``lines`` that ``plan`` keeps."""
    return sum(word_count(l.text) for l in lines if l.index not in plan.removed_lines and is_prose(l.text))


def paragraph_break(text: str) -> int:
    """How this text separates paragraphs: 2 (a blank line) or 1 (one line break)."""
    return 2 if "\n\n" in text else 1


def guard_words(text: str) -> int:
    """The words the over-deletion guard weighs: every word but a bare number."""
    return sum(1 for w in WORDS.findall(text) if not w.isdigit())


def word_count(text: str) -> int:
    return len(WORDS.findall(text))


def has_words(text: str, n: int) -> bool:
    """``word_count(text) >= n``, counting no further than ``n`` (a long paragraph's words are not listed)."""
    return n <= 0 or next(itertools.islice(WORDS.finditer(text), n - 1, None), None) is not None


class StructureNormalizer(Normalizer):
    """Title, time stamps, bylines, outlet prefixes, datelines, sign-offs, link blocks, boilerplate lines."""

    name = STEP
    stage = Stage.STRUCTURE
    version = "14"

    def __init__(
        self,
        datelines: str = "extract",
        learned: dict[str, dict[str, list[str]]] | None = None,
        min_docs: int = 5,
        min_share: float = 0.1,
        page_model: float = PAGE_MODEL_THRESHOLD,
        other_languages: str = "navigation",
    ) -> None:
        if datelines not in ("extract", "keep"):
            raise ConfigError(f"normalizer 'structure': datelines must be 'extract' or 'keep', got {datelines!r}")
        if isinstance(page_model, bool) or not isinstance(page_model, (int, float)) or not 0 <= page_model < 1:
            raise ConfigError(
                f"normalizer 'structure': page_model must be a probability in [0, 1) (0 turns the page-dump "
                f"line model off), got {page_model!r}"
            )
        if other_languages not in ("navigation", "keep"):
            raise ConfigError(
                f"normalizer 'structure': other_languages must be 'navigation' or 'keep', got {other_languages!r}"
            )
        super().__init__(
            datelines=datelines,
            learned=learned or {},
            min_docs=min_docs,
            min_share=min_share,
            page_model=float(page_model),
            other_languages=other_languages,
        )
        self._learned = {
            group: {position: frozenset(lines) for position, lines in places.items()}
            for group, places in (learned or {}).items()
        }

    # -- corpus-level learning -------------------------------------------------
    def fit_counts(self, docs):
        """For ``fit``: per source, how many documents have each line among their first
        ``HEAD_LINES`` or last ``TAIL_LINES`` lines (keys ``(source, "head"|"tail", line)``),
        and how many documents the source has (keys ``(source,)``)."""
        counts: collections.Counter[tuple[str, ...]] = collections.Counter()
        for doc in docs:
            group = source_group(doc.id)
            counts[(group,)] += 1
            lines = [l.text.strip() for l in split_lines(doc.text)]
            counts.update({(group, "head", t) for t in lines[:HEAD_LINES]} | {(group, "tail", t) for t in lines[-TAIL_LINES:]})
        return counts

    def fit_from_counts(self, counts):
        """Learn the lines a source repeats at the head or tail of many of its documents.

        A line is learned for a source (see :func:`source_group`) when it is
        among the first ``HEAD_LINES`` (or last ``TAIL_LINES``) lines of at least
        ``min_docs`` documents and ``min_share`` of that source's documents. A
        sentence quoted by several articles does not qualify: it must recur at
        the same position class, within one source, in a large share of it.
        """
        learned: dict[str, dict[str, list[str]]] = {}
        for key, count in sorted(counts.items()):
            if len(key) != 3:
                continue  # a source's size
            group, position, text = key
            if count >= self.params["min_docs"] and count >= self.params["min_share"] * counts[(group,)] and WORDS.search(text):
                learned.setdefault(group, {}).setdefault(position, []).append(text)
        return {"learned": learned}

    def plan_learned(self, doc_id: str, lines: list[Line], plan: Plan) -> None:
        places = self._learned.get(source_group(doc_id))
        if not places:
            return
        for position, window in (("head", lines[:HEAD_LINES]), ("tail", lines[-TAIL_LINES:])):
            for line in window:
                if line.index not in plan.removed_lines and line.text.strip() in places.get(position, ()):
                    self.remove_line(plan, line, "learned_boilerplate", "learned")

    def data_files(self):
        return [resources.files(__package__).joinpath("data", name) for name in (DATA, PAGE_MODEL_DATA)]

    def __call__(self, doc: Document) -> None:
        if self.clean_once(doc):
            # a page dump without its menus is an article whose head the rules can now see (its
            # headline, its dateline): judged again, so that cleaning the output again changes nothing
            self.clean_once(doc)

    def clean_once(self, doc: Document) -> bool:
        """One run of the rules on ``doc``; True when it took navigation out of a page dump."""
        lines = split_lines(doc.text)
        if not lines:
            return False
        english = looks_english(doc.text)
        dump = page_dump_candidate(lines)
        if not english and dump:
            # a page dump opens with its menus (few function words): judge its prose lines
            sample = prose_sample(lines)
            english = len(sample.split()) >= JUDGED_WORDS and looks_english(sample)
        if not english and judged(doc.text):
            # judged on enough words: not English. The rules are made for English news:
            # leave the text alone and say so (typos, names and spelling skip it too)
            doc.flag(NOT_ENGLISH)
            doc.flag(f"language:{guess_language(doc.text)}")  # a hint for whoever sorts the flags
            if dump and self.params["other_languages"] == "navigation":
                self.strip_page_navigation(doc, lines)
            return False
        plan = Plan(dump_core=self.page_dump_core(lines) if dump else None)
        self.plan_learned(doc.id, lines, plan)
        self.plan_repeats(lines, plan)
        self.plan_joined_copies(lines, plan)
        self.plan_head(doc.text, lines, plan)
        self.plan_link_blocks_and_boilerplate(doc.text, lines, plan)
        core = self.plan_navigation(lines, plan, plan.dump_core) if plan.dump_core else None
        if core is not None:
            self.plan_dump_byline(lines, core[0], plan)
        if BULLET_SEPARATOR.search(doc.text):
            self.plan_tail_cards(lines, plan)
        self.plan_tail(lines, plan)
        self.plan_role_byline(lines, plan)
        self.plan_head_chrome(doc.text, lines, plan)
        self.plan_head_bylines(doc.text, lines, plan)
        self.plan_dateline_block(doc.text, lines, plan)
        self.plan_bracket_stamps(lines, plan)
        self.plan_title(doc.text, lines, plan)
        self.plan_prefixes(lines, plan)
        self.plan_inline_credits(doc.text, lines, plan)
        if core is not None and self.params["page_model"] > 0:
            self.plan_page_model(lines, core, plan)
        if not plan.removals and not plan.meta:
            return False
        if not english:
            doc.flag(NOT_ENGLISH)  # a short text, judged by its letters alone: leave it alone
            return False
        removed_chars = sum(s.end - s.start for s in plan.removals)
        if removed_chars > 0.3 * len(doc.text) and self.removes_too_much(doc.text, lines, plan, core):
            doc.flag("structure:over-deletion")
            return False
        for name, value, rule in plan.meta:
            doc.set_meta(name, value, step=STEP, rule=rule)
        for flag in plan.flags:
            doc.flag(flag)
        doc.apply(line_removals(lines, plan), step=STEP)
        return core is not None and any(s.kind == NAV_KIND for s in plan.removals)

    @staticmethod
    def removes_too_much(
        text: str, lines: list[Line], plan: Plan, core: tuple[int, int] | None = None, neutral: bool = False
    ) -> bool:
        """The over-deletion guard: more than half of the words would go.

        On a page dump (``core`` is the article's prose core found by :meth:`plan_navigation`)
        the navigation may be most of the words: there the removal stands when the other rules
        alone take at most half of the words and what remains still holds the article, at least
        ``CORE_MIN_LINES`` prose lines of ``CORE_MIN_WORDS`` words between them."""
        # a repeated block's words stay in the text (its first copy): they are not lost
        lost = [s for s in plan.removals if s.kind != "repeat"]
        # words, not numbers: a time stamp's digits ("5 January 2024 10:12") weigh nothing
        total = max(guard_words(text), 1)
        removed_words = sum(guard_words(text[s.start : s.end]) - guard_words(s.after) for s in lost)
        if removed_words <= OVER_DELETION * total:
            return False
        if core is None and plan.comments_from is None:
            return True
        exempt = PAGE_DUMP_KINDS if core is not None else COMMENT_KINDS
        other_words = sum(
            guard_words(text[s.start : s.end]) - guard_words(s.after) for s in lost if s.kind not in exempt
        )
        if other_words > OVER_DELETION * total:
            return True
        if plan.comments_from is not None:  # readers' comments under an article: the article must remain
            before = prose_words(lines[core[0] if core else 0 : plan.comments_from], plan)
            if before >= (COMMENTS_PROSE_BEFORE if core is None else SHORT_CORE_WORDS):
                return False
            if core is None:
                return True
        prose = [
            n for l in lines[core[0] : core[1] + 1] if l.index not in plan.removed_lines
            for kind, n in (prose_weight(l.text, False, neutral),) if kind == "prose"
        ]
        return len(prose) < plan.core_minimum[0] or sum(prose) < plan.core_minimum[1]

    # -- a whole-page dump: navigation around the article -------------------------
    def plan_navigation(
        self, lines: list[Line], plan: Plan, found: tuple[tuple[int, int], list[bool], tuple[int, int]] | None
    ) -> tuple[int, int]:
        """Navigation blocks of a whole-page text dump (menus, share rows, footer links).

        The article's core is the densest region of prose: each line gets a weight (a prose
        line its word count, a short sentence half of it, a navigation-like line a penalty,
        more when the line recurs in the page) and the core is the run of lines with the
        largest sum (:func:`prose_core`). The text is a page dump only when at least
        ``NAV_HEAD`` navigation-like lines come before that core (menus on top of the
        page; an article extractor's output starts with the article) and the core holds
        ``CORE_MIN_LINES`` prose lines of ``CORE_MIN_WORDS`` words. Then, outside the core
        only, every run of at least ``NAV_RUN`` weak lines with two navigation-like lines
        among them goes: a weak line is navigation-like (:func:`nav_like`), a title-case
        link title, or a boilerplate line. Inside the core nothing goes (an article's lists
        and subheadings stay), and prose outside it stays too (it may be the article's).
        ``found`` is what :meth:`page_dump_core` found. Returns the core (first and last line index)."""
        (first, last), nav, plan.core_minimum = found
        end = plan.list_end = list_end(lines, last)  # a list that ends the core is the article's to its end
        weak = [
            n or (not first <= i <= end and weak_line(lines[i].text))
            for i, n in enumerate(nav)
        ]
        i = 0
        while i < len(lines):
            if not weak[i] or first <= i <= end:
                i += 1
                continue
            j = i
            while j < len(lines) and weak[j] and not first <= j <= end:
                j += 1
            if j - i >= NAV_RUN and sum(nav[i:j]) >= 2:
                for line in lines[i:j]:
                    self.remove_line(plan, line, "nav_block", NAV_KIND)
            i = j
        self.plan_comment_thread(lines, first, plan)
        self.plan_page_footer(lines, first, plan)
        self.plan_page_tail(lines, last, plan)
        return first, last

    def plan_dump_byline(self, lines: list[Line], first: int, plan: Plan) -> None:
        """``name_byline`` on a page dump: a person's name alone right over a time stamp line, among the
        ``DUMP_HEAD_LINES`` lines over the article's core (``Andrew King`` / ``September 4, 2025``), is
        the article's author, even where the menus' navigation block took it in."""
        if plan.bylined or plan.meta_value("author") is not None:
            return
        for line in lines[max(first - DUMP_HEAD_LINES, 0) : first]:
            text = line.text.strip()
            if len(text) <= 50 and looks_like_person(text) and parse_stamp(lines[line.index + 1].text.strip()):
                self.claim_line(plan, line, "name_byline", "byline")
                self.set_byline(plan, [text], None, "name_byline")
                return
            m = NAME_DATE.match(text) if len(text) <= 80 else None
            stamp = parse_stamp(m.group("dated")) if m and looks_like_person(m.group("names")) else None
            if stamp is not None:  # "Melissa Ozawa December 18, 2025"
                self.claim_line(plan, line, "name_byline", "byline")
                self.set_byline(plan, [m.group("names")], None, "name_byline")
                if stamp.value and plan.meta_value("published") is None:
                    plan.meta.append(("published", stamp.value, "name_byline"))
                return

    @staticmethod
    def claim_line(plan: Plan, line: Line, rule: str, kind: str) -> None:
        """Remove ``line`` by ``rule``, also when a rule that took it as navigation came first."""
        plan.removals = [s for s in plan.removals if not (s.start == line.start and s.end == line.end)]
        plan.removed_lines.discard(line.index)
        StructureNormalizer.remove_line(plan, line, rule, kind)

    def strip_page_navigation(self, doc: Document, lines: list[Line]) -> None:
        """A page dump in another language: only its navigation goes (``nav_block``,
        ``page_footer``, ``page_tail``), around a prose core found without English function
        words (:func:`prose_weight`, ``neutral``); the over-deletion guard applies as on an
        English page dump. Scripts written without spaces between words (Japanese, Chinese)
        show no prose core, so they stay as they are."""
        found = self.page_dump_core(lines, neutral=True)
        if found is None:
            return
        plan = Plan(dump_core=found)
        core = self.plan_navigation(lines, plan, found)
        if not plan.removals:
            return
        if self.removes_too_much(doc.text, lines, plan, core, neutral=True):
            doc.flag("structure:over-deletion")
            return
        doc.apply(line_removals(lines, plan), step=STEP)

    def plan_comment_thread(self, lines: list[Line], first: int, plan: Plan) -> None:
        """``comment_thread``: on a page dump, readers' comments headed the blog way, each by a line that
        is only the commenter and ``says:`` / ``wrote:`` (``thelastchargersfan says:``, ``Catherine
        (GiveWell) on September 13, 2018 at 5:23 pm said:``): from ``MIN_COMMENTERS`` such lines after
        the start of the article's core, the first of them (and a count line right over it, ``34
        responses to ...``) and every line after it go (kind ``comments``). A reporter's ``He said:``
        or ``Mr Smith said:`` introducing a quote is no commenter line."""
        heads = [l for l in lines[first + 1 :] if len(l.text) <= 120 and COMMENTER_LINE.match(l.text.strip())]
        if len(heads) < MIN_COMMENTERS:
            return
        start = heads[0].index
        if start > 0 and COMMENT_COUNT.match(lines[start - 1].text.strip()):
            start -= 1
        plan.comments_from = start
        for rest in lines[start:]:
            self.remove_line(plan, rest, "comment_thread", "comments")

    def plan_page_footer(self, lines: list[Line], first: int, plan: Plan) -> None:
        """``page_footer``: on a page dump, the site's copyright footer (``© 2019 CBS Interactive
        Inc. All Rights Reserved.``: a copyright sign or word, a year and "rights reserved") after
        the start of the article's core ends the page's article: it and every line after it go
        (kind ``navigation``), even where teasers in prose made the core reach past it. A photo
        credit (``© Getty Images``) has no year and no reservation: it ends nothing."""
        for line in lines[first + 1 :]:
            text = line.text.lstrip()
            if text.startswith(COPYRIGHT_STARTS) and RIGHTS_RESERVED.search(text) and YEAR.search(text):
                for rest in lines[line.index :]:
                    self.remove_line(plan, rest, "page_footer", NAV_KIND)
                return

    def plan_page_model(self, lines: list[Line], core: tuple[int, int], plan: Plan) -> None:
        """``page_model``: on a page dump, what the rules left around the article is scored by the
        learned line model (:mod:`plugins.page_lines`): a line it gives a probability of being the
        article's below the ``page_model`` threshold goes (kind ``navigation``): teasers of other
        articles, readers' comments, promos in prose. The prose lines of the article's core are
        never taken: the model only trims around and between them."""
        from .page_lines import article_probabilities  # the model's data is read on first use

        left = [l for l in lines if l.index not in plan.removed_lines]
        first, last = core
        threshold = self.params["page_model"]
        protected = [
            (first <= l.index <= last and prose_weight(l.text, False)[0] == "prose") or last < l.index <= plan.list_end
            for l in left
        ]
        probabilities = article_probabilities([l.text for l in left], [not p for p in protected])
        keep = [p >= threshold for p in probabilities]
        # the lines of a short paragraph (no blank line between them: a list, a table, a stanza)
        # go together or not at all; a page dumped without blank lines is one long paragraph
        start = 0
        for i in range(1, len(left) + 1):
            if i < len(left) and left[i].start == left[i - 1].end + 1:
                continue
            if i - start <= MODEL_PARAGRAPH_LINES and any(keep[start:i]):
                keep[start:i] = [True] * (i - start)
            start = i
        for line, kept, guarded in zip(left, keep, protected):
            if not (kept or guarded):
                self.remove_line(plan, line, "page_model", NAV_KIND)

    @staticmethod
    def page_dump_core(
        lines: list[Line], neutral: bool = False
    ) -> tuple[tuple[int, int], list[bool], tuple[int, int]] | None:
        """When ``lines`` are a page dump: the article's prose core (first and last line index),
        which lines are navigation-like and the least the core had to hold (prose lines, words);
        else None. A page dump has ``NAV_GATE`` short lines, a prose core (:func:`prose_core`) of
        ``CORE_MIN_LINES`` prose lines of ``CORE_MIN_WORDS`` words, and ``NAV_HEAD``
        navigation-like lines before it. A page that opens with its menus (``NAV_OPENING``
        navigation-like lines before any prose line) may hold a shorter article: there a core of
        ``SHORT_CORE_LINES`` lines of ``SHORT_CORE_WORDS`` words will do. (An article with a long
        list after its first paragraphs does not open with navigation.)"""
        if not page_dump_candidate(lines):
            return None
        repeated = repeated_lines([l.text for l in lines])
        nav = [nav_like(l.text, r) for l, r in zip(lines, repeated)]
        opening = next(
            (i for i, l in enumerate(lines) if prose_weight(l.text, False, neutral)[0] == "prose"), len(lines)
        )
        # a page that opens with its menus (navigation before any prose) may hold a short article
        minimum = (SHORT_CORE_LINES, SHORT_CORE_WORDS) if sum(nav[:opening]) >= NAV_OPENING else (CORE_MIN_LINES, CORE_MIN_WORDS)
        core = prose_core(lines, repeated, *minimum, neutral=neutral)
        if core is None and minimum[0] == SHORT_CORE_LINES:  # a one-paragraph article under the menus
            minimum = (1, PARAGRAPH_CORE_WORDS)
            core = prose_core(lines, repeated, *minimum, neutral=neutral)
        if core is None or sum(nav[: core[0]]) < NAV_HEAD:
            return None
        return core, nav, minimum

    def plan_page_tail(self, lines: list[Line], last: int, plan: Plan) -> None:
        """``page_tail``: on a page dump, the first line after the article's core that is page
        chrome for certain ends the article, and it and every line after it go (kind
        ``navigation``): a share row, a related-links or promo header, a comments header, a
        newsletter, cookie or follow prompt, a navigation line of ``data/boilerplate.tsv``, or a
        copyright line. What lies between the core and that line stays: the article may go on
        after a table or a list. A caption, an advertisement marker, markup or a lone link can
        stand inside an article, so they do not end it."""
        for line in lines[last + 1 :]:
            if line.text.lstrip().startswith(COPYRIGHT_STARTS) or boilerplate_kind(line.text) not in PAGE_TAIL_NOT_CHROME:
                for rest in lines[line.index :]:
                    self.remove_line(plan, rest, "page_tail", NAV_KIND)
                return

    # -- anywhere: the article given twice ---------------------------------------
    def plan_repeats(self, lines: list[Line], plan: Plan) -> None:
        """A run of ``MIN_REPEAT_LINES`` lines of prose that comes again, in the same order,
        later in the text: the extractor gave the article twice, and the later copy goes.
        Prose is a sentence of ``REPEAT_WORDS`` words or more; lines of one or two words
        (bullets) between them do not break a run. A sentence repeated alone (a pull quote,
        a refrain) is not a run, nor are a list's repeated items ("Portion Fix Containers:
        1 Green, 1 Red, 1 tsp."): they stay."""
        texts = [l.text for l in lines if len(l.text) >= 40]
        if len(texts) - len(set(texts)) < MIN_REPEAT_LINES:
            return  # (the common case, at the cost of a set: no line comes back often enough)
        seq = [l for l in lines if word_count(l.text) >= 3]
        keys = [l.text.strip() if is_prose(l.text) else None for l in seq]
        first: dict[str, int] = {}
        for k, key in enumerate(keys):
            if key is not None:
                first.setdefault(key, k)
        k = 0
        while k < len(seq):
            i = first.get(keys[k], k) if keys[k] is not None else k
            run = 0
            while k + run < len(seq) and i + run < k and keys[k + run] is not None and keys[i + run] == keys[k + run]:
                run += 1
            if run >= MIN_REPEAT_LINES:
                for line in seq[k : k + run]:
                    self.remove_line(plan, line, "repeated_block", "repeat")
                k += run
            else:
                k += 1

    @staticmethod
    def comments_follow_article(lines: list[Line], i: int, plan: Plan) -> bool:
        """Is the comments header ``lines[i]`` one that opens comments (``Top Rated Comments``,
        ``Comments``; not ``View all``, nor ``Show more comments`` under a preview of them) after
        ``COMMENTS_PROSE_BEFORE`` words of prose lines, counted from the start of the article's
        core on a page dump (its menus and teasers may be prose)? A count (``11 comments``) will do
        only on a page dump, after the core's start: elsewhere it may be one item's in a listing."""
        text = lines[i].text.strip().lstrip("[(").lower()
        if "comment" not in text or MORE_COMMENTS.search(text) or (text[:1].isdigit() and not plan.dump_core):
            return False
        start = plan.dump_core[0][0] if plan.dump_core else 0
        return i > start and prose_words(lines[start:i], plan) >= COMMENTS_PROSE_BEFORE

    def plan_joined_copies(self, lines: list[Line], plan: Plan) -> None:
        """``joined_copy``: a long paragraph that is mostly (``JOINED_SHARE`` of its characters)
        ``MIN_REPEAT_LINES`` or more of the text's earlier prose lines run together: the page gave
        the article again as one block (a CMS's ``articleBody`` dumped with the page), and the
        copy goes (kind ``repeat``: its words stay in the text, in the first copy). A paragraph
        that quotes one earlier sentence, or summarises the article in new words, stays."""
        copies: set[int] = set()
        stripped = [l.text.strip() for l in lines]  # (lines[k].index == k)
        for line in lines[MIN_REPEAT_LINES:]:
            text = stripped[line.index]
            if len(text) < JOINED_MIN_CHARS or line.index in plan.removed_lines:
                continue
            # (C-level substring tests first: most long paragraphs hold no earlier line at all)
            inside = [
                p for k, p in enumerate(stripped[: line.index])
                if len(p) >= REPEAT_WORDS and p in text and k not in copies
            ]
            inside = [p for p in dict.fromkeys(inside) if is_prose(p)] if len(inside) >= MIN_REPEAT_LINES else []
            if len(inside) < MIN_REPEAT_LINES:
                continue
            rest = text
            for p in sorted(inside, key=len, reverse=True):
                rest = rest.replace(p, "")
            if len(text) - len(rest.strip()) >= JOINED_SHARE * len(text):
                self.remove_line(plan, line, "joined_copy", "repeat")
                copies.add(line.index)

    # -- the head: time stamps, title, bylines ---------------------------------
    def plan_head(self, text: str, lines: list[Line], plan: Plan) -> None:
        for line in lines:  # the head is the run of special lines at the start
            if self.take_timestamp(line, plan, early=True, flag_ambiguous=True):
                continue
            if self.take_byline(line, plan, first_line=line.index == 0):
                continue
            break

    def plan_head_chrome(self, text: str, lines: list[Line], plan: Plan) -> None:
        """``head_chrome``: between the top and the first prose line, within the first
        ``HEAD_CHROME_LINES`` lines: ``relative_stamp`` (``3 hours ago``: out, no ``published``),
        ``audio_widget`` (``Listen to this article`` and the duration under it, ``4 min``) and
        ``stacked_byline`` (a name line over an outlet line, ``Hugh Schofield`` / ``BBC News, Paris``,
        or a role line, ``Paris correspondent``, in one paragraph: the name -> ``author``)."""
        tight = paragraph_break(text) == 2
        for line in lines[:HEAD_CHROME_LINES]:
            t = line.text.strip()
            if is_prose(t):
                return
            if line.index in plan.removed_lines:
                continue
            if RELATIVE_STAMP.match(t):
                self.remove_line(plan, line, "relative_stamp", "timestamp")
            elif AUDIO_PROMPT.match(t):
                self.remove_line(plan, line, "audio_widget", "nav")
            elif DURATION.match(t) and line.index and AUDIO_PROMPT.match(lines[line.index - 1].text.strip()):
                self.remove_line(plan, line, "audio_widget", "nav")
            elif STACKED_NAME.match(t) and not NEWS_WORD.search(t) and line.index + 1 < len(lines):
                # ("Nigeria News" / "World News": a menu's items, not a name over an outlet)
                below = lines[line.index + 1]
                if below.index in plan.removed_lines or (tight and below.start - line.end != 1):
                    continue
                outlet = stacked_outlet(below.text.strip())
                if outlet is None:
                    continue
                self.remove_line(plan, line, "stacked_byline", "byline")
                self.remove_line(plan, below, "stacked_byline", "byline")
                if plan.meta_value("author") is None:
                    plan.meta.append(("author", [t], "stacked_byline"))
                if outlet and plan.meta_value("source") is None:
                    plan.meta.append(("source", outlet, "stacked_byline"))

    def plan_head_bylines(self, text: str, lines: list[Line], plan: Plan) -> None:
        """Bylines without "By", between the top and the first prose line (within ``HEAD_CHROME_LINES``):

        - ``name_outlet_byline``: ``Jane Smith, Associated Press``, ``Jane Smith and John Doe, CNN``,
          ``Jane Smith with AFP, Reuters``: people, then only outlets (:func:`is_outlet`) -> ``author``, ``source``
        - ``desk_byline``: ``Special Correspondent``, ``Staff writer``, ``The Hindu Bureau``, ``TOI World Desk``:
          a role or a desk alone (no author; a known outlet's desk -> ``source``)
        - ``label_byline``: a column's label and its writers, ``Analysis by Jane Smith`` -> ``author``
        - ``wire_slug``: AP's keyword slug (``BC-EU--Britain-Brexit-Election, 1st Ld-Writethru``)
        - next to the head's time stamp or byline line (never the first line left, where the headline is):
          ``name_role_byline`` (``Jane Smith, Political Editor``), ``place_byline`` (``Shaun Walker in Kyiv``),
          ``name_byline`` (a person's name alone right over the stamp: ``Jane Smith`` / ``January 5, 2024``),
          ``reporting_from`` (the NYT's ``Reporting from Kyiv, Ukraine``, ``Jane Smith reported from Kyiv.``)
        """
        # the head is counted in the lines the earlier rules left (a page dump's menus went): a second run,
        # which sees only those, looks at the same lines
        head = list(itertools.islice((l for l in lines if l.index not in plan.removed_lines), HEAD_CHROME_LINES))
        if len(head) < 2 or any(is_prose(t) and not REPORTED_FROM.match(t) for t in (l.text.strip() for l in head[:2])):
            return  # prose at once (most articles): no head line to take, since the first is the headline's place
        last = head[-1].index + 1
        kinds = {(s.start, s.end): s for s in plan.removals}
        bylines = {  # the head's byline lines ...
            l.index for l in lines[:last] if (span := kinds.get((l.start, l.end))) and span.kind == "byline"
        }
        stamps = {  # ... and its time stamp lines
            l.index for l in lines[:last] if (span := kinds.get((l.start, l.end))) and span.rule in STAMP_RULES
        }
        for line in head:
            t = line.text.strip()
            if is_prose(t) and not REPORTED_FROM.match(t):
                return
            if line is head[0] or line.index in plan.removed_lines or len(t) > 100:
                continue  # (the first line left is the headline's place)
            if t.startswith(("AP", "BC")) and WIRE_SLUG.match(t):
                self.remove_line(plan, line, "wire_slug", "signoff")  # AP's "BC-EU--Britain-Election, 1st Ld-Writethru"
                continue
            near = {line.index - 1, line.index + 1}
            # a name and an outlet under the headline or next to the stamp (not a photo credit under a caption)
            taken = (line.index == head[1].index or bool(near & (stamps | bylines))) and self.take_name_outlet(line, t, plan)
            # ("Shaun Walker in Kyiv" counts only next to the stamp or a byline: right under the headline it may
            # be a caption, "Volodymyr Zelensky in Washington")
            taken = taken or self.take_desk_line(line, t, plan) or self.take_label_byline(line, t, plan)
            if not taken and line.index == head[1].index and outlet_line(t) and is_outlet(t):
                # an outlet's name alone under the headline ("The Associated Press"): its byline, not a second
                # headline (not CNN's dateline block: "Washington" / "CNN" / "—")
                after = lines[line.index + 1].text.strip() if line.index + 1 < len(lines) else ""
                taken = after not in DASHES and self.take_outlet_line(line, t, plan)
            if not taken and near & (stamps | bylines):
                taken = self.take_near_byline(line, t, plan, {line.index + 1} & stamps, bool(near & bylines))
            if taken:
                bylines.add(line.index)

    def take_name_outlet(self, line: Line, text: str, plan: Plan) -> bool:
        m = NAME_OUTLET.match(text) if ("," in text or " " in text) else None
        if m is None:
            return False
        people = split_names(m.group("names"))
        outlets = split_names(m.group("org"))
        if not all(looks_like_person(p) for p in people) or not all(is_outlet(o, loose=True) for o in outlets):
            return False
        separator = text[m.end("names") : m.start("org")].strip()
        if separator not in (",", "|", "·") and not all(known_outlet(o) for o in outlets):
            return False  # "CNX Software – Embedded Systems News" (a site's tagline), "Boost Your Brand with Affordable Media"
        self.remove_line(plan, line, "name_outlet_byline", "byline")
        self.set_byline(plan, people, outlets[0], "name_outlet_byline")
        return True

    def take_desk_line(self, line: Line, text: str, plan: Plan) -> bool:
        words = text.split()
        if not 2 <= len(words) <= 4:
            return False
        if DESK_LINE.match(text) is None and not (
            words[-1].lower() in DESK_ROLES and all(w.lower() in ROLE_MODIFIERS for w in words[:-1])
        ):
            return False  # ("Former McKinsey Consultant", "Product Analytics Expert": a person's bio, not a desk)
        self.remove_line(plan, line, "desk_byline", "byline")
        outlet = desk_outlet(text)
        if outlet and plan.meta_value("source") is None:
            plan.meta.append(("source", outlet, "desk_byline"))
        plan.bylined = True
        return True

    def take_near_byline(self, line: Line, text: str, plan: Plan, stamps: set[int], byline: bool) -> bool:
        if byline and outlet_line(text):  # "By Jane Smith" / "BBC Sport Scotland", "By JOHN SMITH" / "Associated Press"
            return self.take_outlet_line(line, text, plan)
        m = NAME_ROLE.match(text)
        if m and role_item(m.group("role")) and m.group("role").split()[-1].lower() in WRITER_ROLES:
            people = split_names(m.group("names"))
            if all(looks_like_person(p) for p in people):
                self.remove_line(plan, line, "name_role_byline", "byline")
                self.set_byline(plan, people, None, "name_role_byline")
                return True
        if self.take_place_byline(line, text, plan):
            return True
        if stamps and looks_like_person(text):
            self.remove_line(plan, line, "name_byline", "byline")
            self.set_byline(plan, [text], None, "name_byline")
            return True
        if REPORTING_FROM.match(text):
            self.remove_line(plan, line, "reporting_from", "byline")
            return True
        m = REPORTED_FROM.match(text)
        author = plan.meta_value("author") or []
        if m and author and all(p in author for p in split_names(m.group("names"))):
            self.remove_line(plan, line, "reporting_from", "byline")
            return True
        return False

    def take_place_byline(self, line: Line, text: str, plan: Plan) -> bool:
        m = PLACE_BYLINE.match(text)
        if m and all(looks_like_person(p) for p in (m.group("first"), m.group("second")) if p):
            self.remove_line(plan, line, "place_byline", "byline")
            self.set_byline(plan, [p for p in (m.group("first"), m.group("second")) if p], None, "place_byline")
            return True
        return False

    def take_label_byline(self, line: Line, text: str, plan: Plan) -> bool:
        m = LABEL_BYLINE.match(text) if " by " in text else None
        if m is None:
            return False
        people = split_names(m.group("names"))
        if not all(looks_like_person(p) for p in people):
            return False
        self.remove_line(plan, line, "label_byline", "byline")
        self.set_byline(plan, people, None, "label_byline")
        return True

    def take_outlet_line(self, line: Line, text: str, plan: Plan) -> bool:
        """``outlet_line``: the line is an outlet's name, the byline's or the headline's neighbour -> ``source``."""
        self.remove_line(plan, line, "outlet_line", "byline")
        if plan.meta_value("source") is None:
            plan.meta.append(("source", text, "outlet_line"))
        return True

    @staticmethod
    def set_byline(plan: Plan, people: list[str], outlet: str | None, rule: str) -> None:
        if people and not plan.bylined and plan.meta_value("author") is None:
            plan.meta.append(("author", people, rule))
        if outlet and plan.meta_value("source") is None:
            plan.meta.append(("source", outlet, rule))
        plan.bylined = True

    def plan_bracket_stamps(self, lines: list[Line], plan: Plan) -> None:
        """``bracket_stamp``: a labelled time stamp in brackets ending a line (Press TV's ``... would go on.
        [ Last Update: Monday, 5 January 2024 10:12 AM ]``) or standing alone: it goes (a stamp among the first
        lines -> ``published``); the line's text before it stays. The label and a whole time stamp are needed:
        ``(Updated at 3 p.m. with the minister's comments)`` is no stamp and stays."""
        early_lines = max(HEAD_LINES, EARLY_SHARE * len(lines))
        for line in lines:
            text = line.text.rstrip()
            if line.index in plan.removed_lines or not text.endswith(("]", ")")):
                continue
            window = max(0, len(text) - BRACKET_WINDOW)
            m = BRACKET_STAMP.search(text, window)
            stamp = parse_stamp(m.group("stamp")) if m else None
            if stamp is None:
                continue
            before = text[: m.start()].rstrip()
            first = parse_stamp(before.rstrip(" -\u2013\u2014|,")) if before else None
            if first is not None:  # "Published Oct 10, 2023 - [Updated Dec 3, 2025]": the first stamp is the article's
                stamp, before = first, ""
            if not before:
                self.remove_line(plan, line, "bracket_stamp", "timestamp")
            else:
                plan.removals.append(Span(line.start + len(before), line.start + len(text), "", "bracket_stamp", kind="timestamp"))
                plan.trimmed[line.index] = before
            if line.index < early_lines and stamp.value is not None and plan.meta_value("published") is None:
                plan.meta.append(("published", stamp.value, "bracket_stamp"))

    def plan_title(self, text: str, lines: list[Line], plan: Plan) -> None:
        """The first line left, when it is a headline followed by prose (decided on the lines
        that stay, as they will read, so that a second run, which sees only those, decides the same).
        When what is left would open with another headline (the page's furniture under the
        title: a teaser's headline under a name, a caption over a share prompt), that goes too,
        as the next run would take it; the first headline stays the ``title``. Not on a page
        dump: there the headlines under the first may be the article's subheads, and the dump
        is judged a second time anyway (:meth:`__call__`)."""
        kept = [
            Line(l.index, l.start, l.end, plan.trimmed[l.index]) if l.index in plan.trimmed else l
            for l in lines if l.index not in plan.removed_lines
        ]
        first = True
        for _ in range(1 if plan.dump_core is not None else TITLE_ROUNDS):
            if not self.take_title(text, kept, plan, first):
                return
            kept = [l for l in kept[:2] if l.index not in plan.removed_lines] + kept[2:]  # (it took one or two of these)
            first = False

    def take_title(self, text: str, kept: list[Line], plan: Plan, first: bool) -> bool:
        """One round of :meth:`plan_title` on the lines left (``kept``): True when it took a
        headline (and its pair)."""
        # ... and not when the line after it would be a title once it is gone (a headline and a
        # 23-word standfirst without a full stop): the next run would take that one too
        if kept and self.is_title(text, kept, 0) and not (len(kept) > 1 and self.is_title(text, kept, 1)):
            title = kept[0]
            self.remove_line(plan, title, "headline", "title")
        else:
            pair = self.head_pair(text, kept)
            if not pair:
                return False
            title, other = pair
            self.remove_line(plan, title, "headline", "title")
            self.remove_line(plan, other, "standfirst" if other.index > title.index else "kicker", "title")
        if first or plan.meta_value("title") is None:
            plan.meta.append(("title", title.text.strip(), "headline"))
        return True

    def take_timestamp(self, line: Line, plan: Plan, *, early: bool, flag_ambiguous: bool = False) -> bool:
        """A line that is only a time stamp (never prose) goes; an ``early`` one gives ``published``."""
        if not DIGIT.search(line.text):
            return False  # (every stamp form below has a year or a time of day)
        stamp = parse_stamp(line.text)
        if stamp is None and line.text[:1] in "-•*\u2022":  # "- Published 18 November 2019"
            stamp = parse_stamp(line.text.lstrip("-•*\u2022 "))
        rule = "timestamp"
        if stamp is None and len(line.text) <= STAMP_LINE_MAX:
            stamp, rule = double_stamp(line.text.strip()), "double_stamp"
        if stamp is None:
            if TIME_ONLY_STAMP.match(line.text.strip()):
                self.remove_line(plan, line, "timestamp", "timestamp")
                return True
            return early and self.take_compound_stamp(line, plan)
        self.remove_line(plan, line, rule, "timestamp")
        if early and stamp.value is not None and plan.meta_value("published") is None:
            plan.meta.append(("published", stamp.value, rule))
        elif flag_ambiguous and stamp.ambiguous:
            plan.flags.append("structure:ambiguous-date")
        return True

    def take_compound_stamp(self, line: Line, plan: Plan) -> bool:
        """In the head, a time stamp sharing its line with page furniture: ``stamp_parts``
        (``TOI World Desk / TIMESOFINDIA.COM / Updated: Jan 5, 2024, 12:01 IST``: short parts
        joined by `` / `` or `` | ``, the first or the last the stamp, a ``By ...`` part the
        author) and ``stamp_place`` (``Updated - January 05, 2024 12:01 pm IST - PARIS``: the
        stamp and the dateline's place in capitals). The whole line goes."""
        text = line.text.strip()
        if len(text) > STAMP_LINE_MAX:
            return False
        m = STAMP_PLACE.match(text)
        if m and m.group("place") not in ZONE_WORDS:
            stamp = parse_stamp(m.group("stamp"))
            if stamp is not None:
                self.remove_line(plan, line, "stamp_place", "timestamp")
                if stamp.value is not None and plan.meta_value("published") is None:
                    plan.meta.append(("published", stamp.value, "stamp_place"))
                if plan.meta_value("dateline") is None:
                    plan.meta.append(("dateline", m.group("place"), "stamp_place"))
                return True
        parts = STAMP_PARTS.split(text)
        if not 2 <= len(parts) <= 5:
            return False
        stamps = [parse_stamp(p) or double_stamp(p) for p in parts]
        at = next((i for i, stamp in enumerate(stamps) if stamp is not None), None)
        if at is None:
            return False
        others = parts[:at] + parts[at + 1 :]
        # furniture, or another stamp ("PUBLISHED: 12:01 GMT, 5 January 2024 | UPDATED: ..."): the first is kept
        if not all(stamp_part_furniture(p) or parse_stamp(p) is not None or RELATIVE_STAMP.match(p.strip()) for p in others):
            return False
        region = "IN" if any(INDIAN_OUTLET.search(p) for p in others) else None
        stamp = parse_stamp(parts[at], region=region) or stamps[at]
        self.remove_line(plan, line, "stamp_parts", "timestamp")
        if stamp.value is not None and plan.meta_value("published") is None:
            plan.meta.append(("published", stamp.value, "stamp_parts"))
        byline = next(filter(None, map(BYLINE.match, others)), None)
        if byline is not None:
            people, outlet = byline_credit(byline.group("names"), byline.group("org"), byline.group("link"), byline.group("org2"))
        else:  # "Jane Smith · CBC News · Posted: ...", "Jane Smith / TNN / Updated: ...", "Source: Xinhua | 2024-01-05"
            outlet = next((o for p in others for o in [p.strip().removeprefix("Source: ")] if is_outlet(o, loose=True)), None)
            # a name with an outlet, before a labelled stamp ("Jane Smith | Posted: ..."), or first and right
            # before the stamp ("Jane Smith • Oct 20, 2025"); not "November 28, 2025 / Living Healthy / Wellness"
            people = [
                parts[i].strip() for i in range(at) if looks_like_person(parts[i])
                and (outlet or (i == 0 and (at == 1 or LABEL_START.match(parts[at].strip()))))
            ][:1]
        if people and not plan.bylined and plan.meta_value("author") is None:
            plan.meta.append(("author", people, "stamp_parts"))
        if outlet and plan.meta_value("source") is None:
            plan.meta.append(("source", outlet, "stamp_parts"))
        return True

    def take_stamp_byline(self, line: Line, plan: Plan) -> bool:
        """``5:45 AM PST 11/19/2019 by Patrick Shanley``: ``published`` and ``author`` from one line."""
        m = STAMP_BYLINE.match(line.text.strip())
        stamp = parse_stamp(m.group("stamp")) if m else None
        if stamp is None:
            return False
        self.remove_line(plan, line, "byline", "byline")
        if plan.meta_value("author") is None:
            plan.meta.append(("author", split_names(m.group("names")), "byline"))
        if stamp.value and plan.meta_value("published") is None:
            plan.meta.append(("published", stamp.value, "byline"))
        return True

    def take_byline(self, line: Line, plan: Plan, *, first_line: bool = False, pipe: bool = True) -> bool:
        """A byline line: its names go to ``author`` (a trailing date to ``published``).

        ``Name | Outlet`` on the first line is usually a page title (``Stop Nesting
        Database Systems | CedarDB``): there it counts only with a wire agency.
        """
        byline = BYLINE.match(line.text)
        if byline is None and pipe:
            byline = PIPE_BYLINE.match(line.text)
            if byline and first_line and byline.group("org").strip() not in PIPE_AGENCIES:
                byline = None
        if byline is None:
            return False
        groups = byline.groupdict()
        if groups.get("when"):  # "on March 12, 2026 | Comments": the page's comment link after the date
            groups["when"] = COMMENTS_LINK_TAIL.sub("", groups["when"]).rstrip()
        when = parse_stamp(groups["when"]) if groups.get("when") else None
        if groups.get("when") and ((when is None and not CLOCK_ONLY.match(groups["when"])) or first_line):
            # (a byline with its date opening the text is taken for a title or a teaser's line: it stays)
            return False  # "By Tuesday at the latest ...": "on" / "at" is followed by a time stamp, or no byline
        if groups.get("dated") and (first_line or len(groups["names"].split()) < 2 or WEEKDAY.match(groups["names"])):
            return False  # a name and a date opening the text, "By Eliz December 2": too little to tell; "By Monday March 2"
        if when is not None and UPDATED_LABEL.search(groups["names"]):
            when = None  # "By Jeff Cobb. Last Updated on December 11, 2025": the line goes, the date is no publication date
        names_text = groups["names"]
        if groups.get("label") and names_text.endswith(" Last"):
            names_text = names_text[: -len(" Last")]  # "By Jane Smith Last Updated: Dec 19, 2025" ("By Jonathan Last" stays)
        names, org = byline_credit(names_text, groups.get("org"), groups.get("link"), groups.get("org2"))
        self.remove_line(plan, line, "byline", "byline")  # every byline line goes; the first gives the author
        if names and not plan.bylined and plan.meta_value("author") is None:
            plan.meta.append(("author", names, "byline"))
        plan.bylined = True
        if org and plan.meta_value("source") is None:
            plan.meta.append(("source", org.strip(), "byline"))
        updated = UPDATED_LABEL.search(groups["names"]) or (groups.get("label") or "").endswith(("Updated", "Modified"))
        rest = groups.get("rest") or (groups.get("dated") if not updated else None)
        stamp = parse_stamp(rest.split("•")[0]) if rest else when
        if stamp is not None and stamp.value and plan.meta_value("published") is None:
            plan.meta.append(("published", stamp.value, "byline"))
        return True

    @staticmethod
    def is_title(text: str, lines: list[Line], position: int, *, before_prose: bool = True) -> bool:
        """Is ``lines[position]`` a headline: its own form (:func:`title_form`), a much longer body
        after it, a paragraph break after it and (``before_prose``) a line of prose next."""
        line = lines[position]
        if not title_form(line.text):
            return False
        if len(lines) - position < 3 or not longer_than(lines, 3 * len(line.text), position + 1):
            return False  # (the body is much longer)
        after = lines[position + 1]
        if before_prose and is_headline(after.text) and not after.text.endswith(":"):
            # a headline is followed by prose; two headline-like lines are page
            # furniture we cannot tell apart (and taking the first would expose the
            # second as a "title" on the next run): see :meth:`head_pair` for the two
            # forms we can. A line ending with ":" opens what follows: not a headline.
            return False
        # followed by a paragraph break: a blank line, or one line break in a text
        # whose paragraphs are single lines (as most extractors write them)
        return after.start - line.end >= 2 or paragraph_break(text) == 1

    def head_pair(self, text: str, kept: list[Line]) -> tuple[Line, Line] | None:
        """A kicker and its headline (``Review`` / ``16-inch MacBook Pro review: ...``), or a
        headline and its standfirst without a full stop, both before the first prose line:
        (the title line, the other line), else None. Both go, so the next run, which starts
        at the prose, takes nothing more."""
        if len(kept) < 4 or not self.is_title(text, kept, 1):
            return None
        first, second = kept[0], kept[1]
        if second.start - first.end < 2 and paragraph_break(text) == 2:
            return None  # one line break in a text of blank-line paragraphs: not two paragraphs
        if is_kicker(first.text):
            return second, first
        if self.is_title(text, kept, 0, before_prose=False) and (
            second.text.strip() == first.text.strip()  # the headline twice
            or (STANDFIRST_END.search(second.text) and not HEADLINE_END.search(second.text))
        ):  # (a question under a headline is a subhead, not a standfirst)
            return first, second
        return None

    # -- anywhere: link blocks and boilerplate lines ----------------------------
    def plan_link_blocks_and_boilerplate(self, text: str, lines: list[Line], plan: Plan) -> None:
        i_next = 0  # lines before this index were consumed by a link block
        for i in candidate_lines(text, lines):
            if i < i_next:
                continue
            line = lines[i]
            if line.index in plan.removed_lines:
                continue
            # a date far down the page is a comment's or a sidebar's, not the article's
            early = i < max(HEAD_LINES, EARLY_SHARE * len(lines)) or (
                # on a page dump, the article's head: the lines right over its core (and its first lines)
                plan.dump_core is not None and -DUMP_HEAD_LINES <= i - plan.dump_core[0][0] <= 2
            )
            if len(line.text) <= STAMP_LINE_MAX and self.take_timestamp(line, plan, early=early):
                continue
            if early and len(line.text) <= 80 and BY_WORD.search(line.text) and self.take_stamp_byline(line, plan):
                continue
            if line.text.startswith(BYLINE_START):  # a line that is only a byline is never prose
                if self.take_byline(line, plan, pipe=False, first_line=i == 0):
                    continue
            if is_byline_label(line.text) and i + 1 < len(lines):
                name = NAME_LINE.match(lines[i + 1].text.strip())
                if name:
                    self.remove_line(plan, line, "byline", "byline")
                    self.remove_line(plan, lines[i + 1], "byline", "byline")
                    if plan.meta_value("author") is None:
                        plan.meta.append(("author", [name.group("names")], "byline"))
                    continue
            kind = boilerplate_kind(line.text)
            inline = None
            if kind is None and ":" in line.text[:40]:
                head, _, tail = line.text.partition(":")
                if boilerplate_kind(head) == "link_header" and is_headline(tail.strip()):
                    kind, inline = "link_header", tail
            if kind is None:
                continue
            if kind == "comments" and (
                line.start >= COMMENTS_AFTER * len(text) or self.comments_follow_article(lines, i, plan)
            ):
                # a comments header in the last part of the text, or one that names comments after
                # an article's worth of prose: the rest is readers' comments
                plan.comments_from = i
                for rest in lines[i:]:
                    self.remove_line(plan, rest, "comment_section", "comments")
                break
            if kind != "link_header":
                self.remove_line(plan, line, f"boilerplate:{kind}", kind)
                continue
            self.remove_line(plan, line, "link_block", "related")
            j = i + 1
            while inline is None and j < len(lines) and j - i <= MAX_LINK_HEADLINES and is_link_title(lines[j].text):
                self.remove_line(plan, lines[j], "link_block", "related")
                j += 1
            topics = lines[j:]
            while topics and is_tail_mark(topics[-1].text):
                topics = topics[:-1]  # a sign-off after the list is the tail's (``plan_tail``)
            if inline is None and 0 < len(topics) <= MAX_TOPICS and all(is_topic(l.text) for l in topics):
                for topic in topics:  # Sky's "Related Topics" / "France" / "Protests", ending the text
                    self.remove_line(plan, topic, "link_block", "related")
                j = len(lines)
            i_next = j

    # -- the tail: a list of link cards -----------------------------------------
    def plan_tail_cards(self, lines: list[Line], plan: Plan) -> None:
        """Teaser cards that end the page: groups of a headline and one short teaser line,
        the groups separated by lone bullets (an extractor's rendering of a list of
        links to other stories). At least ``MIN_CARDS`` groups, running to the end of the
        text; the article's own lists have their items on the bullet's line."""
        kept = [l for l in lines if l.index not in plan.removed_lines]
        if len(kept) < 3 * MIN_CARDS or kept[-1].text.strip() in LONE_BULLETS:
            return
        taken: list[Line] = []
        group: list[Line] = []
        cards = 0
        for line in reversed(kept):
            if line.text.strip() not in LONE_BULLETS:
                group.append(line)
                if len(group) > 2:
                    break
                continue
            if not is_card(group):
                break
            taken += group + [line]
            group = []
            cards += 1
        if cards >= MIN_CARDS and 2 * sum(word_count(l.text) for l in taken) < sum(word_count(l.text) for l in kept):
            for line in taken:
                self.remove_line(plan, line, "link_cards", "related")

    # -- the tail: sign-offs and credits ---------------------------------------
    def plan_tail(self, lines: list[Line], plan: Plan) -> None:
        for line in reversed(lines):  # the tail is the run of special lines at the end
            if line.index in plan.removed_lines:
                continue
            text = line.text.strip()
            if text.startswith("(") and INLINE_PHOTO.fullmatch(line.text):
                # a photo's credit alone on its line (``plan_inline_credits`` takes it): the tail goes on over it
                self.remove_line(plan, line, "photo_credit", "credit")
                continue
            if ("contributed" in text or text.lstrip("(").startswith(CREDIT_STARTS)) and CREDIT.match(text):
                people = [
                    CREDIT_PLACE.sub("", OUTLET_POSSESSIVE.sub("", n))  # "CNN’s Manu Raju in Paris" -> "Manu Raju"
                    for m in CREDIT_PEOPLE.finditer(text) for n in split_names(m.group(1) or m.group(2))
                ]
                self.remove_line(plan, line, "credit", "credit")
                if people and plan.meta_value("author") is None:
                    plan.meta.append(("author", people, "credit"))
                continue
            if "Follow " in text and len(text) <= MAX_BOILERPLATE_LINE and FOLLOW_SENTENCE.search(text):
                self.remove_line(plan, line, "author_bio", "bio")  # "... is out now. Follow him on Twitter @name."
                continue
            if len(text) <= 40 and DESK_SLUG.match(text):
                self.remove_line(plan, line, "desk_slug", "signoff")  # AFP "bur-js/rl", IANS "abc/xyz"
                if plan.meta_value("signoff") is None:
                    plan.meta.append(("signoff", text, "desk_slug"))
                continue
            if len(text) <= 120 and SIGNOFF.match(text) and not is_sentence(text):
                self.remove_line(plan, line, "signoff", "signoff")
                if plan.meta_value("signoff") is None:
                    plan.meta.append(("signoff", text, "signoff"))
                continue
            if text.startswith("SOURCE ") and len(text) <= 80 and RELEASE_SOURCE.match(text):
                self.remove_line(plan, line, "release_source", "signoff")  # PR Newswire's "SOURCE Acme Corp."
                if plan.meta_value("signoff") is None:
                    plan.meta.append(("signoff", text, "release_source"))
                continue
            if text.startswith("Source") and len(text) <= 120:
                m = SOURCE_LINE.match(text)
                if m:  # Al Jazeera's "Source: Al Jazeera and news agencies"
                    self.remove_line(plan, line, "source_line", "signoff")
                    if plan.meta_value("source") is None:
                        plan.meta.append(("source", m.group("source"), "source_line"))
                    continue
            if len(text) <= 40 and RULE_LINE.match(text):
                self.remove_line(plan, line, "rule_line", "signoff")  # AP's "___" over its contributor line
                continue
            self.take_glued_signoff(line, plan)
            break

    def take_glued_signoff(self, line: Line, plan: Plan) -> None:
        """``glued_signoff``: the last paragraph ends with a wire's end mark after its final sentence
        (``... overnight. Enditem``, ``... overnight. (PTI)``): the mark goes to ``signoff``. A bracketed
        agency inside a sentence (``... in June (AP).``) is not at the end: it stays."""
        text = line.text.rstrip()
        window = max(0, len(text) - GLUED_WINDOW)
        m = GLUED_SIGNOFF.search(text, window)
        if m is None or word_count(text[: m.start("signoff")]) < 3:
            return
        start = m.start("signoff")
        while start > 0 and text[start - 1] == " ":
            start -= 1
        plan.removals.append(Span(line.start + start, line.start + len(text), "", "glued_signoff", kind="signoff"))
        if plan.meta_value("signoff") is None:
            plan.meta.append(("signoff", m.group("signoff"), "glued_signoff"))

    # -- the head: the Guardian's byline with the writer's role, CNN's dateline block ----
    def plan_role_byline(self, lines: list[Line], plan: Plan) -> None:
        """``role_byline``: in the head, a line ``Gwyn Topham Transport correspondent`` (a name of two
        or three words, then a role in sentence case ending with correspondent, editor, reporter ...)
        right before or after the time stamp line the head gave: the name goes to ``author``."""
        stamps = {(s.start, s.end) for s in plan.removals if s.rule == "timestamp"}
        if not stamps:
            return
        stamp_lines = {l.index for l in lines[: HEAD_LINES + 2] if (l.start, l.end) in stamps}
        for line in lines[: HEAD_LINES + 2]:
            if line.index in plan.removed_lines or not ({line.index - 1, line.index + 1} & stamp_lines):
                continue
            m = ROLE_BYLINE.match(line.text.strip())
            if m:
                self.remove_line(plan, line, "role_byline", "byline")
                if plan.meta_value("author") is None:
                    plan.meta.append(("author", [m.group("names")], "role_byline"))
                return

    def plan_dateline_block(self, text: str, lines: list[Line], plan: Plan) -> None:
        """``dateline_block``: CNN's web layout, ``Washington`` / ``CNN`` / ``—`` on three lines of
        their own (the place may be missing), among the first lines left and right before a
        paragraph of prose: the place goes to ``dateline``, the outlet to ``source``. In a text whose
        paragraphs are separated by blank lines, the three are separated by one line break."""
        kept = [l for l in lines if l.index not in plan.removed_lines][: HEAD_LINES]
        tight = paragraph_break(text) == 2
        for i, dash in enumerate(kept):
            if dash.text.strip() not in LONE_DASHES:
                continue
            following = kept[i + 1].text if i + 1 < len(kept) else ""
            if i == 0 or i > 3 or word_count(following) < 8 or not (SENTENCE_END.search(following) or INNER_SENTENCE.search(following)):
                return  # the block is among the first lines, and the first paragraph's prose follows it
            outlet = kept[i - 1]
            if len(outlet.text) > 30 or not BLOCK_OUTLET.match(outlet.text.strip()) or (tight and dash.start - outlet.end != 1):
                return
            place = kept[i - 2] if i >= 2 else None
            if place is not None and not (
                len(place.text) <= 40 and BLOCK_PLACE.match(place.text.strip()) and (not tight or outlet.start - place.end == 1)
            ):
                place = None
            if plan.meta_value("source") is None:
                plan.meta.append(("source", outlet.text.strip(), "dateline_block"))
            if place is not None and plan.meta_value("dateline") is None:
                plan.meta.append(("dateline", place.text.strip(), "dateline_block"))
            if self.params["datelines"] == "extract":
                for line in ([place] if place else []) + [outlet, dash]:
                    self.remove_line(plan, line, "dateline_block", "dateline")
            return

    # -- prefixes of the first paragraphs --------------------------------------
    def plan_glued_head(self, lines: list[Line], plan: Plan) -> int:
        """The body opening with a headline and its date glued to each other and to the first
        paragraph: the headline goes to ``title``, the date to ``published``, both out.
        Returns where the first line's text now starts (0 when nothing was glued)."""
        body = next((l for l in lines if l.index not in plan.removed_lines), None)
        if body is None or not YEAR_IN_TEXT.search(body.text, 0, GLUED_HEAD_CHARS):
            return 0
        m = next(
            (m for m in GLUED_STAMP.finditer(body.text, 0, GLUED_HEAD_CHARS) if m.start() and body.text[m.start() - 1] in GLUED_BEFORE),
            None,
        )
        if m is None:
            return 0
        head = body.text[: m.start()].strip()
        if not 3 <= word_count(head) <= MAX_TITLE_WORDS:
            return 0
        plan.removals.append(Span(body.start, body.start + m.end(), "", "glued_head", kind="title"))
        if plan.meta_value("title") is None:
            plan.meta.append(("title", head, "glued_head"))
        stamp = parse_stamp(m.group("stamp")) or parse_stamp(m.group("stamp")[: len(m.group("stamp")) - len(m.group("time") or "")])
        if stamp is not None and stamp.value and plan.meta_value("published") is None:
            plan.meta.append(("published", stamp.value, "glued_head"))
        return m.end()

    def plan_prefixes(self, lines: list[Line], plan: Plan) -> None:
        glued = self.plan_glued_head(lines, plan)
        body = [l for l in lines if l.index not in plan.removed_lines][:PREFIX_PARAGRAPHS]
        first = True  # the first prefix gives the metadata; every one goes (else the next run takes the next)
        for n, line in enumerate(body):
            at = glued if n == 0 else 0  # (what the next run will see as the line's start)
            text = line.text[at:]
            m = OUTLET_SECTION.match(text)
            if m:
                plan.removals.append(Span(line.start + at, line.start + at + m.end(), "", "outlet_prefix", kind="prefix"))
                if first:
                    plan.meta += [("source", m.group("source"), "outlet_prefix"), ("section", m.group("section"), "outlet_prefix")]
                first = False
                continue
            m = (
                DATELINE_WITH_SOURCE.match(text) or DATELINE_CAPS.match(text)
                or ("(" in text[:80] and DATELINE_AGENCY.match(text))
                or ("," in text[:60] and DATELINE_COMMA_AGENCY.match(text))
                or ("/" in text[:80] and DATELINE_SLASH.match(text))
                or (n == 0 and ":" in text[:40] and colon_dateline(text, lines))
            )
            if m and word_count(text[m.end() :]) < DATELINE_MIN_WORDS:
                m = None  # a dateline opens a paragraph of prose ("H.M (AP) H.M": what is left would be a sign-off)
            if m:
                groups = m.groupdict()
                if first and groups.get("source") and plan.meta_value("source") is None:
                    plan.meta.append(("source", groups["source"].strip(), "dateline"))
                if first and groups.get("place") and plan.meta_value("dateline") is None:
                    plan.meta.append(("dateline", groups["place"].strip(" ,-\u2013\u2014"), "dateline"))
                if self.params["datelines"] == "extract":
                    plan.removals.append(Span(line.start + at, line.start + at + m.end(), "", "dateline", kind="dateline"))
                first = False

    def plan_inline_credits(self, text: str, lines: list[Line], plan: Plan) -> None:
        removed = [(l.start, l.end) for l in lines if l.index in plan.removed_lines]
        removed += [(s.start, s.end) for s in plan.removals]
        whole = {(l.start, l.end): l for l in lines}
        for m in INLINE_PHOTO.finditer(text):
            start = m.start() - 1 if m.start() and text[m.start() - 1] == " " else m.start()
            if any(a <= start < b for a, b in removed):
                continue
            line = whole.get((m.start(), m.end()))
            if line is not None:  # the credit is the whole line: it goes with its line break
                self.remove_line(plan, line, "photo_credit", "credit")
            else:
                plan.removals.append(Span(start, m.end(), "", "photo_credit", kind="credit"))

    @staticmethod
    def remove_line(plan: Plan, line: Line, rule: str, kind: str) -> None:
        if line.index in plan.removed_lines:
            return  # one rule per line: the first that claims it
        plan.removed_lines.add(line.index)
        plan.removals.append(Span(line.start, line.end, "", rule, kind=kind))


#: ``comment_thread``: a commenter's header line, ``NAME says:`` / ``NAME wrote:`` or WordPress's ``NAME on DATE at
#: TIME said:`` (a bare ``NAME said:`` introduces a quote in news copy; a pronoun or a title is a reporter's)
COMMENTER_LINE = re.compile(
    r"^(?!(?:He|She|They|It|I|We|You|Mr|Mrs|Ms|Dr|Sir|The)\b)\S.{0,60}?"
    r"(?: (?:says|wrote)| on [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d ?(?:[ap]\.?m\.?)? said):$",
    re.IGNORECASE,
)
#: the count line over a comment thread: ``34 responses to "..."``, ``12 Comments``, ``One thought on "..."``
COMMENT_COUNT = re.compile(r"^(?:\d+|One|Two|Three) (?:responses?|comments?|replies|thoughts?)\b", re.IGNORECASE)
MIN_COMMENTERS = 3

#: A dateline is taken only before this many words of its paragraph.
DATELINE_MIN_WORDS = 3

NAV_KIND = "navigation"
#: what a page dump may lose more than half of its words to (the over-deletion guard's exception)
PAGE_DUMP_KINDS = frozenset([NAV_KIND, "comments"])
#: what an article followed by readers' comments may lose more than half of its words to
COMMENT_KINDS = frozenset(["comments"])
NAV_GATE = 10  # a page dump has at least this many short lines (a cheap test before the rest)
NAV_GATE_CHARS = 40  # ... of at most this many characters
NAV_HEAD = 8  # ... and at least this many navigation-like lines before the article's core
NAV_WORDS = 4  # a navigation-like line: at most this many words, no sentence end
NAV_RUN = 3  # a navigation block: at least this many weak lines in a row
PROSE_WORDS = 10  # a prose line: this many words or more, a sentence, ...
PROSE_STOP_SHARE = 0.2  # ... and this share of function words (menus and headlines have few)
NEUTRAL_LOWER_SHARE = 0.5  # ... or, on a page in another language, this share of words not capitalised
CORE_MIN_LINES = 3  # the core of a page dump: at least this many prose lines ...
CORE_MIN_WORDS = 80  # ... of this many words in all
NAV_OPENING = 4  # a page that opens with this many navigation-like lines before any prose ...
SHORT_CORE_LINES, SHORT_CORE_WORDS = 2, 40  # ... may hold a shorter article's core
PARAGRAPH_CORE_WORDS = 60  # ... or one paragraph of this many words
#: boilerplate kinds that may stand inside an article: they never end it (``page_tail``); None: no boilerplate
PAGE_TAIL_NOT_CHROME = frozenset([None, "caption", "ad", "markup", "contact"])
COPYRIGHT_STARTS = ("©", "Copyright", "COPYRIGHT", "(c) ", "(C) ")
RIGHTS_RESERVED = re.compile(r"\brights reserved\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d\d\b")
NAV_PENALTY, MID_PENALTY, REPEAT_PENALTY = 5, 2, 10  # weights of non-prose lines in the core search
SENTENCE_SHARE = 0.5  # a short sentence weighs half its words
#: a line that ends like a sentence (or a colon: it opens what follows)
LINE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
PROSE_STOP_WORDS = frozenset(
    "a about above after again against all am an and any are as at be because been before being below between "
    "both but by can could did do does doing down during each few for from further had has have having he her "
    "here hers him his how i if in into is it its just me more most my no nor not now of off on once only or "
    "other our out over own same she should so some such than that the their them then there these they this "
    "those through to too under until up very was we were what when where which while who whom why will with "
    "would you your said says also may might must".split()
)


def repeated_lines(texts: list[str]) -> list[bool]:
    """For each line, whether the page gives it more than once (its edges' spaces aside)."""
    counts = collections.Counter(t.strip() for t in texts)
    return [counts[t.strip()] > 1 for t in texts]


def page_dump_candidate(lines: list[Line]) -> bool:
    """The cheap gate of :meth:`StructureNormalizer.plan_navigation`: ``NAV_GATE`` short lines."""
    short = 0
    for line in lines:
        if len(line.text) <= NAV_GATE_CHARS:
            short += 1
            if short >= NAV_GATE:
                return True
    return False


def prose_sample(lines: list[Line]) -> str:
    """The sentences of ``PROSE_WORDS`` words or more, for :func:`looks_english` on a page dump."""
    return "\n".join(
        l.text for l in lines if l.text.count(" ") >= PROSE_WORDS - 1 and SENTENCE_END.search(l.text.rstrip())
    )[:800]


def nav_like(text: str, repeated: bool) -> bool:
    """A menu item, a share button, a footer link: no words at all (a lone bullet), at most
    ``NAV_WORDS`` words without a sentence end, or a short line the page gives twice."""
    text = text.strip()
    if text.startswith("|") or text.endswith("|"):
        return False  # a table's cell ("| DL |", "85% |"): the article's data
    n = word_count(text)
    if n == 0:
        return True
    if repeated and n <= 2 * NAV_WORDS and not SENTENCE_END.search(text):
        return True
    return n <= NAV_WORDS and not LINE_END.search(text)


def weak_line(text: str) -> bool:
    """Outside the article's core, a line that may belong to a navigation block: a link title
    in title case (``Easy Tres Leches Cake Recipe``), a link title run together with its
    article's first sentence (:func:`glued_teaser`) or a boilerplate line."""
    text = text.strip()
    if len(text) <= 150 and not LINE_END.search(text) and title_case(text):
        return True
    if glued_teaser(text):
        return True
    return len(text) <= 200 and boilerplate_kind(text) is not None


def prose_weight(text: str, repeated: bool, neutral: bool = False) -> tuple[str, float]:
    """A line's kind and its weight in the search for the article's core. A prose line has
    English function words; ``neutral`` (a page in another language) asks instead that at most
    half of its words be capitalised (a menu or a headline in title case is not prose)."""
    words = WORDS.findall(text if neutral else text.lower())
    n = len(words)
    if n == 0:
        return "nav", -1.0
    ends = bool(LINE_END.search(text.rstrip()))
    if n >= PROSE_WORDS and (ends or INNER_SENTENCE.search(text)):
        if neutral:
            if sum(1 for w in words if not w[0].isupper()) >= NEUTRAL_LOWER_SHARE * n:
                return "prose", float(n)
        elif sum(map(PROSE_STOP_WORDS.__contains__, words)) >= PROSE_STOP_SHARE * n:
            if glued_teaser(text):
                return "long", 0.0  # another article's headline and its first sentence: no prose of this one
            return "prose", float(n)
    if ends:
        return "sentence", SENTENCE_SHARE * n
    if n <= NAV_WORDS:
        return "nav", -float(REPEAT_PENALTY if repeated else NAV_PENALTY)
    if n < PROSE_WORDS:
        return "short", -float(REPEAT_PENALTY if repeated else MID_PENALTY)
    return "long", 0.0


def glued_teaser(text: str) -> bool:
    """A link to another article as a page dump runs it together: its headline in title case, a
    small word capitalised inside it (``Michigan To Mail Redistricting Panel Applications To 250,000
    The state of Michigan will mail ...``), then its first sentence; prose capitalises no ``To``.
    Or its headline in sentence case, run into the article's dateline (``With shattered dreams,
    deportees return home from US NEW DELHI: Their American dream ...``)."""
    if len(text) > TEASER_MAX_CHARS:
        return False  # (a teaser is a line or two: a whole page on one line is no teaser)
    inner = INNER_DATELINE.search(text, TEASER_DATELINE_FROM)
    if inner is not None and not SENTENCE_END.search(text, 0, inner.start() + 1):
        return True  # "... deportees return home from US NEW DELHI: Their American dream ..."
    head = TITLE_RUN.match(text)
    if head is None:
        return False
    words = head.group().split()
    # (a capital after a colon or a full stop starts a sentence: "Editor's Note: On May 6, ...")
    small = any(w in TITLE_SMALL_WORDS and not before.endswith((":", ".")) for before, w in zip(words, words[1:-1]))
    return small and len(text[head.end() :].split()) >= TEASER_REST_WORDS


def prose_core(
    lines: list[Line],
    repeated: list[bool],
    min_lines: int = CORE_MIN_LINES,
    min_words: int = CORE_MIN_WORDS,
    neutral: bool = False,
) -> tuple[int, int] | None:
    """The run of lines with the largest sum of :func:`prose_weight` (the densest region of
    prose), when it holds ``min_lines`` prose lines of ``min_words`` words."""
    weights = [prose_weight(l.text, r, neutral) for l, r in zip(lines, repeated)]
    best, best_span, total, start = 0.0, None, 0.0, 0
    for i, (_, w) in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i)
    if best_span is None:
        return None
    prose = [w for kind, w in weights[best_span[0] : best_span[1] + 1] if kind == "prose"]
    if len(prose) < min_lines or sum(prose) < min_words:
        return None
    return best_span


NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
ASCII_LETTERS = re.compile(r"[A-Za-z]+")
#: Below this many words of the first 800 characters, only the letters say whether a text is English.
JUDGED_WORDS = 40
FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as he said by at from his be are have has but not "
    "this they an were which will or who its their been had would after more one we also about".split()
)


def non_ascii_letters(text: str) -> int:
    """How many letters of ``text`` are not ASCII (judged among its non-ASCII characters only: quicker)."""
    return len(NON_ASCII_LETTER.findall("".join(NON_ASCII.findall(text))))


def looks_english(text: str) -> bool:
    """Cheap check that the rules apply: mostly Latin letters, and English function words present."""
    sample = text[:800]
    if not sample.isascii():
        other = non_ascii_letters(sample)
        if other and other > 0.25 * (len(sample) - len(ASCII_LETTERS.sub("", sample))):
            return False
    words = sample.lower().split()
    if len(words) < JUDGED_WORDS:
        return True  # too short to judge: the line rules are conservative anyway
    needed = 0.08 * len(words)
    # (English text passes on its first words: count the rest only when they do not settle it)
    return sum(map(FUNCTION_WORDS.__contains__, words[:JUDGED_WORDS])) >= needed or sum(
        map(FUNCTION_WORDS.__contains__, words)
    ) >= needed


def judged(text: str) -> bool:
    """Whether :func:`looks_english` saw enough of ``text`` to be sure (40 words, or 100 letters
    that are not ASCII); on less it says "not English" only to keep the rules off."""
    sample = text[:800]
    return len(sample.split()) >= JUDGED_WORDS or non_ascii_letters(sample) >= 100


def source_group(doc_id: str) -> str:
    """The source a document belongs to, for learned boilerplate: its folder, or its file for records.

    >>> source_group("presstv/2019/001.txt"), source_group("feed.jsonl:12"), source_group("a.txt")
    ('presstv/2019', 'feed.jsonl', '')
    """
    head, sep, tail = doc_id.rpartition(":")
    if sep and tail.isdigit():
        return head
    return posixpath.dirname(doc_id)


def colon_dateline(text: str, lines: list[Line]) -> re.Match[str] | None:
    """``dateline_colon``: ``NEW DELHI: The Supreme Court ...`` opening the first paragraph, when the
    place is no label in capitals (``UPDATE:``, ``EDITOR'S NOTE:``), what follows is a sentence of
    eight words or more, and no other line opens with a ``NAME:`` in capitals (a transcript's speakers).
    A place of fewer than ``COLON_PLACE_LETTERS`` letters is taken for an acronym used as a label
    (``NATO: The alliance ...``, ``USA: The team ...``), not a city."""
    m = DATELINE_COLON.match(text)
    if m is None or m.group("place") in DATELINE_COLON_NOT:
        return None
    if sum(c.isalpha() for c in m.group("place")) < COLON_PLACE_LETTERS:
        return None
    rest = text[m.end() :]
    if word_count(rest) < 8 or not (SENTENCE_END.search(rest.rstrip()) or INNER_SENTENCE.search(rest)):
        return None
    if sum(1 for l in lines[:40] if ":" in l.text[:40] and DATELINE_COLON.match(l.text)) > 1:
        return None  # a transcript: "TRUMP: ..." / "BIDEN: ..."
    return m


def is_sentence(text: str) -> bool:
    """A line of prose, however short (``He left.``), rather than a sign-off (``H.M``)."""
    return word_count(text) >= 3 and bool(re.search(r"[a-z]{3,}", text)) and not text.startswith(("©", "(c)", "Copyright", "copyright", "COPYRIGHT", "All rights"))


def split_names(names: str) -> list[str]:
    # (not r"\s*(?:,|\band\b|&)\s*": its leading \s* made a long run of spaces quadratic)
    return [n.strip() for n in re.split(r",|\band\b|&", names) if n.strip()]


def line_removals(lines: list[Line], plan: Plan) -> list[Span]:
    """Turn the planned removals into spans that also take out the line breaks of removed lines.

    A removed line goes with the break after it; when no kept line follows, with
    the break before it instead, so the text never ends or starts with a break.
    Prefix removals inside kept lines stay as they are.
    """
    last_kept = max((l.index for l in lines if l.index not in plan.removed_lines), default=-1)
    by_span = {(l.start, l.end): l for l in lines}
    spans: list[Span] = []
    for span in plan.removals:
        line = by_span.get((span.start, span.end))
        if line is None or line.index not in plan.removed_lines:
            spans.append(span)
        elif line.index < last_kept:
            spans.append(Span(line.start, lines[line.index + 1].start, "", span.rule, span.note, span.kind))
        else:
            start = lines[line.index - 1].end if line.index else line.start
            spans.append(Span(start, line.end, "", span.rule, span.note, span.kind))
    return merge_overlaps(spans)


def merge_overlaps(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and span.start < out[-1].end:
            continue  # a prefix inside a removed line: the line's removal covers it
        out.append(span)
    return out


class StrayQuoteNormalizer(Normalizer):
    """Remove an unbalanced closing quote at the end of a paragraph (``pointed out."``).

    Only when the paragraph has an odd number of double quotes, ends with
    sentence punctuation and the quote, the paragraph before it does not leave
    a quotation open (a quotation running over paragraphs is balanced across
    them), and the quote mark before the last one *closes* a quotation (so the
    last one has nothing to close). ``... money. "The investment ... so."`` is a
    new quotation opened and closed: kept. Balanced quotes are never touched.
    """

    name = "stray_quotes"
    stage = Stage.STRUCTURE
    order = 50
    version = "2"

    ENDING = re.compile(r"[.!?,](\"|”)$")
    QUOTE = re.compile(r"[\"“”]")

    def __call__(self, doc: Document) -> None:
        whole = doc.text
        if '"' not in whole and "\u201c" not in whole and "\u201d" not in whole:
            return  # no double quote mark: nothing to judge
        spans = []
        previous_open = False
        for line in split_lines(whole):
            text = line.text
            odd = (text.count('"') + text.count("\u201c") + text.count("\u201d")) % 2 == 1
            ending = self.ENDING.search(text) if text.endswith(('"', "\u201d")) else None
            if ending and odd and not previous_open:
                marks = [m.start() for m in self.QUOTE.finditer(text)]
                if is_stray(text, marks):
                    spans.append(Span(line.start + ending.start(1), line.end, "", "stray_quote"))
            previous_open = odd and not ending
        doc.apply(spans, step=self.name)


def is_stray(text: str, marks: list[int]) -> bool:
    """Is the last quote mark of ``text`` (at ``marks[-1]``) one that closes nothing?"""
    if text[marks[-1]] == "\u201d" and "\u201c" in text:
        return False  # curly quotes say which is which: an opening one is there
    if len(marks) == 1:
        return marks[0] > 0  # a lone closing mark; a paragraph opening with one continues a quotation
    before = marks[-2]
    opens = before == 0 or text[before - 1] in " (\u2014\u2013-" or text[before] == "\u201c"
    return not opens


@hookimpl
def newsclean_configure(config):
    config.declare("datelines", "extract", "'extract' (dateline out of the body, into metadata) or 'keep'")
    config.declare(
        "page_model", PAGE_MODEL_THRESHOLD,
        "page dumps: a line the learned line model gives a lower probability of being the article's goes (0: off)",
    )
    config.declare(
        "other_languages", "navigation",
        "page dumps in another language than English: 'navigation' (their menus go, nothing else) or 'keep'",
    )


@hookimpl
def newsclean_normalizers(config):
    structure = StructureNormalizer(
        datelines=config.get("datelines"), page_model=config.get("page_model"), other_languages=config.get("other_languages")
    )
    return [structure, StrayQuoteNormalizer()]
