"""newsclean: raw English news text in, clean training data (a ``datasets.Dataset``) out.

Importing the package registers nothing and loads no plugin; ``datasets`` is
imported only when a dataset function is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .document import Document, Edit, EditError, Span, undo_text
from .errors import (
    ConfigError,
    InputError,
    NewscleanError,
    NormalizerError,
    OutputError,
    PluginLoadError,
)
from .hookspecs import hookimpl, hookspec
from .normalizer import Normalizer, Stage

__version__ = "0.1.0"

#: Version of the hook API (hook names, arguments, the Normalizer contract).
#: A breaking change of any of them bumps the major number.
HOOK_API_VERSION = "1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .dataset import build_dataset, clean_dataset, save_dataset
    from .loader import get_plugin_manager
    from .pipeline import Pipeline

_LAZY = {
    "Pipeline": ("pipeline", "Pipeline"),
    "Config": ("config", "Config"),
    "load_config": ("config", "load_config"),
    "get_plugin_manager": ("loader", "get_plugin_manager"),
    "build_dataset": ("dataset", "build_dataset"),
    "clean_dataset": ("dataset", "clean_dataset"),
    "save_dataset": ("dataset", "save_dataset"),
    "read_documents": ("readers", "read_documents"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module_name}", __name__), attr)
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")


def clean_text(text: str, *, id: str = "", **options: Any) -> Document:
    """Clean one text with the default chain (or ``options``); returns the Document.

    >>> clean_text("He said \u201chi\u201d.\u00a0 ").text
    'He said "hi".'
    """
    from .pipeline import cached_pipeline

    return cached_pipeline(options).clean(text, id=id)


__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Edit",
    "EditError",
    "HOOK_API_VERSION",
    "InputError",
    "NewscleanError",
    "Normalizer",
    "NormalizerError",
    "OutputError",
    "Pipeline",
    "PluginLoadError",
    "Span",
    "Stage",
    "build_dataset",
    "clean_dataset",
    "clean_text",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "load_config",
    "read_documents",
    "save_dataset",
    "undo_text",
]
