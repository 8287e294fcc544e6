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
    _common_options(fit)

    profile = sub.add_parser("profile", help="show what a fitted file learned")
    profile.add_argument("fitted", metavar="FILE")

    plugins = sub.add_parser("plugins", help="list the normalizers in chain order with their distribution")
    plugins.add_argument("--json", action="store_true", help="print JSON")
    _common_options(plugins)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        commands = {
            "clean": cmd_clean, "explain": cmd_explain, "plugins": cmd_plugins, "fit": cmd_fit, "profile": cmd_profile,
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
    from .dataset import build_dataset, check_output, save_dataset

    output = Path(args.output)
    check_output(output, overwrite=args.overwrite)  # before the work, not after it
    pipeline = _pipeline(args)
    if args.fitted:
        from .fitted import load_fitted

        pipeline = pipeline.with_params(load_fitted(args.fitted))
    if args.fit:
        pipeline, _ = _fit(pipeline, args, args.fit_sample)
    rejects = output.with_name(output.name + ".rejects.jsonl")
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
    print(summary(ds, output, pipeline))
    # Only a skip run writes the rejects file (empty when nothing failed); one left by
    # an earlier run is not this run's.
    if pipeline.config.get("on_error") == "skip" and rejects.exists() and rejects.stat().st_size:
        print(f"skipped documents and their reasons: {rejects}")
    return 0


def _fit(pipeline: Any, args: argparse.Namespace, sample: int) -> tuple[Any, int]:
    from .document import Document
    from .readers import read_documents

    records = read_documents(args.inputs, text_field=args.text_field, id_field=args.id_field)
    docs = [Document(r["text"], id=r["id"]) for r, _ in zip(records, range(sample))]
    return pipeline.fit(docs, sample_size=sample), len(docs)


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


def summary(ds: Any, output: Path, pipeline: Any) -> str:
    """The end-of-run report: documents, edits by step and rule, metadata found."""
    by_rule: collections.Counter[str] = collections.Counter()
    meta: collections.Counter[str] = collections.Counter()
    flagged = errors = 0
    for row in ds.select_columns(["edits", "flags", "errors", "title", "published", "source", "signoff"]):
        by_rule.update(f"{e['step']}/{e['rule']}" for e in row["edits"])
        meta.update(k for k in ("title", "published", "source", "signoff") if row[k])
        flagged += bool(row["flags"])
        errors += row["errors"] is not None
    lines = [
        f"newsclean: {len(ds)} documents -> {output}  (chain: {' > '.join(pipeline.names)})",
        f"  flagged: {flagged}  kept unchanged after an error: {errors}",
        f"  metadata found: " + (", ".join(f"{k} {v}" for k, v in sorted(meta.items())) or "none"),
        f"  edits: {sum(by_rule.values())}",
    ]
    lines += [f"    {count:6d}  {rule}" for rule, count in by_rule.most_common()]
    return "\n".join(lines)


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
        raise NewscleanError(f"explain: {str(path)!r} is neither a .txt article nor a newsclean output")


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
