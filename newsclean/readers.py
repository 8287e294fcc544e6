"""Readers: files and folders of articles to ``{"id", "text"}`` records.

Supported: a ``.txt`` file (one article; ``id`` = its path relative to the
folder given, or its name), a folder (every supported file under it, sorted),
``.jsonl``, ``.csv``, ``.parquet``, and a folder written by
``Dataset.save_to_disk``. Bad input raises :class:`InputError` naming the file
and the line, row or byte offset; nothing is skipped silently.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path
from typing import Any, Iterator, Sequence

from .errors import InputError

TEXT_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".jsonl", ".csv", ".parquet")
SUPPORTED = TEXT_SUFFIXES + RECORD_SUFFIXES

Record = dict[str, str]

BOM = b"\xef\xbb\xbf"
#: A JSON escape of a UTF-16 surrogate: json.loads turns a lone one into a str that
#: is not Unicode text (no UTF-8 encoding, no Arrow string).
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")
SURROGATE = re.compile("[\ud800-\udfff]")
#: csv's default limit (131,072 characters a field) is smaller than a long article.
CSV_FIELD_LIMIT = 2**31 - 1


def is_saved_dataset(path: Path) -> bool:
    """A folder written by ``Dataset.save_to_disk`` (or a ``DatasetDict``'s)."""
    return path.is_dir() and (
        (path / "state.json").is_file() or (path / "dataset_dict.json").is_file()
    )


def expand_inputs(inputs: Sequence[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    """Every input file with the id prefix of its records; folders are walked, sorted.

    Raises :class:`InputError` for a path that does not exist, an unsupported
    file, or a folder holding no supported file.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    found: list[tuple[Path, str]] = []
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError(f"input {str(path)!r} does not exist")
        if is_saved_dataset(path):
            found.append((path, path.name))
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                raise InputError(
                    f"input folder {str(path)!r} holds no supported file ({', '.join(SUPPORTED)})"
                )
            found.extend((p, p.relative_to(path).as_posix()) for p in files)
        elif path.suffix.lower() in SUPPORTED:
            found.append((path, path.name))
        else:
            raise InputError(
                f"input {str(path)!r}: unsupported file type {path.suffix!r}; "
                f"use one of {', '.join(SUPPORTED)} or a folder"
            )
    return found


def unreadable(path: Path, exc: OSError) -> InputError:
    """The error for a file that cannot be opened or read (missing, a folder, no permission)."""
    return InputError(f"{str(path)!r}: cannot be read: {exc.strerror or exc}")


def decode_utf8(data: bytes, where: str, errors: str = "strict") -> str:
    """Decode UTF-8 (a BOM is dropped); invalid bytes are an error naming the byte offset."""
    try:
        return data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        # utf-8-sig counts from after the BOM; the message gives the offset in the file.
        start = exc.start + (len(BOM) if data.startswith(BOM) else 0)
        bad = data[start : start + 4]
        line = data.count(b"\n", 0, start) + 1
        raise InputError(
            f"{where}: not valid UTF-8 at byte {start} (line {line}; "
            f"{bad!r}: {exc.reason}); re-encode the file as UTF-8 or pass encoding_errors='replace'"
        ) from None


def read_text_file(path: Path, doc_id: str, encoding_errors: str = "strict") -> Record:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from None
    return {"id": doc_id, "text": decode_utf8(data, repr(str(path)), encoding_errors)}


def _record(row: Any, where: str, text_field: str, id_field: str, default_id: str) -> Record:
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected an object with a {text_field!r} field, got {type(row).__name__}")
    if text_field not in row:
        raise InputError(
            f"{where}: no {text_field!r} field (fields: {', '.join(map(str, row)) or 'none'}); "
            "choose the text field with --text-field / text_field="
        )
    text = row[text_field]
    if not isinstance(text, str):
        raise InputError(f"{where}: field {text_field!r} is {type(text).__name__}, not a string")
    doc_id = row.get(id_field)
    if doc_id is None or doc_id == "":
        doc_id = default_id
    return {"id": str(doc_id), "text": text}


def read_jsonl(path: Path, prefix: str, text_field: str, id_field: str, encoding_errors: str) -> Iterator[Record]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise unreadable(path, exc) from None
    with fh:
        offset = 0
        for lineno, raw in enumerate(fh, 1):
            where = f"{str(path)!r} line {lineno}"
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8", errors=encoding_errors)
            except UnicodeDecodeError as exc:
                start = offset + exc.start + (len(BOM) if lineno == 1 and raw.startswith(BOM) else 0)
                raise InputError(f"{where}: not valid UTF-8 at byte {start} of the file ({exc.reason})") from None
            offset += len(raw)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
            record = _record(row, where, text_field, id_field, f"{prefix}:{lineno}")
            if SURROGATE_ESCAPE.search(raw):
                record = _without_surrogates(record, where, encoding_errors)
            yield record


def _without_surrogates(record: Record, where: str, encoding_errors: str) -> Record:
    """A record whose id or text holds a lone surrogate (``"\\ud800"`` in JSON): an error naming
    the place, or with ``encoding_errors="replace"`` each one replaced by U+FFFD."""
    for key, value in record.items():
        bad = SURROGATE.search(value)
        if bad is None:
            continue
        if encoding_errors != "replace":
            raise InputError(
                f"{where}: field {key!r} holds a lone surrogate (\\u{ord(bad.group()):04x}) at character "
                f"{bad.start()}, which is not text; fix the file or pass encoding_errors='replace'"
            )
        record = {**record, key: SURROGATE.sub("\ufffd", value)}
    return record


def read_csv(path: Path, prefix: str, text_field: str, id_field: str, encoding_errors: str) -> Iterator[Record]:
    try:
        fh = open(path, encoding="utf-8-sig", errors=encoding_errors, newline="")
    except OSError as exc:
        raise unreadable(path, exc) from None
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    with fh:
        reader = csv.DictReader(fh)
        try:
            for rowno, row in enumerate(reader, 1):
                where = f"{str(path)!r} row {rowno} (line {reader.line_num})"
                if None in row:
                    raise InputError(f"{where}: more fields than the header has")
                yield _record(row, where, text_field, id_field, f"{prefix}:{rowno}")
        except UnicodeDecodeError:
            # The text layer decodes ahead of the parser, so reader.line_num would name the
            # wrong line: find the bad byte in the file itself (decode_utf8 raises naming it).
            decode_utf8(path.read_bytes(), repr(str(path)))
            raise  # pragma: no cover - decode_utf8 raised
        except csv.Error as exc:
            raise InputError(f"{str(path)!r} line {reader.line_num}: malformed CSV ({exc})") from None


def read_parquet(path: Path, prefix: str, text_field: str, id_field: str) -> Iterator[Record]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:
        raise InputError(f"{str(path)!r}: not a readable Parquet file ({exc})") from None
    rowno = 0
    for batch in parquet.iter_batches():
        for row in batch.to_pylist():
            rowno += 1
            where = f"{str(path)!r} row {rowno}"
            yield _record(row, where, text_field, id_field, f"{prefix}:{rowno}")


def read_file(
    path: Path,
    prefix: str,
    *,
    text_field: str = "text",
    id_field: str = "id",
    encoding_errors: str = "strict",
) -> Iterator[Record]:
    """The records of one file (not a saved dataset)."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield read_text_file(path, prefix, encoding_errors)
    elif suffix == ".jsonl":
        yield from read_jsonl(path, prefix, text_field, id_field, encoding_errors)
    elif suffix == ".csv":
        yield from read_csv(path, prefix, text_field, id_field, encoding_errors)
    elif suffix == ".parquet":
        yield from read_parquet(path, prefix, text_field, id_field)
    else:  # pragma: no cover - expand_inputs filters these
        raise InputError(f"{str(path)!r}: unsupported file type {suffix!r}")


def read_documents(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    text_field: str = "text",
    id_field: str = "id",
    encoding_errors: str = "strict",
) -> Iterator[Record]:
    """All records of ``inputs`` (files and folders; saved datasets are read too)."""
    for path, prefix in expand_inputs(inputs):
        if is_saved_dataset(path):
            yield from read_saved_dataset(path, text_field=text_field, id_field=id_field)
        else:
            yield from read_file(
                path, prefix, text_field=text_field, id_field=id_field, encoding_errors=encoding_errors
            )


def read_saved_dataset(path: Path, *, text_field: str = "text", id_field: str = "id") -> Iterator[Record]:
    from datasets import DatasetDict, load_from_disk

    loaded = load_from_disk(str(path))
    splits = loaded.items() if isinstance(loaded, DatasetDict) else [("", loaded)]
    for split, ds in splits:
        if text_field not in ds.column_names:
            raise InputError(
                f"dataset {str(path)!r}{' split ' + split if split else ''}: no column {text_field!r} "
                f"(columns: {', '.join(ds.column_names)})"
            )
        base = f"{path.name}{'/' + split if split else ''}"
        for index, row in enumerate(ds):
            yield _record(row, f"dataset {str(path)!r} record {index}", text_field, id_field, f"{base}:{index}")


def input_stamp(inputs: Sequence[str | os.PathLike[str]]) -> list[tuple[str, int, int]]:
    """``(path, size, mtime_ns)`` of every input file: part of the cache key, so edits invalidate it."""
    stamp = []
    for path, _ in expand_inputs(inputs):
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for f in files:
            st = f.stat()
            stamp.append((str(f.resolve()), st.st_size, st.st_mtime_ns))
    return stamp
