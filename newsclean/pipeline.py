"""The Pipeline: the sorted chain of normalizers, built once from the plugin hooks.

After the build no pluggy call happens per document. A pipeline built from a
config pickles by *spec* (its options plus each normalizer's params), so a
``Dataset.map(num_proc=N)`` worker or a Ray actor rebuilds it from the
installed plugins; one built from explicit normalizer objects pickles them by
value.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Iterable, Mapping, Sequence

from .config import Config, load_config
from .document import Document
from .errors import ConfigError, NewscleanError, NormalizerError, PluginLoadError
from .fitting import fit_parallel, learns, run_steps
from .loader import PluginManager, PluginOrigin, get_plugin_manager
from .normalizer import Normalizer, Stage, fingerprint_of, validate_normalizer
from .scope import LastRun, rerun

#: The chain runs at most this many times over one document (see ``Pipeline.run``).
MAX_PASSES = 3
#: Edits made after this stage can change what the stages up to it decided.
STRUCTURE_STAGE = Stage.STRUCTURE


class Pipeline:
    """An ordered chain of normalizers plus the config it was built from."""

    def __init__(
        self,
        normalizers: Sequence[Normalizer],
        config: Config | None = None,
        *,
        origins: Mapping[str, PluginOrigin] | None = None,
        extra_features: Mapping[str, Any] | None = None,
        rebuildable: bool = False,
    ) -> None:
        self.config = config if config is not None else Config()
        self.normalizers: list[Normalizer] = list(normalizers)
        #: normalizer name -> the plugin (and distribution) that provided it.
        self.origins: dict[str, PluginOrigin] = dict(origins or {})
        #: Dataset columns declared by plugins (``newsclean_dataset_features``).
        self.extra_features: dict[str, Any] = dict(extra_features or {})
        self._rebuildable = rebuildable
        self._sort_and_check()

    # -- building -------------------------------------------------------------
    @classmethod
    def from_config(
        cls,
        config: str | Config | Mapping[str, Any] | None = None,
        *,
        plugin_manager: PluginManager | None = None,
        **options: Any,
    ) -> "Pipeline":
        """Build the chain from the installed plugins (or ``plugin_manager``) and options."""
        cfg = load_config(config, **options)
        if plugin_manager is not None:
            plugin_manager.check()  # a misspelled hook in a given manager must not be ignored either
        pm = plugin_manager or get_plugin_manager(plugins=cfg.get("plugins"), load=cfg.get("load"))
        _per_plugin(pm, "newsclean_configure", {"config": cfg})
        cfg.check_unknown()
        for plugin_name, contribution in sorted(_per_plugin(pm, "newsclean_lexicons", {})):
            _merge_lexicon(cfg.lexicons, contribution, plugin_name)

        normalizers: list[Normalizer] = []
        origins: dict[str, PluginOrigin] = {}
        for plugin_name, provided in _per_plugin(pm, "newsclean_normalizers", {"config": cfg}):
            origin = pm.origins.get(plugin_name, PluginOrigin(plugin_name, "(registered)", "", ""))
            if provided is None:
                continue
            if isinstance(provided, Normalizer) or not isinstance(provided, (list, tuple)):
                raise PluginLoadError(
                    f"plugin {plugin_name!r} from distribution {origin.distribution!r}: "
                    f"newsclean_normalizers must return a list of normalizers, got {type(provided).__name__}"
                )
            for item in provided:
                problems = validate_normalizer(item)
                if problems:
                    raise PluginLoadError(
                        f"plugin {plugin_name!r} from distribution {origin.distribution!r} returned "
                        f"{item!r}, which is not a normalizer: it {'; '.join(problems)}. "
                        "Subclass newsclean.Normalizer and set name, stage and version."
                    )
                if item.name in origins:
                    other = origins[item.name]
                    raise PluginLoadError(
                        f"two plugins provide a normalizer named {item.name!r}: {other.plugin!r} "
                        f"(distribution {other.distribution!r}) and {plugin_name!r} (distribution "
                        f"{origin.distribution!r}); rename one"
                    )
                origins[item.name] = origin
                normalizers.append(item)

        disabled = cfg.get("disable")
        unknown = sorted(set(disabled) - set(origins))
        if unknown:
            raise ConfigError(
                f"cannot disable {', '.join(map(repr, unknown))}: no such normalizer. "
                f"Available: {', '.join(sorted(origins))}"
            )
        normalizers = [n for n in normalizers if n.name not in set(disabled)]
        extra: dict[str, Any] = {}
        _per_plugin(pm, "newsclean_dataset_features", {"features": extra})
        pipeline = cls(
            normalizers,
            cfg,
            origins=origins,
            extra_features=extra,
            rebuildable=plugin_manager is None,
        )
        _per_plugin(pm, "newsclean_modify_pipeline", {"pipeline": pipeline})
        pipeline._sort_and_check()
        return pipeline

    def _sort_and_check(self) -> None:
        for n in self.normalizers:
            problems = validate_normalizer(n)
            if problems:
                raise PluginLoadError(f"pipeline entry {n!r} is not a normalizer: it {'; '.join(problems)}")
        self.normalizers.sort(key=lambda n: n.sort_key())

    # -- identity -------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return [n.name for n in self.normalizers]

    @property
    def fingerprint(self) -> str:
        """Hash of every normalizer's ``(name, version, params)`` and data files, in order."""
        return fingerprint_of(self.normalizers, {"on_error": self.config.get("on_error")})

    def __getitem__(self, name: str) -> Normalizer:
        for n in self.normalizers:
            if n.name == name:
                return n
        raise KeyError(f"no normalizer named {name!r} in the pipeline ({', '.join(self.names)})")

    def __repr__(self) -> str:
        return f"<Pipeline {' > '.join(self.names)}>"

    # -- running --------------------------------------------------------------
    def run(self, doc: Document) -> Document:
        """Run every normalizer on ``doc`` in chain order (in place); return it.

        If a step after STRUCTURE edits the text (say ``typos`` removes a doubled
        word on a line that ``structure`` judged), the earlier steps may now
        decide differently; the chain then runs once more, so that cleaning the
        output again changes nothing; and again (up to ``MAX_PASSES`` in all) while a
        repeated pass still edits. In a repeated pass a step with
        ``scope = "paragraph"`` sees only the paragraphs changed since it last ran
        (:mod:`newsclean.scope`).
        """
        last: dict[int, LastRun] = {}
        for n in range(MAX_PASSES):
            late_edit, edited = self._one_pass(doc, last)
            if not (late_edit if n == 0 else edited):
                break
        return doc

    def _one_pass(self, doc: Document, last: dict[int, LastRun]) -> tuple[bool, bool]:
        """One pass of the chain: (whether a step after STRUCTURE edited the text, so the
        steps up to STRUCTURE judged a text that has since changed; whether anything did).
        ``last`` holds what each paragraph-scoped step left in the previous pass."""
        late_edit = False
        first = len(doc.edits)
        for i, normalizer in enumerate(self.normalizers):
            before = len(doc.edits)
            scoped = getattr(normalizer, "scope", "document") == "paragraph"
            if scoped:
                given, flags = doc.text, tuple(doc.flags)
            try:
                if i in last:
                    rerun(normalizer, doc, last[i])
                else:
                    normalizer(doc)
            except Exception as exc:
                raise NormalizerError(doc.id, normalizer.name, exc) from exc
            if scoped:
                last[i] = LastRun(given, doc.text, flags)
            if normalizer.stage > STRUCTURE_STAGE and any(e.field is None for e in doc.edits[before:]):
                late_edit = True
        return late_edit, any(e.field is None for e in doc.edits[first:])

    def clean(self, text: str, *, id: str = "", metadata: Mapping[str, Any] | None = None) -> Document:
        """Clean one text; the returned Document holds the result, metadata and edits."""
        if not isinstance(text, str):
            raise TypeError(f"document {id!r}: text must be str, got {type(text).__name__}")
        return self.run(Document(text, id=id, metadata=dict(metadata or {})))

    __call__ = clean

    def fit(
        self, docs: Iterable[Document | str], *, sample_size: int = 10_000, num_proc: int | None = None
    ) -> "Pipeline":
        """Let normalizers with ``fit`` learn from the corpus; returns a new, fitted pipeline.

        Each normalizer learns from the documents as it will see them: after
        every step before it in the chain. At most ``sample_size`` documents are
        used (the first ones). With ``num_proc`` > 1 the sample is cut into that many
        shares, run through the chain and counted in worker processes, and the
        counts are added up (:mod:`newsclean.fitting`). What a normalizer learns
        becomes part of its params, hence of the fingerprint and of the pickled spec.
        """
        sample = []
        for d in docs:
            if len(sample) >= sample_size:
                break
            sample.append(Document(d.text, id=d.id) if isinstance(d, Document) else Document(d))
        if num_proc is not None and num_proc > 1 and len(sample) >= 2 * num_proc:
            return self.with_normalizers(fit_parallel(self.normalizers, sample, num_proc))
        learning = [i for i, n in enumerate(self.normalizers) if learns(n)]
        fitted = []
        for i, n in enumerate(self.normalizers):
            learned = n.fit(sample) if i in learning else None
            fitted_n = type(n)(**{**n.params, **learned}) if learned else n
            fitted.append(fitted_n)
            if learning and i < learning[-1]:  # the next learner learns from this one's output
                run_steps([fitted_n], sample)
        return self.with_normalizers(fitted)

    def with_params(self, params: Mapping[str, Mapping[str, Any]]) -> "Pipeline":
        """A copy whose normalizers named in ``params`` are rebuilt with those params (a fitted state)."""
        unknown = sorted(set(params) - set(self.names))
        if unknown:
            raise ConfigError(f"fitted params for unknown normalizers: {', '.join(unknown)} (chain: {', '.join(self.names)})")
        return self.with_normalizers(
            [type(n)(**{**n.params, **params[n.name]}) if n.name in params else n for n in self.normalizers]
        )

    def with_normalizers(self, normalizers: Sequence[Normalizer]) -> "Pipeline":
        return Pipeline(
            normalizers,
            self.config,
            origins=self.origins,
            extra_features=self.extra_features,
            rebuildable=self._rebuildable,
        )

    # -- pickling by spec -----------------------------------------------------
    def spec(self) -> dict[str, Any]:
        return {
            "options": self.config.user_values(),
            "params": {n.name: n.params for n in self.normalizers},
        }

    def __reduce__(self):  # type: ignore[override]
        if self._rebuildable:
            return (_rebuild, (self.spec(),))
        return (
            _from_objects,
            (self.normalizers, self.config, self.origins, self.extra_features),
        )


def _rebuild(spec: dict[str, Any]) -> Pipeline:
    pipeline = Pipeline.from_config(dict(spec["options"]))
    changed = {n.name: spec["params"][n.name] for n in pipeline.normalizers
               if n.name in spec["params"] and spec["params"][n.name] != n.params}
    return pipeline.with_params(changed) if changed else pipeline


def _from_objects(normalizers, options, origins, extra_features) -> Pipeline:
    # ``options`` is the Config itself (its plugin-declared defaults and lexicons
    # included); a plain mapping of user values is still accepted.
    config = options if isinstance(options, Config) else Config(options)
    return Pipeline(normalizers, config, origins=origins, extra_features=extra_features)


def _per_plugin(pm: PluginManager, hook_name: str, kwargs: dict[str, Any]) -> list[tuple[str, Any]]:
    """Call one hook implementation per plugin (in pluggy's order, last registered first), so
    each result, and each failure, is attributed to its plugin and distribution."""
    results = []
    for impl in reversed(getattr(pm.hook, hook_name).get_hookimpls()):
        args = [kwargs[name] for name in impl.argnames]
        try:
            results.append((impl.plugin_name, impl.function(*args)))
        except NewscleanError:
            raise  # already names the option or file at fault
        except Exception as exc:
            origin = pm.origins.get(impl.plugin_name)
            where = f" from distribution {origin.distribution!r}" if origin else ""
            raise PluginLoadError(
                f"plugin {impl.plugin_name!r}{where} failed in {hook_name}: {type(exc).__name__}: {exc}. "
                f"Fix the plugin, or leave it out with NEWSCLEAN_DISABLE_PLUGINS={impl.plugin_name}"
            ) from exc
    return results


def _merge_lexicon(target: dict[str, Any], contribution: Any, plugin_name: str) -> None:
    if contribution is None:
        return
    if not isinstance(contribution, Mapping):
        raise PluginLoadError(
            f"plugin {plugin_name!r}: newsclean_lexicons must return a dict, got {type(contribution).__name__}"
        )
    for key, value in contribution.items():
        have = target.get(key)
        if isinstance(have, list) and isinstance(value, (list, tuple)):
            have.extend(value)
        elif isinstance(have, dict) and isinstance(value, Mapping):
            have.update(value)
        elif isinstance(value, (list, tuple)):
            target[key] = list(value)  # a copy: later plugins extend it, not the plugin's own list
        elif isinstance(value, Mapping):
            target[key] = dict(value)
        else:
            target[key] = value


@functools.lru_cache(maxsize=8)
def _cached(options_json: str) -> Pipeline:
    return Pipeline.from_config(json.loads(options_json))


def cached_pipeline(options: Mapping[str, Any]) -> Pipeline:
    """A pipeline for ``options``, built once per process and options (for ``clean_text``)."""
    try:
        key = json.dumps(dict(options), sort_keys=True)
    except TypeError as exc:
        raise ConfigError(f"options must be plain data (str, list, dict...): {exc}") from None
    return _cached(key)
