"""The quote rule registry: one ordered table, a rule added in one function and one line, and
user cue verbs and gazetteers reaching the output."""

from __future__ import annotations

import pandas as pd

from toolkit import quotes
from toolkit.quotes._registry import TABLE, Rule, active_table, registered
from toolkit.quotes._text import Candidate, _strip_span


def test_table_ordered_names_unique():
    priorities = [r.priority for r in TABLE]
    assert priorities == sorted(priorities) and len(set(priorities)) == len(priorities)
    assert len({r.name for r in TABLE}) == len(TABLE)
    assert {r.scope for r in TABLE} <= {"unit", "cue", "quote"}


def in_a_statement(doc, ctx):
    """"Zarif, in a statement, urged restraint.": the verb after "in a statement,"."""
    m = doc.text.find(", in a statement, ", ctx.us, ctx.ue)
    if m < 0:
        return None
    sp = doc.speaker_before(doc.tok_index(m), ctx.ti)
    verb = doc.tok_index(m + len(", in a statement, "))
    a, b = _strip_span(doc.text, doc.toks[verb].end, ctx.ue, " .")
    return [Candidate(a, b, (doc.toks[verb].start, doc.toks[verb].end), sp, "in-a-statement")]


def test_new_rule_one_function_one_line():
    text = "Foreign Minister Javad Zarif, in a statement, urged restraint on all sides."
    assert "in-a-statement" not in set(quotes.extract(text)["rule"])
    with registered(Rule("in-a-statement", "test", 150, "unit", in_a_statement)):
        got = quotes.extract(text)
    row = got[got["rule"] == "in-a-statement"].iloc[0]
    assert (row["quote"], row["cue"], row["speaker_name"]) == (
        "restraint on all sides", "urged", "Mohammad Javad Zarif")
    assert active_table() == TABLE  # the table is back as shipped


def test_user_cues_reach_the_output(tmp_path):
    text = "Zarif blorted that talks would resume in May."
    assert quotes.extract(text).empty
    own = pd.DataFrame({"lemma": ["blort"], "class": ["speech"], "quote_ok": [1],
                        "strict": [0], "forms": ["blorted"]})
    got = quotes.extract(text, cues=own)
    assert got[["cue", "speaker"]].values.tolist() == [["blorted", "Zarif"]]
    path = tmp_path / "cues.csv"
    own.to_csv(path, index=False)
    assert quotes.extract(text, cues=path)["cue"].tolist() == ["blorted"]


def test_user_gazetteer_reaches_affiliations():
    text = "“We will hold the line,” the Freedonian foreign minister said."
    assert quotes.extract(text)["speaker_affiliation"].isna().all()
    gaz = pd.DataFrame({"alias": ["Freedonian"], "actor": ["Freedonia"],
                        "actor_type": ["state"], "label_type": ["demonym"],
                        "country": [None], "guard": [False]})
    got = quotes.extract(text, gazetteer=gaz)
    assert got["speaker_affiliation"].tolist() == ["Freedonia"]


def test_quote_column_does_not_collide_with_corpus_text():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["“We will respond,” the minister said."]})
    got = quotes.extract(corpus, warn=False)
    assert "text" not in got.columns and list(got.columns[:5]) == [
        "quote_id", "doc_id", "start", "end", "quote"]
    both = got.merge(corpus, on="doc_id")  # no text_x / text_y
    assert [t[s:e] for t, s, e in zip(both["text"], both["start"], both["end"], strict=True)] \
        == both["quote"].tolist() == ["“We will respond,”"]


SPECULATIVE = ("Journalist Yashar Ali, who is of Iranian descent, called out the left for being "
               "silent. “None of them mentioned the protests today,” he said.")


def test_rejected_speculative_speaker_does_not_resolve_a_later_he(monkeypatch):
    """(c) The cue rule trying "called" builds the speaker "Journalist Yashar Ali" and rejects
    the cue; that person is not registered, so the later "he" stays unresolved."""
    got = quotes.extract(SPECULATIVE)
    assert got[["speaker", "rule"]].values.tolist() == [["he", "content-speaker-cue"]]
    assert got["speaker_name"].isna().all()
    # the speculative match exists: keeping what rejected rules registered resolves "he" to it
    from toolkit.quotes._speakers import Speakers

    monkeypatch.setattr(Speakers, "rollback", Speakers.commit)
    assert quotes.extract(SPECULATIVE)["speaker_name"].tolist() == ["Yashar Ali"]


def test_accepted_attribution_registers_its_person():
    text = ("Journalist Yashar Ali said that the left was silent. "
            "“None of them mentioned the protests today,” he said.")
    got = quotes.extract(text)
    assert got["speaker"].tolist() == ["Journalist Yashar Ali", "he"]
    assert got["speaker_name"].tolist() == ["Yashar Ali", "Yashar Ali"]


def _lexicon_copy(tmp_path, edit):
    """A copy of toolkit/data/quotes with ``edit(folder)`` applied."""
    import shutil
    from importlib import resources

    folder = tmp_path / "quotes"
    shutil.copytree(str(resources.files("toolkit") / "data" / "quotes"), folder)
    edit(folder)
    return folder


def test_thresholds_come_from_the_data_file(tmp_path):
    text = "Talks continue. “Never, ever.” The ministry was silent."
    assert quotes.extract(text).empty  # a quote of two words is a scare quote

    def fewer_words(folder):
        path = folder / "thresholds.yaml"
        path.write_text(path.read_text().replace("quote_min_words: 4 ", "quote_min_words: 2 "))

    own = _lexicon_copy(tmp_path, fewer_words)
    got = quotes.extract(text, lexicon=own)
    assert got[["quote", "rule"]].values.tolist() == [["“Never, ever.”", "quote-only"]]
    assert quotes.load_lexicon(own).th.quote_min_words == 2


def test_word_classes_come_from_the_data_file(tmp_path):
    text = "Zarif told the crowd talks would resume in May."
    assert quotes.extract(text)["quote"].tolist() == ["talks would resume in May."]

    def no_crowd(folder):
        path = folder / "function_words.csv"
        path.write_text(path.read_text().replace("crowd,addressee\n", ""))

    got = quotes.extract(text, lexicon=_lexicon_copy(tmp_path, no_crowd))
    assert got["quote"].tolist() == ["crowd talks would resume in May."]  # no addressee


def test_bad_threshold_file_names_file_and_line(tmp_path):
    import pytest

    from toolkit.errors import InputError

    def bad(folder):
        path = folder / "thresholds.yaml"
        path.write_text(path.read_text().replace("after_min_alnum: 4 ", "after_min_alnum: four "))

    with pytest.raises(InputError, match=r"thresholds.yaml, line \d+: threshold 'after_min_alnum'"):
        quotes.load_lexicon(_lexicon_copy(tmp_path, bad))
