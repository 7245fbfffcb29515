"""Errors of the pipeline: unusable options and output that does not match its inputs.

>>> str(PipelineOptionError("--chunk-size", 0, "must be at least 1"))
'--chunk-size 0: must be at least 1'
"""

from __future__ import annotations

from toolkit.errors import MESSAGES, ToolkitError


class PipelineOptionError(ToolkitError, ValueError):
    """An option of :func:`toolkit.pipeline.run` is unusable; names the option and value."""

    def __init__(self, option: str, value: object, problem: str):
        self.option, self.value, self.problem = option, value, problem
        super().__init__(MESSAGES["pipeline_option"].format(
            option=option, value=value, problem=problem))


class StaleOutputError(ToolkitError, ValueError):
    """The output folder was made from other inputs or parameters than this run's."""

    def __init__(self, out: object, changes: list[str]):
        self.out, self.changes = out, changes
        super().__init__(MESSAGES["pipeline_stale"].format(out=out, changes="; ".join(changes)))
