"""Where symspellpy's English frequency lists are, for the scripts that build data from them."""

from __future__ import annotations

from pathlib import Path


def lists_folder(argv: list[str]) -> Path:
    """``argv[0]`` if given, else the folder of the installed ``symspellpy`` package (it ships the lists)."""
    if argv:
        return Path(argv[0])
    import symspellpy

    return Path(symspellpy.__file__).parent
