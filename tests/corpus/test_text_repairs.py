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
