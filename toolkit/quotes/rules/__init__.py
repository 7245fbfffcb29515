"""Quote rules, one module per family; :mod:`toolkit.quotes._registry` runs them in order.

Every rule is a small function ``rule(doc, ctx) -> list[Candidate] | None`` of a
:class:`~toolkit.quotes._doc.QuoteDoc` and a :class:`~toolkit.quotes._context.Context`. A
unit rule runs once per unit; a cue rule once per cue (``ctx.cue``) and a quote rule once per
uncovered quote (``ctx.quote``): the first of those that returns a list (empty or not) takes the
cue or quote, ``None`` passes it on to the next rule.
"""
