"""Scale: parallel speed-up, streaming memory and throughput by corpus size, Ray Data (optional).

What it measures, on the BBC corpus replicated at benchmark time to the sizes asked
(JSON-lines files of at most 100 MB under a temporary folder, deleted afterwards;
ids ``bbc/<section>/<n>.txt#<copy>``):

* **parallel**: ``clean_dataset`` on an in-memory Dataset of ``--parallel-mb`` MB,
  ``num_proc=2`` against ``num_proc=1`` (wall time of the map alone, caching off),
  and ``newsclean clean --streaming --num-proc 2`` against ``--num-proc 1``;
  plus the time of ``Pipeline.fit`` on its bounded sample (10,000 documents);
* **streaming**: ``newsclean clean INPUT -o OUT --streaming`` at each of ``--sizes``
  (MB), each in a subprocess: wall time, throughput, and the child's peak RSS
  (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` read by a small runner process
  that starts only that command); the in-memory path (``-o OUT.parquet``) at the
  sizes up to ``--inmemory-max-mb``, and at the smallest size a check that both
  outputs hold the same rows. Throughput is MB of UTF-8 input text per second of
  wall time, also with the command's fixed start-up (imports, building the chain,
  measured on a one-document input) taken out;
* **ray** (``--ray``, needs ``newsclean[ray]``): ``newsclean.ray.clean`` on a local
  ``ray.init(num_cpus=2)`` over ``--ray-mb`` MB.

The machine's load average is recorded around every timed run: other work on the
machine slows the figures, and the parallel speed-up most.

Run from the repository root::

    python benchmarks/bench_scale.py                           # --sizes 10,100,1000 --parallel-mb 50
    python benchmarks/bench_scale.py --sizes 10,100 --ray      # what fits; with the Ray figure
    python benchmarks/bench_scale.py --sizes 10,100 --light-sizes 10,100,1000   # 1 GB with a light chain

Without the corpora it prints "corpora not found at ...; skipping" and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from corpus import DEFAULT_CORPORA, bbc_articles
from results import write_section

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_PATH = REPO_ROOT / "benchmarks" / "RESULTS.md"
OUT_DIR = REPO_ROOT / "benchmarks" / "out"  # git-ignored
SECTION_KEY = "scale"
SECTION_HEADING = "Scale (bench_scale.py)"
FILE_MB = 100  # generated JSON-lines files hold at most this many MB of text
SHARD_SIZE = 10_000
#: Articles in the start-up run (see ``startup_seconds``).
STARTUP_DOCS = 40
MB = 1e6
#: The steps of the light chain (``--light-sizes``): the cheap per-character ones.
LIGHT_CHAIN = ("unicode", "layout")

GOAL_SPEEDUP = 1.7
GOAL_RSS_MB = 500
GOAL_STREAM_VS_MEMORY = 0.10
GOAL_LINEAR = 0.15

#: Runs one command and prints its wall time, CPU time and peak RSS (the only child of this runner).
RUNNER = r"""
import json, os, resource, subprocess, sys, time
load = os.getloadavg()[0]
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "rc": proc.returncode, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
    "maxrss_mb": usage.ru_maxrss / 1024, "load_start": load, "load_end": os.getloadavg()[0],
    "stdout": proc.stdout[-4000:], "stderr": proc.stderr[-4000:],
}))
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cpu_seconds() -> float:
    import resource

    return sum(
        u.ru_utime + u.ru_stime
        for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def load_avg() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


# -- corpus ---------------------------------------------------------------------------
def replicated(articles: Sequence[tuple[str, str]], mb: float):
    """``(id, text)`` of the articles repeated until their UTF-8 text reaches ``mb`` MB."""
    total, copy = 0, 0
    while True:
        for name, text in articles:
            yield f"{name}#{copy}", text
            total += len(text.encode("utf-8"))
            if total >= mb * MB:
                return
        copy += 1


def write_corpus(folder: Path, articles: Sequence[tuple[str, str]], mb: float) -> tuple[int, int]:
    """JSON-lines files of at most ``FILE_MB`` MB of text; returns (documents, text bytes)."""
    folder.mkdir(parents=True)
    docs = nbytes = in_file = 0
    fh = None
    try:
        for doc_id, text in replicated(articles, mb):
            size = len(text.encode("utf-8"))
            if fh is None or in_file + size > FILE_MB * MB:
                if fh is not None:
                    fh.close()
                fh = open(folder / f"part-{docs:08d}.jsonl", "w", encoding="utf-8")
                in_file = 0
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            docs += 1
            nbytes += size
            in_file += size
    finally:
        if fh is not None:
            fh.close()
    return docs, nbytes


# -- subprocess runs --------------------------------------------------------------------
def run_cli(args: Sequence[str], work: Path) -> dict[str, Any]:
    """``python -m newsclean ARGS`` under the runner, in an empty folder with a fresh datasets cache."""
    cache = Path(tempfile.mkdtemp(prefix="hf-", dir=work))
    cwd = Path(tempfile.mkdtemp(prefix="cwd-", dir=work))
    env = {**os.environ, "HF_DATASETS_CACHE": str(cache), "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
    cmd = [sys.executable, "-c", RUNNER, sys.executable, "-m", "newsclean", *map(str, args)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, check=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(cwd, ignore_errors=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"newsclean {' '.join(map(str, args))} failed ({result['rc']}):\n{result['stderr']}")
    return result


def startup_seconds(work: Path, articles: Sequence[tuple[str, str]], flags: Sequence[str] = ()) -> tuple[float, float]:
    """The fixed cost of one ``clean --streaming`` run, ``(seconds, CPU seconds)``: imports, the
    chain's build and its data.

    The run cleans STARTUP_DOCS articles spread over the corpus (about 0.1 MB, a tenth of a
    second of work), not one: the steps load their word lists, language model and gazetteer
    on the first text that needs them, and one short article does not reach them all, which
    left those loads inside the smallest size's time.
    """
    folder = work / "one"
    sample = articles[:: max(1, len(articles) // STARTUP_DOCS)][:STARTUP_DOCS]
    write_corpus(folder, sample, sum(len(text.encode("utf-8")) for _name, text in sample) / MB)
    try:
        runs = [run_cli(["clean", folder, "-o", work / f"one-out-{i}", "--streaming", *flags], work) for i in range(2)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for i in range(2):
            shutil.rmtree(work / f"one-out-{i}", ignore_errors=True)
    return min(r["seconds"] for r in runs), min(r["cpu"] for r in runs)


def same_rows(shards: Path, parquet: Path) -> bool:
    import pyarrow as pa
    import pyarrow.parquet as pq

    streamed = pa.concat_tables(pq.read_table(p) for p in sorted(shards.glob("part-*.parquet")))
    return streamed.equals(pq.read_table(parquet))


# -- sections -----------------------------------------------------------------------------
def bench_parallel(articles: Sequence[tuple[str, str]], mb: float, work: Path) -> dict[str, Any]:
    import datasets
    from datasets import Dataset

    from newsclean import clean_dataset
    from newsclean.pipeline import Pipeline

    datasets.disable_progress_bars()
    datasets.disable_caching()
    ids, texts = zip(*replicated(articles, mb))
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    ds = Dataset.from_dict({"id": list(ids), "text": list(texts)})
    pipeline = Pipeline.from_config({})
    result: dict[str, Any] = {"mb": nbytes / MB, "docs": len(ids), "map": {}}
    for num_proc in (1, 2):
        cache = Path(tempfile.mkdtemp(prefix="hf-", dir=work))
        datasets.config.HF_DATASETS_CACHE = cache
        load_start = load_avg()
        cpu_start = cpu_seconds()
        start = time.perf_counter()
        out = clean_dataset(ds, num_proc=num_proc, pipeline=pipeline)
        seconds = time.perf_counter() - start
        cpu = cpu_seconds() - cpu_start  # this process and its (finished) workers
        assert len(out) == len(ids)
        del out
        shutil.rmtree(cache, ignore_errors=True)
        result["map"][str(num_proc)] = {"seconds": seconds, "cpu": cpu, "load": f"{load_start} -> {load_avg()}"}
        log(f"  clean_dataset num_proc={num_proc}: {seconds:.1f} s ({nbytes / MB / seconds:.2f} MB/s), "
            f"CPU {cpu:.1f} s, load {load_avg()}")
    result["speedup"] = result["map"]["1"]["seconds"] / result["map"]["2"]["seconds"]

    # Pipeline.fit: a bounded sample, sequential through the chain
    from newsclean import Document

    sample = [Document(t, id=i) for i, t in zip(ids[:10_000], texts[:10_000])]
    start = time.perf_counter()
    pipeline.fit(sample)
    result["fit"] = {"docs": len(sample), "seconds": time.perf_counter() - start,
                     "mb": sum(len(d.text.encode("utf-8")) for d in sample) / MB}
    log(f"  Pipeline.fit on {len(sample)} documents: {result['fit']['seconds']:.1f} s")

    # the same corpus through `clean --streaming`, 1 and 2 processes
    folder = work / f"parallel-{mb:g}"
    write_corpus(folder, articles, mb)
    result["stream"] = {}
    try:
        for num_proc in (1, 2):
            out = work / f"parallel-out-{num_proc}"
            r = run_cli(["clean", folder, "-o", out, "--streaming", "--num-proc", num_proc], work)
            shutil.rmtree(out, ignore_errors=True)
            result["stream"][str(num_proc)] = r
            log(f"  clean --streaming --num-proc {num_proc}: {r['seconds']:.1f} s, peak RSS {r['maxrss_mb']:.0f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result["stream_speedup"] = result["stream"]["1"]["seconds"] / result["stream"]["2"]["seconds"]
    return result


def bench_streaming(
    articles: Sequence[tuple[str, str]],
    sizes: Sequence[float],
    inmemory_max: float,
    work: Path,
    disable: Sequence[str] = (),
    chain: str = "",
) -> dict[str, Any]:
    flags = [arg for name in disable for arg in ("--disable", name)]
    startup, startup_cpu = startup_seconds(work, articles, flags)
    distinct_mb = sum(len(text.encode("utf-8")) for _name, text in articles) / MB
    result: dict[str, Any] = {"startup": startup, "startup_cpu": startup_cpu, "sizes": [], "chain": chain,
                              "distinct_mb": distinct_mb,
                              "disabled": list(disable)}
    log(f"chain {chain}: start-up of one run: {result['startup']:.1f} s")
    for mb in sizes:
        folder = work / f"corpus-{mb:g}"
        start = time.perf_counter()
        docs, nbytes = write_corpus(folder, articles, mb)
        log(f"{mb:g} MB: {docs:,} documents written in {time.perf_counter() - start:.0f} s; load {load_avg()}")
        row: dict[str, Any] = {"mb": nbytes / MB, "docs": docs}
        try:
            out = work / f"out-{mb:g}"
            row["stream"] = run_cli(["clean", folder, "-o", out, "--streaming", "--shard-size", SHARD_SIZE, *flags], work)
            manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
            assert manifest["documents"] == docs, (manifest["documents"], docs)
            row["shards"] = len(manifest["shards"])
            log(f"  streaming: {row['stream']['seconds']:.1f} s, peak RSS {row['stream']['maxrss_mb']:.0f} MB")
            if mb <= inmemory_max:
                parquet = work / f"out-{mb:g}.parquet"
                row["memory"] = run_cli(["clean", folder, "-o", parquet, *flags], work)
                log(f"  in memory: {row['memory']['seconds']:.1f} s, peak RSS {row['memory']['maxrss_mb']:.0f} MB")
                if mb == min(sizes):
                    row["same_rows"] = same_rows(out, parquet)
                    log(f"  same rows: {row['same_rows']}")
                parquet.unlink()
            shutil.rmtree(out, ignore_errors=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        result["sizes"].append(row)
    return result


def bench_ray(articles: Sequence[tuple[str, str]], mb: float) -> dict[str, Any] | None:
    try:
        import ray
        import ray.data

        import newsclean.ray
    except ImportError as exc:
        log(f"ray: skipped ({exc})")
        return None
    try:
        return _bench_ray(articles, mb)
    except Exception as exc:  # noqa: BLE001 - the other parts' figures must still be written
        log(f"ray: failed: {type(exc).__name__}: {exc}")
        return {"error": f"{type(exc).__name__}: {exc}"}


def _bench_ray(articles: Sequence[tuple[str, str]], mb: float) -> dict[str, Any]:
    import ray
    import ray.data

    import newsclean.ray
    import pyarrow as pa

    ids, texts = zip(*replicated(articles, mb))
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    init = time.perf_counter() - start
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ds = ray.data.from_arrow(pa.table({"id": list(ids), "text": list(texts)})).repartition(8)
        ds = ds.materialize()
        load_start = load_avg()
        start = time.perf_counter()
        cleaned = newsclean.ray.clean(ds).materialize()
        seconds = time.perf_counter() - start
        assert cleaned.count() == len(ids)
    finally:
        ray.shutdown()
    log(f"  ray: {seconds:.1f} s ({nbytes / MB / seconds:.2f} MB/s), ray.init {init:.1f} s")
    return {"mb": nbytes / MB, "docs": len(ids), "seconds": seconds, "init": init,
            "load": f"{load_start} -> {load_avg()}", "ray": ray.__version__}


# -- report ---------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def render(info: list[str], parallel: dict | None, streamings: Sequence[dict], ray_result: dict | None) -> str:
    lines = list(info) + [""]
    if parallel:
        p = parallel
        m1, m2 = p["map"]["1"], p["map"]["2"]
        s1, s2 = p["stream"]["1"], p["stream"]["2"]

        def cpu(r: dict) -> str:
            return f"{r['cpu']:.1f}" if "cpu" in r else "—"

        lines += [
            f"### Parallel: {p['mb']:.1f} MB, {p['docs']:,} documents" + (f" (from the run of {p['date']})" if p.get("reused") else ""),
            "",
            "| run | processes | seconds | CPU seconds | MB/s | speed-up | load average before -> after |",
            "|---|---:|---:|---:|---:|---:|---|",
            f"| `clean_dataset` (Dataset.map) | 1 | {m1['seconds']:.1f} | {cpu(m1)} | {p['mb'] / m1['seconds']:.2f} | 1.00 | {m1['load']} |",
            f"| `clean_dataset` (Dataset.map) | 2 | {m2['seconds']:.1f} | {cpu(m2)} | {p['mb'] / m2['seconds']:.2f} | "
            f"{m1['seconds'] / m2['seconds']:.2f} | {m2['load']} |",
            f"| `clean --streaming` (CLI, subprocess) | 1 | {s1['seconds']:.1f} | {cpu(s1)} | {p['mb'] / s1['seconds']:.2f} | 1.00 | "
            f"{s1['load_start']:.2f} -> {s1['load_end']:.2f} |",
            f"| `clean --streaming --num-proc 2` | 2 | {s2['seconds']:.1f} | {cpu(s2)} | {p['mb'] / s2['seconds']:.2f} | "
            f"{s1['seconds'] / s2['seconds']:.2f} | {s2['load_start']:.2f} -> {s2['load_end']:.2f} |",
            "",
            f"- goal `num_proc=2` ≥ {GOAL_SPEEDUP}× `num_proc=1`: {p['speedup']:.2f}× — {verdict(p['speedup'] >= GOAL_SPEEDUP)} "
            f"(the machine has {os.cpu_count()} CPUs; a load average above 0 before a run means other work shared them)",
            f"- `Pipeline.fit` on its bounded sample ({p['fit']['docs']:,} documents, {p['fit']['mb']:.1f} MB): "
            f"{p['fit']['seconds']:.1f} s, whatever the corpus size",
            "",
        ]
    for streaming in streamings:
        st = streaming["startup"]
        st_cpu = streaming.get("startup_cpu")
        disabled = "".join(f" --disable {d}" for d in streaming["disabled"])
        lines += [
            f"### Streaming, chain {streaming['chain']}: `newsclean clean INPUT -o OUT --streaming{disabled}` by corpus size"
            + (f" (from the run of {streaming['date']})" if streaming.get("reused") else ""),
            "",
            f"Start-up of one run (imports, building the chain and loading its data: a run over {STARTUP_DOCS} articles): {st:.1f} s"
            + (f" ({st_cpu:.1f} CPU s)" if st_cpu is not None else "")
            + "; `MB/s net` takes it out. `MB per CPU s` is the same net of start-up per CPU second of the run's processes: "
            "other work on the machine slows the clock time of a run but not its own CPU time.",
            "",
            "| MB | documents | path | seconds | CPU seconds | MB/s | MB/s net | MB per CPU s | peak RSS MB | shards | load before -> after |",
            "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for row in streaming["sizes"]:
            for path in ("stream", "memory"):
                r = row.get(path)
                if r is None:
                    continue
                net = row["mb"] / max(r["seconds"] - st, 1e-9)
                per_cpu = f"{row['mb'] / max(r['cpu'] - st_cpu, 1e-9):.2f}" if st_cpu is not None and "cpu" in r else "—"
                lines.append(
                    f"| {row['mb']:.0f} | {row['docs']:,} | {'streaming' if path == 'stream' else 'in memory (.parquet)'} | "
                    f"{r['seconds']:.1f} | {r['cpu']:.1f} | {row['mb'] / r['seconds']:.2f} | {net:.2f} | {per_cpu} | {r['maxrss_mb']:.0f} | "
                    f"{row.get('shards', '') if path == 'stream' else ''} | {r['load_start']:.2f} -> {r['load_end']:.2f} |"
                )
        lines.append("")
        sizes = streaming["sizes"]
        largest = max(sizes, key=lambda r: r["mb"])
        rss = largest["stream"]["maxrss_mb"]
        lines.append(f"- goal peak RSS < {GOAL_RSS_MB} MB streaming {largest['mb']:.0f} MB: {rss:.0f} MB — "
                     f"{verdict(rss < GOAL_RSS_MB)}")
        both = [r for r in sizes if "memory" in r]
        if both:
            r = max(both, key=lambda x: x["mb"])
            ratio = r["memory"]["seconds"] / r["stream"]["seconds"]
            lines.append(
                f"- goal streaming throughput within {GOAL_STREAM_VS_MEMORY:.0%} of in memory (at {r['mb']:.0f} MB, the "
                f"largest size run both ways): streaming/in-memory = {ratio:.2f} — "
                f"{verdict(ratio >= 1 - GOAL_STREAM_VS_MEMORY)}"
            )
        same = [r for r in sizes if "same_rows" in r]
        if same:
            lines.append(f"- streaming and in-memory outputs hold the same rows (at {same[0]['mb']:.0f} MB): "
                         f"{'yes' if same[0]['same_rows'] else '**no**'}")
        if len(sizes) > 1:
            net = [r["mb"] / max(r["stream"]["seconds"] - st, 1e-9) for r in sizes]
            spread = max(net) / min(net) - 1
            gross = [r["mb"] / r["stream"]["seconds"] for r in sizes]
            listed = ", ".join(f"{r['mb']:.0f}" for r in sizes)
            if st_cpu is not None and all("cpu" in r["stream"] for r in sizes):
                per_cpu = [r["mb"] / max(r["stream"]["cpu"] - st_cpu, 1e-9) for r in sizes]
                cpu_spread = max(per_cpu) / min(per_cpu) - 1
                lines.append(
                    f"- goal linear cost (throughput at {listed} MB within {GOAL_LINEAR:.0%}): per CPU second, net of "
                    f"start-up, {cpu_spread:.0%} apart — {verdict(cpu_spread <= GOAL_LINEAR)}; by the clock, net "
                    f"{spread:.0%} apart, gross (start-up included) {max(gross) / min(gross) - 1:.0%} apart (the clock "
                    "figures also measure the machine's other work: see the load column)"
                )
                distinct = streaming.get("distinct_mb", 5.04)
                warm = [(r["mb"], c) for r, c in zip(sizes, per_cpu) if r["mb"] >= 10 * distinct]
                if len(warm) > 1:
                    lines.append(
                        f"- the corpus is {distinct:.1f} MB of distinct articles, repeated: the steps' per-process caches "
                        "of per-word decisions (typos, misspellings, names, spelling) make text seen before cheaper, so "
                        "the sizes where most of it is seen for the first time are the slowest. At "
                        + " and ".join(f"{mb:.0f}" for mb, _ in warm)
                        + f" MB (each article seen {warm[0][0] / distinct:.0f} times or more) the throughput per CPU second "
                        f"is {max(c for _, c in warm) / min(c for _, c in warm) - 1:.0%} apart"
                    )
            else:
                lines.append(
                    f"- goal linear cost (throughput at {listed} MB within "
                    f"{GOAL_LINEAR:.0%}): net {spread:.0%} apart — {verdict(spread <= GOAL_LINEAR)}; "
                    f"gross (start-up included) {max(gross) / min(gross) - 1:.0%} apart"
                )
        lines.append("")
    if ray_result and "error" in ray_result:
        lines += ["### Ray Data", "", f"- the run failed: {ray_result['error']}", ""]
    elif ray_result:
        r = ray_result
        lines += [
            f"### Ray Data: `newsclean.ray.clean` on `ray.init(num_cpus=2)`, {r['mb']:.1f} MB, {r['docs']:,} documents"
            + (f" (from the run of {r['date']})" if r.get("reused") else ""),
            "",
            f"- {r['seconds']:.1f} s = **{r['mb'] / r['seconds']:.2f} MB/s** (ray {r['ray']}; ray.init {r['init']:.1f} s "
            f"not counted; actors' start and pipeline build counted); load {r['load']}",
            "",
        ]
    return "\n".join(lines) + "\n"


def machine_info(argv: Sequence[str]) -> list[str]:
    from datetime import datetime, timezone

    import newsclean

    return [
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- command: `{' '.join(['python', 'benchmarks/bench_scale.py', *argv])}`",
        f"- python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}, "
        f"load average at start {load_avg()}",
        f"- newsclean {newsclean.__version__}; corpus: the 2,225 BBC articles replicated to each size "
        "(JSON lines, generated at run time, deleted after)",
        "- MB = 10^6 bytes of UTF-8 input text; peak RSS = `ru_maxrss` of `getrusage(RUSAGE_CHILDREN)` in a runner "
        "process whose only child is the command (with `--num-proc 2`: the largest of the main process and its workers)",
    ]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="streaming sizes in MB (default 10,100,1000)")
    parser.add_argument("--inmemory-max-mb", type=float, default=100,
                        help="also run the in-memory path at sizes up to this (default 100)")
    parser.add_argument("--light-sizes", default="",
                        help="streaming sizes in MB run with the light chain (unicode > layout only): the memory and "
                             "linearity of the streaming machinery at sizes the full chain takes too long for")
    parser.add_argument("--light-inmemory-max-mb", type=float, default=0,
                        help="with --light-sizes: also the in-memory path up to this size (default: none)")
    parser.add_argument("--parallel-mb", type=float, default=50, help="corpus size of the num_proc run (default 50)")
    parser.add_argument("--skip-parallel", action="store_true")
    parser.add_argument("--skip-streaming", action="store_true")
    parser.add_argument("--ray", action="store_true", help="also measure newsclean.ray at 2 CPUs")
    parser.add_argument("--ray-mb", type=float, default=20, help="corpus size of the Ray run (default 20)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--work", type=Path, default=None,
                        help="where generated corpora go (default: a temporary folder under benchmarks/out/)")
    parser.add_argument("--reuse", action="store_true",
                        help="parts skipped in this run are taken from the last run (benchmarks/out/scale.json), "
                             "marked with its date")
    parser.add_argument("--no-write", action="store_true", help="print the section, do not write RESULTS.md")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    tarball = args.corpora / "typos" / "bbc-fulltext.tar.gz"
    if not tarball.is_file():
        print(f"corpora not found at {args.corpora}; skipping")
        return 0
    info = machine_info(argv)
    articles = list(bbc_articles(args.corpora))
    base = args.work or OUT_DIR
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="scale-", dir=base))
    partial = OUT_DIR / "scale.partial.json"  # each part's figures as soon as it is done

    def keep(name: str, value: Any) -> Any:
        done = json.loads(partial.read_text(encoding="utf-8")) if partial.is_file() else {}
        done[name] = value
        partial.write_text(json.dumps(done, indent=1, default=str), encoding="utf-8")
        return value

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    partial.unlink(missing_ok=True)
    try:
        parallel = None if args.skip_parallel else keep("parallel", bench_parallel(articles, args.parallel_mb, work))
        sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
        streamings = []
        from newsclean.pipeline import Pipeline

        names = Pipeline.from_config({}).names
        if sizes and not args.skip_streaming:
            streamings.append(keep("streaming-full", bench_streaming(articles, sizes, args.inmemory_max_mb, work, (),
                                                                     " > ".join(names))))
        light_sizes = [float(s) for s in args.light_sizes.split(",") if s.strip()]
        if light_sizes:
            kept = [n for n in names if n in LIGHT_CHAIN]
            disable = [n for n in names if n not in LIGHT_CHAIN]
            streamings.append(keep("streaming-light", bench_streaming(
                articles, light_sizes, args.light_inmemory_max_mb, work, disable, " > ".join(kept) + " (light)")))
        ray_result = bench_ray(articles, args.ray_mb) if args.ray else None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stamp = info[0].removeprefix("- date: ")
    raw = {"parallel": parallel, "streaming": streamings, "ray": ray_result}
    for part in raw.values():
        for item in part if isinstance(part, list) else [part]:
            if isinstance(item, dict):
                item.setdefault("date", stamp)
    saved = OUT_DIR / "scale.json"
    if args.reuse and saved.is_file():  # parts not run this time: the last run's, marked with its date
        previous = json.loads(saved.read_text(encoding="utf-8"))
        for key, value in previous.items():
            if not raw.get(key) and value:
                for item in value if isinstance(value, list) else [value]:
                    item["reused"] = True
                    item.setdefault("date", "an earlier run")
                raw[key] = value
    raw = json.loads(json.dumps(raw, default=str))  # int keys -> str, as read back
    body = render(info, raw["parallel"], raw["streaming"] or [], raw["ray"])
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
    if not args.no_write:
        write_section(RESULTS_PATH, SECTION_KEY, SECTION_HEADING, body)
    print(f"## {SECTION_HEADING}\n\n{body}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
