"""Damaged-quote repair and text normalisation."""

from toolkit.corpus import normalize_text, repair_damaged_quotes


def test_repairs_each_kind_of_damage():
    text, n = repair_damaged_quotes(
        'the grounds "?and was. "It is hard,"?Sen. Warren said. Trump"?s plan and teachers"?unions.'
    )
    assert text == ("the grounds — and was. \"It is hard,” Sen. Warren said. Trump’s plan and "
                    "teachers’ unions.")
    assert n == 4


def test_no_damage_no_change():
    assert repair_damaged_quotes('He said "yes?" twice.') == ('He said "yes?" twice.', 0)


def test_normalize_keeps_curly_quotes_and_fixes_line_breaks():
    text, notes = normalize_text("“Quote,” he said.\r\n\r\n\r\nNext ")
    assert text == "“Quote,” he said.\n\nNext"
    assert notes == []


def test_lines_repeating_the_tail_of_the_line_before_are_folded_into_boilerplate() -> None:
    import pandas as pd

    from toolkit.corpus import load

    para = ["The delegation arrived on Monday for three days of talks.",
            "Officials said the agenda covered trade and security.",
            "A statement is expected on Wednesday after the meetings."]
    # each line holds the rest of the article again, as some exports do
    broken = "\n".join(" ".join(para[i:]) for i in range(len(para)))
    clean = "Short line.\nShort line.\n" + "\n".join(para)
    frame = load(pd.DataFrame({"doc_id": ["a", "b"], "text": [broken, clean]}))
    a, b = frame.iloc[0], frame.iloc[1]
    assert a["text"] == " ".join(para)
    assert "repeated_lines_folded" in a["notes"]
    assert a["boilerplate"].splitlines() == [" ".join(para[1:]), para[2]]  # nothing lost
    assert b["text"] == clean and "repeated_lines_folded" not in b["notes"]
