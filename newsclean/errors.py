"""Exceptions. Each names what failed: the plugin, the document, the file and line."""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every newsclean error."""


class PluginLoadError(NewscleanError):
    """A plugin could not be loaded or gave something that is not a normalizer."""


class ConfigError(NewscleanError):
    """A configuration value or file is wrong."""


class InputError(NewscleanError):
    """An input file or record cannot be read; the message names the file and line/record."""


class NormalizerError(NewscleanError):
    """A normalizer raised on a document; the message names the document and the step."""

    def __init__(self, doc_id: str, step: str, error: BaseException) -> None:
        self.doc_id = doc_id
        self.step = step
        self.error = error
        super().__init__(f"document {doc_id!r}: step {step!r} failed: {type(error).__name__}: {error}")

    def __reduce__(self):  # type: ignore[override]
        # Dataset.map(num_proc=N) sends a worker's exception to the parent pickled; the
        # default reduce (rebuild from the message alone) fails and hangs the pool.
        return (type(self), (self.doc_id, self.step, _picklable(self.error)))


def _picklable(error: BaseException) -> BaseException:
    """``error`` if it survives pickling, else a RuntimeError keeping its name and message."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


class OutputError(NewscleanError):
    """The output cannot be written (exists without --overwrite, unknown format)."""
