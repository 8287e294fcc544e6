"""newsclean.testing.check_normalizer and the pytest plugin's fixtures (newsclean.pytest_plugin)."""

from __future__ import annotations

import io
import itertools
import sys
import tarfile
import textwrap
import types

import pytest

from newsclean import Edit, Normalizer, PluginLoadError, Span, Stage, hookimpl
from newsclean.plugins.layout import LayoutNormalizer
from newsclean.pytest_plugin import make_pipeline, make_plugin_manager
from newsclean.testing import SAMPLE_TEXTS, NormalizerReport, bbc_sample, check_normalizer, find_corpora

from .conftest import ROOT
from .test_example_plugin import pytest_plugin_args, run, subprocess_env


class Teh(Normalizer):
    """A good normalizer: ``teh`` -> ``the``."""

    name = "fix_teh"
    stage = Stage.TYPOS
    version = "1"

    def __call__(self, doc):
        import re

        for m in reversed(list(re.finditer(r"\bteh\b", doc.text))):
            doc.replace(m.start(), m.end(), "the", step=self.name, rule="teh")


@pytest.fixture(autouse=True)
def _no_corpora(tmp_path, monkeypatch):
    # by default no corpus: the tests that want one make a small fake
    monkeypatch.setenv("NEWSCLEAN_CORPORA", str(tmp_path / "no-corpora"))


# -- check_normalizer: what passes ----------------------------------------------------------
def test_a_good_normalizer_passes_and_gets_a_report():
    report = check_normalizer(Teh(), samples=["I saw teh cat.", "Nothing here."], untouched=["the cat", "tehran"])
    assert isinstance(report, NormalizerReport)
    assert (report.name, report.samples, report.changed, report.edits) == ("fix_teh", 2, 1, 1)
    assert report.rules == {"teh": 1} and report.untouched == 2
    assert report.examples == 50  # hypothesis is installed with the test extra
    assert report.corpus is None and report.corpus_documents is None
    text = str(report)
    assert "'fix_teh'" in text and "2 sample texts" in text and "teh 1" in text and "NEWSCLEAN_CORPORA" in text
    assert report.as_dict()["changed"] == 1


def test_default_samples_and_a_builtin():
    report = check_normalizer(LayoutNormalizer(), examples=5)
    assert report.samples == len(SAMPLE_TEXTS) and report.changed > 0 and report.examples == 5
    assert check_normalizer(Teh(), examples=0).examples == 0


def test_the_corpus_sample_is_reported_not_asserted(tmp_path, monkeypatch):
    corpora = tmp_path / "corpora"
    (corpora / "typos").mkdir(parents=True)
    with tarfile.open(corpora / "typos" / "bbc-fulltext.tar.gz", "w:gz") as tar:
        for i, body in enumerate(["teh cat", "a dog", "teh end of teh day", "x"]):
            data = body.encode()
            info = tarfile.TarInfo(f"bbc/business/{i:03d}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    monkeypatch.setenv("NEWSCLEAN_CORPORA", str(corpora))
    assert find_corpora() == corpora
    assert len(bbc_sample(2, str(corpora))) == 2
    report = check_normalizer(Teh(), examples=0, corpus_sample=10)
    assert report.corpus == str(corpora)
    assert (report.corpus_documents, report.corpus_changed, report.corpus_edits) == (4, 2, 3)
    assert report.corpus_rules == {"teh": 3}
    assert "BBC sample (4 articles): changed 2, edits 3" in str(report)
    assert check_normalizer(Teh(), examples=0, corpus_sample=0).corpus_documents is None


def test_find_corpora_beside_the_project(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSCLEAN_CORPORA")
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    project = tmp_path / "myplugin" / "tests"
    project.mkdir(parents=True)
    monkeypatch.chdir(project)
    assert find_corpora() == tmp_path / "shared" / "corpora"


# -- check_normalizer: each broken property is named ------------------------------------------
class Broken(Normalizer):
    stage = Stage.FINISH
    version = "1"


class AssignsText(Broken):
    name = "assigns_text"

    def __call__(self, doc):
        doc.text = doc.text.upper()


class SetsMetaDirectly(Broken):
    name = "sets_meta"

    def __call__(self, doc):
        doc.metadata["title"] = "x"


class WrongStep(Broken):
    name = "wrong_step"

    def __call__(self, doc):
        if doc.text:
            doc.replace(0, 1, "#", step="someone_else", rule="r")


class BadLog(Broken):
    name = "bad_log"

    def __call__(self, doc):
        doc.edits.append(Edit(self.name, "r", 0, 0, "lost", ""))


class Grows(Broken):
    name = "grows"

    def __call__(self, doc):
        import re

        doc.apply([Span(m.start(), m.end(), "aa", rule="grow") for m in re.finditer("a", doc.text)], step=self.name)


class Upper(Broken):
    name = "upper"

    def __call__(self, doc):
        doc.replace(0, len(doc.text), doc.text.upper(), step=self.name, rule="upper")


class NoVersion(Upper):
    name = "no_version"
    version = 1


class Raises(Broken):
    name = "raises"

    def __call__(self, doc):
        if "Iraq" in doc.text:
            raise ValueError("cannot cope with Iraq")


_counter = itertools.count()


class Counter(Broken):
    name = "counter"

    def __call__(self, doc):
        doc.replace(0, 0, str(next(_counter)), step=self.name, rule="count")


class Sneaky(Broken):
    """Wrong only on texts the fixed samples do not have."""

    name = "sneaky"

    def __call__(self, doc):
        if "Daesh" in doc.text and doc.text.strip() != "Daesh":
            doc.text = doc.text + "!"


class NotJson(Normalizer):
    name = "not_json"
    version = "1"

    def __init__(self, **params):
        super().__init__(when=object())

    def __call__(self, doc):
        pass


class BadInit(Normalizer):
    name = "bad_init"
    version = "1"

    def __init__(self):
        super().__init__(level=3)

    def __call__(self, doc):
        pass


class HoldsALambda(Normalizer):
    name = "holds_lambda"
    version = "1"

    def __init__(self, **params):
        super().__init__(**params)
        self.fn = lambda text: text

    def __call__(self, doc):
        pass


@pytest.mark.parametrize(
    "normalizer, prop, detail",
    [
        (types.SimpleNamespace(name="", stage=3), "contract", "has no non-empty string 'name'"),
        (NoVersion(), "contract", "has no string 'version'"),
        (NotJson(), "params", "not JSON-serialisable"),
        (BadInit(), "params", "must accept its own params"),
        (HoldsALambda(), "picklable", "hold only params"),
        (AssignsText(), "records edits", "never assign doc.text"),
        (SetsMetaDirectly(), "records edits", "use doc.set_meta"),
        (WrongStep(), "edit steps", "'someone_else'"),
        (BadLog(), "undo", "undo() gives 'lost"),
        (Counter(), "deterministic", "a second run on the same input"),
        (Grows(), "idempotent", "its own output edits again"),
        (Raises(), "raises", "ValueError: cannot cope with Iraq"),
    ],
    ids=["no-name", "no-version", "params-json", "params-init", "pickle", "assigns-text", "sets-meta",
         "wrong-step", "bad-log", "counter", "grows", "raises"],
)
def test_a_broken_property_is_named(normalizer, prop, detail):
    with pytest.raises(AssertionError) as info:
        check_normalizer(normalizer, examples=0)
    message = str(info.value)
    name = getattr(normalizer, "name", "") or type(normalizer).__name__
    assert f"normalizer {name!r} breaks the contract [{prop}]" in message
    assert detail in message


def test_untouched_texts_must_come_out_unchanged():
    upper = Upper()
    with pytest.raises(AssertionError, match=r"'upper' breaks the contract \[untouched\] on untouched text 1.*'B'"):
        check_normalizer(upper, samples=[], untouched=["", "b"], examples=0)


def test_generated_examples_find_what_the_samples_miss():
    sneaky = Sneaky()
    check_normalizer(sneaky, examples=0)  # the fixed samples do not trigger it
    with pytest.raises(AssertionError, match=r"'sneaky' breaks the contract \[records edits\] on a generated text"):
        check_normalizer(sneaky, examples=100)


def test_samples_must_be_a_list():
    with pytest.raises(TypeError, match="not one string"):
        check_normalizer(Teh(), "teh")


# -- the pytest plugin ---------------------------------------------------------------------------
def _plugin_module(name="my_test_plugin"):
    module = types.ModuleType(name)

    @hookimpl
    def newsclean_configure(config):
        config.declare("teh_enabled", True, "fix teh")

    @hookimpl
    def newsclean_normalizers(config):
        return [Teh()] if config.get("teh_enabled") else []

    module.newsclean_configure = newsclean_configure
    module.newsclean_normalizers = newsclean_normalizers
    return module


def test_plugin_manager_holds_only_what_is_given():
    pm = make_plugin_manager(_plugin_module())
    assert [name for name, _ in pm.list_name_plugin()] == ["my_test_plugin"]
    assert pm.origins["my_test_plugin"].distribution == "(test)"
    assert make_plugin_manager().list_name_plugin() == []
    assert {"unicode", "layout", "structure"} <= {n for n, _ in make_plugin_manager(builtins=True).list_name_plugin()}
    assert sorted(n for n, _ in make_plugin_manager(builtins=["layout"]).list_name_plugin()) == ["layout"]
    with pytest.raises(ValueError, match="no built-in plugin named nope"):
        make_plugin_manager(builtins=["nope"])


def test_plugin_manager_checks_hook_names():
    module = types.ModuleType("misspelt")
    module.newsclean_normalisers = hookimpl(lambda config: [])
    with pytest.raises(PluginLoadError, match="misspelt.*newsclean_normalisers"):
        make_plugin_manager(module)


def test_pipeline_from_plugins_normalizers_and_options(tmp_path, monkeypatch):
    (tmp_path / "newsclean.toml").write_text('disable = ["fix_teh"]\n')
    monkeypatch.chdir(tmp_path)  # a config file of the working directory is not read
    assert make_pipeline(_plugin_module()).names == ["fix_teh"]
    assert make_pipeline(_plugin_module(), teh_enabled=False).names == []
    assert make_pipeline(_plugin_module(), config={"teh_enabled": False}).names == []
    assert make_pipeline(Teh(), LayoutNormalizer()).names == ["layout", "fix_teh"]
    pipeline = make_pipeline(Teh(), builtins=["layout", "unicode"])
    assert pipeline.names == ["unicode", "layout", "fix_teh"]
    assert pipeline.clean("teh\u00a0 cat ").text == "the cat"


def test_importing_the_plugin_is_light(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        import newsclean.pytest_plugin
        heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('datasets', 'pyarrow', 'hypothesis', 'ftfy')
                       or m.startswith(('newsclean.plugins', 'newsclean.pipeline', 'newsclean.loader')))
        assert not heavy, heavy
        """
    )
    run([sys.executable, "-c", code], cwd=tmp_path, env=subprocess_env(tmp_path, ROOT))


FIXTURE_TESTS = '''
import sys

import newsclean_fixture_plugin
from newsclean import Normalizer, Stage


def test_no_heavy_import_at_start_up():
    assert "datasets" not in sys.modules


class Shout(Normalizer):
    name = "shout"
    stage = Stage.FINISH
    version = "1"

    def __call__(self, doc):
        doc.replace(0, len(doc.text), doc.text.upper(), step=self.name, rule="upper")


def test_fixtures(newsclean_plugin_manager, newsclean_pipeline, news_documents):
    assert newsclean_plugin_manager(newsclean_fixture_plugin).has_plugin("newsclean_fixture_plugin")
    pipeline = newsclean_pipeline(newsclean_fixture_plugin, Shout())
    assert pipeline.names == ["fix_teh", "shout"]
    assert pipeline.clean("teh cat").text == "THE CAT"
    assert len(news_documents) > 3 and all(isinstance(t, str) for t in news_documents)
'''

FIXTURE_PLUGIN = '''
import re

from newsclean import Normalizer, Stage, hookimpl


class Teh(Normalizer):
    name = "fix_teh"
    stage = Stage.TYPOS
    version = "1"

    def __call__(self, doc):
        for m in reversed(list(re.finditer(r"\\bteh\\b", doc.text))):
            doc.replace(m.start(), m.end(), "the", step=self.name, rule="teh")


@hookimpl
def newsclean_normalizers(config):
    return [Teh()]
'''


def test_the_fixtures_in_a_pytest_run(tmp_path):
    (tmp_path / "test_it.py").write_text(FIXTURE_TESTS, encoding="utf-8")
    (tmp_path / "newsclean_fixture_plugin.py").write_text(FIXTURE_PLUGIN, encoding="utf-8")
    proc = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_plugin_args(), "test_it.py"],
        cwd=tmp_path, env=subprocess_env(tmp_path, tmp_path),
    )
    assert "2 passed" in proc.stdout

