"""Dataset output: explicit ``Features``, ``Dataset.map(batched=True)``, atomic writing, streaming.

In memory, :func:`clean_dataset` maps a ``datasets.Dataset`` (cached, ``num_proc``
workers). Streamed, it maps a ``datasets.IterableDataset`` lazily (``build_dataset(...,
streaming=True)``), and :func:`stream_to_parquet` writes a corpus larger than memory to a
folder of Parquet shards with constant memory. Both run the same :class:`CleanBatch`, so
their rows are identical.

``published`` is an ISO 8601 **string** (``2019-03-16T17:46:00+03:30``), not an
Arrow timestamp: one Arrow timestamp column holds one time zone, while news
articles carry their own offsets (and some have none, which must stay naive
rather than be guessed). Parse it with ``datetime.fromisoformat``.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import datasets
from datasets import Dataset, Features, IterableDataset, Value
from datasets.fingerprint import Hasher

from .document import META_FIELDS, Document
from .errors import ConfigError, InputError, NewscleanError, NormalizerError, OutputError
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
        #: The output columns in the order of :func:`output_features` (in memory and streamed alike).
        self.columns = list(output_features(pipeline))

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
        return {name: [row.get(name) for row in rows] for name in self.columns}


def clean_dataset(
    ds: Dataset | IterableDataset,
    text_column: str = "text",
    num_proc: int | None = None,
    *,
    id_column: str | None = "id",
    pipeline: Pipeline | None = None,
    batch_size: int = 256,
    rejects_path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> Dataset | IterableDataset:
    """Clean ``ds[text_column]`` into a Dataset with the newsclean columns.

    Other columns of ``ds`` are kept unless their names collide with ours.
    Uses ``Dataset.map(batched=True)`` with a fingerprint made from the input's
    fingerprint and the pipeline's, so a rerun with the same config is read from
    the cache and any change of a normalizer's params, version or data is not.
    With ``on_error="skip"`` the documents whose cleaning failed are left out
    (and written with their reason to ``rejects_path``, a ``.jsonl``); with ``"keep"`` they stay unchanged
    with the reason in ``errors``.

    An ``IterableDataset`` gives an ``IterableDataset``: the same Features and
    rows, cleaned lazily as it is iterated (no cache, no ``num_proc``, no
    ``rejects_path``; the pipeline travels by its picklable spec).
    """
    pipeline = pipeline or Pipeline.from_config(**options)
    if isinstance(ds, IterableDataset):
        return _clean_iterable(ds, text_column, id_column, pipeline, batch_size, num_proc, rejects_path)
    fn, all_features, remove = _plan(ds.features, text_column, id_column, pipeline)
    # the plugin-declared columns too: a plugin adding a column without a normalizer changes the output
    columns = sorted((name, repr(feature)) for name, feature in pipeline.extra_features.items())
    fingerprint = Hasher.hash([ds._fingerprint, pipeline.fingerprint, columns, text_column, fn.id_column, _MAP_VERSION])
    result = ds.map(
        fn,
        with_indices=True,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=all_features,
        remove_columns=remove,
        new_fingerprint=fingerprint,
        desc="newsclean",
    )
    if pipeline.config.get("on_error") == "skip":
        if rejects_path is not None:
            failed = result.filter(_has_error, input_columns=["errors"], desc="newsclean: failed")
            save_dataset(failed.select_columns(["id", "errors"]), rejects_path, overwrite=True)
        result = result.filter(_no_error, input_columns=["errors"], desc="newsclean: skip failed")
    return result


def _plan(
    features_in: Features, text_column: str, id_column: str | None, pipeline: Pipeline
) -> tuple[CleanBatch, Features, list[str]]:
    """The map function, the output Features (kept input columns first) and the input columns it replaces."""
    columns = list(features_in)
    if text_column not in columns:
        raise InputError(
            f"dataset has no column {text_column!r} (columns: {', '.join(columns)}); "
            "choose it with text_column= / --text-field"
        )
    features = output_features(pipeline)
    if id_column not in columns:
        id_column = None
    kept = {name: features_in[name] for name in columns if name not in features and name != text_column}
    return CleanBatch(pipeline, text_column, id_column), Features({**kept, **features}), [c for c in columns if c not in kept]


def _known_features(ds: IterableDataset) -> Features:
    """The Features of a streamed dataset; resolved from its first rows when it does not declare them."""
    if ds.features is None and hasattr(ds, "_resolve_features"):
        ds = ds._resolve_features()
    if ds.features is None:
        raise InputError("the streamed dataset does not declare its features; give them with .cast(features)")
    return ds.features


def _clean_iterable(
    ds: IterableDataset,
    text_column: str,
    id_column: str | None,
    pipeline: Pipeline,
    batch_size: int,
    num_proc: int | None,
    rejects_path: Any,
) -> IterableDataset:
    if num_proc not in (None, 0, 1):
        raise ConfigError(
            "num_proc does not apply to a streamed dataset: it is cleaned lazily in the process that iterates it. "
            "Use stream_to_parquet(..., num_proc=N) (newsclean clean --streaming --num-proc N), or split it "
            "with IterableDataset.shard() over your own workers"
        )
    if rejects_path is not None:
        raise ConfigError(
            "rejects_path needs the in-memory path; with a streamed dataset use on_error='keep' and filter "
            "on the errors column, or stream_to_parquet(..., rejects_path=...)"
        )
    features = _known_features(ds)
    fn, all_features, remove = _plan(features, text_column, id_column, pipeline)
    result = ds.map(
        fn, with_indices=True, batched=True, batch_size=batch_size, features=all_features, remove_columns=remove
    )
    if pipeline.config.get("on_error") == "skip":
        result = result.filter(_no_error, input_columns=["errors"])
    return result


def _no_error(error: str | None) -> bool:
    return error is None


def _has_error(error: str | None) -> bool:
    return error is not None


def _generate(
    inputs: list[str], text_field: str, id_field: str, encoding_errors: str, stamp: Any = None
) -> Iterator[dict[str, str]]:
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


def stream_inputs(
    inputs: Any, *, text_field: str = "text", id_field: str = "id", encoding_errors: str = "strict"
) -> tuple[IterableDataset, str, str]:
    """The raw input as an ``IterableDataset`` read lazily, with its text and id columns.

    A ``Dataset`` (or a single saved one) keeps its columns, as in memory; files and
    folders give ``{id, text}`` records, read one file at a time.
    """
    if isinstance(inputs, IterableDataset):
        return inputs, text_field, id_field
    if isinstance(inputs, Dataset):
        return inputs.to_iterable_dataset(), text_field, id_field
    paths = [str(p) for p in ([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)]
    if len(paths) == 1 and is_saved_dataset(Path(paths[0])):
        loaded = datasets.load_from_disk(paths[0])
        if isinstance(loaded, Dataset):
            return loaded.to_iterable_dataset(), text_field, id_field
    expand_inputs(paths)  # fails early and clearly on a missing path or an empty folder
    raw = IterableDataset.from_generator(
        _generate,
        features=RAW_FEATURES,
        # a list of paths is split by datasets into shards (one per path), read in order
        gen_kwargs={"inputs": paths, "text_field": text_field, "id_field": id_field, "encoding_errors": encoding_errors},
    )
    return raw, "text", "id"


def build_dataset(
    inputs: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    num_proc: int | None = None,
    encoding_errors: str = "strict",
    streaming: bool = False,
    **options: Any,
) -> Dataset | IterableDataset:
    """Read ``inputs`` (paths, folders, a saved dataset, or a ``datasets.Dataset``) and clean them.

    Returns a ``datasets.Dataset`` with the columns of :func:`output_features`;
    with ``streaming=True`` a ``datasets.IterableDataset`` with the same Features
    and rows, read and cleaned lazily as it is iterated (memory stays flat; see
    :func:`stream_to_parquet` to write one to Parquet shards, in parallel).
    """
    if streaming:
        raw, text_column, id_column = stream_inputs(
            inputs, text_field=text_field, id_field=id_field, encoding_errors=encoding_errors
        )
        return clean_dataset(raw, text_column=text_column, id_column=id_column, num_proc=num_proc, **options)
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
    target = Path(os.path.abspath(path))  # "out/../x.jsonl" must not create "out/"
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


# -- streaming to Parquet shards ----------------------------------------------------
#: Documents per Parquet shard of ``stream_to_parquet`` (``--shard-size``).
DEFAULT_SHARD_SIZE = 10_000
#: Rows per Parquet row group (as ``Dataset.to_parquet`` writes them).
ROW_GROUP_SIZE = 1_000
#: Written last into a finished shard folder; readers (pyarrow, ``datasets.load_dataset``) skip ``_`` files.
MANIFEST_NAME = "_manifest.json"
SHARD_FORMAT = "newsclean-shards-1"
#: The columns every row has; the other ones (kept input columns, plugin columns) go through ``Features.encode_batch``.
_PLAIN_COLUMNS = frozenset(output_features(None))


def shard_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


@dataclass
class StreamReport:
    """What :func:`stream_to_parquet` wrote, with the counts of the end-of-run summary."""

    path: Path
    read: int = 0  # documents read
    documents: int = 0  # documents written
    rejected: int = 0  # documents left out (on_error="skip")
    errors: int = 0  # documents kept unchanged after an error (on_error="keep")
    flagged: int = 0
    shards: list[dict[str, Any]] = field(default_factory=list)
    by_rule: collections.Counter[str] = field(default_factory=collections.Counter)
    metadata: collections.Counter[str] = field(default_factory=collections.Counter)

    def tally(self, table: Any) -> None:
        """Count one written Arrow batch (pyarrow compute: no Python object per edit)."""
        import pyarrow.compute as pc

        n = table.num_rows
        if not n:
            return
        self.documents += n
        self.errors += n - table.column("errors").null_count
        self.flagged += int(pc.sum(pc.greater(pc.list_value_length(table.column("flags")), 0)).as_py() or 0)
        for name in ("title", "published", "source", "signoff"):
            column = table.column(name)
            empty = pc.sum(pc.equal(column, "")).as_py() or 0
            self.metadata[name] += n - column.null_count - int(empty)
        edits = pc.list_flatten(table.column("edits"))
        if len(edits):
            keys = pc.binary_join_element_wise(pc.struct_field(edits, "step"), pc.struct_field(edits, "rule"), "/")
            for item in pc.value_counts(keys).to_pylist():
                self.by_rule[item["values"]] += item["counts"]


class _ShardWriter:
    """Arrow batches in, ``part-NNNNN.parquet`` files of ``shard_size`` rows out (each via a temporary name)."""

    def __init__(self, folder: Path, features: Features, shard_size: int, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.folder = folder
        self.schema = features.arrow_schema
        self.shard_size = shard_size
        self.row_group_size = min(row_group_size, shard_size)
        self.shards: list[dict[str, Any]] = []
        self._writer: Any = None
        self._temp: Path | None = None
        self._rows = 0  # rows in the open shard
        self._pending: list[Any] = []
        self._pending_rows = 0

    def write(self, table: Any) -> None:
        while table.num_rows:
            if self._writer is None:
                self._open()
            take = min(self.shard_size - self._rows, table.num_rows)
            self._pending.append(table.slice(0, take))
            self._pending_rows += take
            self._rows += take
            table = table.slice(take)
            if self._pending_rows >= self.row_group_size:
                self._flush()
            if self._rows == self.shard_size:
                self._finish()

    def close(self) -> None:
        """Finish the last shard; an empty output still gets one (empty) shard carrying the schema."""
        if self._writer is None and not self.shards:
            self._open()
        if self._writer is not None:
            self._finish()

    def abort(self) -> None:
        if self._writer is not None:
            try:
                self._writer.close()
            except Exception:  # pragma: no cover - closing a broken file
                pass
            self._writer = None

    def _open(self) -> None:
        import pyarrow.parquet as pq

        self._temp = self.folder / f".{shard_name(len(self.shards))}.tmp"
        self._writer = pq.ParquetWriter(str(self._temp), self.schema)
        self._rows = 0

    def _flush(self) -> None:
        import pyarrow as pa

        if self._pending:
            self._writer.write_table(pa.concat_tables(self._pending), row_group_size=self.row_group_size)
        self._pending, self._pending_rows = [], 0

    def _finish(self) -> None:
        self._flush()
        self._writer.close()
        self._writer = None
        name = shard_name(len(self.shards))
        assert self._temp is not None
        os.replace(self._temp, self.folder / name)
        self.shards.append({"file": name, "documents": self._rows})


def _to_arrow(batch_in: Mapping[str, list[Any]], cleaned: dict[str, list[Any]], features: Features) -> Any:
    """One cleaned batch as an Arrow table of ``features``: kept input columns first, as ``Dataset.map`` does."""
    import pyarrow as pa

    columns = {name: (cleaned[name] if name in cleaned else batch_in[name]) for name in features}
    other = {name: features[name] for name in features if name not in _PLAIN_COLUMNS}
    if other:  # kept input columns and plugin columns: encode as datasets does (ClassLabel, Image, ...)
        columns.update(Features(other).encode_batch({name: columns[name] for name in other}))
    return pa.Table.from_pydict(columns, schema=features.arrow_schema)


def _batch_length(batch: Mapping[str, list[Any]]) -> int:
    return len(next(iter(batch.values()))) if batch else 0


#: The map function and output Features of a worker process of ``stream_to_parquet`` (set by its initializer).
_WORKER_STATE: tuple[CleanBatch, Features] | None = None


def _init_worker(fn: CleanBatch, features: Features) -> None:
    global _WORKER_STATE
    _WORKER_STATE = (fn, features)  # fn arrived pickled: its pipeline was rebuilt here once, from its spec


def _clean_in_worker(batch: dict[str, list[Any]], start: int) -> Any:
    assert _WORKER_STATE is not None
    fn, features = _WORKER_STATE
    return _to_arrow(batch, fn(batch, list(range(start, start + _batch_length(batch)))), features)


def _cleaned_tables(
    raw: IterableDataset, fn: CleanBatch, features: Features, batch_size: int, num_proc: int | None
) -> Iterator[Any]:
    """Cleaned Arrow batches in input order; with ``num_proc`` > 1 cleaned by worker processes, at most
    two batches per worker in flight, so memory stays flat however fast the input is read."""
    batches = raw.iter(batch_size=batch_size)
    if not num_proc or num_proc <= 1:
        start = 0
        for batch in batches:
            n = _batch_length(batch)
            yield _to_arrow(batch, fn(batch, list(range(start, start + n))), features)
            start += n
        return

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The platform's start method, as Dataset.map(num_proc=N) uses: fork on Linux (the workers inherit the
    # pipeline), spawn or forkserver elsewhere (it is pickled by its spec and rebuilt once per worker).
    pool = ProcessPoolExecutor(
        max_workers=num_proc,
        mp_context=multiprocessing.get_context(),
        initializer=_init_worker,
        initargs=(fn, features),
    )
    pending: collections.deque[Any] = collections.deque()
    try:
        start = 0
        for batch in batches:
            pending.append(pool.submit(_clean_in_worker, batch, start))
            start += _batch_length(batch)
            if len(pending) >= 2 * num_proc:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stream_to_parquet(
    inputs: Any,
    path: str | os.PathLike[str],
    *,
    shard_size: int = DEFAULT_SHARD_SIZE,
    num_proc: int | None = None,
    pipeline: Pipeline | None = None,
    text_field: str = "text",
    id_field: str = "id",
    encoding_errors: str = "strict",
    batch_size: int = 256,
    overwrite: bool = False,
    rejects_path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> StreamReport:
    """Clean ``inputs`` (as :func:`build_dataset` takes them) into a folder of Parquet shards, in constant memory.

    ``path/part-00000.parquet``, ``part-00001.parquet``, ... hold ``shard_size``
    documents each, in input order, with the same rows and Features as
    :func:`build_dataset` gives in memory; ``path/_manifest.json`` (written last)
    lists the shards. The folder is built under a temporary name beside ``path``
    and renamed into place at the end, so an interrupted run leaves nothing at
    ``path``; an existing output is replaced only with ``overwrite=True``. With
    ``num_proc`` > 1 the batches are cleaned by that many worker processes, in order.
    With ``on_error="skip"`` the failed documents' ids and reasons go to ``rejects_path``
    (JSON lines, written at the end).
    """
    if isinstance(shard_size, bool) or not isinstance(shard_size, int) or shard_size < 1:
        raise ConfigError(f"shard_size must be a positive number of documents, got {shard_size!r}")
    target = Path(path)
    if output_format(target) != "disk":
        raise OutputError(
            f"output {str(target)!r}: streaming writes a folder of Parquet shards ({target.name}/part-00000.parquet, "
            "...); give a folder name, not a .jsonl or .parquet file"
        )
    check_output(target, overwrite=overwrite)
    pipeline = pipeline or Pipeline.from_config(**options)
    raw, text_column, id_column = stream_inputs(
        inputs, text_field=text_field, id_field=id_field, encoding_errors=encoding_errors
    )
    fn, features, _ = _plan(_known_features(raw), text_column, id_column, pipeline)
    skip = pipeline.config.get("on_error") == "skip"
    report = StreamReport(target)

    target.parent.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    temp = target.with_name(f".{target.name}.tmp-{tag}")
    rejects_target = Path(rejects_path) if (skip and rejects_path is not None) else None
    rejects_temp = rejects_target.with_name(f".{rejects_target.name}.tmp-{tag}") if rejects_target else None
    writer = _ShardWriter(temp, features, shard_size)
    rejects_file = None
    try:
        temp.mkdir()
        if rejects_temp is not None:
            rejects_file = open(rejects_temp, "w", encoding="utf-8")
        for table in _cleaned_tables(raw, fn, features, batch_size, num_proc):
            report.read += table.num_rows
            if skip and table.column("errors").null_count < table.num_rows:
                import pyarrow.compute as pc

                failed = table.filter(pc.is_valid(table.column("errors")))
                report.rejected += failed.num_rows
                if rejects_file is not None:
                    for row in failed.select(["id", "errors"]).to_pylist():
                        rejects_file.write(json.dumps(row, ensure_ascii=False) + "\n")
                table = table.filter(pc.is_null(table.column("errors")))
            report.tally(table)
            writer.write(table)
        if report.read == 0:
            raise InputError(f"no documents in {inputs!r}" if not isinstance(inputs, (list, tuple))
                             else f"no documents in {', '.join(repr(str(p)) for p in inputs)}")
        writer.close()
        report.shards = writer.shards
        manifest = {
            "format": SHARD_FORMAT,
            "documents": report.documents,
            "rejected": report.rejected,
            "shard_size": shard_size,
            "shards": writer.shards,
            "chain": pipeline.names,
            "pipeline_fingerprint": pipeline.fingerprint,
            "features": features.to_dict(),
        }
        (temp / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        if rejects_file is not None:
            rejects_file.close()
            rejects_file = None
        _replace(temp, target)
        if rejects_temp is not None and rejects_target is not None:
            os.replace(rejects_temp, rejects_target)
    finally:
        writer.abort()
        if rejects_file is not None:
            rejects_file.close()
        _remove(temp)
        if rejects_temp is not None:
            _remove(rejects_temp)
    return report


def read_shards(path: str | os.PathLike[str]) -> Dataset:
    """The rows of a folder written by :func:`stream_to_parquet`, as a Dataset (memory-mapped, in order)."""
    folder = Path(path)
    manifest_path = folder / MANIFEST_NAME
    if not manifest_path.is_file():
        raise InputError(f"{str(folder)!r} is not a finished newsclean shard folder (no {MANIFEST_NAME})")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = [str(folder / s["file"]) for s in manifest["shards"]]
    return Dataset.from_parquet(files, features=Features.from_dict(manifest["features"]))
