"""Steps: plain callables with JSON configs; lexicons loaded once per process and config."""

from __future__ import annotations

import json

import pytest

from toolkit import dictionary
from toolkit.annotate import annotate
from toolkit.pipeline import STEPS, PipelineOptionError, _steps


def test_every_step_has_a_json_config_and_runs() -> None:
    ac = annotate(["Iran and Iraq met in Baghdad. \u201cTalks went well,\u201d he said."],
                  cache=False)
    for name, config in _steps.resolve_steps(None).items():
        assert json.loads(json.dumps(config)) == config == STEPS[name]
        frame = _steps.run_step(name, config, ac)
        assert "doc_id" in frame.columns, name


def test_lexicons_are_loaded_once_per_config(monkeypatch) -> None:
    calls = []
    real = dictionary.load_dictionary

    def counting(source):
        calls.append(source)
        return real(source)

    monkeypatch.setattr(dictionary, "load_dictionary", counting)
    monkeypatch.setattr(_steps, "_RESOURCES", {})
    ac = annotate(["War and trade."], cache=False)
    config = {"dictionary": {"war": ["war*"]}}
    for _ in range(3):
        _steps.run_step("dictionary", config, ac)
    assert len(calls) == 1
    _steps.run_step("dictionary", {"dictionary": {"trade": ["trade"]}}, ac)
    assert len(calls) == 2


def test_overrides_merge_into_defaults_in_step_order() -> None:
    spec = _steps.resolve_steps(["tone", {"keyphrases": {"top_k": 3}}])
    assert list(spec) == ["keyphrases", "tone"]
    assert spec["keyphrases"] == {**STEPS["keyphrases"], "top_k": 3}
    with pytest.raises(PipelineOptionError, match="JSON"):
        _steps.resolve_steps({"dictionary": {"dictionary": object()}})
