"""The report's front page: ``index.html`` linking every rendered notebook."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from toolkit.report._execute import status_text
from toolkit.report._files import write_text_atomic

_STATES = {
    "running": (
        "This report is being written (or its run was killed): the notebooks below marked "
        "'not run' have no results yet."
    ),
    "interrupted": (
        "This report is incomplete: its run was interrupted (Ctrl-C). Notebooks marked "
        "'interrupted' or 'not run' have no results; run the same command again to complete it."
    ),
}

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; table-layout: fixed; }
th:nth-child(2), td:nth-child(2) { width: 11rem; } th:nth-child(3), td:nth-child(3) { width: 4rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.4rem 0.5rem; text-align: left;
         vertical-align: top; }
.ok { color: #1a7f37; } .failed, .interrupted { color: #cf222e; font-weight: bold; }
.stale { background: #fff8c5; border: 1px solid #d4a72c; padding: 0.5rem 0.75rem; }
pre { background: #f6f8fa; padding: 0.5rem; font-size: 0.85rem; white-space: pre-wrap;
      overflow-wrap: anywhere; max-height: 12rem; overflow-y: auto; }
.nodata, .earlier, .skipped { color: #9a6700; }
.files { font-size: 0.85rem; color: #555; }
"""


def _files(nb: dict[str, Any]) -> str:
    figs = [f for f in nb["figures"] if f.endswith(".png")]
    parts = []
    if figs:
        links = ", ".join(
            f'<a href="{escape(f)}">{escape(Path(f).stem)}</a>'
            f' (<a href="{escape(f[:-4])}.svg">svg</a>)'
            for f in figs
        )
        parts.append(f"figures: {links}")
    if nb["tables"]:
        links = ", ".join(f'<a href="{escape(t)}">{escape(Path(t).name)}</a>' for t in nb["tables"])
        parts.append(f"tables: {links}")
    return "<br>".join(parts)


def write_index(out: Path, manifest: dict[str, Any]) -> Path:
    """Write ``out/index.html`` from the manifest (atomically) and return its path.

    A manifest whose ``state`` is not ``"complete"`` gets a notice at the top saying so.
    """
    rows = []
    for nb in manifest["notebooks"]:
        status = escape(nb["status"])
        shown = escape(status_text(nb))
        if nb.get("figures_no_data"):
            status += " nodata"
            shown += "<br><small>" + escape(", ".join(nb["figures_no_data"])) + "</small>"
        if nb.get("sections_skipped"):
            status += " skipped"
            shown += "<br><small>" + escape("; ".join(
                line.removeprefix("Skipped: ") for line in nb["sections_skipped"])) + "</small>"
        if nb.get("earlier_run"):
            status += " earlier"
            shown += f"<br><small>run {escape(str(nb['earlier_run']))}</small>"
        error = f"<pre>{escape(nb['error'])}</pre>" if nb.get("error") else ""
        rows.append(
            "<tr>"
            f'<td><a href="{escape(nb["html"] or "")}"><strong>{escape(nb["title"])}</strong></a>'
            f' <small>(<a href="notebooks/{escape(nb["name"])}.ipynb">ipynb</a>)</small>'
            f"<br>{escape(nb['summary'])}{error}"
            f'<div class="files">{_files(nb)}</div></td>'
            f'<td class="{status}">{shown}</td>'
            f"<td>{nb['seconds']:.0f}&nbsp;s</td>"
            "</tr>"
        )
    inputs = "".join(
        f"<li>{escape(str(i['corpus']))}: {i['documents']:,} articles"
        f"{' (subset of ' + str(i['subset']) + ')' if i.get('subset') else ''}, "
        f"sha256 <code>{escape(i['sha256'][:16])}…</code></li>"
        for i in manifest["inputs"]
    )
    params = ", ".join(f"{escape(k)}={escape(repr(v))}" for k, v in manifest["parameters"].items())
    failed = sum(nb["status"] == "failed" for nb in manifest["notebooks"])
    verdict = f'<p class="failed">{failed} notebook(s) failed; see below.</p>' if failed else ""
    state = manifest.get("state", "complete")
    if state in _STATES:
        verdict = (
            f'<p class="stale"><strong>{escape(state)}</strong>: {_STATES[state]}</p>' + verdict
        )
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Diplomacy Coverage Toolkit: report</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Diplomacy Coverage Toolkit: report</h1>
<p>Each notebook below was executed from top to bottom in a fresh Python kernel by
<code>python -m toolkit.report</code>. Click a title to read it with its figures and tables;
the figures (PNG and SVG) and tables (CSV) are also linked as files.</p>
{verdict}
<table>
<thead><tr><th>notebook</th><th>status</th><th>time</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h2>Provenance</h2>
<ul>
<li>toolkit {escape(manifest["toolkit_version"])}, Python {escape(manifest["python"])}</li>
<li>parameters: {params}</li>
{inputs}
<li>started {escape(manifest["started_utc"])}, took {manifest["seconds"]:.0f} s</li>
<li>package versions and checksums of every table: <a href="manifest.json">manifest.json</a></li>
</ul>
</body>
</html>
"""
    return write_text_atomic(out / "index.html", html)
