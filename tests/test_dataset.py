"""Dataset output: features, exact undo, other columns, num_proc, cache fingerprints, on_error, saving."""

from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager
from pathlib import Path

import datasets
import pytest
from datasets import Dataset

import newsclean
from newsclean import (
    Config,
    InputError,
    Normalizer,
    NormalizerError,
    OutputError,
    Pipeline,
    Stage,
    build_dataset,
    clean_dataset,
    read_documents,
    save_dataset,
    undo_text,
)
from newsclean.dataset import CleanBatch, output_features

pytestmark = pytest.mark.usefixtures("hf_cache")


@pytest.fixture(autouse=True)
def _no_config_file_and_quiet(tmp_path, monkeypatch):
    # Pipeline.from_config() looks for newsclean.toml in the working directory.
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    datasets.disable_progress_bars()
    yield
    datasets.enable_progress_bars()


RAW = {
    "quotes.txt": "Iraq\u2019s army said: \u201cWe will not allow it.\u201d\n\nMore\u00a0text here.  \n",
    "spaces.txt": "  Leading spaces\u2003and\u200b zero width.\n\n\n\nToo many blank lines.\t\n",
    "plain.txt": "Already clean text.",
    "mojibake.txt": "The caf\u00c3\u00a9 on the corner \u2013 Reuters\r\n\r\nSecond paragraph.\r\n",
}


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for name, text in RAW.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    rows = [
        {"id": "j1", "text": "A \u2018single\u2019 quote\u00a0and \u201cdouble\u201d."},
        {"text": "No id:\u00a0the line number is used.\n\n\n"},
    ]
    (folder / "sub" / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def small_docs(n: int = 40) -> list[str]:
    spaces = ["\u00a0", "\u2009", "\u200b", "  ", "\t", "\u3000"]
    docs = []
    for i in range(n):
        sp = spaces[i % len(spaces)]
        docs.append(
            f"Doc {i}:{sp}he said \u201cnumber {i}\u201d and it\u2019s{sp}fine.\n\n\n"
            f"  Second\u00a0paragraph {i} \u2013 done.  " + ("\n" * (i % 3))
        )
    return docs


# -- build_dataset --------------------------------------------------------------------------
def test_build_dataset_has_the_output_features(corpus):
    ds = build_dataset([corpus])
    expected = output_features(Pipeline.from_config())
    assert ds.features == expected
    assert ds.column_names == list(expected)
    for name in ("id", "text", "title", "source", "section", "author", "published", "dateline", "signoff",
                 "flags", "removed", "edits", "errors"):
        assert name in ds.column_names
    edit_feature = ds.features["edits"]
    inner = getattr(edit_feature, "feature", edit_feature)
    inner = inner[0] if isinstance(inner, list) else inner
    assert set(inner) == {"step", "rule", "start", "end", "before", "after", "field", "note"}
    assert sorted(ds["id"]) == sorted([*RAW, "sub/feed.jsonl:2", "j1"])


def test_undo_of_every_row_gives_back_the_raw_input(corpus):
    raw = {r["id"]: r["text"] for r in read_documents([str(corpus)])}
    ds = build_dataset([corpus])
    assert len(ds) == len(raw) == 6
    changed = 0
    for row in ds:
        assert undo_text(row["text"], row["edits"]) == raw[row["id"]], row["id"]
        changed += row["text"] != raw[row["id"]]
        assert row["errors"] is None
    assert changed >= 4  # the test is not vacuous: most inputs needed cleaning
    cleaned = {row["id"]: row["text"] for row in ds}
    assert cleaned["plain.txt"] == "Already clean text."
    assert "\u201c" not in cleaned["quotes.txt"] and "\u00a0" not in cleaned["quotes.txt"]


def test_build_dataset_reads_a_saved_dataset_and_an_in_memory_one(tmp_path):
    raw = Dataset.from_dict({"id": ["a", "b"], "text": ["x\u00a0y", "\u201cq\u201d"]})
    raw.save_to_disk(str(tmp_path / "saved"))
    from_disk = build_dataset(str(tmp_path / "saved"))
    in_memory = build_dataset(raw)
    assert from_disk["id"] == in_memory["id"] == ["a", "b"]
    assert from_disk["text"] == in_memory["text"]
    assert from_disk["text"][1] == '"q"'


def test_build_dataset_bad_input_raises_input_error_naming_the_file(tmp_path):
    # The reader runs inside Dataset.from_generator, which wraps what it raises.
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"abc\xa3def")
    with pytest.raises(InputError, match=r"latin1\.txt.*byte 3"):
        build_dataset([tmp_path])


def test_build_dataset_of_inputs_without_documents_is_an_input_error(tmp_path):
    (tmp_path / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "header_only.csv").write_text("id,text\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no documents.*blank\.jsonl.*header_only\.csv"):
        build_dataset([tmp_path / "blank.jsonl", tmp_path / "header_only.csv"])


def test_build_dataset_rereads_an_edited_input(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("First\u00a0version.", encoding="utf-8")
    assert build_dataset([path])["text"] == ["First version."]
    path.write_text("Second, longer\u00a0version.", encoding="utf-8")
    assert build_dataset([path])["text"] == ["Second, longer version."]


def test_build_dataset_encoding_errors_replace(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(b"abc\xa3def")
    ds = build_dataset([tmp_path / "latin1.txt"], encoding_errors="replace")
    assert ds["text"] == ["abc\ufffddef"]


# -- clean_dataset ----------------------------------------------------------------------------
def test_clean_dataset_with_another_text_column_keeps_the_other_columns():
    ds = Dataset.from_dict(
        {
            "id": ["a", "b", "c"],
            "body": ["One\u00a0two.", "\u201cQuoted\u201d", "clean"],
            "url": ["http://x/1", "http://x/2", "http://x/3"],
            "score": [0.5, 1.5, 2.5],
        }
    )
    out = clean_dataset(ds, text_column="body")
    assert "body" not in out.column_names
    assert {"url", "score"} <= set(out.column_names)
    assert out.features["url"] == ds.features["url"] and out.features["score"] == ds.features["score"]
    for name, feature in output_features(Pipeline.from_config()).items():
        assert out.features[name] == feature
    assert out["id"] == ["a", "b", "c"]
    assert out["url"] == ds["url"] and out["score"] == ds["score"]
    assert out["text"] == ["One two.", '"Quoted"', "clean"]
    for row, raw in zip(out, ds["body"]):
        assert undo_text(row["text"], row["edits"]) == raw


def test_clean_dataset_missing_text_column_names_it():
    ds = Dataset.from_dict({"id": ["a"], "text": ["x"]})
    with pytest.raises(InputError, match=r"'body'.*columns: id, text"):
        clean_dataset(ds, text_column="body")


def test_clean_dataset_non_string_text_is_an_input_error_naming_the_document():
    ds = Dataset.from_dict({"id": ["a", "b"], "text": ["fine", None]})
    with pytest.raises(InputError, match=r"'b'.*NoneType"):
        clean_dataset(ds)


def test_clean_dataset_without_id_column_uses_the_row_index():
    ds = Dataset.from_dict({"text": ["a\u00a0b", "c", "d"]})
    assert clean_dataset(ds, batch_size=2)["id"] == ["0", "1", "2"]


def test_num_proc_2_gives_the_same_rows_as_num_proc_1():
    docs = small_docs(40)
    ds = Dataset.from_dict({"text": docs, "n": list(range(40))})  # no id column: ids from global indices
    one = clean_dataset(ds, num_proc=None, batch_size=7)
    two = clean_dataset(ds, num_proc=2, batch_size=7)
    assert len(two) == 40
    assert two.features == one.features
    assert two.to_list() == one.to_list()
    assert two["id"] == [str(i) for i in range(40)]
    assert two["n"] == list(range(40))
    assert all(undo_text(row["text"], row["edits"]) == raw for row, raw in zip(two, docs))
    assert all("\u201c" not in t and "\u00a0" not in t for t in two["text"])


# -- cache and fingerprints -------------------------------------------------------------------
def test_cleaning_a_saved_dataset_twice_is_served_from_the_cache(tmp_path, monkeypatch):
    raw = Dataset.from_dict({"id": [f"d{i}" for i in range(12)], "text": small_docs(12)})
    raw.save_to_disk(str(tmp_path / "raw"))

    first = clean_dataset(datasets.load_from_disk(str(tmp_path / "raw")))
    assert first.cache_files, "a dataset on disk is cleaned into a cache file"
    assert all(Path(f["filename"]).parent == tmp_path / "raw" for f in first.cache_files)
    rows = first.to_list()

    # The second run must not clean anything: it reads the first run's cache file.
    def must_not_run(self, batch, indices):
        raise AssertionError("cleaned again instead of read from the cache")

    with monkeypatch.context() as m:
        m.setattr(CleanBatch, "__call__", must_not_run)
        second = clean_dataset(datasets.load_from_disk(str(tmp_path / "raw")))
    assert second._fingerprint == first._fingerprint
    assert second.cache_files == first.cache_files
    assert second.to_list() == rows

    other = clean_dataset(datasets.load_from_disk(str(tmp_path / "raw")), disable=["layout"])
    assert other._fingerprint != first._fingerprint
    assert other.cache_files != first.cache_files
    assert all(e["step"] != "layout" for row in other for e in row["edits"])
    assert any(e["step"] == "layout" for row in rows for e in row["edits"])


def test_a_plugin_declared_column_is_part_of_the_cache_fingerprint(tmp_path):
    from newsclean.config import Config

    raw = Dataset.from_dict({"id": ["d0", "d1"], "text": small_docs(2)})
    raw.save_to_disk(str(tmp_path / "raw"))
    plain = Pipeline(Pipeline.from_config().normalizers, Config())
    with_column = Pipeline(Pipeline.from_config().normalizers, Config(), extra_features={"lang": datasets.Value("string")})
    assert plain.fingerprint == with_column.fingerprint  # the chain is the same ...
    first = clean_dataset(datasets.load_from_disk(str(tmp_path / "raw")), pipeline=plain)
    second = clean_dataset(datasets.load_from_disk(str(tmp_path / "raw")), pipeline=with_column)
    assert second._fingerprint != first._fingerprint  # ... but the output has one more column
    assert "lang" in second.column_names and "lang" not in first.column_names


def test_pipeline_fingerprint_is_stable_and_follows_params_version_and_on_error(monkeypatch):
    from newsclean.plugins.layout import LayoutNormalizer

    base = Pipeline.from_config().fingerprint
    assert Pipeline.from_config().fingerprint == base
    assert Pipeline.from_config(ftfy={"uncurl_quotes": False}).fingerprint != base
    assert Pipeline.from_config(disable=["layout"]).fingerprint != base
    assert Pipeline.from_config(on_error="keep").fingerprint != base
    with monkeypatch.context() as m:
        m.setattr(LayoutNormalizer, "version", "999")
        bumped = Pipeline.from_config().fingerprint
    assert bumped != base
    assert Pipeline.from_config().fingerprint == base  # back to the real version


def test_dataset_fingerprint_follows_the_pipeline_fingerprint(monkeypatch):
    from newsclean.plugins.layout import LayoutNormalizer

    ds = Dataset.from_dict({"id": ["a"], "text": ["x\u00a0\u201cy\u201d"]})
    base = clean_dataset(ds)._fingerprint
    assert clean_dataset(ds)._fingerprint == base
    assert clean_dataset(ds, ftfy={"uncurl_quotes": False})._fingerprint != base
    monkeypatch.setattr(LayoutNormalizer, "version", "999")
    assert clean_dataset(ds)._fingerprint != base


# -- on_error ----------------------------------------------------------------------------------
class Explode(Normalizer):
    """Fails on documents containing EXPLODE, after editing them a little."""

    name = "explode"
    stage = Stage.FINISH
    version = "1"

    def __call__(self, doc):
        if "EXPLODE" in doc.text:
            doc.replace(0, 1, "#", step=self.name, rule="half_done")
            raise ValueError("cannot clean this one")


def failing_pipeline(on_error: str) -> Pipeline:
    from newsclean.plugins.layout import LayoutNormalizer
    from newsclean.plugins.unicode import UnicodeFixer

    return Pipeline([Explode(), UnicodeFixer(), LayoutNormalizer()], Config({"on_error": on_error}))


ON_ERROR_DOCS = {
    "bad-0": "EXPLODE \u201cfirst\u201d\u00a0doc",
    "ok-1": "fine \u201cone\u201d\u00a0here\n\n\n",
    "ok-2": "fine two",
    "ok-3": "  fine\u2009three  ",
    "ok-4": "it\u2019s four",
    "bad-5": "also EXPLODE\u00a0here",
    "ok-6": "six\n\n\n\nsix",
}


def on_error_dataset(ids=None) -> Dataset:
    ids = list(ON_ERROR_DOCS) if ids is None else ids
    return Dataset.from_dict({"id": ids, "text": [ON_ERROR_DOCS[i] for i in ids], "tag": [i.upper() for i in ids]})


def good_ids() -> list[str]:
    return [i for i in ON_ERROR_DOCS if i.startswith("ok")]


@pytest.fixture
def reference_rows() -> dict[str, dict]:
    """The rows of the good documents, cleaned by the same chain with no failing document around."""
    out = clean_dataset(on_error_dataset(good_ids()), pipeline=failing_pipeline("raise"), batch_size=4)
    return {row["id"]: row for row in out}


def test_on_error_raise_names_document_and_step():
    with pytest.raises(NormalizerError) as excinfo:
        clean_dataset(on_error_dataset(), pipeline=failing_pipeline("raise"), batch_size=4)
    message = str(excinfo.value)
    assert "'bad-0'" in message and "'explode'" in message and "cannot clean this one" in message
    assert excinfo.value.doc_id == "bad-0" and excinfo.value.step == "explode"


@contextmanager
def time_limit(seconds: int):
    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s (a worker's error was lost?)")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_on_error_raise_in_a_worker_process_reaches_the_caller():
    # The worker's NormalizerError is pickled to the parent: it must arrive, not hang the pool.
    ds = on_error_dataset(["ok-1", "ok-2", "ok-3", "ok-4", "bad-5", "ok-6"])
    with time_limit(60), pytest.raises(NormalizerError, match=r"'bad-5'.*'explode'"):
        clean_dataset(ds, pipeline=failing_pipeline("raise"), num_proc=2, batch_size=2)


def test_on_error_keep_keeps_the_raw_text_with_the_reason(reference_rows):
    out = clean_dataset(on_error_dataset(), pipeline=failing_pipeline("keep"), batch_size=4)
    assert out["id"] == list(ON_ERROR_DOCS)
    assert out["tag"] == [i.upper() for i in ON_ERROR_DOCS]
    for row in out:
        if row["id"].startswith("bad"):
            assert row["text"] == ON_ERROR_DOCS[row["id"]]  # raw: no half-done edit, no other step
            assert row["edits"] == [] and row["flags"] == [] and row["removed"] == []
            assert row["id"] in row["errors"] and "explode" in row["errors"]
            assert "ValueError: cannot clean this one" in row["errors"]
        else:
            assert row["errors"] is None
            expected = dict(reference_rows[row["id"]])
            assert row == expected
            assert undo_text(row["text"], row["edits"]) == ON_ERROR_DOCS[row["id"]]


def test_on_error_skip_drops_failures_and_writes_them_to_rejects(tmp_path, reference_rows):
    rejects = tmp_path / "rejects.jsonl"
    out = clean_dataset(on_error_dataset(), pipeline=failing_pipeline("skip"), batch_size=4, rejects_path=rejects)
    assert out["id"] == good_ids()
    assert {row["id"]: row for row in out} == reference_rows
    assert all(e is None for e in out["errors"])
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r["id"] for r in lines] == ["bad-0", "bad-5"]
    assert all("explode" in r["errors"] and "cannot clean this one" in r["errors"] for r in lines)


def test_on_error_skip_without_failures_keeps_everything_and_rejects_nothing(tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    ds = on_error_dataset(good_ids())
    out = clean_dataset(ds, pipeline=failing_pipeline("skip"), rejects_path=rejects)
    assert out["id"] == good_ids()
    assert not rejects.exists() or rejects.read_text(encoding="utf-8").strip() == ""


# -- save_dataset ---------------------------------------------------------------------------------
SAVE_RAW = ["x\u00a0\u201cy\u201d", "caf\u00c3\u00a9 \u2014 ok", "plain"]


@pytest.fixture
def cleaned() -> Dataset:
    return clean_dataset(Dataset.from_dict({"id": ["a", "b", "c"], "text": SAVE_RAW}))


def read_back(path: Path) -> list[dict]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    return datasets.load_from_disk(str(path)).to_list()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet", "out_folder"])
def test_save_dataset_round_trips(tmp_path, cleaned, name):
    target = tmp_path / "results" / name
    assert save_dataset(cleaned, target) == target
    rows = read_back(target)
    assert rows == cleaned.to_list()
    assert [row["text"] for row in rows] == ['x "y"', "caf\u00e9 \u2014 ok", "plain"]
    assert [undo_text(row["text"], row["edits"]) for row in rows] == SAVE_RAW
    if name == "out_folder":
        assert datasets.load_from_disk(str(target)).features == cleaned.features
    assert leftovers(target.parent) == []


def test_save_jsonl_keeps_non_ascii_unescaped(tmp_path):
    ds = Dataset.from_dict({"id": ["a"], "text": ["caf\u00e9 \u2014 na\u00efve"]})
    save_dataset(ds, tmp_path / "out.jsonl")
    raw = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "caf\u00e9 \u2014 na\u00efve" in raw and "\\u" not in raw


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet", "out_folder"])
def test_existing_output_needs_overwrite(tmp_path, cleaned, name):
    target = tmp_path / name
    small = cleaned.select([0])
    save_dataset(small, target)
    with pytest.raises(OutputError, match="exists"):
        save_dataset(cleaned, target)
    assert read_back(target) == small.to_list()  # untouched
    save_dataset(cleaned, target, overwrite=True)
    assert read_back(target) == cleaned.to_list()
    assert leftovers(tmp_path) == []


def test_output_of_the_wrong_kind_is_refused_even_with_overwrite(tmp_path, cleaned):
    (tmp_path / "out.jsonl").mkdir()
    with pytest.raises(OutputError, match="folder"):
        save_dataset(cleaned, tmp_path / "out.jsonl", overwrite=True)
    (tmp_path / "folder_out").write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError, match="file"):
        save_dataset(cleaned, tmp_path / "folder_out", overwrite=True)


def _partial_then_fail(kind: str):
    def to_file(self, path, *args, **kwargs):
        Path(path).write_text('{"partial": ', encoding="utf-8")
        raise RuntimeError("disk full")

    def to_folder(self, path, *args, **kwargs):
        Path(path).mkdir(parents=True)
        (Path(path) / "data-00000-of-00001.arrow").write_bytes(b"partial")
        raise RuntimeError("disk full")

    return to_folder if kind == "save_to_disk" else to_file


@pytest.mark.parametrize(
    ("name", "method"), [("out.jsonl", "to_json"), ("out.parquet", "to_parquet"), ("out_folder", "save_to_disk")]
)
@pytest.mark.parametrize("existing", [False, True])
def test_failed_write_leaves_no_temp_files_and_the_old_output(tmp_path, cleaned, monkeypatch, name, method, existing):
    target = tmp_path / name
    if existing:
        save_dataset(cleaned.select([0]), target)
    monkeypatch.setattr(Dataset, method, _partial_then_fail(method))
    with pytest.raises(RuntimeError, match="disk full"):
        save_dataset(cleaned, target, overwrite=True)
    assert leftovers(tmp_path) == []
    monkeypatch.undo()
    if existing:
        assert read_back(target) == cleaned.select([0]).to_list()
    else:
        assert not target.exists()
    assert sorted(os.listdir(tmp_path)) == sorted(["cwd", *([name] if existing else [])])


def test_output_features_include_plugin_columns_without_overriding_ours():
    from datasets import Value

    pipeline = Pipeline([], Config(), extra_features={"lang": Value("string"), "text": Value("int64")})
    features = output_features(pipeline)
    assert features["lang"] == Value("string")
    assert features["text"] == Value("string")
    assert list(features)[-1] == "lang"
    assert newsclean.dataset.output_features(None) == output_features(Pipeline([], Config()))


def test_a_normalizer_error_survives_pickling_twice():
    import pickle

    class Unpicklable(Exception):
        def __init__(self, a, b):
            super().__init__(f"{a}/{b}")

    for cause in (ValueError("plain"), Unpicklable(1, 2)):
        error = NormalizerError("doc-1", "explode", cause)
        again = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(error))))
        assert isinstance(again, NormalizerError)
        assert (again.doc_id, again.step) == ("doc-1", "explode")
        assert str(again).startswith("document 'doc-1': step 'explode' failed:")
        assert str(cause) in str(again)
