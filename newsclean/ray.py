"""Ray Data adapter: clean a ``ray.data.Dataset`` with newsclean, one pipeline per actor.

Install with ``pip install 'newsclean[ray]'`` (Ray Data is not a dependency of
newsclean itself; importing this module without it raises ImportError saying so).

>>> import ray, newsclean.ray                                    # doctest: +SKIP
>>> ds = ray.data.read_parquet("raw/")                           # columns id, text, ...  # doctest: +SKIP
>>> cleaned = newsclean.ray.clean(ds, concurrency=8, disable=["layout"])  # doctest: +SKIP
>>> cleaned.write_parquet("clean/")                              # doctest: +SKIP

The output has the columns of :func:`newsclean.clean_dataset` (the input's other
columns first, then ``id``, ``text``, metadata, ``flags``, ``removed``, ``edits``,
``errors``), as Arrow types: ``removed`` and ``edits`` are ``list<struct<...>>``,
so they go through ``write_parquet`` / ``to_arrow_refs`` / ``iter_batches`` as they
are, and ``newsclean.undo_text(row["text"], row["edits"])`` works on each row.

How it runs: ``map_batches`` with a callable class and ``batch_format="pyarrow"``.
The driver builds the pipeline once (so a bad option fails at once, on the driver)
and hands it to every actor pickled by its *spec* (its options and every
normalizer's params, fitted state included); each actor rebuilds it once, in its
constructor, from the plugins installed where it runs, and checks that the
rebuilt chain has the driver's fingerprint (names, versions, params, data files).

On a multi-node cluster:

* Install the same newsclean, the same plugin distributions and their data on
  every node (a container image, or ``ray.init(runtime_env={"pip": [...]})``).
  An actor whose rebuilt pipeline differs from the driver's (another version of
  a plugin, a missing data file, a plugin that failed to load) stops with an
  error naming both fingerprints instead of cleaning differently.
* Connect with ``ray.init(address="auto")`` (or ``ray://head:10001``); read and
  write on storage every node sees (``read_parquet("s3://...")``,
  ``write_parquet("s3://...")``), not a local folder.
* ``concurrency`` is the number of actors (pipelines); each takes ``num_cpus``
  (default 1). The default (``None``) lets Ray Data autoscale the actor pool to
  the free CPUs; a ``(min, max)`` pair bounds it. A fixed number equal to *all*
  the cluster's CPUs can starve the tasks that feed the actors (a read, a
  ``repartition``) and hang: leave them a CPU, or use the default. Building a
  pipeline takes about a second per actor; ``batch_size`` rows (default 256)
  are cleaned per call.
* Ray Data does not keep row order by default; set
  ``ray.data.DataContext.get_current().execution_options.preserve_order = True``
  if you need the input order, or sort by ``id``.
* Every row needs an id: Ray has no global row index, so the input must have
  the ``id_field`` column (unlike ``clean_dataset``, which falls back to the row number).
* ``on_error="skip"`` drops the failed rows; to keep their reasons, use
  ``on_error="keep"`` and filter on the ``errors`` column yourself.
"""

from __future__ import annotations

from typing import Any

try:
    import ray.data as _ray_data  # noqa: F401  (the import is the check)
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        f"newsclean.ray needs Ray Data, which is not installed ({exc}); install it with: pip install 'newsclean[ray]'"
    ) from exc

from .dataset import CleanBatch, output_features
from .errors import InputError, NewscleanError
from .pipeline import Pipeline

__all__ = ["Cleaner", "clean"]


class Cleaner:
    """The ``map_batches`` callable class: one pipeline per actor, Arrow batches in and out.

    ``pipeline`` arrives pickled by its spec and is rebuilt once here, in the actor.
    """

    def __init__(self, pipeline: Pipeline, text_field: str, id_field: str, fingerprint: str | None = None) -> None:
        if fingerprint is not None and pipeline.fingerprint != fingerprint:
            raise NewscleanError(
                f"the pipeline rebuilt on this Ray worker ({' > '.join(pipeline.names)}, fingerprint "
                f"{pipeline.fingerprint}) differs from the driver's (fingerprint {fingerprint}): install the same "
                "newsclean, plugins and data files on every node"
            )
        self.fn = CleanBatch(pipeline, text_field, id_field)
        features = output_features(pipeline)
        self.ours = list(features)
        self.schema = features.arrow_schema
        self.text_field = text_field
        self.id_field = id_field
        self.skip = pipeline.config.get("on_error") == "skip"

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa
        import pyarrow.compute as pc

        texts = batch.column(self.text_field).to_pylist()
        ids = batch.column(self.id_field).to_pylist()
        cleaned = self.fn({self.text_field: texts, self.id_field: ids}, [])
        out = pa.Table.from_pydict(cleaned, schema=self.schema)
        kept = [name for name in batch.column_names if name not in self.ours and name != self.text_field]
        if kept:  # the input's other columns first, as clean_dataset keeps them
            out = pa.Table.from_arrays(
                [batch.column(name) for name in kept] + out.columns,
                names=kept + out.column_names,
            )
        if self.skip:
            out = out.filter(pc.is_null(out.column("errors")))
        return out


def clean(
    ray_dataset: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    pipeline: Pipeline | None = None,
    concurrency: int | tuple[int, int] | None = None,
    batch_size: int = 256,
    num_cpus: float = 1,
    **options: Any,
) -> Any:
    """Clean ``ray_dataset[text_field]``: a lazy ``ray.data.Dataset`` with the columns of ``clean_dataset``.

    ``options`` are newsclean options (``disable=[...]``, ``on_error="keep"``,
    ``config="newsclean.toml"``...), or give a built ``pipeline`` (a fitted one,
    say). ``concurrency`` is the number of actors, each with ``num_cpus`` CPUs
    (default: Ray Data's autoscaling pool). See the module's docstring for
    running on a cluster.
    """
    pipeline = pipeline or Pipeline.from_config(**options)
    columns = ray_dataset.columns()
    if columns is not None:
        if text_field not in columns:
            raise InputError(
                f"dataset has no column {text_field!r} (columns: {', '.join(columns)}); choose it with text_field="
            )
        if id_field not in columns:
            raise InputError(
                f"dataset has no column {id_field!r} (columns: {', '.join(columns)}): Ray Data has no global row "
                "index to fall back on; add an id column or choose it with id_field="
            )
    return ray_dataset.map_batches(
        Cleaner,
        fn_constructor_kwargs={
            "pipeline": pipeline,  # pickled by spec: rebuilt once per actor
            "text_field": text_field,
            "id_field": id_field,
            "fingerprint": pipeline.fingerprint if pipeline._rebuildable else None,
        },
        batch_format="pyarrow",
        batch_size=batch_size,
        concurrency=concurrency,
        num_cpus=num_cpus,
    )
