"""The ``newsclean`` command. The only module that parses arguments or prints."""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .errors import NewscleanError

EXIT_ERROR = 2


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="a newsclean.toml or pyproject.toml ([tool.newsclean])")
    parser.add_argument(
        "--disable", metavar="STEP", action="append", default=None, help="leave a normalizer out (repeatable)"
    )
    parser.add_argument(
        "--plugins", choices=("error", "warn"), default=None, help="a plugin that fails to load: stop or warn"
    )
    parser.add_argument(
        "-p", dest="load", metavar="MODULE", action="append", default=None, help="also load this plugin module"
    )


def _options(args: argparse.Namespace) -> dict[str, Any]:
    options = {"disable": args.disable, "plugins": args.plugins, "load": args.load}
    if getattr(args, "on_error", None):
        options["on_error"] = args.on_error
    return {k: v for k, v in options.items() if v is not None}


def _shard_size(value: str) -> int:
    try:
        size = int(value)
    except ValueError:
        size = 0
    if size < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number of documents per shard, got {value!r}")
    return size


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Turn raw English news text into a clean Hugging Face Dataset."
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    clean = sub.add_parser("clean", help="clean files or folders of articles into a Dataset")
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt/.jsonl/.csv/.parquet files, folders, saved datasets")
    clean.add_argument("-o", "--output", required=True, metavar="OUT", help="a folder (save_to_disk), or a .jsonl/.parquet file")
    clean.add_argument("--num-proc", type=int, default=None, metavar="N", help="worker processes for Dataset.map")
    clean.add_argument("--text-field", default="text", metavar="F", help="the text field of .jsonl/.csv/.parquet/datasets")
    clean.add_argument("--id-field", default="id", metavar="F", help="the id field (default: id; else file:line)")
    clean.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                       help="invalid UTF-8: stop with the file and byte offset, or replace with U+FFFD")
    clean.add_argument("--on-error", choices=("raise", "skip", "keep"), default=None,
                       help="a normalizer failing on a document: stop, skip it (to OUT.rejects.jsonl), or keep it unchanged")
    clean.add_argument("--overwrite", action="store_true", help="replace an existing output")
    clean.add_argument("--fitted", metavar="FILE", help="use what `newsclean fit` learned")
    clean.add_argument("--fit", action="store_true", help="learn from the inputs first (like `fit`), then clean")
    clean.add_argument("--fit-sample", type=int, default=10_000, metavar="N", help="with --fit: at most N documents")
    clean.add_argument("--streaming", action="store_true",
                       help="constant memory, for corpora larger than memory: write OUT as a folder of Parquet "
                            "shards (OUT/part-00000.parquet, ...) with OUT/_manifest.json")
    clean.add_argument("--shard-size", type=_shard_size, default=None, metavar="N",
                       help="with --streaming: documents per Parquet shard (default 10000)")
    _common_options(clean)

    explain = sub.add_parser("explain", help="show the edits made to documents, with the step and rule of each")
    explain.add_argument("file", metavar="FILE", help="a raw .txt article, or a cleaned output (.jsonl/.parquet/folder)")
    explain.add_argument("--id", dest="doc_id", default=None, help="only the document with this id")
    explain.add_argument("--limit", type=int, default=20, help="at most this many documents (default 20)")
    explain.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _common_options(explain)

    fit = sub.add_parser("fit", help="learn corpus-level state (repeated boilerplate lines) into a file")
    fit.add_argument("inputs", nargs="+", metavar="INPUT")
    fit.add_argument("-o", "--output", required=True, metavar="FILE", help="the fitted file to write (JSON)")
    fit.add_argument("--sample", type=int, default=10_000, metavar="N", help="learn from at most N documents")
    fit.add_argument("--text-field", default="text", metavar="F")
    fit.add_argument("--id-field", default="id", metavar="F")
    fit.add_argument("--overwrite", action="store_true", help="replace an existing fitted file")
    fit.add_argument("--num-proc", type=int, default=None, metavar="N",
                     help="count in N worker processes and add their counts up")
    _common_options(fit)

    profile = sub.add_parser("profile", help="show what a fitted file learned")
    profile.add_argument("fitted", metavar="FILE")

    names = sub.add_parser("names", help="name variants: find candidate spellings in a corpus")
    names_sub = names.add_subparsers(dest="names_command", required=True)
    discover = names_sub.add_parser(
        "discover", help="group the spellings of names in a corpus that share a conservative key, for review"
    )
    discover.add_argument("inputs", nargs="+", metavar="INPUT")
    discover.add_argument("-o", "--output", metavar="FILE", help="write the groups as a name table (TSV) to review")
    discover.add_argument("--min-count", type=int, default=2, metavar="N", help="ignore spellings seen fewer than N times")
    discover.add_argument("--limit", type=int, default=50, metavar="N", help="print at most N groups (default 50)")
    discover.add_argument("--text-field", default="text", metavar="F")
    discover.add_argument("--overwrite", action="store_true", help="replace an existing output table")

    plugins = sub.add_parser("plugins", help="list the normalizers in chain order with their distribution")
    plugins.add_argument("--json", action="store_true", help="print JSON")
    _common_options(plugins)

    new_plugin = sub.add_parser(
        "new-plugin", help="write the skeleton of a plugin distribution: a normalizer, its cases and tests"
    )
    new_plugin.add_argument(
        "name", metavar="NAME", help="the plugin's name (lower case, digits, _), e.g. house_style: it names the "
        "normalizer, the entry point, the package newsclean_NAME and the distribution newsclean-NAME"
    )
    new_plugin.add_argument(
        "--dir", metavar="DIR", default=None, help="the folder to create (default: ./newsclean-NAME, with - for _)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        commands = {
            "clean": cmd_clean, "explain": cmd_explain, "plugins": cmd_plugins, "fit": cmd_fit, "profile": cmd_profile,
            "names": cmd_names, "new-plugin": cmd_new_plugin,
        }
        return commands[args.command](args)
    except NewscleanError as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsclean: interrupted; no output was written", file=sys.stderr)
        return 130


def _pipeline(args: argparse.Namespace):
    from .pipeline import Pipeline

    return Pipeline.from_config(args.config, **_options(args))


def cmd_clean(args: argparse.Namespace) -> int:
    from .dataset import DEFAULT_SHARD_SIZE, build_dataset, check_output, output_format, save_dataset

    output = Path(args.output)
    if args.shard_size is not None and not args.streaming:
        raise NewscleanError("--shard-size applies to --streaming output only; add --streaming or drop --shard-size")
    if args.streaming and output_format(output) != "disk":
        raise NewscleanError(
            f"--streaming writes a folder of Parquet shards ({output.name}/part-00000.parquet, ...); "
            f"give -o a folder name, not {str(output)!r}"
        )
    check_output(output, overwrite=args.overwrite)  # before the work, not after it
    pipeline = _pipeline(args)
    if args.fitted:
        from .fitted import load_fitted

        pipeline = pipeline.with_params(load_fitted(args.fitted))
    if args.fit:
        pipeline, _ = _fit(pipeline, args, args.fit_sample)
    rejects = output.with_name(output.name + ".rejects.jsonl")
    if args.streaming:
        return _clean_streaming(args, output, pipeline, rejects, args.shard_size or DEFAULT_SHARD_SIZE)
    ds = build_dataset(
        args.inputs,
        text_field=args.text_field,
        id_field=args.id_field,
        num_proc=args.num_proc,
        encoding_errors=args.encoding_errors,
        pipeline=pipeline,
        rejects_path=rejects,
    )
    save_dataset(ds, output, overwrite=args.overwrite)
    skipped = 0
    if pipeline.config.get("on_error") == "skip" and rejects.exists():
        with open(rejects, encoding="utf-8") as fh:
            skipped = sum(1 for line in fh if line.strip())
    print(summary(ds, output, pipeline, skipped=skipped))
    # Only a skip run writes the rejects file (empty when nothing failed); one left by
    # an earlier run is not this run's.
    if pipeline.config.get("on_error") == "skip" and rejects.exists() and rejects.stat().st_size:
        print(f"skipped documents and their reasons: {rejects}")
    return 0


def _clean_streaming(args: argparse.Namespace, output: Path, pipeline: Any, rejects: Path, shard_size: int) -> int:
    from .dataset import stream_to_parquet

    report = stream_to_parquet(
        args.inputs,
        output,
        shard_size=shard_size,
        num_proc=args.num_proc,
        pipeline=pipeline,
        text_field=args.text_field,
        id_field=args.id_field,
        encoding_errors=args.encoding_errors,
        overwrite=args.overwrite,
        rejects_path=rejects,
    )
    lines = summary_lines(
        report.documents, report.by_rule, report.metadata, report.flagged, report.errors, output, pipeline,
        skipped=report.rejected,
    )
    shards = report.shards
    lines.insert(1, f"  shards: {len(shards)} ({shards[0]['file']} .. {shards[-1]['file']}, "
                    f"{shard_size} documents per shard)")
    print("\n".join(lines))
    if pipeline.config.get("on_error") == "skip" and report.rejected:
        print(f"skipped documents and their reasons: {rejects}")
    return 0


def _fit(pipeline: Any, args: argparse.Namespace, sample: int) -> tuple[Any, int]:
    from .document import Document
    from .readers import read_documents

    records = read_documents(args.inputs, text_field=args.text_field, id_field=args.id_field)
    docs = [Document(r["text"], id=r["id"]) for r, _ in zip(records, range(sample))]
    return pipeline.fit(docs, sample_size=sample, num_proc=args.num_proc), len(docs)


def cmd_fit(args: argparse.Namespace) -> int:
    from .fitted import describe, fitted_params, save_fitted

    output = Path(args.output)
    if output.exists() and not args.overwrite:
        raise NewscleanError(f"output {str(output)!r} exists; pass --overwrite to replace it")
    pipeline = _pipeline(args)
    fitted, documents = _fit(pipeline, args, args.sample)
    params = fitted_params(pipeline, fitted)
    save_fitted(params, output, documents=documents)
    print(describe(params))
    print(f"newsclean: fitted state written to {output}; use it with `newsclean clean --fitted {output}`")
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    from .fitted import describe, load_fitted

    print(describe(load_fitted(args.fitted)))
    return 0


def cmd_names(args: argparse.Namespace) -> int:
    from .plugins.name_discovery import discover, format_table
    from .readers import read_documents

    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.overwrite:
        raise NewscleanError(f"output {str(output)!r} exists; pass --overwrite to replace it")
    records = read_documents(args.inputs, text_field=args.text_field)
    clusters = discover((r["text"] for r in records), min_count=args.min_count)
    for c in clusters[: args.limit]:
        forms = ", ".join(f"{f} ({n})" for f, n in sorted(c.counts.items(), key=lambda x: -x[1]))
        print(f"{c.canonical:<30} {forms}   shared contexts {c.context_overlap:.2f}, met in one document {c.same_document}x")
    print(f"newsclean: {len(clusters)} groups of spellings" + ("" if len(clusters) <= args.limit else f" ({args.limit} shown)"))
    if output is not None:
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_text(format_table(clusters), encoding="utf-8")
        tmp.replace(output)
        print(f"newsclean: review {output}, delete the rows that are different names, then set name_table = {str(output)!r}")
    return 0


def summary(ds: Any, output: Path, pipeline: Any, *, skipped: int = 0) -> str:
    """The end-of-run report: documents, edits by step and rule, metadata found."""
    by_rule: collections.Counter[str] = collections.Counter()
    meta: collections.Counter[str] = collections.Counter()
    flagged = errors = 0
    for row in ds.select_columns(["edits", "flags", "errors", "title", "published", "source", "signoff"]):
        by_rule.update(f"{e['step']}/{e['rule']}" for e in row["edits"])
        meta.update(k for k in ("title", "published", "source", "signoff") if row[k])
        flagged += bool(row["flags"])
        errors += row["errors"] is not None
    return "\n".join(summary_lines(len(ds), by_rule, meta, flagged, errors, output, pipeline, skipped=skipped))


def summary_lines(
    documents: int,
    by_rule: collections.Counter[str],
    meta: collections.Counter[str],
    flagged: int,
    errors: int,
    output: Path,
    pipeline: Any,
    *,
    skipped: int = 0,
) -> list[str]:
    lines = [
        f"newsclean: {documents + skipped} documents in, {documents} out -> {output}  "
        f"(chain: {' > '.join(pipeline.names)})",
        f"  skipped: {skipped}  flagged: {flagged}  kept unchanged after an error: {errors}",
        "  metadata found: " + (", ".join(f"{k} {v}" for k, v in sorted(meta.items()) if v) or "none"),
        f"  edits: {sum(by_rule.values())}",
    ]
    lines += [f"    {count:6d}  {rule}" for rule, count in by_rule.most_common()]
    return lines


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import render_document

    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    shown = 0
    for row in _explain_rows(args):
        if args.doc_id is not None and row["id"] != args.doc_id:
            continue
        print(render_document(row, colour=colour))
        shown += 1
        if shown >= args.limit:
            break
    if shown == 0:
        print("no matching document" if args.doc_id else "no documents", file=sys.stderr)
        return 1
    return 0


def _explain_rows(args: argparse.Namespace):
    from .dataset import document_row
    from .readers import is_saved_dataset, read_documents

    path = Path(args.file)
    if not path.exists():
        raise NewscleanError(f"explain: {str(path)!r} does not exist")
    if path.suffix.lower() == ".txt":
        pipeline = _pipeline(args)
        for record in read_documents([path]):
            yield document_row(pipeline.clean(record["text"], id=record["id"]))
        return
    if is_saved_dataset(path):
        import datasets

        yield from datasets.load_from_disk(str(path))
    elif path.is_dir() and _is_shard_folder(path):  # a `clean --streaming` output
        from .dataset import read_shards

        yield from read_shards(path)
    elif path.suffix.lower() == ".parquet":
        import datasets

        yield from datasets.Dataset.from_parquet(str(path))
    elif path.suffix.lower() == ".jsonl":
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise NewscleanError(
                            f"explain: {str(path)!r} line {lineno}: malformed JSON ({exc.msg})"
                        ) from None
                    yield row
    else:
        raise NewscleanError(
            f"explain: {str(path)!r} is neither a .txt article nor a newsclean output "
            "(.jsonl, .parquet, a saved dataset folder or a --streaming shard folder)"
        )


def _is_shard_folder(path: Path) -> bool:
    from .dataset import MANIFEST_NAME

    return (path / MANIFEST_NAME).is_file()


def cmd_plugins(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    rows = []
    for n in pipeline.normalizers:
        origin = pipeline.origins.get(n.name)
        rows.append(
            {
                "name": n.name,
                "stage": n.stage.name if hasattr(n.stage, "name") else str(n.stage),
                "order": n.order,
                "version": n.version,
                "plugin": origin.plugin if origin else "",
                "distribution": origin.distribution if origin else "",
                "distribution_version": origin.version if origin else "",
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    header = ("#", "stage", "order", "normalizer", "version", "plugin", "distribution")
    table = [header] + [
        (str(i), r["stage"], str(r["order"]), r["name"], r["version"], r["plugin"],
         f"{r['distribution']} {r['distribution_version']}".strip())
        for i, r in enumerate(rows, 1)
    ]
    widths = [max(len(row[c]) for row in table) for c in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0


#: Files of ``newsclean new-plugin``: skeleton path -> template in newsclean/templates/.
_SKELETON = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    "{{package}}/__init__.py": "__init__.py.tmpl",
    "tests/cases.json": "cases.json.tmpl",
    "tests/test_{{name}}.py": "test_plugin.py.tmpl",
}


def cmd_new_plugin(args: argparse.Namespace) -> int:
    import importlib.metadata as metadata
    import keyword
    import re
    from importlib import resources

    from . import HOOK_API_VERSION
    from .loader import BUILTIN_DISTRIBUTION, ENTRY_POINT_GROUP

    name = args.name
    if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", name) or len(name) > 40 or keyword.iskeyword(name):
        raise NewscleanError(
            f"new-plugin: {name!r} is not a valid plugin name: use lower-case letters and digits, words joined by "
            "single underscores, starting with a letter, at most 40 characters (e.g. house_style). It names the "
            "normalizer, the entry point and the Python package newsclean_NAME"
        )
    builtins = {
        ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)
        if ep.dist is not None and ep.dist.metadata["Name"] == BUILTIN_DISTRIBUTION
    }
    if name in builtins:
        raise NewscleanError(f"new-plugin: {name!r} is the name of a built-in step; choose another name")
    values = {
        "name": name,
        "package": f"newsclean_{name}",
        "distribution": "newsclean-" + name.replace("_", "-"),
        "class_name": "".join(part.capitalize() for part in name.split("_")),
        "newsclean_version": __version__,
        "hook_api": HOOK_API_VERSION,
    }

    def render(text: str) -> str:
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        return text

    target = Path(args.dir) if args.dir else Path(values["distribution"])
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise NewscleanError(
            f"new-plugin: {str(target)!r} already exists" + (" and is not empty" if target.is_dir() else "")
            + "; nothing was written. Choose another folder with --dir DIR"
        )
    templates = resources.files("newsclean").joinpath("templates")
    rendered = {render(path): render(templates.joinpath(template).read_text(encoding="utf-8"))
                for path, template in _SKELETON.items()}
    for path, text in rendered.items():
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    print(f"newsclean: wrote the plugin {name!r} (distribution {values['distribution']}) to {target}/:")
    for path in rendered:
        print(f"  {path}")
    print(
        f"next: cd {target} && python -m pytest -q    (the tests pass as generated)\n"
        f"      edit {values['package']}/__init__.py and tests/cases.json, then pip install -e . "
        f"and check with: newsclean plugins"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
