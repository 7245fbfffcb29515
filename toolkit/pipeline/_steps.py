"""The analyses as named pipeline steps: a plain callable and a serialisable config each.

A step reads one annotated chunk (:class:`toolkit.annotate.AnnotatedCorpus`) and returns one
tidy frame with ``doc_id`` and character offsets, through the public API of its analysis
only. Its config is a dict of JSON values (spaCy-style), so the manifest records exactly
what ran; :func:`resolve_steps` merges a user's overrides into the defaults.

Lexicons, gazetteers and dictionaries are loaded once per process (a worker, on Dask) and
kept in a module-level cache keyed by step name and config: :func:`resources`.

>>> spec = resolve_steps(["tone", {"keyphrases": {"top_k": 3}}])
>>> spec
{'keyphrases': {'top_k': 3, 'method': 'newsrank2'}, 'tone': {'method': 'mean', 'lexicon': None}}
>>> from toolkit.annotate import annotate
>>> ac = annotate(["Iran and Iraq praised the excellent talks."], cache=False)
>>> frame = run_step("tone", spec["tone"], ac)
>>> frame[["doc_id", "n_sentences"]].values.tolist()
[['doc0', 1]]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from toolkit.errors import MESSAGES

from ._errors import PipelineOptionError

#: Step name -> default config, in the order steps run (and tables are listed).
STEPS: dict[str, dict[str, Any]] = {
    "keyphrases": {"top_k": 10, "method": "newsrank2"},
    "quotes": {"lexicon": None, "cues": None, "gazetteer": None},
    "people": {"registry": None, "leaders": True},
    "actors": {"gazetteer": None, "offices": False},
    "dictionary": {"dictionary": "framing"},
    "tone": {"method": "mean", "lexicon": None},
}

_RESOURCES: dict[tuple[str, str], Any] = {}


def resolve_steps(steps: Iterable[str | Mapping[str, Mapping[str, Any]]] | Mapping | None,
                  ) -> dict[str, dict[str, Any]]:
    """Step name -> full config, in :data:`STEPS` order; ``None`` means every step.

    ``steps`` is a list of names (defaults), a mapping name -> overrides, or a list mixing
    both. Unknown names or config keys raise :class:`PipelineOptionError`.

    >>> resolve_steps({"actors": {"offices": True}})
    {'actors': {'gazetteer': None, 'offices': True}}
    """
    if steps is None:
        wanted: dict[str, dict[str, Any]] = {name: {} for name in STEPS}
    else:
        items = [steps] if isinstance(steps, Mapping | str) else list(steps)
        wanted = {}
        for item in items:
            pairs = item.items() if isinstance(item, Mapping) else [(item, {})]
            for name, overrides in pairs:
                if name not in STEPS:
                    raise PipelineOptionError(
                        "steps", name, MESSAGES["pipeline_unknown_step"].format(
                            names=", ".join(STEPS)))
                unknown = sorted(set(overrides or {}) - set(STEPS[name]))
                if unknown:
                    raise PipelineOptionError(
                        "steps", name, MESSAGES["pipeline_step_config"].format(
                            keys=", ".join(unknown), known=", ".join(STEPS[name])))
                wanted.setdefault(name, {}).update(overrides or {})
        if not wanted:
            raise PipelineOptionError("steps", steps, MESSAGES["pipeline_no_steps"])
    spec = {name: {**STEPS[name], **wanted[name]} for name in STEPS if name in wanted}
    try:
        json.dumps(spec)
    except TypeError as exc:
        raise PipelineOptionError("steps", steps, f"config must be JSON values ({exc})") from None
    return spec


def resources(name: str, config: Mapping[str, Any]) -> dict[str, Any]:
    """The loaded lexicons of a step, once per process and config (keyword arguments)."""
    key = (name, json.dumps(config, sort_keys=True))
    if key not in _RESOURCES:
        _RESOURCES[key] = _LOADERS[name](config)
    return _RESOURCES[key]


def run_step(name: str, config: Mapping[str, Any], ac: Any) -> pd.DataFrame:
    """Run step ``name`` with ``config`` on an annotated chunk; the analysis' own frame."""
    return _RUNNERS[name](ac, config, resources(name, config))


def _load_quotes(config: Mapping[str, Any]) -> dict[str, Any]:
    from toolkit import quotes

    return {"lexicon": quotes.load_lexicon(config["lexicon"])}


def _load_people(config: Mapping[str, Any]) -> dict[str, Any]:
    from toolkit import people

    registry = config["registry"]
    return {"registry": None if registry is None else people.read_registry(registry)}


def _load_actors(config: Mapping[str, Any]) -> dict[str, Any]:
    from toolkit import actors

    if config["gazetteer"] is None:
        return {"gazetteer": None}  # the analysis keeps the shipped gazetteer cached
    return {"gazetteer": actors.load_gazetteer(config["gazetteer"])}


def _load_dictionary(config: Mapping[str, Any]) -> dict[str, Any]:
    from toolkit import dictionary

    return {"dictionary": dictionary.load_dictionary(config["dictionary"])}


def _load_tone(config: Mapping[str, Any]) -> dict[str, Any]:
    from toolkit import lexicons, tone

    if config["lexicon"] is None:
        tone.analyzer()  # the shipped lexicon, cached by the analysis
        return {"lexicon": None}
    return {"lexicon": lexicons.resolve(config["lexicon"], kind="sentiment")}


def _keyphrases(ac: Any, config: Mapping[str, Any], res: Mapping[str, Any]) -> pd.DataFrame:
    from toolkit import keywords

    return keywords.extract(ac, top_k=config["top_k"], method=config["method"])


def _quotes(ac: Any, config: Mapping[str, Any], res: Mapping[str, Any]) -> pd.DataFrame:
    from toolkit import quotes

    return quotes.extract(ac, cues=config["cues"], gazetteer=config["gazetteer"],
                          lexicon=res["lexicon"], warn=False)


def _people(ac: Any, config: Mapping[str, Any], res: Mapping[str, Any]) -> pd.DataFrame:
    from toolkit import people

    return people.person_mentions(ac, registry=res["registry"], leaders=config["leaders"])


def _actors(ac: Any, config: Mapping[str, Any], res: Mapping[str, Any]) -> pd.DataFrame:
    from toolkit import actors

    return actors.mentions(ac, gazetteer=res["gazetteer"], offices=config["offices"])


def _dictionary(ac: Any, config: Mapping[str, Any], res: Mapping[str, Any]) -> pd.DataFrame:
    from toolkit import dictionary

    return dictionary.count(ac, res["dictionary"])


def _tone(ac: Any, config: Mapping[str, Any], res: Mapping[str, Any]) -> pd.DataFrame:
    from toolkit import tone

    return tone.documents(ac, method=config["method"], lexicon=res["lexicon"])


_LOADERS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "keyphrases": lambda config: {},
    "quotes": _load_quotes,
    "people": _load_people,
    "actors": _load_actors,
    "dictionary": _load_dictionary,
    "tone": _load_tone,
}
_RUNNERS: dict[str, Callable[..., pd.DataFrame]] = {
    "keyphrases": _keyphrases,
    "quotes": _quotes,
    "people": _people,
    "actors": _actors,
    "dictionary": _dictionary,
    "tone": _tone,
}
