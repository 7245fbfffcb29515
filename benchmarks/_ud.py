"""Read UD CoNLL-U files into documents with gold sentence and token character spans.

Each document's raw text is rebuilt from its ``# text`` lines: sentences of a paragraph
joined by one space, paragraphs (``# newpar``) by a blank line. Gold token spans come from
the surface tokens (multiword tokens such as "don't" count as their parts "do" + "n't" when
their forms concatenate to the surface; otherwise as one token).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class UDDoc:
    doc_id: str
    text: str = ""
    sents: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)


def _align(sent_text: str, offset: int, forms: list[str]) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for form in forms:
        idx = sent_text.find(form, pos)
        if idx < 0:  # form not found verbatim (rare normalisation); skip it
            continue
        spans.append((offset + idx, offset + idx + len(form)))
        pos = idx + len(form)
    return spans


def read_conllu(path: str | Path) -> list[UDDoc]:
    docs: list[UDDoc] = []
    doc: UDDoc | None = None
    parts: list[str] = []
    newpar = False
    sent_text: str | None = None
    forms: list[str] = []
    mwt_end = 0
    mwt_parts: list[str] = []
    mwt_form = ""

    def flush_sentence() -> None:
        nonlocal sent_text, forms, newpar
        if doc is None or sent_text is None:
            return
        if parts:
            parts.append("\n\n" if newpar else " ")
        start = sum(len(p) for p in parts)
        parts.append(sent_text)
        doc.sents.append((start, start + len(sent_text)))
        doc.tokens.extend(_align(sent_text, start, forms))
        sent_text = None
        forms = []
        newpar = False

    def flush_doc() -> None:
        nonlocal parts
        if doc is not None:
            doc.text = "".join(parts)
            docs.append(doc)
        parts = []

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                flush_sentence()
                flush_doc()
                doc = UDDoc(line.split("=", 1)[1].strip() if "=" in line else f"d{len(docs)}")
                newpar = False
            elif line.startswith("# newpar"):
                if not line.startswith("# newpar_block"):
                    newpar = True
            elif line.startswith("# text ="):
                sent_text = line.split("=", 1)[1].strip()
            elif not line:
                flush_sentence()
            elif not line.startswith("#"):
                cols = line.split("\t")
                tid = cols[0]
                if "." in tid:
                    continue
                if "-" in tid:
                    a, b = tid.split("-")
                    mwt_end = int(b)
                    mwt_form = cols[1]
                    mwt_parts = []
                    continue
                if mwt_end and int(tid) <= mwt_end:
                    mwt_parts.append(cols[1])
                    if int(tid) == mwt_end:
                        if "".join(mwt_parts) == mwt_form:
                            forms.extend(mwt_parts)
                        else:
                            forms.append(mwt_form)
                        mwt_end = 0
                    continue
                forms.append(cols[1])
    flush_sentence()
    flush_doc()
    return docs
