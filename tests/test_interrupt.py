"""Interrupted runs: a ``newsclean clean`` killed mid-run (SIGINT, SIGKILL) leaves no partial
output at the target path, an existing output stays as it was, and running again completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean import undo_text

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = 3000

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A few thousand articles: enough for a run to be killed while it works."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = [(ROOT / "seeds" / name).read_bytes().decode("utf-8-sig") for name in ("000.txt", "001.txt")]
    for i in range(DOCUMENTS):
        text = seeds[i % 2]
        start = (i * 37) % (len(text) - 600)
        (folder / f"{i:05d}.txt").write_text(f"Article {i}\n\n" + text[start : start + 600], encoding="utf-8")
    return folder


def newsclean_process(*args, cache: Path, cwd: Path, code: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "HF_DATASETS_CACHE": str(cache), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-c", code, *map(str, args)] if code else [sys.executable, "-m", "newsclean", *map(str, args)]
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(predicate, timeout: float, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the run ended (rc {process.returncode}) before {what}: {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} after {timeout} s")
        time.sleep(0.05)


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def check_complete(out: Path, corpus: Path) -> None:
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert len(rows) == DOCUMENTS
    for row in rows[:: DOCUMENTS // 20]:
        assert undo_text(row["text"], row["edits"]) == (corpus / row["id"]).read_text(encoding="utf-8")


def interrupt_while_cleaning(corpus: Path, out: Path, cache: Path, sig: int) -> bytes:
    process = newsclean_process("clean", corpus, "-o", out, cache=cache, cwd=out.parent.parent)
    # interrupt it once Dataset.map has started cleaning (its temporary arrow file appears)
    wait_for(lambda: any(p.name.startswith("tmp") for p in cache.rglob("*")), 120, "cleaning", process)
    time.sleep(0.3)
    assert process.poll() is None, "the run finished before it could be interrupted: make the corpus bigger"
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    return err


def test_killed_while_cleaning_leaves_no_output_and_a_rerun_completes(tmp_path, corpus):
    cache, outdir = tmp_path / "cache", tmp_path / "out"
    outdir.mkdir()
    out = outdir / "clean.jsonl"
    err = interrupt_while_cleaning(corpus, out, cache, signal.SIGINT)
    assert b"newsclean: interrupted; no output was written" in err, err[-2000:]
    assert entries(outdir) == []  # nothing at the target, no temporary file beside it
    interrupt_while_cleaning(corpus, out, cache, signal.SIGKILL)  # no chance to clean up: the same
    assert entries(outdir) == []

    again = newsclean_process("clean", corpus, "-o", out, cache=cache, cwd=tmp_path)
    stdout, err = again.communicate(timeout=600)
    assert again.returncode == 0, err[-3000:]
    assert f"{DOCUMENTS} documents in, {DOCUMENTS} out -> {out}".encode() in stdout
    assert entries(outdir) == ["clean.jsonl"]
    check_complete(out, corpus)


#: ``newsclean clean`` whose writing stops half-way (a partial file written, then it waits to be killed).
STALLED_WRITE = r"""
import sys, time
from pathlib import Path
import datasets
from newsclean.cli import main

ready = Path(sys.argv[1])

def stalled(self, path, *args, **kwargs):
    Path(path).write_text('{"id": "partial", ', encoding="utf-8")
    ready.write_text(str(path), encoding="utf-8")
    time.sleep(600)

datasets.Dataset.to_json = stalled
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_killed_while_writing_keeps_the_old_output(tmp_path, sig):
    seeds = [ROOT / "seeds" / "000.txt", ROOT / "seeds" / "001.txt"]
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "clean.jsonl"
    out.write_text('{"id": "old output"}\n', encoding="utf-8")
    ready = tmp_path / "ready"
    process = newsclean_process(ready, "clean", *seeds, "-o", out, "--overwrite",
                                cache=tmp_path / "cache", cwd=tmp_path, code=STALLED_WRITE)
    wait_for(ready.exists, 120, "writing", process)
    temp = Path(ready.read_text(encoding="utf-8"))
    assert temp.parent == outdir and temp.name.startswith(".clean.jsonl.tmp-")  # beside the target
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert out.read_text(encoding="utf-8") == '{"id": "old output"}\n'  # never half-replaced
    if sig == signal.SIGINT:
        assert process.returncode == 130, err[-2000:]
        assert entries(outdir) == ["clean.jsonl"]  # the temporary file is removed
    else:
        # SIGKILL gives no chance to clean up: the hidden temporary file stays, never the target
        assert entries(outdir) == sorted(["clean.jsonl", temp.name])


def test_an_existing_output_is_never_replaced_without_overwrite(tmp_path):
    out = tmp_path / "clean.jsonl"
    out.write_text("mine\n", encoding="utf-8")
    process = newsclean_process("clean", ROOT / "seeds" / "000.txt", "-o", out, cache=tmp_path / "cache", cwd=tmp_path)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2 and b"--overwrite" in err
    assert out.read_text(encoding="utf-8") == "mine\n"
