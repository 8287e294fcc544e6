"""Plugin discovery and loading through real (fake) installed distributions."""

from __future__ import annotations

import importlib.metadata as metadata
import json
import warnings

import pytest

import newsclean
import newsclean.cli
from newsclean import Pipeline, PluginLoadError, Stage, hookimpl
from newsclean.loader import BUILTIN_DISTRIBUTION, DISABLE_ENV, PluginOrigin, get_plugin_manager, iter_entry_points
from newsclean.pipeline import _cached

from .fakedist import fake_dist  # noqa: F401

TYPOS = '''
import re

from newsclean import Normalizer, Stage, hookimpl


class FixTeh(Normalizer):
    name = "fix_teh"
    stage = Stage.TYPOS
    version = "1"

    def __call__(self, doc):
        spans = list(re.finditer(r"\\bteh\\b", doc.text))
        for m in reversed(spans):
            doc.replace(m.start(), m.end(), "the", step=self.name, rule="teh")


@hookimpl
def newsclean_normalizers(config):
    return [FixTeh()]
'''


def normalizer_source(name: str, *, stage: str = "FINISH", returns: str | None = None) -> str:
    """A plugin module providing one do-nothing normalizer ``name`` (or returning ``returns``)."""
    return f'''
from newsclean import Normalizer, Stage, hookimpl


class Plain(Normalizer):
    name = {name!r}
    stage = Stage.{stage}
    version = "1"

    def __call__(self, doc):
        pass


def a_function(doc):
    pass


@hookimpl
def newsclean_normalizers(config):
    return {returns or "[Plain()]"}
'''


@pytest.fixture
def typos(fake_dist):  # noqa: F811
    """The third-party plugin ``fixteh`` of distribution ``newsclean-typos`` 1.2.3."""
    fake_dist("newsclean-typos", TYPOS, version="1.2.3", module="newsclean_typos", entry_point="fixteh")
    return fake_dist


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    # No newsclean.toml of the working directory, no disabling from the environment.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    _cached.cache_clear()
    yield
    _cached.cache_clear()


# -- discovery -------------------------------------------------------------------
def test_builtins_are_entry_points_of_newsclean():
    pm = get_plugin_manager()
    for name in ("unicode", "layout"):
        assert pm.has_plugin(name)
        assert pm.origins[name].distribution == BUILTIN_DISTRIBUTION
        assert pm.origins[name].target == f"newsclean.plugins.{name}"


def test_third_party_plugin_is_discovered(typos):
    pm = newsclean.get_plugin_manager()
    assert pm.has_plugin("fixteh")
    assert pm.origins["fixteh"] == PluginOrigin("fixteh", "newsclean-typos", "1.2.3", "newsclean_typos")
    assert pm.has_plugin("layout") and pm.has_plugin("unicode")


def test_cli_plugins_lists_distribution_and_version(typos, capsys):
    assert newsclean.cli.main(["plugins"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    row = next(line for line in lines if "fix_teh" in line)
    assert "TYPOS" in row and "fixteh" in row
    assert row.rstrip().endswith("newsclean-typos 1.2.3")
    names = [line.split()[3] for line in lines[1:]]
    assert names.index("layout") < names.index("fix_teh")

    assert newsclean.cli.main(["plugins", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    typo_row = next(r for r in rows if r["name"] == "fix_teh")
    assert typo_row == {
        "name": "fix_teh",
        "stage": "TYPOS",
        "order": 0,
        "version": "1",
        "plugin": "fixteh",
        "distribution": "newsclean-typos",
        "distribution_version": "1.2.3",
    }
    layout_row = next(r for r in rows if r["name"] == "layout")
    assert layout_row["distribution"] == "newsclean"


def test_runs_in_stage_order(typos):
    pipeline = Pipeline.from_config({})
    names = pipeline.names
    assert names.count("fix_teh") == 1
    assert names.index("unicode") < names.index("layout") < names.index("fix_teh")
    for n in pipeline.normalizers[names.index("fix_teh") + 1 :]:
        assert n.stage >= Stage.TYPOS
    assert pipeline.origins["fix_teh"].distribution == "newsclean-typos"


def test_clean_text_shows_the_plugin_edit(typos):
    raw = "  I saw teh\u00a0 cat and teh dog. "
    doc = newsclean.clean_text(raw)
    assert doc.text == "I saw the cat and the dog."
    steps = [e.step for e in doc.edits]
    teh = [e for e in doc.edits if e.step == "fix_teh"]
    assert [(e.rule, e.before, e.after) for e in teh] == [("teh", "teh", "the")] * 2
    # layout ran first: every layout edit precedes every fix_teh edit in the log
    assert max(i for i, s in enumerate(steps) if s == "layout") < steps.index("fix_teh")
    assert doc.undo() == raw


def test_disable_by_normalizer_name(typos):
    assert "fix_teh" not in Pipeline.from_config({"disable": ["fix_teh"]}).names
    assert newsclean.clean_text("teh cat", disable=["fix_teh"]).text == "teh cat"
    assert newsclean.clean_text("teh cat").text == "the cat"


def test_disable_with_env_entry_point_name(typos, monkeypatch):
    assert newsclean.clean_text("teh").text == "the"
    monkeypatch.setenv(DISABLE_ENV, "fixteh")
    _cached.cache_clear()
    assert not get_plugin_manager().has_plugin("fixteh")
    assert "fix_teh" not in Pipeline.from_config({}).names
    assert newsclean.clean_text("teh").text == "teh"
    # a list, with spaces, and the normalizer name (not the entry point name) does not disable it
    monkeypatch.setenv(DISABLE_ENV, "nothing, fixteh ,other")
    assert not get_plugin_manager().has_plugin("fixteh")
    monkeypatch.setenv(DISABLE_ENV, "fix_teh")
    assert get_plugin_manager().has_plugin("fixteh")


@pytest.mark.parametrize("value", ["all", "ALL", "1"])
def test_disable_all_keeps_builtins(typos, monkeypatch, value):
    typos("newsclean-other", normalizer_source("other_step"), entry_point="other")
    assert {"fixteh", "other"} <= set(get_plugin_manager().origins)
    monkeypatch.setenv(DISABLE_ENV, value)
    pm = get_plugin_manager()
    assert not pm.has_plugin("fixteh") and not pm.has_plugin("other")
    assert pm.has_plugin("unicode") and pm.has_plugin("layout")
    assert {o.distribution for o in pm.origins.values()} == {BUILTIN_DISTRIBUTION}
    names = Pipeline.from_config({}).names
    assert "layout" in names and "unicode" in names
    assert "fix_teh" not in names and "other_step" not in names


# -- loading failures ----------------------------------------------------------------
BROKEN = """
raise RuntimeError("boom at import")
"""


def test_plugin_that_raises_on_import(fake_dist):  # noqa: F811
    fake_dist("newsclean-broken", BROKEN, version="0.3", entry_point="broken")
    with pytest.raises(PluginLoadError) as info:
        get_plugin_manager()
    message = str(info.value)
    assert "'broken'" in message and "'newsclean-broken'" in message and "0.3" in message
    assert "RuntimeError: boom at import" in message
    assert "Fix or uninstall it" in message and f"{DISABLE_ENV}=broken" in message
    assert isinstance(info.value.__cause__, RuntimeError)


def test_plugin_that_raises_on_import_via_cli(fake_dist, capsys):  # noqa: F811
    fake_dist("newsclean-broken", BROKEN, entry_point="broken")
    assert newsclean.cli.main(["plugins"]) == newsclean.cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "newsclean: error:" in err and "'broken'" in err and "newsclean-broken" in err


def test_plugin_that_raises_on_import_warns_and_rest_loads(typos):
    typos("newsclean-broken", BROKEN, entry_point="broken")
    with pytest.warns(RuntimeWarning, match="'broken'.*newsclean-broken.*boom at import"):
        pm = get_plugin_manager(plugins="warn")
    assert not pm.has_plugin("broken")
    assert pm.has_plugin("fixteh") and pm.has_plugin("layout") and pm.has_plugin("unicode")
    with pytest.warns(RuntimeWarning, match="broken"):
        names = Pipeline.from_config({"plugins": "warn"}).names
    assert "fix_teh" in names and "layout" in names
    with pytest.raises(PluginLoadError, match="broken"):
        Pipeline.from_config({"plugins": "error"})


def test_broken_plugin_can_be_skipped_with_env(typos, monkeypatch):
    typos("newsclean-broken", BROKEN, entry_point="broken")
    monkeypatch.setenv(DISABLE_ENV, "broken")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert get_plugin_manager().has_plugin("fixteh")


MISSPELLED = """
from newsclean import hookimpl


@hookimpl
def newsclean_normalisers(config):
    return []
"""


def test_misspelled_hook_is_caught(fake_dist):  # noqa: F811
    fake_dist("newsclean-misspelt", MISSPELLED, entry_point="misspelt")
    with pytest.raises(PluginLoadError) as info:
        get_plugin_manager()
    message = str(info.value)
    assert "'misspelt'" in message and "'newsclean-misspelt'" in message
    assert "newsclean_normalisers" in message
    assert "Hook names must be one of" in message and "newsclean_normalizers" in message


def test_misspelled_hook_in_a_given_plugin_manager_is_caught():
    import types

    from newsclean import hookimpl
    from newsclean.loader import PluginManager

    module = types.ModuleType("misspelt_module")
    module.newsclean_normaliser = hookimpl(lambda config: [])
    pm = PluginManager()
    pm.register(module, name="misspelt_module")
    with pytest.raises(PluginLoadError, match="misspelt_module.*newsclean_normaliser"):
        Pipeline.from_config({}, plugin_manager=pm)


WRONG_ARGUMENT = """
from newsclean import hookimpl


@hookimpl
def newsclean_normalizers(cfg):
    return []
"""


def test_hook_with_a_wrong_argument_name(fake_dist):  # noqa: F811
    fake_dist("newsclean-wrongarg", WRONG_ARGUMENT, entry_point="wrongarg")
    with pytest.raises(PluginLoadError) as info:
        get_plugin_manager()
    message = str(info.value)
    assert "'wrongarg'" in message and "'newsclean-wrongarg'" in message and "'cfg'" in message


@pytest.mark.parametrize(
    "returns, expected",
    [
        ('"fix_teh"', "must return a list of normalizers, got str"),
        ("a_function", "must return a list of normalizers, got function"),
        ("Plain()", "must return a list of normalizers, got Plain"),
        ('["fix_teh"]', "Subclass newsclean.Normalizer"),
        ("[a_function]", "Subclass newsclean.Normalizer"),
        ("[Plain]", "has no dict 'params'"),
    ],
    ids=["string", "function", "bare-normalizer", "list-of-string", "list-of-function", "list-of-class"],
)
def test_hook_returning_a_non_normalizer(fake_dist, returns, expected):  # noqa: F811
    fake_dist("newsclean-bad", normalizer_source("bad_step", returns=returns), version="2.0", entry_point="bad")
    get_plugin_manager()  # importing and registering it is fine; building the chain is not
    with pytest.raises(PluginLoadError) as info:
        Pipeline.from_config({})
    message = str(info.value)
    assert "plugin 'bad' from distribution 'newsclean-bad'" in message
    assert expected in message


def test_two_plugins_providing_one_normalizer_name(typos):
    typos("newsclean-typos-fork", TYPOS, version="9.9", module="typos_fork", entry_point="typos_fork")
    with pytest.raises(PluginLoadError) as info:
        Pipeline.from_config({})
    message = str(info.value)
    assert "normalizer named 'fix_teh'" in message
    assert "'fixteh'" in message and "'newsclean-typos'" in message
    assert "'typos_fork'" in message and "'newsclean-typos-fork'" in message
    assert "rename one" in message
    # leaving one out of the chain by name does not help (the clash is in the names), skipping a plugin does
    with pytest.raises(PluginLoadError):
        Pipeline.from_config({"disable": ["fix_teh"]})


def test_two_plugins_providing_one_normalizer_name_skip_one(typos, monkeypatch):
    typos("newsclean-typos-fork", TYPOS, module="typos_fork", entry_point="typos_fork")
    monkeypatch.setenv(DISABLE_ENV, "typos_fork")
    assert Pipeline.from_config({}).origins["fix_teh"].distribution == "newsclean-typos"


def test_two_distributions_claim_one_entry_point_name(fake_dist):  # noqa: F811
    fake_dist("newsclean-alpha", normalizer_source("alpha_step"), module="alpha_mod", entry_point="fixteh")
    fake_dist("newsclean-beta", normalizer_source("beta_step"), module="beta_mod", entry_point="fixteh")
    with pytest.raises(PluginLoadError) as info:
        get_plugin_manager()
    message = str(info.value)
    assert "two plugins claim the name 'fixteh'" in message
    assert "'alpha_mod'" in message and "'newsclean-alpha'" in message
    assert "'beta_mod'" in message and "'newsclean-beta'" in message
    assert "uninstall one of them or rename its entry point" in message


@pytest.mark.parametrize("skip", ["fixteh", "all"])
def test_conflicting_entry_points_can_be_skipped(fake_dist, monkeypatch, skip):  # noqa: F811
    fake_dist("newsclean-alpha", normalizer_source("alpha_step"), module="alpha_mod", entry_point="fixteh")
    fake_dist("newsclean-beta", normalizer_source("beta_step"), module="beta_mod", entry_point="fixteh")
    monkeypatch.setenv(DISABLE_ENV, skip)
    pm = get_plugin_manager()
    assert not pm.has_plugin("fixteh") and pm.has_plugin("layout")


def test_third_party_cannot_take_a_builtin_name(fake_dist):  # noqa: F811
    fake_dist("newsclean-evil", normalizer_source("evil_step"), module="evil_mod", entry_point="layout")
    with pytest.raises(PluginLoadError, match="two plugins claim the name 'layout'.*newsclean-evil"):
        get_plugin_manager()


def test_same_entry_point_seen_twice_is_loaded_once(typos):
    # another distribution declaring the very same entry point (name and target)
    typos("newsclean-typos-meta", None, module="newsclean_typos", entry_point="fixteh")
    # and the same distribution found on a second sys.path entry
    typos("newsclean-typos", TYPOS, version="1.2.3", module="newsclean_typos", entry_point="fixteh")
    found = [ep for ep in metadata.entry_points(group="newsclean") if ep.name == "fixteh"]
    assert len(found) >= 2
    assert [ep.name for ep in iter_entry_points()].count("fixteh") == 1
    pm = get_plugin_manager()
    assert pm.has_plugin("fixteh")
    assert Pipeline.from_config({}).names.count("fix_teh") == 1


def test_iter_entry_points_given_explicitly():
    a = metadata.EntryPoint("b_plugin", "mod_b", "newsclean")
    same = metadata.EntryPoint("b_plugin", "mod_b", "newsclean")
    other = metadata.EntryPoint("a_plugin", "mod_a", "newsclean")
    assert [ep.name for ep in iter_entry_points([a, same, other])] == ["a_plugin", "b_plugin"]
    clash = metadata.EntryPoint("b_plugin", "mod_c", "newsclean")
    with pytest.raises(PluginLoadError, match="'b_plugin'.*'mod_b'.*'mod_c'"):
        iter_entry_points([a, clash])


def test_get_plugin_manager_with_explicit_entry_points():
    layout = metadata.EntryPoint("layout", "newsclean.plugins.layout", "newsclean")
    pm = get_plugin_manager(entry_points=[layout, layout])
    assert pm.has_plugin("layout") and not pm.has_plugin("unicode")
    assert pm.origins["layout"].distribution == "unknown"
    assert Pipeline.from_config({}, plugin_manager=pm).names == ["layout"]
    assert get_plugin_manager(use_entry_points=False).origins == {}


# -- -p MODULE / load= -------------------------------------------------------------------
def test_load_registers_a_module_from_sys_path(fake_dist, capsys):  # noqa: F811
    fake_dist.module("my_extra_plugin", normalizer_source("extra_step"))
    assert not get_plugin_manager().has_plugin("my_extra_plugin")
    pm = get_plugin_manager(load=["my_extra_plugin"])
    assert pm.has_plugin("my_extra_plugin")
    assert pm.origins["my_extra_plugin"].distribution == "(-p)"
    assert "extra_step" in Pipeline.from_config({"load": ["my_extra_plugin"]}).names
    assert "extra_step" in Pipeline.from_config({}, load="my_extra_plugin").names
    assert "extra_step" not in Pipeline.from_config({}).names
    assert newsclean.cli.main(["plugins", "-p", "my_extra_plugin"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "extra_step" in line)
    assert "my_extra_plugin" in row and "(-p)" in row


def test_load_a_missing_module(capsys):
    with pytest.raises(PluginLoadError) as info:
        get_plugin_manager(load=["no_such_newsclean_plugin"])
    assert "'no_such_newsclean_plugin'" in str(info.value)
    assert "-p" in str(info.value) and "No module named" in str(info.value)
    assert isinstance(info.value.__cause__, ImportError)
    assert newsclean.cli.main(["plugins", "-p", "no_such_newsclean_plugin"]) == newsclean.cli.EXIT_ERROR
    assert "no_such_newsclean_plugin" in capsys.readouterr().err


def test_load_a_module_that_is_already_an_entry_point():
    pm = get_plugin_manager(load=["newsclean.plugins.layout"])
    assert pm.origins["layout"].distribution == BUILTIN_DISTRIBUTION
    assert Pipeline.from_config({"load": ["newsclean.plugins.layout"]}).names.count("layout") == 1


class RaisesInConfigure:
    @staticmethod
    @hookimpl
    def newsclean_configure(config):
        raise RuntimeError("boom in configure")


class RaisesInNormalizers:
    @staticmethod
    @hookimpl
    def newsclean_normalizers(config):
        raise KeyError("missing data")


@pytest.mark.parametrize("plugin,hook", [(RaisesInConfigure, "newsclean_configure"),
                                         (RaisesInNormalizers, "newsclean_normalizers")])
def test_a_plugin_raising_in_a_hook_is_named_with_the_fix(plugin, hook):
    from newsclean import Pipeline, PluginLoadError
    from newsclean.loader import get_plugin_manager

    pm = get_plugin_manager()
    pm.register(plugin(), name="broken-plugin")
    with pytest.raises(PluginLoadError, match=rf"plugin 'broken-plugin' .*failed in {hook}: .*NEWSCLEAN_DISABLE_PLUGINS=broken-plugin"):
        Pipeline.from_config(plugin_manager=pm)
