"""A fake installed distribution for plugin-loading tests.

``fake_dist("newsclean-typos", SOURCE)`` writes, in a fresh folder under
``tmp_path``, a module ``newsclean_typos.py`` holding ``SOURCE`` and a
``newsclean_typos-1.0.dist-info/`` with ``METADATA`` (Name, Version) and
``entry_points.txt`` (``[newsclean]`` / ``newsclean_typos = newsclean_typos``),
then puts the folder first on ``sys.path``, so that
``importlib.metadata.entry_points(group="newsclean")`` finds it beside the
installed ``newsclean`` distribution.

Use it from a test module with::

    from .fakedist import fake_dist  # noqa: F401

On teardown the fake modules leave ``sys.modules``, import caches are
invalidated and ``newsclean.clean_text``'s pipeline cache is cleared
(``monkeypatch`` takes the folders off ``sys.path``).
"""

from __future__ import annotations

import importlib
import itertools
import re
import sys
import textwrap
from pathlib import Path
from typing import Mapping

import pytest

GROUP = "newsclean"


def _dist_info_name(name: str) -> str:
    # The escaped form used in .dist-info folder names (PEP 427 / binary distribution format).
    return re.sub(r"[-_.]+", "_", name)


class FakeDists:
    """Factory of fake distributions and plain modules, all under one ``tmp_path``."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch
        self.modules: set[str] = set()
        self._counter = itertools.count()

    def site(self) -> Path:
        """A new, empty folder put first on ``sys.path``."""
        folder = self.tmp_path / f"site{next(self._counter)}"
        folder.mkdir()
        self.monkeypatch.syspath_prepend(str(folder))
        return folder

    def __call__(
        self,
        name: str,
        source: str | None = None,
        *,
        version: str = "1.0",
        module: str | None = None,
        entry_point: str | None = None,
        target: str | None = None,
        entry_points: Mapping[str, str] | None = None,
        site: Path | None = None,
    ) -> Path:
        """Install distribution ``name`` ``version``; returns the folder it is in.

        ``module`` (default: ``name`` with ``-`` as ``_``) is written with
        ``source`` unless ``source`` is None (a distribution that only declares
        an entry point to a module found elsewhere). The entry point is
        ``entry_point = target`` (defaults: the module name, the module);
        ``entry_points`` gives the whole ``[newsclean]`` section instead.
        """
        module = module or name.replace("-", "_").replace(".", "_")
        folder = site if site is not None else self.site()
        if source is not None:
            self.write_module(module, source, folder)
        if entry_points is None:
            entry_points = {entry_point or module: target or module}
        info = folder / f"{_dist_info_name(name)}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
        )
        lines = [f"[{GROUP}]"] + [f"{ep} = {value}" for ep, value in entry_points.items()]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (info / "RECORD").write_text("", encoding="utf-8")
        importlib.invalidate_caches()
        return folder

    def module(self, module: str, source: str, site: Path | None = None) -> Path:
        """A plain importable module (no distribution), e.g. for ``-p MODULE``."""
        folder = site if site is not None else self.site()
        self.write_module(module, source, folder)
        importlib.invalidate_caches()
        return folder

    def write_module(self, module: str, source: str, folder: Path) -> Path:
        path = folder / f"{module}.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        self.modules.add(module)
        sys.modules.pop(module, None)
        return path

    def cleanup(self) -> None:
        for module in self.modules:
            sys.modules.pop(module, None)
        importlib.invalidate_caches()
        try:
            from newsclean.pipeline import _cached
        except ImportError:  # pragma: no cover
            return
        _cached.cache_clear()


@pytest.fixture
def fake_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install fake distributions with ``newsclean`` entry points for one test."""
    monkeypatch.delenv("NEWSCLEAN_DISABLE_PLUGINS", raising=False)
    dists = FakeDists(tmp_path, monkeypatch)
    from newsclean.pipeline import _cached

    _cached.cache_clear()
    yield dists
    dists.cleanup()
