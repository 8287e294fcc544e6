"""Fitting a pipeline on a sample in several worker processes (``Pipeline.fit(num_proc=N)``).

The sample is cut into N shares that stay in order. A normalizer learns from the
documents as they leave the steps before it, so the chain is walked step by
step: the workers bring their share up to the next normalizer that learns,
count for it (``Normalizer.fit_counts``) and send back the counts and their
advanced documents; the counts are added up and the normalizer learns its
params from the sum (``Normalizer.fit_from_counts``) in this process. A
normalizer that defines only ``fit`` learns here from all the shares' documents.
The learned params are the same as a single-process fit's whenever counts
simply add up, as the built-in ones do.
"""

from __future__ import annotations

import collections
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Sequence

from .document import Document
from .errors import NormalizerError
from .normalizer import Normalizer

#: A document as it travels between processes: no edit log, only what later steps read.
Share = list[Document]


def run_steps(steps: Sequence[Normalizer], docs: Share) -> Share:
    """Run ``steps`` over ``docs`` (in place); a failure names the document and the step."""
    for step in steps:
        for doc in docs:
            try:
                step(doc)
            except Exception as exc:
                raise NormalizerError(doc.id, step.name, exc) from exc
    return docs


def learns(normalizer: Any) -> bool:
    """Whether ``normalizer`` learns in ``fit`` (duck-typed normalizers: whether it has a ``fit``)."""
    method = getattr(normalizer, "learns", None)
    return method() if method is not None else callable(getattr(normalizer, "fit", None))


def counts_to_fit(normalizer: Any) -> bool:
    """Whether ``normalizer`` learns from added-up counts (``fit_counts`` + ``fit_from_counts``)."""
    method = getattr(normalizer, "counts_to_fit", None)
    return bool(method is not None and method())


def _lean(docs: Share) -> Share:
    return [Document(d.text, id=d.id, metadata=d.metadata, flags=d.flags) for d in docs]


def _advance_and_count(steps: Sequence[Normalizer], docs: Share, learner: Normalizer | None) -> tuple[Share, Any]:
    """In a worker: run ``steps`` over the share, then count for ``learner``."""
    docs = run_steps(steps, docs)
    counts = learner.fit_counts(docs) if learner is not None else None
    return _lean(docs), counts


def fit_parallel(normalizers: Sequence[Normalizer], sample: Share, num_proc: int) -> list[Normalizer]:
    """The chain with every learning normalizer fitted on ``sample``, counting in ``num_proc`` processes."""
    learning = [i for i, n in enumerate(normalizers) if learns(n)]
    if not learning:
        return list(normalizers)  # nothing to learn: no workers
    size = -(-len(sample) // num_proc)
    shares = [_lean(sample[i : i + size]) for i in range(0, len(sample), size)]
    fitted: list[Normalizer] = []
    pending: list[Normalizer] = []  # fitted steps the shares have not been through yet
    with ProcessPoolExecutor(max_workers=len(shares), mp_context=multiprocessing.get_context()) as pool:
        for i, normalizer in enumerate(normalizers):
            if i > learning[-1]:
                fitted.append(normalizer)  # nothing after it learns: no need to run it over the sample
                continue
            if i not in learning:
                fitted.append(normalizer)
                pending.append(normalizer)
                continue
            learner = normalizer if counts_to_fit(normalizer) else None
            results = list(pool.map(_advance_and_count, [pending] * len(shares), shares, [learner] * len(shares)))
            shares = [docs for docs, _ in results]
            if learner is not None:
                total: collections.Counter[Any] = collections.Counter()
                for _, counts in results:
                    if counts:
                        total.update(counts)
                learned = normalizer.fit_from_counts(total)
            else:
                learned = normalizer.fit([doc for share in shares for doc in share])
            fitted_n = type(normalizer)(**{**normalizer.params, **learned}) if learned else normalizer
            fitted.append(fitted_n)
            pending = [fitted_n]
    return fitted
