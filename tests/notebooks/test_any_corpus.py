"""Every notebook runs on any corpus: real ones from ``../shared``, pages without dates or
outlets, a CSV with day-first dates and its own column names (issue #14, point 2).

Each case runs notebooks 02-06 once on a small slice made in ``tmp_path`` at test time
(``--subset 40``); the ``../shared`` slices skip without ``../shared``.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from toolkit import datasets, report

pytestmark = pytest.mark.notebooks

ANALYSES = ["02", "03", "04", "05", "06"]
SUBSET = 40


def _slice_jsonl(source: Path, target: Path, n: int) -> Path:
    """The first ``n`` lines of a gzip JSONL file, as a new gzip JSONL file."""
    with gzip.open(source, "rt", encoding="utf-8") as src, gzip.open(target, "wt") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return target


def _text_pages(folder: Path) -> Path:
    """A folder of ``.txt`` pages: no dates, no outlets (the texts of the shipped sample)."""
    folder.mkdir()
    for row in datasets.load_sample().itertuples():
        (folder / f"{row.doc_id}.txt").write_text(f"{row.title}\n\n{row.text}\n", "utf-8")
    return folder


def _dayfirst_csv(path: Path) -> Path:
    """A CSV with its own column names and dd/mm/yyyy dates that could be read either way."""
    sample = datasets.load_sample()
    days = [f"{1 + i:02d}/{1 + i % 3:02d}/2017" for i in range(len(sample))]  # day <= 12
    frame = pd.DataFrame(
        {
            "id": sample["doc_id"],
            "headline": sample["title"],
            "body": sample["text"],
            "source": sample["outlet"],
            "published": days,
        }
    )
    frame.to_csv(path, index=False)
    return path


def _case(name: str, tmp_path: Path, shared_file) -> tuple[Path, dict]:
    if name == "allsides":
        src = shared_file("corpora", "allsides_middle_east.jsonl.gz")
        return _slice_jsonl(src, tmp_path / "allsides.jsonl.gz", 120), {}
    if name == "tehran_times":
        src = shared_file("corpora", "tehran_times.jsonl.gz")
        slice_ = _slice_jsonl(src, tmp_path / "tehran.jsonl.gz", 120)
        return slice_, {"duplicates": "drop_identical"}
    if name == "txt_pages":
        return _text_pages(tmp_path / "pages"), {}
    columns = {
        "doc_id": "id",
        "title": "headline",
        "text": "body",
        "outlet": "source",
        "date": "published",
    }
    return _dayfirst_csv(tmp_path / "mine.csv"), {"dayfirst": True, "columns": columns}


def _outputs(out: Path, name: str) -> str:
    nb = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
    return "\n".join(
        o.get("text", "")
        for cell in nb.cells
        for o in cell.get("outputs", [])
        if o.get("output_type") == "stream"
    )


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One result cache for every case: the gazetteer and lexicons are prepared once."""
    return tmp_path_factory.mktemp("cache")


@pytest.mark.parametrize("case", ["allsides", "tehran_times", "txt_pages", "dayfirst_csv"])
def test_every_notebook_runs_on_the_corpus(
    case, tmp_path, shared_file, monkeypatch, cache_dir
) -> None:
    corpus, options = _case(case, tmp_path, shared_file)
    monkeypatch.setenv("DCT_CACHE_DIR", str(cache_dir))
    monkeypatch.chdir(tmp_path)  # the corpus is given relative to the working folder
    out = tmp_path / "out"
    manifest = report.run(
        out=out,
        corpus=corpus.relative_to(tmp_path),
        subset=SUBSET,
        only=ANALYSES,
        load_options=options,
        progress=False,
        timeout=1200,
    )
    names = {nb["name"][:2]: nb for nb in manifest["notebooks"]}
    for prefix in ANALYSES:
        nb = names[prefix]
        assert nb["status"] == "ok", f"{case}: {nb['name']} failed:\n{nb['error']}"
        text = _outputs(out, nb["name"])
        assert "Warning" not in text or "ToolkitWarning" in text, f"{nb['name']}: {text}"
    assert manifest["parameters"]["CORPUS"] == str(corpus)  # absolute, as resolved
    if options:
        assert manifest["parameters"]["LOAD_OPTIONS"] == options
    loaded = [i for i in manifest["inputs"] if i["corpus"] == str(corpus)]
    assert loaded and all(0 < i["documents"] <= SUBSET for i in loaded)
    if case == "txt_pages":  # no dates, no outlets: the sections say they are skipped
        assert "Skipped: Coverage over time needs article dates" in _outputs(
            out, names["02"]["name"]
        )
        assert "Skipped: Keyness between outlets" in _outputs(out, names["03"]["name"])
    if case == "dayfirst_csv":  # 04/01/2017 is January 4th: months 1-3 only, not 4-8
        table = out / "tables" / names["02"]["name"] / "articles_per_month_by_outlet.csv"
        months = set(pd.read_csv(table)["month"])
        assert months == {"2017-01", "2017-02", "2017-03"}, months
    if case == "tehran_times":  # one outlet, no dates: dated sections skipped, none failed
        assert "Skipped: The events, week by week needs article dates" in _outputs(
            out, names["03"]["name"]
        )
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "\x1b[" not in index
