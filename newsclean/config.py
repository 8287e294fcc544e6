"""Configuration: defaults < a config file (``newsclean.toml`` or ``pyproject.toml``
``[tool.newsclean]``) < keyword arguments / CLI flags.

Config files are parsed as TOML, never evaluated. Every option is declared by
the core or by a plugin's ``newsclean_configure`` hook; a user option nobody
declared is an error naming it (a misspelling must not be silently ignored).
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any, Iterator, Mapping

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_MISSING = object()

#: Options of the core itself: name -> (default, help).
CORE_OPTIONS: dict[str, tuple[Any, str]] = {
    "disable": ([], "names of normalizers to leave out of the chain"),
    "plugins": ("error", "what a plugin that fails to load does: 'error' or 'warn'"),
    "load": ([], "extra plugin modules to register (like the CLI's -p MODULE)"),
    "on_error": ("raise", "a normalizer raising on a document: 'raise', 'skip' or 'keep'"),
}

_CHOICES = {
    "plugins": ("error", "warn"),
    "on_error": ("raise", "skip", "keep"),
}


class Config:
    """The options of one run. Plugins declare theirs; users set them."""

    def __init__(self, values: Mapping[str, Any] | None = None, *, origin: str = "options") -> None:
        self._user: dict[str, Any] = {}
        self._origin: dict[str, str] = {}
        self._base: dict[str, Path] = {}  # option -> the folder of the config file that set it
        self._declared: dict[str, tuple[Any, str]] = dict(CORE_OPTIONS)
        #: Data contributed by plugins through ``newsclean_lexicons``, merged.
        self.lexicons: dict[str, Any] = {}
        self.update(values or {}, origin=origin)

    # -- setting --------------------------------------------------------------
    def update(self, values: Mapping[str, Any], *, origin: str = "options", base: Path | None = None) -> None:
        for key, value in values.items():
            if value is None:
                continue
            key = key.replace("-", "_")
            if key in _CHOICES and value not in _CHOICES[key]:
                raise ConfigError(
                    f"option {key!r} from {origin} is {value!r}; choose one of {', '.join(_CHOICES[key])}"
                )
            if key in ("disable", "load"):
                value = _as_name_list(key, value, origin)
            self._user[key] = value
            self._origin[key] = origin
            if base is not None:
                self._base[key] = base
            else:
                self._base.pop(key, None)

    def declare(self, name: str, default: Any, help: str = "") -> None:
        """Declare option ``name`` with its ``default`` (called from ``newsclean_configure``)."""
        self._declared.setdefault(name, (default, help))

    # -- reading --------------------------------------------------------------
    def get(self, name: str, default: Any = _MISSING) -> Any:
        if name in self._user:
            return self._user[name]
        if name in self._declared:
            return self._declared[name][0]
        if default is not _MISSING:
            return default
        raise ConfigError(f"option {name!r} was never declared by the core or a plugin")

    def path(self, name: str) -> str:
        """Option ``name`` as a file path: relative to the config file that set it, if a
        file did; else as given (relative to the working directory). Empty stays empty."""
        value = self.get(name)
        if not value or not isinstance(value, str):
            return value
        base = self._base.get(name)
        return str(base / value) if base is not None and not Path(value).is_absolute() else value

    def __getitem__(self, name: str) -> Any:
        return self.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._user or name in self._declared

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(self._user) | set(self._declared)))

    def user_values(self) -> dict[str, Any]:
        """What the user set (the pipeline's spec carries these to workers)."""
        return dict(self._user)

    def declared(self) -> dict[str, tuple[Any, str]]:
        return dict(self._declared)

    def check_unknown(self) -> None:
        """Raise :class:`ConfigError` for every user option that nobody declared."""
        unknown = sorted(set(self._user) - set(self._declared))
        if not unknown:
            return
        messages = []
        for key in unknown:
            close = difflib.get_close_matches(key, list(self._declared), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            messages.append(f"unknown option {key!r} from {self._origin[key]}{hint}")
        raise ConfigError("; ".join(messages) + f". Known options: {', '.join(sorted(self._declared))}")


def _as_name_list(key: str, value: Any, origin: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"option {key!r} from {origin} must be a list of names, got {value!r}")
    return [v.strip() for v in value]


def read_config_file(path: str | Path) -> dict[str, Any]:
    """Read options from ``newsclean.toml`` (top level) or ``pyproject.toml`` (``[tool.newsclean]``)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {str(path)!r} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"config file {str(path)!r}: [tool] must be a table")
        data = tool.get("newsclean", {})
    if not isinstance(data, dict):
        raise ConfigError(f"config file {str(path)!r}: [tool.newsclean] must be a table")
    return data


def find_config_file(directory: str | Path = ".") -> Path | None:
    """``newsclean.toml`` in ``directory``, else its ``pyproject.toml`` if it has ``[tool.newsclean]``."""
    directory = Path(directory)
    own = directory / "newsclean.toml"
    if own.is_file():
        return own
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file() and read_config_file(pyproject):
        return pyproject
    return None


def load_config(config: str | Path | Config | Mapping[str, Any] | None = None, **options: Any) -> Config:
    """Build a :class:`Config`: a file (given, or found in the working directory), then ``options``.

    ``config`` may be a path to a TOML file, a mapping of options, an existing
    ``Config`` (copied), or ``None`` to look for ``newsclean.toml`` /
    ``pyproject.toml [tool.newsclean]`` in the working directory.
    """
    if isinstance(config, Config):
        result = Config()
        result.update(config.user_values(), origin="config")
    elif isinstance(config, Mapping):
        result = Config(config, origin="config mapping")
    else:
        path = Path(config) if config is not None else find_config_file()
        result = Config()
        if path is not None:
            result.update(read_config_file(path), origin=f"config file {str(path)!r}", base=path.parent)
    result.update(options, origin="options")
    return result
