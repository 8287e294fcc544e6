"""Streaming: ``build_dataset(streaming=True)``, ``clean --streaming`` Parquet shards, atomic shard folders."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest
from datasets import Dataset, Features, IterableDataset

from newsclean import ConfigError, InputError, OutputError, Pipeline, build_dataset, clean_dataset, undo_text
from newsclean.cli import main

from .conftest import EXPLODE_MODULE, run_cli
from newsclean.dataset import MANIFEST_NAME, output_features, read_shards, stream_to_parquet

pytestmark = pytest.mark.usefixtures("hf_cache", "cli_work_dir")


def article(i: int) -> str:
    spaces = ["\u00a0", "\u2009", "\u200b", "  "]
    sp = spaces[i % len(spaces)]
    return (
        f"Story {i} Headline\n\nThe minister said \u201cnumber {i}\u201d and it\u2019s{sp}fine, "
        f"the the neighbours agreed.\n\n\n  Second\u00a0paragraph {i} \u2013 done.  " + "\n" * (i % 3)
    )


N_DOCS = 23


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Text files and a JSON-lines file (ids given and missing) in nested folders: 23 documents."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for i in range(15):
        (folder / f"{i:02d}.txt").write_text(article(i), encoding="utf-8")
    rows = [{"id": f"j{i}", "text": article(100 + i)} if i % 3 else {"text": article(100 + i)} for i in range(8)]
    (folder / "sub" / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def shard_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet"))


def shard_rows(folder: Path) -> list[dict]:
    return [row for path in shard_files(folder) for row in pq.read_table(path).to_pylist()]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# -- build_dataset(streaming=True) ------------------------------------------------------------
def test_streaming_build_dataset_equals_the_in_memory_one(corpus):
    in_memory = build_dataset([corpus])
    streamed = build_dataset([corpus], streaming=True)
    assert isinstance(streamed, IterableDataset)
    assert streamed.features == in_memory.features == output_features(Pipeline.from_config())
    assert streamed.column_names == in_memory.column_names
    rows = list(streamed)
    assert rows == in_memory.to_list()
    assert [list(row) for row in rows[:1]] == [in_memory.column_names]  # same column order too
    assert len(rows) == N_DOCS


def test_streaming_a_dataset_keeps_its_other_columns_and_index_ids():
    docs = [article(i) for i in range(11)]
    ds = Dataset.from_dict({"body": docs, "url": [f"http://x/{i}" for i in range(11)], "n": list(range(11))})
    in_memory = clean_dataset(ds, text_column="body", batch_size=4)
    streamed = build_dataset(ds, text_field="body", streaming=True, batch_size=4)
    assert streamed.features == in_memory.features
    assert list(streamed) == in_memory.to_list()
    assert [row["id"] for row in streamed] == [str(i) for i in range(11)]
    assert all(undo_text(row["text"], row["edits"]) == raw for row, raw in zip(streamed, docs))


def test_clean_dataset_of_an_iterable_dataset_without_declared_features():
    rows = [{"id": f"g{i}", "text": article(i), "n": i} for i in range(5)]

    def generate():
        yield from rows

    streamed = IterableDataset.from_generator(generate)
    assert streamed.features is None  # resolved from the first rows
    out = clean_dataset(streamed, batch_size=2)
    assert isinstance(out, IterableDataset)
    assert list(out) == clean_dataset(Dataset.from_list(rows), batch_size=2).to_list()


def test_streaming_is_lazy_and_carries_the_pipeline_by_spec(corpus):
    import pickle

    streamed = build_dataset([corpus], streaming=True, disable=["typos"])
    again = pickle.loads(pickle.dumps(streamed))  # e.g. to a DataLoader worker
    first = next(iter(again))
    assert first["id"] == "00.txt"
    assert all(e["step"] != "typos" for e in first["edits"])


def test_streaming_api_refuses_num_proc_and_rejects_path_with_a_pointer(corpus, tmp_path):
    with pytest.raises(ConfigError, match="stream_to_parquet"):
        build_dataset([corpus], streaming=True, num_proc=2)
    with pytest.raises(ConfigError, match="rejects_path"):
        build_dataset([corpus], streaming=True, on_error="skip", rejects_path=tmp_path / "r.jsonl")


def test_streaming_bad_input_names_the_file(tmp_path):
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"abc\xa3def")
    with pytest.raises(InputError, match=r"latin1\.txt.*byte 3"):
        list(build_dataset([tmp_path], streaming=True))
    with pytest.raises(InputError, match=r"latin1\.txt.*byte 3"):
        stream_to_parquet([tmp_path], tmp_path.parent / "never")
    assert not (tmp_path.parent / "never").exists()


# -- clean --streaming: Parquet shards ----------------------------------------------------------
@pytest.mark.parametrize("num_proc", [None, 2])
def test_clean_streaming_shards_equal_the_in_memory_output(tmp_path, capsys, corpus, num_proc):
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", tmp_path / "memory.parquet")
    assert rc == 0, stderr
    extra = ["--num-proc", num_proc] if num_proc else []
    out = tmp_path / "shards"
    rc, stdout, stderr = run_cli(capsys, "clean", corpus, "-o", out, "--streaming", "--shard-size", 5, *extra)
    assert rc == 0, stderr
    expected = pq.read_table(tmp_path / "memory.parquet")
    assert [p.name for p in shard_files(out)] == [f"part-{i:05d}.parquet" for i in range(5)]  # 5+5+5+5+3
    assert [pq.read_metadata(p).num_rows for p in shard_files(out)] == [5, 5, 5, 5, 3]
    assert shard_rows(out) == expected.to_pylist()
    assert read_shards(out).to_list() == expected.to_pylist()
    assert leftovers(out) == [] and leftovers(tmp_path) == []

    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["documents"] == N_DOCS
    assert [s["documents"] for s in manifest["shards"]] == [5, 5, 5, 5, 3]
    assert Features.from_dict(manifest["features"]) == output_features(Pipeline.from_config())

    # the summary counts what is in the shards, like the in-memory summary
    assert f"newsclean: {N_DOCS} documents in, {N_DOCS} out -> {out}" in stdout
    assert "shards: 5 (part-00000.parquet .. part-00004.parquet, 5 documents per shard)" in stdout
    edits = sum(len(row["edits"]) for row in expected.to_pylist())
    assert f"  edits: {edits}\n" in stdout


def test_every_shard_has_the_declared_schema(tmp_path, capsys, corpus):
    out = tmp_path / "shards"
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", out, "--streaming", "--shard-size", 10, "--disable", "typos")
    assert rc == 0, stderr
    features = output_features(Pipeline.from_config(disable=["typos"]))
    assert len(shard_files(out)) == 3
    for path in shard_files(out):
        schema = pq.read_schema(path)
        assert schema.names == list(features)
        assert schema.equals(features.arrow_schema)  # types; Parquet names list items "element"
        assert Features.from_arrow_schema(schema) == features  # the huggingface metadata travels too
    for loaded in (
        datasets.load_dataset("parquet", data_files=str(out / "*.parquet"), split="train"),
        datasets.load_dataset(str(out), split="train"),  # the manifest (a _ file, not Parquet) is left out
    ):
        assert loaded.features == features and len(loaded) == N_DOCS


def test_streaming_a_saved_dataset_keeps_its_columns(tmp_path, capsys):
    docs = [article(i) for i in range(7)]
    raw = Dataset.from_dict({"id": [f"d{i}" for i in range(7)], "text": docs, "score": [i / 2 for i in range(7)]})
    raw.save_to_disk(str(tmp_path / "saved"))
    rc, _, stderr = run_cli(capsys, "clean", tmp_path / "saved", "-o", tmp_path / "memory")
    assert rc == 0, stderr
    rc, _, stderr = run_cli(capsys, "clean", tmp_path / "saved", "-o", tmp_path / "shards", "--streaming", "--shard-size", 3)
    assert rc == 0, stderr
    expected = datasets.load_from_disk(str(tmp_path / "memory"))
    assert shard_rows(tmp_path / "shards") == expected.to_list()
    assert read_shards(tmp_path / "shards").features == expected.features
    assert "score" in expected.column_names


def test_streaming_existing_output_needs_overwrite(tmp_path, capsys, corpus):
    out = tmp_path / "shards"
    assert run_cli(capsys, "clean", corpus, "-o", out, "--streaming", "--shard-size", 20)[0] == 0
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", out, "--streaming", "--shard-size", 5)
    assert rc == 2 and "exists" in stderr and "--overwrite" in stderr
    assert len(shard_files(out)) == 2  # untouched
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", out, "--streaming", "--shard-size", 5, "--overwrite")
    assert rc == 0, stderr
    assert len(shard_files(out)) == 5  # replaced as a whole: no shard of the old run is left
    assert leftovers(tmp_path) == []


# -- interrupted runs leave nothing -----------------------------------------------------------------

K = 13  # the document that fails: after two shards of 5 were written


@pytest.fixture
def explode_corpus(tmp_path, explode_module) -> Path:
    rows = [{"id": f"d{i:02d}", "text": article(i) + (" EXPLODE" if i in (K, K + 4) else "")} for i in range(20)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("existing", [False, True])
def test_a_failure_in_the_middle_leaves_nothing_at_the_target(tmp_path, capsys, explode_corpus, existing):
    out = tmp_path / "shards"
    before = None
    if existing:
        assert run_cli(capsys, "clean", explode_corpus, "-o", out, "--streaming", "--disable", "typos")[0] == 0
        before = shard_rows(out)
    rc, _, stderr = run_cli(capsys, "clean", explode_corpus, "-o", out, "--streaming", "--shard-size", 5,
                        "-p", EXPLODE_MODULE, "--overwrite")
    assert rc == 2
    assert f"'d{K}'" in stderr and "'explode'" in stderr and "cannot clean this one" in stderr
    assert leftovers(tmp_path) == []  # the temporary folder (two finished shards in it) is gone
    if existing:
        assert shard_rows(out) == before and len(shard_files(out)) == 1  # the old output, untouched
    else:
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["work", "plugin", "in.jsonl", *(["shards"] if existing else [])])


def test_an_interrupt_in_the_middle_leaves_nothing(tmp_path, capsys, corpus, monkeypatch):
    from newsclean import dataset

    finished = []
    real_finish = dataset._ShardWriter._finish

    def finish_then_interrupt(self):
        real_finish(self)
        finished.append(self.shards[-1]["file"])
        if len(finished) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(dataset._ShardWriter, "_finish", finish_then_interrupt)
    out = tmp_path / "shards"
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", out, "--streaming", "--shard-size", 5)
    assert rc == 130 and "no output was written" in stderr
    assert finished == ["part-00000.parquet", "part-00001.parquet"]
    assert not out.exists() and leftovers(tmp_path) == []


def test_on_error_skip_streaming_writes_rejects_and_the_same_rows(tmp_path, capsys, explode_corpus):
    args = ["-p", EXPLODE_MODULE, "--on-error", "skip"]
    rc, _, stderr = run_cli(capsys, "clean", explode_corpus, "-o", tmp_path / "memory.jsonl", *args)
    assert rc == 0, stderr
    out = tmp_path / "shards"
    rc, stdout, stderr = run_cli(capsys, "clean", explode_corpus, "-o", out, "--streaming", "--shard-size", 5, *args)
    assert rc == 0, stderr
    expected = [json.loads(line) for line in (tmp_path / "memory.jsonl").read_text(encoding="utf-8").splitlines()]
    assert shard_rows(out) == expected
    assert [pq.read_metadata(p).num_rows for p in shard_files(out)] == [5, 5, 5, 3]
    rejects = tmp_path / "shards.rejects.jsonl"
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == [f"d{K}", f"d{K + 4}"]
    assert all("cannot clean this one" in r["errors"] for r in lines)
    assert f"skipped documents and their reasons: {rejects}" in stdout
    assert leftovers(tmp_path) == []


# -- option validation ---------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5"])
def test_shard_size_must_be_a_positive_whole_number(tmp_path, capsys, corpus, value):
    with pytest.raises(SystemExit) as excinfo:
        main(["clean", str(corpus), "-o", str(tmp_path / "out"), "--streaming", f"--shard-size={value}"])
    assert excinfo.value.code == 2
    err = capsys.readouterr().err
    assert "argument --shard-size: must be a positive whole number of documents per shard" in err
    assert repr(value) in err
    assert not (tmp_path / "out").exists()


def test_shard_size_without_streaming_is_an_error(tmp_path, capsys, corpus):
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", tmp_path / "out", "--shard-size", 5)
    assert rc == 2 and "--shard-size applies to --streaming output only" in stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["out.parquet", "out.jsonl"])
def test_streaming_output_must_be_a_folder(tmp_path, capsys, corpus, name):
    rc, _, stderr = run_cli(capsys, "clean", corpus, "-o", tmp_path / name, "--streaming")
    assert rc == 2 and "folder of Parquet shards" in stderr
    with pytest.raises(OutputError, match="folder of Parquet shards"):
        stream_to_parquet([corpus], tmp_path / name)
    with pytest.raises(ConfigError, match="positive"):
        stream_to_parquet([corpus], tmp_path / "out", shard_size=0)


def test_streaming_no_documents_is_an_input_error(tmp_path, capsys):
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    rc, _, stderr = run_cli(capsys, "clean", tmp_path / "blank.jsonl", "-o", tmp_path / "out", "--streaming")
    assert rc == 2 and "no documents" in stderr and "blank.jsonl" in stderr
    assert not (tmp_path / "out").exists() and leftovers(tmp_path) == []
