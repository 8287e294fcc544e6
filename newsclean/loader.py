"""Finding and loading plugins: the ``newsclean`` entry-point group, ``-p MODULE``,
and ``NEWSCLEAN_DISABLE_PLUGINS``.

(DESIGN.md called this module ``plugins.py``; that name would shadow the
``newsclean.plugins`` package of built-in normalizers, so it is ``loader.py``.)
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import os
import warnings
from dataclasses import dataclass
from typing import Iterable, Sequence

import pluggy

from . import hookspecs
from .errors import PluginLoadError

ENTRY_POINT_GROUP = "newsclean"
DISABLE_ENV = "NEWSCLEAN_DISABLE_PLUGINS"
BUILTIN_DISTRIBUTION = "newsclean"


@dataclass(frozen=True)
class PluginOrigin:
    """Where a registered plugin came from (shown by ``newsclean plugins``)."""

    plugin: str
    distribution: str
    version: str
    target: str


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering which distribution gave each plugin."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.add_hookspecs(hookspecs)
        self.origins: dict[str, PluginOrigin] = {}

    def register_origin(self, plugin: object, origin: PluginOrigin) -> None:
        try:
            self.register(plugin, name=origin.plugin)
        except pluggy.PluginValidationError as exc:  # e.g. a hook argument the hookspec lacks
            raise PluginLoadError(
                f"plugin {origin.plugin!r} ({origin.target}) from distribution {origin.distribution!r}: "
                f"{exc}. Fix its hook implementations to match newsclean.hookspecs"
            ) from None
        self.origins[origin.plugin] = origin

    def check(self) -> None:
        """``check_pending`` with an error that names the plugin and what to fix."""
        try:
            self.check_pending()
        except pluggy.PluginValidationError as exc:
            name = self.get_name(exc.plugin) or repr(exc.plugin)
            origin = self.origins.get(name)
            where = f" from distribution {origin.distribution!r}" if origin else ""
            raise PluginLoadError(
                f"plugin {name!r}{where}: {exc}. Hook names must be one of: "
                + ", ".join(sorted(n for n in dir(hookspecs) if n.startswith("newsclean_")))
            ) from None


def _disabled_names() -> tuple[set[str], bool]:
    raw = os.environ.get(DISABLE_ENV, "").strip()
    if raw.lower() in ("1", "all", "true", "*"):
        return set(), True
    return {n.strip() for n in raw.split(",") if n.strip()}, False


def _distribution(ep: metadata.EntryPoint) -> tuple[str, str]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return ("unknown", "")
    return (dist.metadata["Name"] or "unknown", dist.version or "")


def iter_entry_points(
    entry_points: Iterable[metadata.EntryPoint] | None = None,
) -> list[metadata.EntryPoint]:
    """The group's entry points, sorted by name and de-duplicated.

    The same entry point seen twice (a distribution found on two ``sys.path``
    entries) counts once; two different targets claiming one name is an error.
    """
    if entry_points is None:
        entry_points = metadata.entry_points(group=ENTRY_POINT_GROUP)
    chosen: dict[str, metadata.EntryPoint] = {}
    for ep in sorted(entry_points, key=lambda e: (e.name, e.value)):
        seen = chosen.get(ep.name)
        if seen is None:
            chosen[ep.name] = ep
        elif seen.value != ep.value:
            raise PluginLoadError(
                f"two plugins claim the name {ep.name!r}: {seen.value!r} from distribution "
                f"{_distribution(seen)[0]!r} and {ep.value!r} from distribution "
                f"{_distribution(ep)[0]!r}; uninstall one of them or rename its entry point"
            )
    return list(chosen.values())


def get_plugin_manager(
    *,
    plugins: str = "error",
    load: Sequence[str] = (),
    entry_points: Iterable[metadata.EntryPoint] | None = None,
    use_entry_points: bool = True,
) -> PluginManager:
    """A new plugin manager holding the installed plugins (nothing is registered at import).

    ``plugins="warn"`` turns a plugin that fails to import into a warning
    instead of :class:`PluginLoadError`. ``load`` names extra modules to register.
    ``NEWSCLEAN_DISABLE_PLUGINS`` lists entry-point names to skip (``all``
    skips every plugin not shipped with newsclean itself).
    """
    pm = PluginManager()
    skip, skip_third_party = _disabled_names()
    if use_entry_points:
        if entry_points is None:
            entry_points = metadata.entry_points(group=ENTRY_POINT_GROUP)
        # Skip before looking for name clashes, so that the variable can get a
        # broken set of installed plugins out of the way.
        wanted = [
            ep
            for ep in entry_points
            if ep.name not in skip and not (skip_third_party and _distribution(ep)[0] != BUILTIN_DISTRIBUTION)
        ]
        for ep in iter_entry_points(wanted):
            dist, version = _distribution(ep)
            origin = PluginOrigin(ep.name, dist, version, ep.value)
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must name itself
                message = (
                    f"plugin {ep.name!r} ({ep.value}) from distribution {dist!r} {version} "
                    f"failed to import: {type(exc).__name__}: {exc}. Fix or uninstall it, or skip "
                    f"it with {DISABLE_ENV}={ep.name}"
                )
                if plugins == "warn":
                    warnings.warn(message, RuntimeWarning, stacklevel=2)
                    continue
                raise PluginLoadError(message) from exc
            pm.register_origin(plugin, origin)
    for module_name in load:
        if pm.has_plugin(module_name):
            continue
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            raise PluginLoadError(
                f"plugin module {module_name!r} (given with -p/load) failed to import: "
                f"{type(exc).__name__}: {exc}. Check the module name and that it is "
                "importable (installed, or on sys.path / PYTHONPATH)"
            ) from exc
        if pm.is_registered(module):  # already loaded through its entry point
            continue
        pm.register_origin(module, PluginOrigin(module_name, "(-p)", "", module_name))
    pm.check()
    return pm
