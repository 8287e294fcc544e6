"""newsclean's pytest plugin: fixtures for testing normalizers and plugins.

Registered through the ``pytest11`` entry point of the ``newsclean``
distribution, so installing newsclean makes these fixtures available in any
test suite:

``newsclean_plugin_manager(*plugins, builtins=False)``
    a factory: a plugin manager holding only the given plugins (modules or
    objects with ``@hookimpl`` functions, or normalizer objects), plus the
    built-in plugins when ``builtins=True`` (or a list of their names).
    Installed third-party plugins are never loaded.
``newsclean_pipeline(*plugins, builtins=False, config=None, **options)``
    a factory: a :class:`newsclean.Pipeline` built by those plugins' hooks
    (``newsclean_configure``, ``newsclean_lexicons``, ``newsclean_normalizers``...)
    with ``options``; no ``newsclean.toml`` is read.
``news_documents``
    a list of news-like raw texts (:data:`newsclean.testing.SAMPLE_TEXTS`).
    For property tests use the hypothesis strategy
    :func:`newsclean.testing.news_text` with ``@given``.

Importing this module (pytest does, at start-up) imports pytest and
newsclean's light core only, never ``datasets``, hypothesis or a plugin; the
rest is imported when a fixture is used, and nothing is registered or read at
import time.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

_TEST_DISTRIBUTION = "(test)"


def make_plugin_manager(*plugins: Any, builtins: bool | list[str] | tuple[str, ...] = False) -> Any:
    """A :class:`newsclean.loader.PluginManager` holding only ``plugins`` (and the builtins if asked).

    Each plugin is a module or object with hook implementations, or a
    normalizer object (wrapped in a plugin whose ``newsclean_normalizers``
    returns it). Hook implementations are checked like an installed plugin's: a
    misspelled hook raises :class:`newsclean.PluginLoadError`.
    """
    import importlib.metadata as metadata

    from .loader import BUILTIN_DISTRIBUTION, ENTRY_POINT_GROUP, PluginOrigin, get_plugin_manager
    from .normalizer import Normalizer

    if builtins:
        builtin_eps = [
            ep
            for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)
            if ep.dist is not None and ep.dist.metadata["Name"] == BUILTIN_DISTRIBUTION
        ]
        if builtins is not True:
            wanted = set(builtins)
            unknown = wanted - {ep.name for ep in builtin_eps}
            if unknown:
                raise ValueError(
                    f"no built-in plugin named {', '.join(sorted(unknown))}; "
                    f"the built-ins are {', '.join(sorted(ep.name for ep in builtin_eps))}"
                )
            builtin_eps = [ep for ep in builtin_eps if ep.name in wanted]
        pm = get_plugin_manager(entry_points=builtin_eps)
    else:
        pm = get_plugin_manager(use_entry_points=False)
    for i, plugin in enumerate(plugins):
        if isinstance(plugin, Normalizer):
            name = f"normalizer:{plugin.name}"
            plugin = _normalizer_plugin(plugin)
        else:
            name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{i}"
        pm.register_origin(plugin, PluginOrigin(name, _TEST_DISTRIBUTION, "", repr(plugin)))
    pm.check()
    return pm


def _normalizer_plugin(normalizer: Any) -> Any:
    """A plugin object providing one given normalizer."""
    from .hookspecs import hookimpl

    class NormalizerPlugin:
        def __init__(self) -> None:
            self.normalizer = normalizer

        @hookimpl
        def newsclean_normalizers(self, config: Any) -> list[Any]:
            return [self.normalizer]

        def __repr__(self) -> str:
            return f"<plugin providing {self.normalizer!r}>"

    return NormalizerPlugin()


def make_pipeline(
    *plugins: Any,
    builtins: bool | list[str] | tuple[str, ...] = False,
    config: Any = None,
    **options: Any,
) -> Any:
    """A :class:`newsclean.Pipeline` from ``plugins`` (see :func:`make_plugin_manager`) and options.

    ``config`` is a mapping of options or a TOML file path; unlike
    ``Pipeline.from_config()``, no config file of the working directory is read.
    """
    from .pipeline import Pipeline

    pm = make_plugin_manager(*plugins, builtins=builtins)
    return Pipeline.from_config({} if config is None else config, plugin_manager=pm, **options)


@pytest.fixture
def newsclean_plugin_manager() -> Callable[..., Any]:
    """Factory: ``newsclean_plugin_manager(*plugins, builtins=False)`` -> a plugin manager
    holding only these plugins (modules, hook objects or normalizers)."""
    return make_plugin_manager


@pytest.fixture
def newsclean_pipeline() -> Callable[..., Any]:
    """Factory: ``newsclean_pipeline(*plugins, builtins=False, config=None, **options)`` -> a
    Pipeline built by only these plugins' hooks (no installed plugin, no config file)."""
    return make_pipeline


@pytest.fixture
def news_documents() -> list[str]:
    """A list of raw news-like texts (``newsclean.testing.SAMPLE_TEXTS``) to run a normalizer on."""
    from .testing import SAMPLE_TEXTS

    return list(SAMPLE_TEXTS)
