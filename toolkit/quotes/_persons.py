"""The person register of :class:`~toolkit.quotes._doc.QuoteDoc`: persons (full name, role,
affiliation, gender) that pronouns and surnames resolve to, changed only through an undo log so
that the rule runner keeps what accepted attributions registered and rolls back the rest.

>>> from toolkit.quotes._doc import QuoteDoc
>>> doc = QuoteDoc("d", "Foreign Minister Javad Zarif met Kerry. He said no.")
>>> doc.resolve_pronoun(Speaker(40, 42, pronoun=True)).name
'Javad Zarif'
"""

from __future__ import annotations

from bisect import bisect_left

from toolkit.quotes._text import Person, Speaker


class Persons:
    """Mixin of :class:`toolkit.quotes._doc.QuoteDoc` (through ``Speakers``): the register."""

    # ------------------------------------------------------------------ the register
    # Every change to the register (persons, by_surname, a person's fields) goes through
    # _register/_set, which log how to undo it while a checkpoint is open: the runner opens one
    # before each rule and rolls it back unless the rule's candidates are accepted, so that only
    # accepted attributions register persons (issue #11). The name scan (scan_names: the names
    # in the text up to a position, a reading of the text that no rule decides) is kept.
    _journal: list | None = None

    def checkpoint(self) -> None:
        """Start logging register changes (the state to go back to on :meth:`rollback`)."""
        self._journal = []

    def commit(self) -> None:
        """Keep the changes made since :meth:`checkpoint` and stop logging."""
        self._journal = None

    def rollback(self) -> None:
        """Undo every register change made since :meth:`checkpoint` and stop logging.

        >>> from toolkit.quotes._doc import QuoteDoc
        >>> doc = QuoteDoc("d", "Smith, the foreign minister, said no. He left.")
        >>> doc.checkpoint()
        >>> doc.remember(Speaker(0, 5, name="Smith", role="Foreign Minister"))
        >>> doc.rollback()
        >>> doc.persons, doc.by_surname
        ([], {})
        """
        journal, self._journal = self._journal, None
        for undo in reversed(journal or ()):
            undo()

    def _register(self, surname: str, person: Person) -> None:
        self.persons.append(person)
        self.by_surname[surname] = person
        if self._journal is not None and not self._scanning:
            self._journal.append(lambda: self._unregister(surname, person))

    def _unregister(self, surname: str, person: Person) -> None:
        self.persons[:] = [p for p in self.persons if p is not person]
        if self.by_surname.get(surname) is person:
            del self.by_surname[surname]

    def _set(self, obj: object, attr: str, value: object) -> None:
        old = getattr(obj, attr)
        if old == value:
            return
        if self._journal is not None and not self._scanning:
            self._journal.append(lambda: setattr(obj, attr, old))
        setattr(obj, attr, value)

    def remember(self, sp: Speaker) -> None:
        """Register a person, or complete ``sp`` from an earlier fuller mention."""
        surname = sp.name.split()[-1].lower() if sp.name else ""
        if not surname:
            return
        known = self.by_surname.get(surname)
        if known is None:
            known = Person(sp.name, sp.role, sp.affiliation, sp.start)
            self._register(surname, known)
        else:
            if len(sp.name) > len(known.name) and sp.name.endswith(known.name.split()[-1]):
                self._set(known, "name", sp.name)
            self._set(known, "role", known.role or sp.role)
            self._set(known, "affiliation", known.affiliation or sp.affiliation)
        self._set(known, "last", max(known.last, sp.start))
        if not self._scanning:
            self._set(known, "obj", False)  # a speaker
        if not known.gender:
            i = self.tok_index(sp.start)
            while i < len(self.toks) and self.toks[i].start < sp.end:
                g = self.lex.honorifics.get(self.toks[i].low, "")
                if g in {"m", "f"}:
                    self._set(known, "gender", g)
                    break
                i += 1
        sp.name = known.name
        sp.role = known.role
        sp.affiliation = known.affiliation

    def resolve_pronoun(self, sp: Speaker) -> Speaker:
        """Resolve he/she/I to the most recent person mentioned before it."""
        low = self.text[sp.start:sp.end].lower()
        if low in self.lex.fw.resolvable_pronoun:
            gender = self.lex.pronouns.get(low, ("x", "sg"))[0]
            best = self._last_person(sp.start, gender)
            if best is not None:
                sp.name, sp.role, sp.affiliation = best.name, best.role, best.affiliation
                sp.person = True
                self._set(best, "last", max(best.last, sp.start))
                if gender in {"m", "f"}:
                    self._set(best, "gender", gender)
        return sp

    def _last_person(self, pos: int, gender: str = "x") -> Person | None:
        """The person mentioned last before ``pos`` whose known gender does not clash."""
        self.scan_names(pos)
        cands = [p for p in self.persons if p.last <= pos and
                 (gender not in {"m", "f"} or p.gender in {"", gender})]
        # an object or an outlet only when its known gender is the pronoun's
        cands = [p for p in cands if not p.obj] or [p for p in cands if p.gender == gender]
        return max(cands, key=lambda p: p.last) if cands else None

    _scanned_to = 0
    _scanning = False
    _scan_firsts: list[int] | None = None

    def scan_names(self, pos: int) -> None:
        """Register person names ("Deputy Foreign Minister Abbas Araghchi") up to ``pos``."""
        if pos <= self._scanned_to:
            return
        self._scanning = True
        try:
            self._scan_names(pos)
        finally:
            self._scanning = False

    def _scan_names(self, pos: int) -> None:
        fw, th = self.lex.fw, self.lex.th
        toks, lex = self.toks, self.lex
        # an object or an outlet ("met X", "in remarks to X") is no antecedent of he/she
        object_before = getattr(fw, "object_before", frozenset())
        nameish = self.nameish_list()
        # the tokens a name run can start at (name-like, outside quotes), found once: the
        # others are only stepped over
        firsts = self._scan_firsts
        if firsts is None:
            firsts = self._scan_firsts = [k for k, v in enumerate(nameish)
                                          if v and not self.in_quote[k]]
        at = bisect_left(firsts, self.tok_index(self._scanned_to))
        while at < len(firsts) and toks[firsts[at]].start < pos:
            i = firsts[at]
            j = i
            while j + 1 < len(toks) and not self.in_quote[j + 1] and (
                nameish[j + 1] or toks[j + 1].low in fw.particle
            ) and not toks[j].low.endswith(("'s", "’s")) and not self.nl_before(j + 1):
                j += 1
            if toks[j].end <= pos:
                run_start = i
                # include a preceding title phrase such as "Iranian Deputy Foreign Minister"
                k = i
                while k - 1 >= 0 and (toks[k - 1].low in lex.title_mods or
                                      toks[k - 1].low in lex.title_heads or
                                      toks[k - 1].start in self.actors) and \
                        toks[k - 1].low not in fw.name_run_stop:
                    k -= 1
                name_toks = [t for t in toks[run_start:j + 1]
                             if t.low not in lex.title_heads and t.low not in lex.title_mods
                             and t.start not in self.actors]
                has_title = any(t.low in lex.title_heads for t in toks[k:j + 1])
                plain = [t for t in name_toks if not self._spk(t.low)]
                if plain and (len(plain) >= th.scan_min_name_tokens or has_title
                              or plain[-1].low in self.by_surname) \
                        and plain == name_toks and plain[-1].end == toks[j].end:
                    n_before = len(self.persons)
                    self.make_speaker(toks[k].start, toks[j].end)
                    if len(self.persons) > n_before and k - 1 >= 0 \
                            and toks[k - 1].low in object_before:
                        self.persons[-1].obj = True
            at = bisect_left(firsts, j + 1, at)
        self._set(self, "_scanned_to", max(self._scanned_to, pos))

