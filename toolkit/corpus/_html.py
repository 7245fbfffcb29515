"""A saved web page (HTML) to main text, metadata and page furniture, through trafilatura."""

from __future__ import annotations

from typing import Any


def _from_html(html: str) -> dict[str, Any]:
    """Main text and metadata of a saved web page, through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = meta.get("text") or ""
    everything = trafilatura.html2txt(html) or ""
    kept = {" ".join(line.split()) for line in text.splitlines()}
    furniture = [
        line.strip() for line in everything.splitlines()
        if line.strip() and " ".join(line.split()) not in kept
    ]
    return {
        "text": text,
        "title": meta.get("title"),
        "author": meta.get("author"),
        "date": meta.get("date"),
        "url": meta.get("url"),
        "outlet": meta.get("sitename") or meta.get("hostname"),
        "language": meta.get("language"),
        "boilerplate": "\n".join(furniture),
        "lede": "",
    }
