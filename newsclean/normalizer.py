"""Stage and Normalizer: what a plugin provides and where in the chain it runs.

Imports nothing heavy, like :mod:`newsclean.document`.
"""

from __future__ import annotations

import collections
import enum
import hashlib
import json
from pathlib import Path
from typing import Any, ClassVar, Iterable, Mapping

from .document import Document


#: The values of ``Normalizer.scope``.
SCOPES = ("document", "paragraph")


class Stage(enum.IntEnum):
    """Where a normalizer runs. The chain is sorted by ``(stage, order, name)``."""

    UNICODE = 10
    LAYOUT = 20
    STRUCTURE = 30
    TYPOS = 40
    NAMES = 50
    SPELLING = 60
    FINISH = 70


class Normalizer:
    """Base class for a normalizer: one concern, pure function of the document and ``params``.

    Subclasses set the class attributes ``name``, ``stage``, ``version`` (and
    optionally ``order``) and implement :meth:`__call__`, which edits the
    document only through its span-edit API. ``params`` must be JSON-serialisable:
    they are hashed into the pipeline fingerprint and carried in its pickled spec.
    Data files a normalizer loads are listed by :meth:`data_files` so that editing
    them also changes the fingerprint.

    Normalizers are picklable (they hold only ``params``); data they load is
    cached per process by the module that owns it, never on the instance.
    """

    name: ClassVar[str] = ""
    stage: ClassVar[Stage] = Stage.FINISH
    order: ClassVar[int] = 0
    version: ClassVar[str] = "0"
    #: ``"document"`` (the default) or ``"paragraph"``: a promise that what the step
    #: does to a paragraph (text between blank lines) depends only on that paragraph,
    #: ``doc.flags`` and ``params``. A repeated pass of the pipeline then runs the step
    #: only on the paragraphs that changed since it last ran (see ``newsclean.scope``).
    scope: ClassVar[str] = "document"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = dict(params)

    def __call__(self, doc: Document) -> None:  # pragma: no cover - abstract
        raise NotImplementedError(f"normalizer {self.name!r} does not implement __call__")

    def fit(self, docs: Iterable[Document]) -> Mapping[str, Any] | None:
        """Learn corpus statistics; return the params to add (they enter the fingerprint).

        The default learns from :meth:`fit_counts` and :meth:`fit_from_counts` when a
        subclass defines them, and otherwise nothing. A normalizer that learns from
        counts should define those two instead of ``fit``: ``Pipeline.fit(num_proc=N)``
        then counts in N worker processes and adds their counts up.
        """
        counts = self.fit_counts(docs)
        return None if counts is None else self.fit_from_counts(counts)

    def fit_counts(self, docs: Iterable[Document]) -> "collections.Counter[Any] | None":
        """Counts of what ``fit`` learns from, for a share of the corpus (keys: picklable,
        hashable). The counts of several shares are added up. The default counts nothing."""
        return None

    def fit_from_counts(self, counts: "collections.Counter[Any]") -> Mapping[str, Any] | None:
        """The params learned from the counts of the whole sample."""
        return None

    def learns(self) -> bool:
        """Whether this normalizer learns anything in ``fit`` (it overrides ``fit`` or ``fit_counts``)."""
        return type(self).fit is not Normalizer.fit or self.counts_to_fit()

    def counts_to_fit(self) -> bool:
        """Whether ``fit`` is made of ``fit_counts`` and ``fit_from_counts`` (so it can run in parallel)."""
        return type(self).fit is Normalizer.fit and type(self).fit_counts is not Normalizer.fit_counts

    def data_files(self) -> list[Path]:
        """Files whose content decides this normalizer's behaviour (hashed into the fingerprint)."""
        return []

    def sort_key(self) -> tuple[int, int, str]:
        return (int(self.stage), int(self.order), self.name)

    def identity(self) -> dict[str, Any]:
        """What the fingerprint hashes: name, version, params and data-file digests."""
        return {
            "name": self.name,
            "version": str(self.version),
            "params": self.params,
            "data": {str(p.name): file_digest(p) for p in self.data_files()},
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} stage={Stage(self.stage).name} order={self.order} v{self.version}>"


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fingerprint_of(normalizers: Iterable[Normalizer], extra: Mapping[str, Any] | None = None) -> str:
    """A stable hash of the chain: each normalizer's identity, in chain order."""
    payload = {"chain": [n.identity() for n in normalizers], "extra": dict(extra or {})}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def validate_normalizer(obj: Any) -> list[str]:
    """Return what is wrong with ``obj`` as a normalizer (empty when it is fine)."""
    problems = []
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not name:
        problems.append("has no non-empty string 'name'")
    try:
        Stage(getattr(obj, "stage", None))
    except ValueError:
        problems.append(f"has stage {getattr(obj, 'stage', None)!r}, not a newsclean.Stage")
    if not isinstance(getattr(obj, "version", None), str):
        problems.append("has no string 'version'")
    if not isinstance(getattr(obj, "params", None), dict):
        problems.append("has no dict 'params'")
    if not callable(obj):
        problems.append("is not callable")
    if not isinstance(getattr(obj, "order", 0), int):
        problems.append("has a non-integer 'order'")
    if getattr(obj, "scope", "document") not in SCOPES:
        problems.append(f"has scope {getattr(obj, 'scope', None)!r}, not one of {', '.join(SCOPES)}")
    return problems
