"""The ``newsclean`` command: clean, explain, plugins, config files, exit codes and messages."""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import datasets
import pytest

from newsclean import undo_text

from .conftest import EXPLODE_MODULE, run_cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "seeds" / "000.txt", ROOT / "seeds" / "001.txt"]

pytestmark = pytest.mark.usefixtures("hf_cache", "cli_work_dir")


def rows_of(path: Path) -> list[dict]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    return datasets.load_from_disk(str(path)).to_list()


def steps(rows: list[dict]) -> set[str]:
    return {e["step"] for row in rows for e in row["edits"]}


def seed_raw(name: str) -> str:
    return (ROOT / "seeds" / name).read_bytes().decode("utf-8-sig")


# -- clean -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet", "out_folder"])
def test_clean_seeds_to_each_output_kind(tmp_path, capsys, name):
    out = tmp_path / name
    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", out)
    assert rc == 0, stderr
    rows = rows_of(out)
    assert [r["id"] for r in rows] == ["000.txt", "001.txt"]
    for row in rows:
        assert undo_text(row["text"], row["edits"]) == seed_raw(row["id"])
        assert row["errors"] is None
    assert "\u201c" not in rows[0]["text"] and "\u2019" not in rows[0]["text"]

    # The summary reports what is in the output.
    assert f"newsclean: 2 documents in, 2 out -> {out}" in stdout
    chain = re.search(r"\(chain: (.*)\)", stdout).group(1).split(" > ")
    assert chain.index("unicode") < chain.index("layout")
    by_rule = collections.Counter(f"{e['step']}/{e['rule']}" for row in rows for e in row["edits"])
    assert f"  edits: {sum(by_rule.values())}" in stdout
    for rule, count in by_rule.items():
        assert re.search(rf"^\s+{count}\s+{re.escape(rule)}$", stdout, re.M), rule
    assert by_rule["unicode/uncurl_quotes"] > 0
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_clean_a_folder_of_articles(tmp_path, capsys):
    folder = tmp_path / "articles"
    (folder / "2019").mkdir(parents=True)
    (folder / "2019" / "b.txt").write_text("Second\u00a0one.", encoding="utf-8")
    (folder / "a.txt").write_text("\u201cFirst\u201d one.", encoding="utf-8")
    rc, stdout, stderr = run_cli(capsys, "clean", folder, "-o", tmp_path / "out.jsonl")
    assert rc == 0, stderr
    rows = rows_of(tmp_path / "out.jsonl")
    assert [(r["id"], r["text"]) for r in rows] == [("2019/b.txt", "Second one."), ("a.txt", '"First" one.')]


@pytest.mark.parametrize("name", ["out.jsonl", "out_folder"])
def test_clean_refuses_an_existing_output_without_overwrite(tmp_path, capsys, name):
    out = tmp_path / name
    if name.endswith(".jsonl"):
        out.write_text("sentinel\n", encoding="utf-8")
    else:
        out.mkdir()
        (out / "keep.txt").write_text("sentinel\n", encoding="utf-8")
    before = sorted((p.relative_to(tmp_path), p.read_bytes() if p.is_file() else b"") for p in tmp_path.rglob("*"))

    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", out)
    assert rc == 2
    assert "exists" in stderr and "--overwrite" in stderr and name in stderr
    assert "out ->" not in stdout
    after = sorted((p.relative_to(tmp_path), p.read_bytes() if p.is_file() else b"") for p in tmp_path.rglob("*"))
    assert after == before

    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", out, "--overwrite")
    assert rc == 0, stderr
    assert [r["id"] for r in rows_of(out)] == ["000.txt", "001.txt"]


def test_disable_layout_leaves_out_layout_edits(tmp_path, capsys):
    rc, _, _ = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "full.jsonl")
    assert rc == 0
    assert "layout" in steps(rows_of(tmp_path / "full.jsonl"))  # the seeds need layout fixes

    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "nolayout.jsonl", "--disable", "layout")
    assert rc == 0, stderr
    rows = rows_of(tmp_path / "nolayout.jsonl")
    assert "layout" not in steps(rows)
    assert "unicode" in steps(rows)
    assert "layout" not in re.search(r"\(chain: (.*)\)", stdout).group(1).split(" > ")
    for row in rows:
        assert undo_text(row["text"], row["edits"]) == seed_raw(row["id"])


def test_disable_an_unknown_normalizer_lists_the_available_ones(tmp_path, capsys):
    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "out.jsonl", "--disable", "nosuch")
    assert rc == 2
    assert "'nosuch'" in stderr and "Available" in stderr
    available = stderr.split("Available:", 1)[1]
    assert "unicode" in available and "layout" in available
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("latin1.txt", b"abc\xa3def", ["latin1.txt", "byte 3"]),
        ("broken.jsonl", b'{"text": "ok"}\n{"text": oops}\n', ["broken.jsonl", "line 2"]),
        ("notext.jsonl", b'{"body": "x"}\n', ["notext.jsonl", "line 1", "'text'"]),
    ],
)
def test_bad_input_exits_2_naming_the_file(tmp_path, capsys, filename, content, expected):
    bad = tmp_path / filename
    bad.write_bytes(content)
    rc, stdout, stderr = run_cli(capsys, "clean", SEEDS[0], bad, "-o", tmp_path / "out.jsonl")
    assert rc == 2
    assert stderr.startswith("newsclean: error:")
    for part in expected:
        assert part in stderr
    assert not (tmp_path / "out.jsonl").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_missing_input_exits_2(tmp_path, capsys):
    rc, _, stderr = run_cli(capsys, "clean", tmp_path / "nowhere.txt", "-o", tmp_path / "out.jsonl")
    assert rc == 2
    assert "nowhere.txt" in stderr and "does not exist" in stderr


def test_text_and_id_field_options(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"key": "k1", "body": "A\u00a0\u201cb\u201d"}) + "\n", encoding="utf-8")
    rc, _, stderr = run_cli(capsys, "clean", src, "-o", tmp_path / "out.jsonl", "--text-field", "body", "--id-field", "key")
    assert rc == 0, stderr
    assert [(r["id"], r["text"]) for r in rows_of(tmp_path / "out.jsonl")] == [("k1", 'A "b"')]


def test_encoding_errors_replace_option(tmp_path, capsys):
    (tmp_path / "latin1.txt").write_bytes(b"abc\xa3def")
    rc, _, stderr = run_cli(capsys, "clean", tmp_path / "latin1.txt", "-o", tmp_path / "out.jsonl", "--encoding-errors", "replace")
    assert rc == 0, stderr
    assert [r["text"] for r in rows_of(tmp_path / "out.jsonl")] == ["abc\ufffddef"]


# -- on_error through a plugin module (-p) ---------------------------------------------------------


@pytest.fixture
def explode_inputs(tmp_path, explode_module) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("fine\u00a0one", encoding="utf-8")
    (folder / "b.txt").write_text("EXPLODE \u201cnow\u201d", encoding="utf-8")
    (folder / "c.txt").write_text("fine \u201cthree\u201d", encoding="utf-8")
    return folder


def test_on_error_raise_exits_2_naming_document_and_step(tmp_path, capsys, explode_inputs):
    rc, _, stderr = run_cli(capsys, "clean", explode_inputs, "-o", tmp_path / "out.jsonl", "-p", EXPLODE_MODULE)
    assert rc == 2
    assert "'b.txt'" in stderr and "'explode'" in stderr and "cannot clean this one" in stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_on_error_skip_and_keep(tmp_path, capsys, explode_inputs):
    out = tmp_path / "out.jsonl"
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    rc, stdout, stderr = run_cli(
        capsys, "clean", explode_inputs, "-o", out, "-p", EXPLODE_MODULE, "--on-error", "skip"
    )
    assert rc == 0, stderr
    assert [r["id"] for r in rows_of(out)] == ["a.txt", "c.txt"]
    assert [r["text"] for r in rows_of(out)] == ["fine one", 'fine "three"']
    assert [r["id"] for r in rows_of(rejects)] == ["b.txt"]
    assert "explode" in rows_of(rejects)[0]["errors"]
    assert f"skipped documents and their reasons: {rejects}" in stdout

    rc, stdout, stderr = run_cli(
        capsys, "clean", explode_inputs, "-o", out, "-p", EXPLODE_MODULE, "--on-error", "keep", "--overwrite"
    )
    assert rc == 0, stderr
    rows = rows_of(out)
    assert [r["id"] for r in rows] == ["a.txt", "b.txt", "c.txt"]
    assert rows[1]["text"] == "EXPLODE \u201cnow\u201d" and "explode" in rows[1]["errors"]
    assert "kept unchanged after an error: 1" in stdout
    assert "skipped documents" not in stdout  # the rejects file left by the skip run is not this run's


def test_on_error_skip_with_nothing_failing_reports_no_rejects(tmp_path, capsys):
    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "out.jsonl", "--on-error", "skip")
    assert rc == 0, stderr
    assert len(rows_of(tmp_path / "out.jsonl")) == 2
    assert "skipped documents" not in stdout


# -- explain ---------------------------------------------------------------------------------------
EDIT_LINE = re.compile(r"^unicode/uncurl_quotes: ", re.M)


def test_explain_a_raw_article_shows_its_edits_with_step_and_rule(capsys):
    rc, stdout, stderr = run_cli(capsys, "explain", SEEDS[0], "--color", "never")
    assert rc == 0, stderr
    assert stdout.startswith("== 000.txt")
    raw = seed_raw("000.txt")
    assert len(EDIT_LINE.findall(stdout)) == sum(raw.count(q) for q in "\u2018\u2019\u201c\u201d")
    assert "[-\u2019-]{+'+}" in stdout
    assert "\x1b[" not in stdout


def test_explain_raw_article_honours_disable(capsys):
    rc, stdout, _ = run_cli(capsys, "explain", SEEDS[0], "--disable", "unicode")
    assert rc == 0
    assert not EDIT_LINE.search(stdout)
    assert "unicode/" not in stdout


@pytest.mark.parametrize("name, extra", [("out.jsonl", []), ("out.parquet", []), ("out_folder", []),
                                         ("shards", ["--streaming", "--shard-size", "1"])])
def test_explain_a_cleaned_output_matches_explaining_the_raw_article(tmp_path, capsys, name, extra):
    out = tmp_path / name
    assert run_cli(capsys, "clean", *SEEDS, "-o", out, *extra)[0] == 0
    rc, stdout, stderr = run_cli(capsys, "explain", out, "--color", "never")
    assert rc == 0, stderr
    assert "== 000.txt" in stdout and "== 001.txt" in stdout
    assert EDIT_LINE.search(stdout)

    rc, only, _ = run_cli(capsys, "explain", out, "--id", "000.txt", "--color", "never")
    assert rc == 0
    assert "== 001.txt" not in only
    _, from_raw, _ = run_cli(capsys, "explain", SEEDS[0], "--color", "never")
    assert only == from_raw

    rc, limited, _ = run_cli(capsys, "explain", out, "--limit", "1")
    assert rc == 0 and limited.count("\n== ") + limited.startswith("== ") == 1


def test_explain_unknown_id_exits_1(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert run_cli(capsys, "clean", SEEDS[0], "-o", out)[0] == 0
    rc, _, stderr = run_cli(capsys, "explain", out, "--id", "nosuch")
    assert rc == 1 and "no matching document" in stderr


@pytest.mark.parametrize("name", ["gone.jsonl", "gone.txt", "gone.parquet"])
def test_explain_a_missing_file_exits_2(tmp_path, capsys, name):
    rc, _, stderr = run_cli(capsys, "explain", tmp_path / name)
    assert rc == 2
    assert name in stderr and "does not exist" in stderr


def test_explain_a_malformed_jsonl_exits_2_naming_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "edits": []}\nnot json\n', encoding="utf-8")
    rc, _, stderr = run_cli(capsys, "explain", bad)
    assert rc == 2
    assert "bad.jsonl" in stderr and "line 2" in stderr


# -- plugins -----------------------------------------------------------------------------------------
def test_plugins_table_lists_unicode_before_layout_from_newsclean(capsys):
    rc, stdout, _ = run_cli(capsys, "plugins")
    assert rc == 0
    lines = stdout.splitlines()
    assert lines[0].split() == ["#", "stage", "order", "normalizer", "version", "plugin", "distribution"]
    table = {cells[3]: (int(cells[0]), cells) for cells in (line.split() for line in lines[1:])}
    assert table["unicode"][0] < table["layout"][0]
    for name in ("unicode", "layout"):
        cells = table[name][1]
        assert cells[6] == "newsclean"
    assert sorted(number for number, _ in table.values()) == list(range(1, len(table) + 1))


def test_plugins_json_is_valid_json_in_chain_order(capsys):
    rc, stdout, _ = run_cli(capsys, "plugins", "--json")
    assert rc == 0
    rows = json.loads(stdout)
    names = [r["name"] for r in rows]
    assert names.index("unicode") < names.index("layout")
    by_name = {r["name"]: r for r in rows}
    assert by_name["unicode"]["distribution"] == "newsclean"
    assert by_name["layout"]["distribution"] == "newsclean"
    assert by_name["unicode"]["stage"] == "UNICODE" and by_name["layout"]["stage"] == "LAYOUT"
    assert all(isinstance(r["order"], int) and isinstance(r["version"], str) for r in rows)


def test_plugins_honours_disable(capsys):
    rc, stdout, _ = run_cli(capsys, "plugins", "--json", "--disable", "layout")
    assert rc == 0
    names = [r["name"] for r in json.loads(stdout)]
    assert "layout" not in names and "unicode" in names


# -- config files ------------------------------------------------------------------------------------
def test_config_file_is_honoured(tmp_path, capsys):
    config = tmp_path / "newsclean.toml"
    config.write_text('disable = ["layout"]\n', encoding="utf-8")
    rc, stdout, stderr = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "out.jsonl", "--config", config)
    assert rc == 0, stderr
    rows = rows_of(tmp_path / "out.jsonl")
    assert "layout" not in steps(rows) and "unicode" in steps(rows)
    rc, stdout, _ = run_cli(capsys, "plugins", "--json", "--config", config)
    assert "layout" not in [r["name"] for r in json.loads(stdout)]


def test_config_file_in_the_working_directory_is_found(cli_work_dir, tmp_path, capsys):
    (cli_work_dir / "newsclean.toml").write_text('disable = ["layout"]\n', encoding="utf-8")
    rc, _, stderr = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "out.jsonl")
    assert rc == 0, stderr
    assert "layout" not in steps(rows_of(tmp_path / "out.jsonl"))


def test_misspelled_option_in_config_file_exits_2_naming_it(tmp_path, capsys):
    config = tmp_path / "newsclean.toml"
    config.write_text('disabel = ["layout"]\n', encoding="utf-8")
    rc, _, stderr = run_cli(capsys, "clean", *SEEDS, "-o", tmp_path / "out.jsonl", "--config", config)
    assert rc == 2
    assert "'disabel'" in stderr and "'disable'" in stderr
    assert str(config) in stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_missing_config_file_exits_2(tmp_path, capsys):
    rc, _, stderr = run_cli(capsys, "plugins", "--config", tmp_path / "nope.toml")
    assert rc == 2 and "nope.toml" in stderr


# -- a real process --------------------------------------------------------------------------------
def python_m_newsclean(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_python_m_newsclean_clean_and_exit_codes(cli_work_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    done = python_m_newsclean("clean", *SEEDS, "-o", out, cwd=cli_work_dir)
    assert done.returncode == 0, done.stderr
    assert f"2 documents in, 2 out -> {out}" in done.stdout
    assert [r["id"] for r in rows_of(out)] == ["000.txt", "001.txt"]

    again = python_m_newsclean("clean", *SEEDS, "-o", out, cwd=cli_work_dir)
    assert again.returncode == 2
    assert "exists" in again.stderr and "Traceback" not in again.stderr

    (tmp_path / "latin1.txt").write_bytes(b"abc\xa3def")
    bad = python_m_newsclean("clean", tmp_path / "latin1.txt", "-o", tmp_path / "bad.jsonl", cwd=cli_work_dir)
    assert bad.returncode == 2
    assert "latin1.txt" in bad.stderr and "byte 3" in bad.stderr
    assert "Traceback" not in bad.stderr
