"""A plugin whose normalizer fails on documents containing EXPLODE (for the on_error tests).

Tests import ``Explode`` from here, or write this file's source as a plugin module
(``EXPLODE_PLUGIN``) to load it with ``-p``.
"""

from pathlib import Path

from newsclean import Normalizer, Stage, hookimpl

EXPLODE_PLUGIN = Path(__file__).read_text(encoding="utf-8")


class Explode(Normalizer):
    name = "explode"
    stage = Stage.FINISH
    version = "1"

    def __call__(self, doc):
        if "EXPLODE" in doc.text:
            raise ValueError("cannot clean this one")


@hookimpl
def newsclean_normalizers(config):
    return [Explode()]
