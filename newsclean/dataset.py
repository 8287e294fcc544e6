"""Dataset output: explicit ``Features``, ``Dataset.map(batched=True)``, atomic writing.

``published`` is an ISO 8601 **string** (``2019-03-16T17:46:00+03:30``), not an
Arrow timestamp: one Arrow timestamp column holds one time zone, while news
articles carry their own offsets (and some have none, which must stay naive
rather than be guessed). Parse it with ``datetime.fromisoformat``.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import datasets
from datasets import Dataset, Features, Value
from datasets.fingerprint import Hasher

from .document import META_FIELDS, Document
from .errors import InputError, NewscleanError, NormalizerError, OutputError
from .pipeline import Pipeline
from .readers import expand_inputs, input_stamp, is_saved_dataset, read_documents

_List = getattr(datasets, "List", None) or datasets.Sequence

EDIT_FEATURE = {
    "step": Value("string"),
    "rule": Value("string"),
    "start": Value("int64"),
    "end": Value("int64"),
    "before": Value("string"),
    "after": Value("string"),
    "field": Value("string"),
    "note": Value("string"),
}
REMOVED_FEATURE = {"kind": Value("string"), "text": Value("string"), "step": Value("string")}

#: Version of the map function's output; part of the cache fingerprint.
_MAP_VERSION = "newsclean-map-1"


def output_features(pipeline: Pipeline | None = None) -> Features:
    """The columns every cleaned dataset has, plus those plugins declare."""
    columns: dict[str, Any] = {
        "id": Value("string"),
        "text": Value("string"),
        "title": Value("string"),
        "source": Value("string"),
        "section": Value("string"),
        "author": _List(Value("string")),
        "published": Value("string"),
        "dateline": Value("string"),
        "signoff": Value("string"),
        "flags": _List(Value("string")),
        "removed": _List(REMOVED_FEATURE),
        "edits": _List(EDIT_FEATURE),
        "errors": Value("string"),
    }
    for name, feature in (pipeline.extra_features if pipeline else {}).items():
        if name not in columns:
            columns[name] = feature
    return Features(columns)


def document_row(doc: Document, extra_columns: Sequence[str] = ()) -> dict[str, Any]:
    """One output row of a cleaned document."""
    meta = doc.metadata
    author = meta.get("author")
    published = meta.get("published")
    row: dict[str, Any] = {
        "id": doc.id,
        "text": doc.text,
        "author": [author] if isinstance(author, str) else (list(author) if author else None),
        "published": published.isoformat() if hasattr(published, "isoformat") else published,
        "flags": list(doc.flags),
        "removed": list(doc.removed),
        "edits": [e.as_dict() for e in doc.edits],
        "errors": None,
    }
    for name in META_FIELDS:
        row.setdefault(name, meta.get(name))
    for name in extra_columns:
        row.setdefault(name, meta.get(name))  # a plugin column never replaces a built-in one
    return row


class CleanBatch:
    """The picklable ``Dataset.map`` function: a pipeline, run over one batch of rows."""

    def __init__(self, pipeline: Pipeline, text_column: str, id_column: str | None) -> None:
        self.pipeline = pipeline
        self.text_column = text_column
        self.id_column = id_column
        self.extra_columns = list(pipeline.extra_features)
        self.on_error = pipeline.config.get("on_error")

    def __call__(self, batch: Mapping[str, list[Any]], indices: list[int]) -> dict[str, list[Any]]:
        texts = batch[self.text_column]
        ids = batch[self.id_column] if self.id_column else [str(i) for i in indices]
        rows = []
        for text, doc_id in zip(texts, ids):
            doc_id = str(doc_id) if doc_id is not None else ""
            if not isinstance(text, str):
                raise InputError(
                    f"document {doc_id!r}: column {self.text_column!r} holds {type(text).__name__}, not text"
                )
            try:
                doc = self.pipeline.clean(text, id=doc_id)
                rows.append(document_row(doc, self.extra_columns))
            except NormalizerError as exc:
                if self.on_error == "raise":
                    raise
                row = document_row(Document(text, id=doc_id), self.extra_columns)
                row["errors"] = str(exc)
                rows.append(row)
        columns = list(rows[0]) if rows else list(output_features(self.pipeline))
        return {name: [row.get(name) for row in rows] for name in columns}


def clean_dataset(
    ds: Dataset,
    text_column: str = "text",
    num_proc: int | None = None,
    *,
    id_column: str | None = "id",
    pipeline: Pipeline | None = None,
    batch_size: int = 256,
    rejects_path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> Dataset:
    """Clean ``ds[text_column]`` into a Dataset with the newsclean columns.

    Other columns of ``ds`` are kept unless their names collide with ours.
    Uses ``Dataset.map(batched=True)`` with a fingerprint made from the input's
    fingerprint and the pipeline's, so a rerun with the same config is read from
    the cache and any change of a normalizer's params, version or data is not.
    With ``on_error="skip"`` the documents whose cleaning failed are left out
    (and written with their reason to ``rejects_path``, a ``.jsonl``); with ``"keep"`` they stay unchanged
    with the reason in ``errors``.
    """
    if text_column not in ds.column_names:
        raise InputError(
            f"dataset has no column {text_column!r} (columns: {', '.join(ds.column_names)}); "
            "choose it with text_column= / --text-field"
        )
    pipeline = pipeline or Pipeline.from_config(**options)
    features = output_features(pipeline)
    if id_column not in ds.column_names:
        id_column = None
    kept = {name: ds.features[name] for name in ds.column_names if name not in features and name != text_column}
    all_features = Features({**kept, **features})
    fingerprint = Hasher.hash([ds._fingerprint, pipeline.fingerprint, text_column, id_column, _MAP_VERSION])
    result = ds.map(
        CleanBatch(pipeline, text_column, id_column),
        with_indices=True,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=all_features,
        remove_columns=[c for c in ds.column_names if c not in kept],
        new_fingerprint=fingerprint,
        desc="newsclean",
    )
    if pipeline.config.get("on_error") == "skip":
        if rejects_path is not None:
            failed = result.filter(_has_error, input_columns=["errors"], desc="newsclean: failed")
            save_dataset(failed.select_columns(["id", "errors"]), rejects_path, overwrite=True)
        result = result.filter(_no_error, input_columns=["errors"], desc="newsclean: skip failed")
    return result


def _no_error(error: str | None) -> bool:
    return error is None


def _has_error(error: str | None) -> bool:
    return error is not None


def _generate(inputs: list[str], text_field: str, id_field: str, encoding_errors: str, stamp: Any) -> Iterator[dict[str, str]]:
    # ``stamp`` (sizes and mtimes of every input file) is unused here but part of
    # the generator's cache key: edited inputs are read again, never served stale.
    yield from read_documents(inputs, text_field=text_field, id_field=id_field, encoding_errors=encoding_errors)


RAW_FEATURES = Features({"id": Value("string"), "text": Value("string")})


def read_dataset(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    encoding_errors: str = "strict",
) -> Dataset:
    """The raw ``{id, text}`` Dataset of files and folders (not cleaned)."""
    paths = [str(p) for p in ([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)]
    expand_inputs(paths)  # fails early and clearly on a missing path or an empty folder
    try:
        return Dataset.from_generator(
            _generate,
            features=RAW_FEATURES,
            gen_kwargs={
                "inputs": paths,
                "text_field": text_field,
                "id_field": id_field,
                "encoding_errors": encoding_errors,
                # a tuple: datasets shards over list-valued gen_kwargs and refuses lists of different lengths
                "stamp": tuple(input_stamp(paths)),
            },
        )
    except Exception as exc:
        # datasets wraps what the generator raises in DatasetGenerationError; our
        # InputError (file and line) is the error to report.
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, NewscleanError):
            cause = cause.__cause__
        if cause is not None:
            raise cause from None
        # datasets cannot build a split of zero examples ("corresponds to no data").
        records = read_documents(paths, text_field=text_field, id_field=id_field, encoding_errors=encoding_errors)
        if next(records, None) is None:
            raise InputError(f"no documents in {', '.join(map(repr, paths))}") from None
        raise


def build_dataset(
    inputs: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    num_proc: int | None = None,
    encoding_errors: str = "strict",
    **options: Any,
) -> Dataset:
    """Read ``inputs`` (paths, folders, a saved dataset, or a ``datasets.Dataset``) and clean them.

    Returns a ``datasets.Dataset`` with the columns of :func:`output_features`.
    """
    if isinstance(inputs, Dataset):
        return clean_dataset(inputs, text_column=text_field, id_column=id_field, num_proc=num_proc, **options)
    paths = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    if len(paths) == 1 and is_saved_dataset(Path(paths[0])):
        loaded = datasets.load_from_disk(str(paths[0]))
        if isinstance(loaded, Dataset):
            return clean_dataset(loaded, text_column=text_field, id_column=id_field, num_proc=num_proc, **options)
    raw = read_dataset(paths, text_field=text_field, id_field=id_field, encoding_errors=encoding_errors)
    return clean_dataset(raw, text_column="text", id_column="id", num_proc=num_proc, **options)


# -- writing -----------------------------------------------------------------
def output_format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    return {".jsonl": "jsonl", ".parquet": "parquet"}.get(suffix, "disk")


def save_dataset(ds: Dataset, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write ``ds`` atomically: ``.jsonl``, ``.parquet`` by suffix, else a ``save_to_disk`` folder.

    The data is written to a temporary path beside the target and renamed into
    place, so an interrupted run never leaves a partial output at ``path``. An
    existing output is replaced only with ``overwrite=True``.
    """
    target = Path(path)
    check_output(target, overwrite=overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        kind = output_format(target)
        if kind == "jsonl":
            ds.to_json(str(temp), lines=True, force_ascii=False)
        elif kind == "parquet":
            ds.to_parquet(str(temp))
        else:
            ds.save_to_disk(str(temp))
        _replace(temp, target)
    finally:
        _remove(temp)
    return target


def check_output(target: Path, *, overwrite: bool) -> None:
    if target.exists() and not overwrite:
        raise OutputError(f"output {str(target)!r} exists; pass --overwrite (overwrite=True) to replace it")
    if target.exists() and target.is_dir() != (output_format(target) == "disk"):
        raise OutputError(f"output {str(target)!r} exists and is a {'folder' if target.is_dir() else 'file'}; "
                          "choose another path")


def _replace(temp: Path, target: Path) -> None:
    if temp.is_dir() and target.exists():
        backup = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(target, backup)
        os.replace(temp, target)
        _remove(backup)
    else:
        os.replace(temp, target)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()
