"""Corpus-level learning: Pipeline.fit, the fitted file, and the fit/profile/clean --fitted commands."""

import json
import pickle

import pytest

import newsclean
from newsclean import Document
from newsclean.cli import main
from newsclean.fitted import load_fitted

FOOTER = "SiteX is owned by Example Media Group and its partners."
QUOTE = '"We will not allow anyone to work inside Iraq against any country," the spokesman said.'


def article(i: int, *, footer: bool = True, quote: bool = False) -> str:
    parts = [
        f"Officials in district {i} said on Tuesday that the new bridge would open next spring after delays.",
        f"The project, number {i} in the plan, cost more than expected, according to the regional council.",
    ]
    if quote:
        parts.append(QUOTE)
    if footer:
        parts.append(FOOTER)
    return "\n\n".join(parts)


def corpus():
    docs = [Document(article(i, quote=i < 3), id=f"sitex/{i}.txt") for i in range(30)]
    docs += [Document(article(i, footer=False, quote=i < 2), id=f"sitey/{i}.txt") for i in range(30)]
    return docs


def test_fit_learns_a_sources_repeated_footer_and_not_a_repeated_quote():
    fitted = newsclean.Pipeline.from_config().fit(corpus())
    learned = fitted["structure"].params["learned"]
    assert learned["sitex"]["tail"] == [FOOTER]
    assert all(QUOTE not in lines for places in learned.values() for lines in places.values())
    assert "sitey" not in learned


def test_learned_lines_are_removed_for_their_source_only():
    fitted = newsclean.Pipeline.from_config().fit(corpus())
    doc = fitted.clean(article(99, quote=True), id="sitex/99.txt")
    assert FOOTER not in doc.text and QUOTE in doc.text
    assert {"kind": "learned", "text": FOOTER, "step": "structure"} in doc.removed
    assert doc.undo() == article(99, quote=True)
    other = fitted.clean(article(99), id="elsewhere/1.txt")
    assert FOOTER in other.text


def test_fitting_changes_the_fingerprint_and_survives_pickling():
    base = newsclean.Pipeline.from_config()
    fitted = base.fit(corpus())
    assert fitted.fingerprint != base.fingerprint
    again = pickle.loads(pickle.dumps(fitted))
    assert again.fingerprint == fitted.fingerprint
    assert FOOTER not in again.clean(article(5), id="sitex/5.txt").text


def test_fit_uses_a_bounded_sample():
    fitted = newsclean.Pipeline.from_config().fit(corpus(), sample_size=4)
    assert fitted["structure"].params["learned"] == {}  # 4 documents are below min_docs


def test_with_params_rejects_unknown_normalizers():
    with pytest.raises(newsclean.ConfigError, match="nosuch"):
        newsclean.Pipeline.from_config().with_params({"nosuch": {}})


@pytest.fixture
def folder(tmp_path):
    for doc in corpus():
        path = tmp_path / "in" / doc.id
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.text, encoding="utf-8")
    return tmp_path


def test_cli_fit_profile_and_clean_with_the_fitted_file(folder, capsys):
    fitted_file = folder / "fitted.json"
    assert main(["fit", str(folder / "in"), "-o", str(fitted_file)]) == 0
    assert FOOTER in capsys.readouterr().out
    assert load_fitted(fitted_file)["structure"]["learned"]["sitex"]["tail"] == [FOOTER]
    assert json.loads(fitted_file.read_text())["documents"] == 60
    assert main(["profile", str(fitted_file)]) == 0
    assert FOOTER in capsys.readouterr().out
    out = folder / "out.jsonl"
    assert main(["clean", str(folder / "in"), "-o", str(out), "--fitted", str(fitted_file)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(FOOTER not in r["text"] for r in rows)
    assert sum(1 for r in rows if any(x["kind"] == "learned" for x in r["removed"])) == 30


def test_cli_clean_with_fit_learns_in_the_same_run(folder):
    out = folder / "out.jsonl"
    assert main(["clean", str(folder / "in"), "-o", str(out), "--fit"]) == 0
    assert all(FOOTER not in json.loads(line)["text"] for line in out.read_text().splitlines())


def test_cli_fit_refuses_to_overwrite_and_bad_fitted_files_are_clear(folder, capsys):
    fitted_file = folder / "fitted.json"
    fitted_file.write_text("{}")
    assert main(["fit", str(folder / "in"), "-o", str(fitted_file)]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["profile", str(fitted_file)]) == 2
    assert "not written by `newsclean fit`" in capsys.readouterr().err
    (folder / "bad.json").write_text("not json")
    assert main(["clean", str(folder / "in"), "-o", str(folder / "o.jsonl"), "--fitted", str(folder / "bad.json")]) == 2
    assert "is not JSON" in capsys.readouterr().err
