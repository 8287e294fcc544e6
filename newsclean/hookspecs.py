"""The hooks a newsclean plugin can implement. Few and coarse: each is called once
per pipeline build (or once per dataset), never once per document.

Implement them with the marker exported by the package::

    from newsclean import hookimpl

    @hookimpl
    def newsclean_normalizers(config):
        return [MyNormalizer()]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .normalizer import Normalizer
    from .pipeline import Pipeline

PROJECT = "newsclean"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newsclean_configure(config: Config) -> None:
    """Declare this plugin's options and their defaults.

    Called first, once per pipeline build, before any normalizer is made. Use
    ``config.declare(name, default, help)`` for each option the plugin reads, so
    that a user's misspelled option is reported instead of ignored, and
    ``config.get(name)`` later to read it. The return value is ignored.
    """


@hookspec
def newsclean_normalizers(config: Config) -> list[Normalizer]:
    """Return the normalizers this plugin provides, built from ``config``.

    Called once per pipeline build, after :func:`newsclean_configure`. Each item
    must be a :class:`newsclean.Normalizer` (``name``, ``stage``, ``order``,
    ``version``, ``params``, ``__call__(doc)``). Names are unique across all
    plugins; the chain is sorted by ``(stage, order, name)``, never by plugin
    registration order. Return an empty list to provide nothing.
    """


@hookspec
def newsclean_modify_pipeline(pipeline: Pipeline) -> None:
    """Have the last word on the built chain.

    Called once per pipeline build, after the normalizers are collected, sorted
    and filtered by ``disable``. A plugin may drop or wrap entries of
    ``pipeline.normalizers`` in place; the chain is re-sorted afterwards. The
    return value is ignored.
    """


@hookspec
def newsclean_dataset_features(features: dict[str, Any]) -> None:
    """Declare the Dataset columns of metadata this plugin adds.

    Called once per pipeline build; the output ``datasets.Features`` are the
    built-in columns plus these. ``features`` is a dict of column name to ``datasets`` feature type; add entries in place
    (e.g. ``features["language"] = datasets.Value("string")``). A normalizer
    fills such a column through ``doc.set_meta(name, value, ...)``. Built-in
    columns cannot be replaced.
    """


@hookspec
def newsclean_lexicons() -> dict[str, Any]:
    """Contribute data (word lists, gazetteer entries) to the built-in steps and to other plugins.

    Called once per pipeline build, after :func:`newsclean_configure` and
    before :func:`newsclean_normalizers`. Return a dict of lexicon name to data.
    The contributions of every plugin are merged into ``config.lexicons`` in
    plugin-name order (lists extended, dicts updated, other values replaced),
    where any plugin's ``newsclean_normalizers`` can read them. The built-in
    ``names`` step reads ``"names"`` (spelling variants) and ``"name_aliases"``
    (other names, subject to the ``name_aliases`` option), each
    ``{canonical: [variants]}``, e.g. ``{"names": {"Zelenskyy": ["Zelensky", "Zelenskiy"]}}``;
    no other key is read by a built-in step.
    """
