"""Speaker spans, persons and coreference: the speaker half of :class:`QuoteDoc`.

Speaker noun phrases before a cue (``speaker_before``, with appositions, relative "who",
parenthesised party tags), after it (``speaker_after``), sentence subjects (``subject_of``),
roles and affiliations (``role_of``), and a register of persons (full name, role, affiliation,
gender) that pronouns and surnames resolve to.

>>> from toolkit.quotes._doc import QuoteDoc
>>> doc = QuoteDoc("d", "Foreign Minister Javad Zarif met Kerry. He said no.")
>>> doc.resolve_pronoun(Speaker(40, 42, pronoun=True)).name
'Javad Zarif'
"""

from __future__ import annotations

from toolkit.quotes._text import (
    _DET,
    _GENERIC,
    _NAMEISH,
    _PARTICLES,
    _SKIP,
    _STOP,
    Person,
    Speaker,
    Tok,
)


class Speakers:
    """Mixin of :class:`toolkit.quotes._doc.QuoteDoc`: speaker spans and the person register."""

    def nl_before(self, i: int) -> bool:
        """True when a line break separates token ``i`` from the token before it."""
        return i > 0 and "\n" in self.text[self.toks[i - 1].end:self.toks[i].start]

    def _spk(self, low: str) -> bool:
        """A speaker noun, singular or plural ("official", "officials")."""
        nouns = self.lex.speaker_nouns
        return low in nouns or (low.endswith("s") and low[:-1] in nouns) or low + "s" in nouns

    def _is_nameish(self, t: Tok) -> bool:
        return bool(_NAMEISH.match(t.text)) and t.low not in self.lex.not_names

    def speaker_before(self, i: int, lo: int) -> Speaker | None:
        """The speaker noun phrase ending just before token ``i`` (not before token ``lo``)."""
        toks, lex = self.toks, self.lex
        j = i - 1
        while j >= lo and (toks[j].low in _SKIP or (
                toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)):
            j -= 1  # auxiliaries and adverbs: "has also said", "jokingly said"
        if j < lo:
            return None
        t = toks[j]
        if t.text == "," and j - 1 >= lo:
            # apposition: "Al-Araji, Iraq's interior minister, said"
            k = j - 1
            while k >= lo and toks[k].text not in {",", "(", ";", ".", ":"} and j - k < 36:
                k -= 1
            if k >= lo and toks[k].text == "," and k - 1 >= lo:
                sp = self.speaker_before(k, lo)
                if sp is None and k - 2 >= lo and toks[k - 1].text.isdigit() \
                        and toks[k - 2].text == ",":
                    # "Marley Anderson, 21, a junior from Las Vegas, said"
                    sp = self.speaker_before(k - 2, lo)
                app = [toks[m] for m in range(k + 1, j)]
                if sp is not None and not sp.person and not sp.pronoun and len(app) >= 2 and all(
                    self._is_nameish(t) or t.low in _PARTICLES for t in app
                ):
                    # "The Iraqi government spokesman, Basim al-Awadi, said"
                    named = self.make_speaker(app[0].start, app[-1].end)
                    role, aff = self.role_of(sp.start, sp.end, whole=True)
                    named.role = named.role or role
                    named.affiliation = named.affiliation or sp.affiliation or aff
                    named.person = True
                    self.remember(named)
                    return named
                if sp is not None and not sp.pronoun:
                    app_s, app_e = toks[k + 1].start, toks[j - 1].end
                    role, aff = self.role_of(app_s, app_e, whole=True)
                    if role:
                        sp.role = sp.role or role
                        sp.affiliation = sp.affiliation or aff
                        if sp.person:
                            self.remember(sp)
                    has_verb = any(toks[m].low in _STOP or toks[m].low in lex.cue_forms
                                   for m in range(k + 1, j) if toks[m].low not in {"of", "at",
                                                                                  "for", "in"})
                    if (role or not has_verb or toks[k + 1].low in _DET) and (
                            j - k < 16 or toks[k + 1].low in _DET):
                        return sp
                    if sp.person:
                        # "Mr. Reid, who represents Nevada, said"; "Clinton, also campaigning
                        # in Wisconsin, said": a clause between commas after a person's name
                        return sp
                # "Elward Edd, an official at the Housing Authority, which has ..., said":
                # one more comma back, if a person's name stands before it
                c = k - 1
                while c >= lo and toks[c].text not in {",", ".", ";", ":"} and k - c < 30:
                    c -= 1
                if c > lo and toks[c].text == "," and toks[c - 1].text != ",":
                    sp2 = self.speaker_before(c, lo)
                    if sp2 is not None and sp2.person:
                        return sp2
            return None
        if t.text == ")":
            # "Sen. Chuck Grassley (R-Iowa) told"
            k = j - 1
            while k >= lo and toks[k].text != "(" and j - k < 12:
                k -= 1
            if k > lo and toks[k].text == "(":
                return self.speaker_before(k, lo)
            return None
        if t.low in lex.pronouns and not self.in_quote[j]:
            return self.resolve_pronoun(Speaker(t.start, t.end, pronoun=True))
        if t.low == "who" and j - 1 >= lo and toks[j - 1].text == "," and not self.in_quote[j]:
            # "Mr. Khan, who has accused ...": the relative pronoun, resolved to the name
            ante = self.speaker_before(j - 1, lo)
            sp = Speaker(t.start, t.end, pronoun=True)
            if ante is not None and not ante.pronoun:
                sp.name, sp.role, sp.affiliation = ante.name, ante.role, ante.affiliation
                sp.person = ante.person
            return sp
        head_ok = self._is_nameish(t) or self._spk(t.low) or t.low in lex.title_heads
        if not head_ok and t.low.endswith(("'s", "’s")):
            head_ok = False
        if not head_ok and (t.text.isdigit() or (
                t.text.isalpha() and t.text.islower() and t.low not in _STOP
                and t.low not in _SKIP and t.low not in lex.cue_forms and (
                    t.low in _GENERIC or (t.low.endswith("s") and not t.low.endswith("ss")
                                          and len(t.low) > 3)))):
            # "forecasters say", "those surveyed say", "59 percent said"
            k = j
            while k - 1 >= lo and not self.in_quote[k - 1] and (
                toks[k - 1].low in _DET or toks[k - 1].text.isdigit()
                or self._is_nameish(toks[k - 1]) or toks[k - 1].low in lex.title_mods
                or (toks[k - 1].text.isalpha() and toks[k - 1].text.islower()
                    and toks[k - 1].low not in _STOP and toks[k - 1].low not in _SKIP
                    and toks[k - 1].low not in lex.cue_forms and j - k < 3)
            ):
                k -= 1
                if toks[k].low in _DET:
                    break
            return Speaker(toks[k].start, toks[j].end, name=self.text[toks[k].start:toks[j].end])
        if not head_ok and t.text.isalpha() and t.text.islower() and t.low not in _STOP \
                and t.low not in _SKIP and t.low not in lex.cue_forms and not self.in_quote[j]:
            # "The New York businessman says": determiner + modifiers + noun
            k = j - 1
            while k >= lo and j - k <= 4 and not self.in_quote[k] and (
                self._is_nameish(toks[k]) or (toks[k].text.isalpha() and toks[k].text.islower()
                                              and toks[k].low not in _STOP
                                              and toks[k].low not in lex.cue_forms)
            ) and toks[k].low not in _DET:
                k -= 1
            if k >= lo and k < j and toks[k].low in _DET and toks[k].low not in {"no", "any"}:
                return Speaker(toks[k].start, toks[j].end,
                               name=self.text[toks[k].start:toks[j].end])
        if not head_ok or self.in_quote[j]:
            return None
        k = j
        lower_budget = 4
        while k - 1 >= lo:
            p = toks[k - 1]
            if self.in_quote[k - 1] or self.nl_before(k):
                break
            if self._is_nameish(p) or p.low in _PARTICLES or p.low in lex.title_mods \
                    or p.low in lex.title_heads or self._spk(p.low):
                if p.low in {"of", "the"} and not (self._is_nameish(toks[k]) or
                                                    toks[k].low in lex.title_heads or
                                                    self._spk(toks[k].low) or
                                                    toks[k].low in lex.title_mods):
                    break
                k -= 1
                continue
            if p.low == "and" and k - 2 >= lo and self._is_nameish(toks[k - 2]) \
                    and self._is_nameish(toks[k]) and not self.in_quote[k - 2]:
                k -= 1  # "Iran and Iraq reaffirmed"
                continue
            if p.low in _DET:
                k -= 1
                break
            if p.low.endswith(("'s", "’s")) or p.text in {"'s", "’s"}:
                k -= 1
                continue
            if p.low in {"for", "of"} and k - 2 >= lo and (
                self._spk(toks[k - 2].low) or toks[k - 2].low in lex.title_heads
                # a capitalised name around "for"/"of": "Syrian Observatory for Human Rights"
                or (self._is_nameish(toks[k - 2]) and self._is_nameish(toks[k])
                    and not self.in_quote[k - 2])
            ):
                k -= 1
                continue
            if p.text == "-" or (p.text.islower() and p.low not in _STOP and
                                 p.low not in lex.cue_forms and lower_budget > 0 and
                                 self._spk(t.low) and p.text.isalpha()):
                lower_budget -= 1
                k -= 1
                continue
            break
        # drop leading sentence-initial function words ("But", "The" kept as determiner)
        while k < j and toks[k].low in lex.not_names and toks[k].low not in _DET \
                and toks[k].low not in lex.title_heads:
            k += 1
        return self.make_speaker(toks[k].start, toks[j].end)

    def speaker_after(self, i: int, hi: int) -> Speaker | None:
        """The speaker noun phrase starting at token ``i`` ("said Smith, the minister")."""
        toks, lex = self.toks, self.lex
        if i >= hi:
            return None
        t = toks[i]
        if t.low in lex.pronouns:
            return self.resolve_pronoun(Speaker(t.start, t.end, pronoun=True))
        k = i
        while k < hi:
            p = toks[k]
            if self.in_quote[k]:
                break
            if self._is_nameish(p) or p.low in _DET or p.low in _PARTICLES or \
                    p.low in lex.title_mods or p.low in lex.title_heads or \
                    self._spk(p.low) or p.low.endswith(("'s", "’s")) or \
                    (p.low in {"of", "for"} and k > i) or p.text == "-":
                k += 1
                continue
            if p.text.islower() and p.text.isalpha() and p.low not in _STOP and k - i < 4 and \
                    p.low not in lex.cue_forms and any(
                        self._spk(toks[m].low) or self._is_nameish(toks[m])
                        for m in range(k + 1, min(k + 3, hi))):
                k += 1
                continue
            break
        while k > i and toks[k - 1].low in {"of", "for", "the", "-"}:
            k -= 1
        if k == i:
            return None
        sp = self.make_speaker(toks[i].start, toks[k - 1].end)
        # apposition after a comma: ", the minister of ..., "
        if k < hi and toks[k].text == "," and sp.person:
            m = k + 1
            while m < hi and toks[m].text not in {",", ".", ";", ":", "(", ")"} and m - k < 16:
                m += 1
            if m > k + 1:
                role, aff = self.role_of(toks[k + 1].start, toks[m - 1].end, whole=True)
                if role:
                    sp.role = sp.role or role
                    sp.affiliation = sp.affiliation or aff
                    self.remember(sp)
        return sp

    def subject_of(self, start: int, limit: int) -> Speaker | None:
        """The subject at the start of the sentence beginning at ``start`` (a name or pronoun)."""
        toks, lex = self.toks, self.lex
        i = self.tok_index(start)
        end = self.tok_index(limit)
        while i < end and toks[i].low in lex.not_names and toks[i].low not in _DET:
            i += 1
        if i >= end or self.in_quote[i]:
            return None
        if toks[i].low in {"he", "she", "they", "i", "we", "it"}:
            return self.resolve_pronoun(Speaker(toks[i].start, toks[i].end, pronoun=True))
        k = i
        while k < end and (self._is_nameish(toks[k]) or toks[k].low in _PARTICLES
                           or toks[k].low in lex.title_heads or toks[k].low in lex.title_mods
                           or self._spk(toks[k].low) or (k == i and toks[k].low in _DET)):
            k += 1
        if k == i or (k == i + 1 and toks[i].low in _DET):
            return None
        if k < end and toks[k].text.isalpha() and toks[k].text.islower():
            return self.make_speaker(toks[i].start, toks[k - 1].end)
        return None

    def role_of(self, start: int, end: int, *, whole: bool = False) -> tuple[str, str]:
        """Role words and affiliation inside ``text[start:end]``."""
        lex = self.lex
        i = self.tok_index(start)
        words: list[Tok] = []
        aff = ""
        seen_head = False
        while i < len(self.toks) and self.toks[i].start < end:
            t = self.toks[i]
            if t.start in self.actors and not aff:
                aff = self.actors[t.start][1]
            low = t.low
            if low.endswith(("'s", "’s")):
                low = low[:-2]
            if low in lex.honorifics:
                pass
            elif low in lex.title_heads or (low in lex.title_mods and low not in {"the"}):
                if not (low in {"of", "affairs"} and not words):
                    words.append(t)
                    seen_head = seen_head or low in lex.title_heads
            elif words and not whole and self._is_nameish(t):
                break
            elif words and whole and seen_head and low not in _DET:
                # "minister of foreign affairs": keep "of" + capitalised complements
                if not (self._is_nameish(t) or low in {"of", "for"}):
                    break
                if t.start not in self.actors:
                    words.append(t)
            i += 1
        while words and words[-1].low in {"of", "for", "the"}:
            words.pop()
        if len(words) >= 2 and words[-1].low in lex.title_heads \
                and words[-2].low in lex.title_heads and not whole:
            words.pop()  # "Foreign Minister Prince Faisal": the role is "Foreign Minister"
        if not seen_head:
            return "", aff
        role = " ".join(w.text for w in words)
        if role.islower():
            role = " ".join(w[:1].upper() + w[1:] for w in role.split())
        return role, aff

    def make_speaker(self, start: int, end: int) -> Speaker:
        """Split a speaker phrase into role and name, and look it up among earlier persons."""
        lex = self.lex
        if not self._scanning:
            self.scan_names(start)
        i = self.tok_index(start)
        toks = []
        while i < len(self.toks) and self.toks[i].start < end:
            toks.append(self.toks[i])
            i += 1
        # the name is the final run of capitalised non-title tokens
        name_toks: list[Tok] = []
        for n, t in enumerate(reversed(toks)):
            if n and "\n" in self.text[t.end:name_toks[0].start if name_toks else t.end]:
                break
            low = t.low
            if (self._is_nameish(t) or low in _PARTICLES) and low not in lex.title_heads \
                    and not (len(t.text) > 2 and t.text.isupper()) \
                    and low not in lex.title_mods and t.start not in self.actors \
                    and not self._spk(low) and not low.endswith(("'s", "’s")):
                name_toks.insert(0, t)
            else:
                break
        while name_toks and name_toks[0].low in _PARTICLES:
            name_toks.pop(0)
        organisation = False
        first = toks.index(name_toks[0]) if name_toks else -1
        head = toks[first - 2] if first >= 2 else None
        if head is not None and toks[first - 1].low in {"for", "of"} and self._is_nameish(head) \
                and head.low not in lex.title_heads and not self._spk(head.low):
            # "Syrian Observatory for Human Rights": one organisation name across "for"/"of"
            k = first - 2
            while k - 1 >= 0 and self._is_nameish(toks[k - 1]) \
                    and toks[k - 1].low not in lex.title_heads:
                k -= 1
            name_toks = toks[k:first + len(name_toks)]
            organisation = True
        if len(name_toks) == 2 and name_toks[0].text == name_toks[1].text:
            name_toks.pop(0)  # a headline glued to the text: "...: Ahmadinejad Ahmadinejad held"
        sp = Speaker(start, end)
        role, aff = self.role_of(start, end)
        sp.role, sp.affiliation = role, aff
        if any(t.low == "and" for t in toks):
            # coordinated speakers: every affiliation, and no single person
            affs = [self.actors[t.start][1] for t in toks if t.start in self.actors]
            sp.affiliation = "; ".join(dict.fromkeys(affs))
            sp.name = self.text[start:end]
            return sp
        if name_toks:
            name = self.text[name_toks[0].start:name_toks[-1].end]
            before_name = [t for t in toks if t.end <= name_toks[0].start]
            is_person = len(name_toks) >= 2 or bool(role) or \
                name_toks[-1].low in self.by_surname or \
                (before_name and before_name[-1].low in lex.title_heads)
            if before_name and before_name[-1].low in _DET and not role:
                is_person = False  # "the Post", "the Kremlin"
            if organisation or any(t.low in lex.not_person for t in name_toks):
                is_person = False  # "Middle East", "State Department"
            if is_person:
                sp.person = True
                sp.name = name
                self.remember(sp)
            else:
                sp.name = name
        elif not sp.name:
            sp.name = self.text[start:end]
            if toks and (toks[0].low == "the" or toks[0].start in self.actors) \
                    and toks[-1].low in lex.title_heads and all(
                        t.low in lex.title_mods or t.low in lex.title_heads
                        or t.start in self.actors for t in toks):
                # "the minister said": the last person whose role has that title
                words = {t.low for t in toks if t.start not in self.actors and t.low != "the"}
                self.scan_names(start)
                cands = [p for p in self.persons if p.last < start and p.role and
                         words <= set(p.role.lower().split()) and
                         (not sp.affiliation or p.affiliation in {"", sp.affiliation})]
                if cands:
                    best = max(cands, key=lambda p: p.last)
                    sp.name, sp.person = best.name, True
                    sp.role = best.role
                    sp.affiliation = best.affiliation or sp.affiliation
                    self._set(best, "last", start)
        return sp

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
        if low in {"he", "she", "i"}:
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
        return max(cands, key=lambda p: p.last) if cands else None

    _scanned_to = 0
    _scanning = False

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
        toks, lex = self.toks, self.lex
        i = self.tok_index(self._scanned_to)
        while i < len(toks) and toks[i].start < pos:
            if self.in_quote[i] or not self._is_nameish(toks[i]):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and not self.in_quote[j + 1] and (
                self._is_nameish(toks[j + 1]) or toks[j + 1].low in _PARTICLES
            ) and not toks[j].low.endswith(("'s", "’s")) and not self.nl_before(j + 1):
                j += 1
            if toks[j].end <= pos:
                run_start = i
                # include a preceding title phrase such as "Iranian Deputy Foreign Minister"
                k = i
                while k - 1 >= 0 and (toks[k - 1].low in lex.title_mods or
                                      toks[k - 1].low in lex.title_heads or
                                      toks[k - 1].start in self.actors) and \
                        toks[k - 1].low not in {"the", "of"}:
                    k -= 1
                name_toks = [t for t in toks[run_start:j + 1]
                             if t.low not in lex.title_heads and t.low not in lex.title_mods
                             and t.start not in self.actors]
                has_title = any(t.low in lex.title_heads for t in toks[k:j + 1])
                plain = [t for t in name_toks if not self._spk(t.low)]
                if plain and (len(plain) >= 2 or has_title or plain[-1].low in self.by_surname) \
                        and plain == name_toks and plain[-1].end == toks[j].end:
                    self.make_speaker(toks[k].start, toks[j].end)
            i = j + 1
        self._set(self, "_scanned_to", max(self._scanned_to, pos))

