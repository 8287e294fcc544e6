"""What ``fit`` learned, as a file: written by ``newsclean fit``, read by ``clean --fitted``.

The file is JSON: ``{"newsclean_fitted": 1, "documents": N, "params": {normalizer: params}}``,
holding the params of every normalizer that fitting changed. Loading it into a
pipeline (``Pipeline.with_params``) rebuilds those normalizers, so the learned
state is part of the fingerprint and of the pickled spec.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError
from .pipeline import Pipeline

FORMAT = 1


def fitted_params(before: Pipeline, after: Pipeline) -> dict[str, dict[str, Any]]:
    """The params of the normalizers whose params fitting changed."""
    old = {n.name: n.params for n in before.normalizers}
    return {n.name: n.params for n in after.normalizers if old.get(n.name) != n.params}


def save_fitted(params: Mapping[str, Any], path: str | os.PathLike[str], *, documents: int) -> Path:
    """Write the fitted params atomically (temporary file, then rename)."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.tmp-{uuid.uuid4().hex[:8]}")
    payload = {"newsclean_fitted": FORMAT, "documents": documents, "params": dict(params)}
    try:
        temp.write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()
    return path


def load_fitted(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The params of a fitted file; a clear :class:`ConfigError` for anything else."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"fitted file {str(path)!r} does not exist") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"fitted file {str(path)!r} is not JSON: {exc}") from None
    if not isinstance(payload, dict) or payload.get("newsclean_fitted") != FORMAT:
        raise ConfigError(f"fitted file {str(path)!r} was not written by `newsclean fit` (format {FORMAT})")
    params = payload.get("params")
    if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
        raise ConfigError(f"fitted file {str(path)!r}: 'params' must map normalizer names to params")
    return params


def describe(params: Mapping[str, Any]) -> str:
    """A readable listing of what was learned (``newsclean profile``)."""
    if not params:
        return "nothing learned"
    lines: list[str] = []
    for name, values in sorted(params.items()):
        lines.append(f"[{name}]")
        for key, value in sorted(values.items()):
            lines.extend(_describe_value(key, value, "  "))
    return "\n".join(lines)


def _describe_value(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, Mapping):
        out = [f"{indent}{key}:" if value else f"{indent}{key}: (none)"]
        for k, v in sorted(value.items()):
            out.extend(_describe_value(str(k) or "(no folder)", v, indent + "  "))
        return out
    if isinstance(value, (list, tuple)):
        return [f"{indent}{key}: {len(value)}"] + [f"{indent}  - {item}" for item in value]
    return [f"{indent}{key}: {value!r}"]
