"""The Pipeline: chain order, the hooks, no pluggy per document, pickling, fingerprints, config files."""

from __future__ import annotations

import itertools
import pickle
import re

import pluggy
import pytest

import newsclean
from newsclean import ConfigError, Document, Normalizer, NormalizerError, Pipeline, PluginLoadError, Stage, hookimpl
from newsclean.config import Config, load_config
from newsclean.loader import DISABLE_ENV, PluginManager
from newsclean.pipeline import _cached

from .fakedist import fake_dist  # noqa: F401


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no newsclean.toml of the working directory
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    _cached.cache_clear()
    yield
    _cached.cache_clear()


# -- normalizers and plugin objects used below (module level: picklable by value) ----------
class Replace(Normalizer):
    """Replaces every ``old`` by ``new``."""

    name = "replace"
    stage = Stage.TYPOS
    version = "1"

    def __call__(self, doc: Document) -> None:
        old, new = self.params.get("old", "teh"), self.params.get("new", "the")
        for m in reversed(list(re.finditer(re.escape(old), doc.text))):
            doc.replace(m.start(), m.end(), new, step=self.name, rule="replace")


class ReplaceV2(Replace):
    version = "2"


class Vocabulary(Normalizer):
    """Learns the corpus vocabulary; flags documents with a word outside it."""

    name = "vocabulary"
    stage = Stage.SPELLING
    version = "1"

    def fit(self, docs):
        return {"vocab": sorted({w for d in docs for w in d.text.split()})}

    def __call__(self, doc: Document) -> None:
        vocab = set(self.params.get("vocab", ()))
        if vocab and any(w not in vocab for w in doc.text.split()):
            doc.flag("vocabulary:unknown-word")


class Language(Normalizer):
    """Sets the plugin-declared ``language`` metadata column."""

    name = "language"
    stage = Stage.FINISH
    version = "1"

    def __call__(self, doc: Document) -> None:
        doc.set_meta("language", "en", step=self.name, rule="guess")


class Boom(Normalizer):
    name = "boom"
    stage = Stage.NAMES
    version = "1"

    def __call__(self, doc: Document) -> None:
        raise ValueError("bad input")


def make(name: str, stage: Stage, order: int = 0, version: str = "1") -> Normalizer:
    """A do-nothing normalizer of a one-off class."""
    cls = type(
        f"N_{name}",
        (Normalizer,),
        {"name": name, "stage": stage, "order": order, "version": version, "__call__": lambda self, doc: None},
    )
    return cls()


class Provides:
    """A plugin object providing the given normalizers."""

    def __init__(self, *normalizers: Normalizer) -> None:
        self.normalizers = normalizers

    @hookimpl
    def newsclean_normalizers(self, config):
        return list(self.normalizers)


class Lexicons:
    def __init__(self, data) -> None:
        self.data = data

    @hookimpl
    def newsclean_lexicons(self):
        return self.data


class TypoOptions:
    """Declares ``typo_strength`` and passes it to its normalizer."""

    @hookimpl
    def newsclean_configure(self, config):
        config.declare("typo_strength", 1, "how hard to try")

    @hookimpl
    def newsclean_normalizers(self, config):
        return [Replace(strength=config.get("typo_strength"))]


def manager(**plugins: object) -> PluginManager:
    pm = PluginManager()
    for name, plugin in plugins.items():
        pm.register(plugin, name=name)
    return pm


# -- chain order ----------------------------------------------------------------------------
EXPECTED_ORDER = ["u_late", "t_early", "t_a", "t_b", "s_only", "f_first"]


def _scrambled_plugins():
    return {
        "p1": Provides(make("t_b", Stage.TYPOS), make("f_first", Stage.FINISH, order=-100)),
        "p2": Provides(make("t_a", Stage.TYPOS), make("u_late", Stage.UNICODE, order=100)),
        "p3": Provides(make("t_early", Stage.TYPOS, order=-5), make("s_only", Stage.SPELLING)),
    }


@pytest.mark.parametrize("order", list(itertools.permutations(["p1", "p2", "p3"])), ids="-".join)
def test_chain_sorted_by_stage_order_name(order):
    plugins = _scrambled_plugins()
    pm = PluginManager()
    for name in order:
        pm.register(plugins[name], name=name)
    pipeline = Pipeline.from_config({}, plugin_manager=pm)
    assert pipeline.names == EXPECTED_ORDER
    assert [n.sort_key() for n in pipeline.normalizers] == sorted(n.sort_key() for n in pipeline.normalizers)
    assert pipeline.origins["t_a"].plugin == "p2"


def test_chain_order_and_fingerprint_do_not_depend_on_registration_order():
    fingerprints = set()
    for order in itertools.permutations(["p1", "p2", "p3"]):
        plugins = _scrambled_plugins()
        pm = manager(**{name: plugins[name] for name in order})
        fingerprints.add(Pipeline.from_config({}, plugin_manager=pm).fingerprint)
    assert len(fingerprints) == 1


def test_explicit_pipeline_is_sorted_and_checked():
    normalizers = [make(n, s, o) for n, s, o in [("b", Stage.LAYOUT, 0), ("a", Stage.LAYOUT, 0), ("z", Stage.UNICODE, 9)]]
    assert Pipeline(normalizers).names == ["z", "a", "b"]
    with pytest.raises(PluginLoadError, match="not a normalizer"):
        Pipeline([lambda doc: None])


# -- newsclean_configure ---------------------------------------------------------------------
def test_configure_declares_an_option():
    pm = manager(typo=TypoOptions())
    assert Pipeline.from_config({}, plugin_manager=pm)["replace"].params == {"strength": 1}
    pipeline = Pipeline.from_config({"typo_strength": 3}, plugin_manager=pm)
    assert pipeline["replace"].params == {"strength": 3}
    assert pipeline.config.get("typo_strength") == 3
    assert pipeline.config.declared()["typo_strength"] == (1, "how hard to try")
    assert Pipeline.from_config({"typo-strength": 2}, plugin_manager=pm)["replace"].params == {"strength": 2}
    assert Pipeline.from_config(plugin_manager=pm, typo_strength=4)["replace"].params == {"strength": 4}


def test_undeclared_option_is_an_error_with_a_hint():
    pm = manager(typo=TypoOptions())
    with pytest.raises(ConfigError) as info:
        Pipeline.from_config({"typo_strenght": 3}, plugin_manager=pm)
    message = str(info.value)
    assert "unknown option 'typo_strenght'" in message
    assert "did you mean 'typo_strength'?" in message
    assert "Known options:" in message and "typo_strength" in message


def test_option_of_a_plugin_that_is_not_there_is_an_error():
    with pytest.raises(ConfigError, match="unknown option 'typo_strength'"):
        Pipeline.from_config({"typo_strength": 3}, plugin_manager=manager(other=Provides(make("x", Stage.FINISH))))
    with pytest.raises(ConfigError, match="unknown option 'typo_strength'"):
        newsclean.clean_text("text", typo_strength=3)


# -- newsclean_lexicons ----------------------------------------------------------------------
def test_lexicons_are_merged_in_plugin_name_order():
    alpha_words = ["Daesh", "al-Sha'abi"]
    beta_words = ["Iraq"]
    alpha_table = {"UK": "United Kingdom"}
    beta_table = {"US": "United States", "UK": "Britain"}
    alpha = Lexicons({"protected_words": alpha_words, "expansions": alpha_table, "only_alpha": 7})
    beta = Lexicons({"protected_words": beta_words, "expansions": beta_table, "only_beta": ("x",)})
    for _ in range(2):  # a second build must not accumulate
        pm = manager(zz_beta=beta, aa_alpha=alpha)  # registered beta first
        lexicons = Pipeline.from_config({}, plugin_manager=pm).config.lexicons
        assert lexicons["protected_words"] == ["Daesh", "al-Sha'abi", "Iraq"]
        assert lexicons["expansions"] == {"UK": "Britain", "US": "United States"}
        assert lexicons["only_alpha"] == 7 and lexicons["only_beta"] == ["x"]
    # the plugins' own data is not mutated
    assert alpha_words == ["Daesh", "al-Sha'abi"] and beta_words == ["Iraq"]
    assert alpha_table == {"UK": "United Kingdom"} and beta_table == {"US": "United States", "UK": "Britain"}
    assert lexicons["protected_words"] is not alpha_words
    lexicons["protected_words"].append("mutated")
    assert alpha_words == ["Daesh", "al-Sha'abi"]


def test_lexicons_are_seen_by_normalizers_hook():
    seen = {}

    class Reader:
        @hookimpl
        def newsclean_normalizers(self, config):
            seen.update(config.lexicons)
            return []

    Pipeline.from_config({}, plugin_manager=manager(words=Lexicons({"protected_words": ["Iraq"]}), reader=Reader()))
    assert seen == {"protected_words": ["Iraq"]}


def test_lexicons_must_be_a_dict():
    with pytest.raises(PluginLoadError, match="plugin 'bad': newsclean_lexicons must return a dict, got list"):
        Pipeline.from_config({}, plugin_manager=manager(bad=Lexicons(["Iraq"])))


# -- newsclean_modify_pipeline ---------------------------------------------------------------
def test_modify_pipeline_can_drop_and_add():
    seen = []

    class Modifier:
        @hookimpl
        def newsclean_modify_pipeline(self, pipeline):
            seen.append(list(pipeline.names))
            pipeline.normalizers[:] = [n for n in pipeline.normalizers if n.name != "t_b"]
            pipeline.normalizers.insert(0, make("added_last", Stage.FINISH, order=1000))

    plugins = _scrambled_plugins()
    pm = manager(mod=Modifier(), **plugins)
    pipeline = Pipeline.from_config({"disable": ["t_a"]}, plugin_manager=pm)
    assert seen == [["u_late", "t_early", "t_b", "s_only", "f_first"]]  # after sorting and disable
    assert pipeline.names == ["u_late", "t_early", "s_only", "f_first", "added_last"]
    assert pipeline.clean("x").text == "x"


def test_modify_pipeline_drop_survives_pickle_by_spec(fake_dist):  # noqa: F811
    fake_dist(
        "newsclean-dropper",
        """
        from newsclean import hookimpl

        @hookimpl
        def newsclean_modify_pipeline(pipeline):
            pipeline.normalizers[:] = [n for n in pipeline.normalizers if n.name != "layout"]
        """,
    )
    pipeline = Pipeline.from_config({})
    assert "layout" not in pipeline.names and "unicode" in pipeline.names
    assert pickle.loads(pickle.dumps(pipeline)).names == pipeline.names


# -- newsclean_dataset_features --------------------------------------------------------------
def test_dataset_features_column_is_filled_by_set_meta():
    import datasets

    from newsclean.dataset import document_row, output_features

    class Features:
        @hookimpl
        def newsclean_dataset_features(self, features):
            features["language"] = datasets.Value("string")

    pm = manager(lang=Features(), langn=Provides(Language()))
    pipeline = Pipeline.from_config({}, plugin_manager=pm)
    assert pipeline.extra_features == {"language": datasets.Value("string")}
    features = output_features(pipeline)
    assert features["language"] == datasets.Value("string")
    assert "language" not in output_features(None)

    doc = pipeline.clean("Hello.", id="d1")
    assert doc.metadata["language"] == "en"
    assert [(e.step, e.field, e.after) for e in doc.edits] == [("language", "language", '"en"')]
    row = document_row(doc, list(pipeline.extra_features))
    assert row["language"] == "en"
    assert row["text"] == "Hello." and row["id"] == "d1"
    assert "language" not in document_row(doc)
    # the row fits the declared features
    ds = datasets.Dataset.from_list([document_row(doc, ["language"])], features=output_features(pipeline))
    assert ds[0]["language"] == "en"


class ReplacesText:
    @hookimpl
    def newsclean_dataset_features(self, features):
        import datasets

        features["text"] = datasets.Value("int64")


def test_dataset_features_cannot_replace_a_builtin_column_type():
    from newsclean.dataset import output_features

    pipeline = Pipeline.from_config({}, plugin_manager=manager(bad=ReplacesText()))
    assert output_features(pipeline)["text"].dtype == "string"


def test_dataset_features_cannot_replace_a_builtin_column_value():
    from newsclean.dataset import document_row

    pipeline = Pipeline.from_config({}, plugin_manager=manager(bad=ReplacesText()))
    doc = pipeline.clean("Hello.", id="d1")
    assert document_row(doc, list(pipeline.extra_features))["text"] == "Hello."


# -- no pluggy call per document -------------------------------------------------------------
def test_no_pluggy_call_per_document(monkeypatch):
    class Everything(TypoOptions):
        @hookimpl
        def newsclean_lexicons(self):
            return {"protected_words": ["Iraq"]}

        @hookimpl
        def newsclean_modify_pipeline(self, pipeline):
            pass

        @hookimpl
        def newsclean_dataset_features(self, features):
            features["language"] = "string"

    pm = manager(everything=Everything(), lang=Provides(Language()))
    custom = Pipeline.from_config({}, plugin_manager=pm)
    default = Pipeline.from_config({})
    fitted = default.fit(["some text"])

    # pytest runs on pluggy too: only newsclean's hooks are forbidden, pytest's still work.
    def forbid(original):
        def no_hooks(self, *args, **kwargs):
            if self.name.startswith("newsclean_"):
                raise AssertionError(f"pluggy hook {self.name!r} called after the build")
            return original(self, *args, **kwargs)

        return no_hooks

    monkeypatch.setattr(pluggy.HookCaller, "__call__", forbid(pluggy.HookCaller.__call__))
    hooks_module = getattr(pluggy, "_hooks", None)
    other = getattr(hooks_module, "HookCaller", None)
    if other is not None and other is not pluggy.HookCaller:
        monkeypatch.setattr(other, "__call__", forbid(other.__call__))
    with pytest.raises(AssertionError, match="called after the build"):
        pm.hook.newsclean_lexicons()  # the patch is in force

    assert custom.clean("teh news").text == "the news"
    assert custom.clean("x", id="2").metadata["language"] == "en"
    assert default.clean("  He said \u201chi\u201d.\u00a0 ").text == 'He said "hi".'
    assert fitted("a\u00a0 b").text == "a b"
    assert [d.text for d in map(default.clean, ["a  b", " c "])] == ["a b", "c"]


# -- errors ---------------------------------------------------------------------------------
def test_normalizer_error_names_document_and_step():
    pipeline = Pipeline([Replace(), Boom()])
    with pytest.raises(NormalizerError) as info:
        pipeline.clean("teh text", id="doc-7")
    error = info.value
    assert error.doc_id == "doc-7" and error.step == "boom"
    assert "document 'doc-7'" in str(error) and "step 'boom'" in str(error)
    assert "ValueError: bad input" in str(error)
    assert isinstance(error.__cause__, ValueError)
    with pytest.raises(TypeError, match="document 'doc-8': text must be str"):
        pipeline.clean(b"bytes", id="doc-8")


def test_disable_unknown_normalizer():
    with pytest.raises(ConfigError, match="cannot disable 'nope': no such normalizer. Available: .*layout"):
        Pipeline.from_config({"disable": ["nope"]})


# -- pickling -------------------------------------------------------------------------------
def test_pipeline_from_config_pickles_by_spec():
    pipeline = Pipeline.from_config({"disable": ["unicode"], "on_error": "keep"})
    assert "unicode" not in pipeline.names and "layout" in pipeline.names
    assert pipeline.__reduce__()[0].__name__ == "_rebuild"
    data = pickle.dumps(pipeline)
    for cls in {type(n) for n in pipeline.normalizers}:
        assert cls.__name__.encode() not in data
    assert b"newsclean.plugins" not in data
    restored = pickle.loads(data)
    assert restored.names == pipeline.names
    assert restored.fingerprint == pipeline.fingerprint
    assert restored.config.get("on_error") == "keep"
    assert restored.normalizers[0] is not pipeline.normalizers[0]
    assert restored.clean("a  b").text == pipeline.clean("a  b").text == "a b"
    assert pickle.loads(pickle.dumps(restored)).fingerprint == pipeline.fingerprint


def test_pipeline_from_objects_pickles_by_value():
    pipeline = Pipeline([Replace(old="colour", new="color"), Vocabulary(vocab=["a"])], Config({"on_error": "skip"}))
    assert pipeline.__reduce__()[0].__name__ == "_from_objects"
    data = pickle.dumps(pipeline)
    assert b"Replace" in data and b"Vocabulary" in data
    restored = pickle.loads(data)
    assert restored.names == ["replace", "vocabulary"]
    assert restored["replace"].params == {"old": "colour", "new": "color"}
    assert restored.fingerprint == pipeline.fingerprint
    assert restored.config.get("on_error") == "skip"
    assert restored.clean("a colour").text == "a color"


def test_pipeline_with_a_given_plugin_manager_pickles_by_value_with_its_config():
    class Everything(TypoOptions):
        @hookimpl
        def newsclean_lexicons(self):
            return {"protected_words": ["Iraq"]}

    pipeline = Pipeline.from_config({}, plugin_manager=manager(everything=Everything()))
    assert pipeline.__reduce__()[0].__name__ == "_from_objects"
    restored = pickle.loads(pickle.dumps(pipeline))
    assert restored.names == ["replace"] and restored.fingerprint == pipeline.fingerprint
    assert restored.config.lexicons == {"protected_words": ["Iraq"]}
    assert restored.config.get("typo_strength") == 1


def test_fitted_pipeline_keeps_its_params_through_pickle():
    pipeline = Pipeline([Vocabulary(), Replace()])
    fitted = pipeline.fit(["a b", Document("b c")])
    assert fitted is not pipeline
    assert fitted["vocabulary"].params == {"vocab": ["a", "b", "c"]}
    assert fitted["replace"] is pipeline["replace"]  # learned nothing: unchanged
    assert pipeline["vocabulary"].params == {}
    assert fitted.fingerprint != pipeline.fingerprint
    restored = pickle.loads(pickle.dumps(fitted))
    assert restored["vocabulary"].params == {"vocab": ["a", "b", "c"]}
    assert restored.fingerprint == fitted.fingerprint
    assert restored.clean("a z").flags == ["vocabulary:unknown-word"]
    assert restored.clean("a c").flags == []


FITTING_PLUGIN = """
from newsclean import Normalizer, Stage, hookimpl


class Vocabulary(Normalizer):
    name = "vocabulary"
    stage = Stage.SPELLING
    version = "1"

    def fit(self, docs):
        return {"vocab": sorted({w for d in docs for w in d.text.split()})}

    def __call__(self, doc):
        if any(w not in self.params.get("vocab", [w]) for w in doc.text.split()):
            doc.flag("vocabulary:unknown-word")


@hookimpl
def newsclean_normalizers(config):
    return [Vocabulary()]
"""


def test_fitted_pipeline_from_config_keeps_its_params_through_pickle_by_spec(fake_dist):  # noqa: F811
    fake_dist("newsclean-vocab", FITTING_PLUGIN, entry_point="vocab")
    pipeline = Pipeline.from_config({})
    fitted = pipeline.fit(["a b", "b c"])
    assert fitted.__reduce__()[0].__name__ == "_rebuild"
    assert fitted.fingerprint != pipeline.fingerprint
    data = pickle.dumps(fitted)
    assert b"Vocabulary" not in data
    restored = pickle.loads(data)
    assert restored["vocabulary"].params == {"vocab": ["a", "b", "c"]}
    assert restored.fingerprint == fitted.fingerprint
    assert restored.clean("a z").flags == ["vocabulary:unknown-word"]
    unfitted = pickle.loads(pickle.dumps(pipeline))
    assert unfitted["vocabulary"].params == {} and unfitted.fingerprint == pipeline.fingerprint


# -- fingerprint ----------------------------------------------------------------------------
def test_fingerprint_is_stable_across_builds():
    assert Pipeline.from_config({}).fingerprint == Pipeline.from_config({}).fingerprint
    a = Pipeline([Replace(old="a", new="b")]).fingerprint
    assert a == Pipeline([Replace(old="a", new="b")]).fingerprint
    assert re.fullmatch(r"[0-9a-f]{32}", a)


def test_fingerprint_changes_with_params_version_options_and_data(tmp_path):
    base = Pipeline([Replace(old="a", new="b")]).fingerprint
    assert Pipeline([Replace(old="a", new="c")]).fingerprint != base
    assert Pipeline([ReplaceV2(old="a", new="b")]).fingerprint != base
    assert Pipeline([Replace(old="a", new="b")], Config({"on_error": "keep"})).fingerprint != base
    assert Pipeline.from_config({"disable": ["layout"]}).fingerprint != Pipeline.from_config({}).fingerprint

    data = tmp_path / "words.txt"
    data.write_text("one\n", encoding="utf-8")

    class WithData(Replace):
        def data_files(self):
            return [data]

    before = Pipeline([WithData()]).fingerprint
    assert Pipeline([WithData()]).fingerprint == before
    data.write_text("two\n", encoding="utf-8")
    assert Pipeline([WithData()]).fingerprint != before


# -- config files ---------------------------------------------------------------------------
def test_newsclean_toml(tmp_path):
    path = tmp_path / "newsclean.toml"
    path.write_text('disable = ["unicode"]\non-error = "keep"\nplugins = "warn"\n', encoding="utf-8")
    config = newsclean.load_config(path)
    assert config.get("disable") == ["unicode"]
    assert config.get("on_error") == "keep" and config.get("plugins") == "warn"
    assert newsclean.load_config(str(path), on_error="skip").get("on_error") == "skip"
    pipeline = Pipeline.from_config(str(path))
    assert "unicode" not in pipeline.names and "layout" in pipeline.names
    assert pipeline.config.get("on_error") == "keep"


def test_pyproject_tool_newsclean(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"\n\n[tool.black]\nline-length = 99\n\n[tool.newsclean]\ndisable = "unicode, layout"\n',
        encoding="utf-8",
    )
    config = newsclean.load_config(path)
    assert config.user_values() == {"disable": ["unicode", "layout"]}
    other = tmp_path / "other" / "pyproject.toml"
    other.parent.mkdir()
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert newsclean.load_config(other).user_values() == {}


def test_config_file_found_in_working_directory(tmp_path):
    assert load_config().user_values() == {}
    (tmp_path / "pyproject.toml").write_text('[tool.newsclean]\non_error = "skip"\n', encoding="utf-8")
    assert load_config().get("on_error") == "skip"
    (tmp_path / "newsclean.toml").write_text('on_error = "keep"\n', encoding="utf-8")
    assert load_config().get("on_error") == "keep"  # newsclean.toml wins
    assert Pipeline.from_config().config.get("on_error") == "keep"


@pytest.mark.parametrize(
    "name, content",
    [
        ("newsclean.toml", "disable = [\n"),
        ("newsclean.toml", "on_error = keep\n"),
        ("pyproject.toml", "[tool.newsclean\n"),
    ],
)
def test_invalid_toml_names_the_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        newsclean.load_config(path)
    assert str(path) in str(info.value) and "not valid TOML" in str(info.value)


def test_config_file_not_utf8_names_the_file(tmp_path):
    path = tmp_path / "newsclean.toml"
    path.write_bytes(b'on_error = "keep"\n# caf\xe9\n')
    with pytest.raises(ConfigError, match=re.escape(str(path))):
        newsclean.load_config(path)


@pytest.mark.parametrize("content", ["[tool]\nnewsclean = 3\n", 'tool = "x"\n', "[[tool.newsclean]]\na = 1\n"])
def test_pyproject_tool_newsclean_not_a_table(tmp_path, content):
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(str(path))):
        newsclean.load_config(path)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        newsclean.load_config(tmp_path / "nope.toml")


def test_unknown_option_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "newsclean.toml"
    path.write_text('on_eror = "keep"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Pipeline.from_config(path)
    message = str(info.value)
    assert "unknown option 'on_eror'" in message and str(path) in message
    assert "did you mean 'on_error'?" in message


def test_choices_are_listed():
    with pytest.raises(ConfigError) as info:
        load_config(on_error="explode")
    message = str(info.value)
    assert "'on_error'" in message and "'explode'" in message and "raise, skip, keep" in message
    with pytest.raises(ConfigError, match="raise, skip, keep"):
        Pipeline.from_config({}, on_error="explode")
    with pytest.raises(ConfigError, match="error, warn"):
        Config({"plugins": "maybe"})


def test_choice_from_a_file_names_the_file(tmp_path):
    path = tmp_path / "newsclean.toml"
    path.write_text('on-error = "explode"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value) and "raise, skip, keep" in str(info.value)


def test_name_lists_are_checked():
    with pytest.raises(ConfigError, match="'disable'.*must be a list of names"):
        Config({"disable": 3})
    with pytest.raises(ConfigError, match="'load'.*must be a list of names"):
        Config({"load": ["ok", 1]})
    assert Config({"disable": " a , b ,"}).get("disable") == ["a", "b"]
