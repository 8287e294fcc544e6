"""The Ray Data adapter (newsclean.ray): same rows as clean_dataset; skipped when Ray is not installed."""

from __future__ import annotations

import importlib
import sys

import pytest
from datasets import Dataset, Features

from newsclean import Config, InputError, NewscleanError, Pipeline, clean_dataset, undo_text
from newsclean.dataset import output_features

from .explode_plugin import Explode

pytestmark = [
    pytest.mark.usefixtures("hf_cache"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray"),  # Ray's own deprecated settings, not ours
]


def article(i: int) -> str:
    return (
        f"Story {i} Headline\n\nThe minister said \u201cnumber {i}\u201d and it\u2019s\u00a0fine, "
        f"the the neighbours agreed.\n\n\n  Second\u00a0paragraph {i} \u2013 done.  "
    )


def raw_dataset(n: int = 40) -> Dataset:
    return Dataset.from_dict(
        {
            "id": [f"d{i:03d}" for i in range(n)],
            "text": [article(i) for i in range(n)],
            "url": [f"http://example.com/{i}" for i in range(n)],
            "score": [i / 4 for i in range(n)],
        }
    )


def test_importing_without_ray_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    monkeypatch.setitem(sys.modules, "ray.data", None)
    monkeypatch.delitem(sys.modules, "newsclean.ray", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'newsclean\[ray\]'"):
        importlib.import_module("newsclean.ray")
    monkeypatch.delitem(sys.modules, "newsclean.ray", raising=False)
    import newsclean

    newsclean.__dict__.pop("ray", None)  # the failed submodule import must not linger as an attribute


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.execution_options.preserve_order = True
    yield ray
    ray.shutdown()


def collect(ds) -> list[dict]:
    import pyarrow as pa
    import ray

    table = pa.concat_tables(ray.get(ds.to_arrow_refs()))
    return table, table.to_pylist()


def test_ray_clean_gives_the_rows_of_clean_dataset(ray_local):
    import ray.data

    import newsclean.ray

    raw = raw_dataset(40)
    expected = clean_dataset(raw, disable=["spelling"])
    ray_ds = ray.data.from_arrow(raw.data.table).repartition(4)
    table, rows = collect(newsclean.ray.clean(ray_ds, batch_size=7, disable=["spelling"]))
    assert table.column_names == expected.column_names  # url, score first, then the newsclean columns
    assert Features.from_arrow_schema(table.schema.remove_metadata()) == expected.features
    assert sorted(rows, key=lambda r: r["id"]) == expected.to_list()
    assert [r["id"] for r in rows] == raw["id"]  # preserve_order keeps the input order
    assert all(undo_text(r["text"], r["edits"]) == t for r, t in zip(rows, raw["text"]))
    assert any(e["step"] == "typos" for r in rows for e in r["edits"])  # nested edit logs made it through Arrow


def test_ray_clean_needs_the_text_and_id_columns(ray_local):
    import ray.data

    import newsclean.ray

    no_ids = ray.data.from_items([{"text": "a\u00a0b"}])
    with pytest.raises(InputError, match="no global row index"):
        newsclean.ray.clean(no_ids)
    with pytest.raises(InputError, match="'body'"):
        newsclean.ray.clean(no_ids, text_field="body")


# -- the Cleaner class, in this process ----------------------------------------------------------
def test_cleaner_skip_drops_failed_rows_and_keep_keeps_them(ray_local):
    import pyarrow as pa

    from newsclean.plugins.unicode import UnicodeFixer
    from newsclean.ray import Cleaner

    batch = pa.table({"id": ["a", "b", "c"], "text": ["x \u201cy\u201d", "EXPLODE", "fine"], "n": [1, 2, 3]})
    skip = Cleaner(Pipeline([Explode(), UnicodeFixer()], Config({"on_error": "skip"})), "text", "id")(batch)
    assert skip.column("id").to_pylist() == ["a", "c"] and skip.column("n").to_pylist() == [1, 3]
    assert skip.column("text").to_pylist() == ['x "y"', "fine"]
    keep = Cleaner(Pipeline([Explode(), UnicodeFixer()], Config({"on_error": "keep"})), "text", "id")(batch)
    assert keep.column("errors").to_pylist()[1].startswith("document 'b': step 'explode' failed")
    assert keep.schema.remove_metadata().equals(
        pa.schema([pa.field("n", pa.int64())] + list(output_features(None).arrow_schema))
    )


def test_cleaner_refuses_a_pipeline_that_differs_from_the_drivers(ray_local):
    from newsclean.ray import Cleaner

    with pytest.raises(NewscleanError, match="differs from the driver's"):
        Cleaner(Pipeline.from_config({}), "text", "id", fingerprint="not-the-same")


def test_the_pipeline_reaches_the_actor_by_spec():
    import pickle

    from newsclean.pipeline import _rebuild

    pipeline = Pipeline.from_config({"disable": ["layout"]})
    reduced = pipeline.__reduce__()
    assert reduced[0] is _rebuild and reduced[1][0]["options"] == {"disable": ["layout"]}
    assert pickle.loads(pickle.dumps(pipeline)).fingerprint == pipeline.fingerprint
