"""Speaker spans, persons and coreference: the speaker half of :class:`QuoteDoc`.

Speaker noun phrases before a cue (``speaker_before``, with appositions, relative "who",
parenthesised party tags), after it (``speaker_after``), sentence subjects (``subject_of``),
roles and affiliations (``role_of``); the register of persons they resolve against is
:mod:`toolkit.quotes._persons`.

>>> from toolkit.quotes._doc import QuoteDoc
>>> doc = QuoteDoc("d", "Foreign Minister Javad Zarif met Kerry. He said no.")
>>> doc.resolve_pronoun(Speaker(40, 42, pronoun=True)).name
'Javad Zarif'
"""

from __future__ import annotations

from toolkit.quotes._persons import Persons
from toolkit.quotes._text import _NAMEISH, Speaker, Tok

# word form -> _is_nameish, per not_names list (by id: the shipped lexicon is loaded once)
_NAMEISH_CACHE: dict[int, dict[str, bool]] = {}
_CACHE_MAX = 200_000


class Speakers(Persons):
    """Mixin of :class:`toolkit.quotes._doc.QuoteDoc`: speaker spans and the person register."""

    def nl_before(self, i: int) -> bool:
        """True when a line break separates token ``i`` from the token before it."""
        return i > 0 and "\n" in self.text[self.toks[i - 1].end:self.toks[i].start]

    def _spk(self, low: str) -> bool:
        """A speaker noun, singular or plural ("official", "officials")."""
        nouns = self.lex.speaker_nouns
        return low in nouns or (low.endswith("s") and low[:-1] in nouns) or low + "s" in nouns

    _nameish: list[bool] | None = None

    def nameish_list(self) -> list[bool]:
        """:meth:`_is_nameish` of every token, computed once per document."""
        if self._nameish is None:
            get = self._nameish_cache().get
            out = [get(t[2]) for t in self.toks]  # t[2]: the word form (Tok.text)
            for k, v in enumerate(out):
                if v is None:
                    out[k] = self._is_nameish(self.toks[k])
            self._nameish = out
        return self._nameish

    def _nameish_cache(self) -> dict[str, bool]:
        cache = _NAMEISH_CACHE.get(id(self.lex.not_names))
        if cache is None:
            cache = _NAMEISH_CACHE[id(self.lex.not_names)] = {}
        return cache

    def _is_nameish(self, t: Tok) -> bool:
        """A capitalised word that may be part of a name (remembered per word form)."""
        cache = self._nameish_cache()
        v = cache.get(t.text)
        if v is None:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            v = cache[t.text] = bool(_NAMEISH.match(t.text)) and t.low not in self.lex.not_names
        return v

    def speaker_before(self, i: int, lo: int) -> Speaker | None:
        """The speaker noun phrase ending just before token ``i`` (not before token ``lo``)."""
        fw, th = self.lex.fw, self.lex.th
        toks, lex = self.toks, self.lex
        j = i - 1
        while j >= lo and (toks[j].low in fw.skip or (
                toks[j].low.endswith("ly") and toks[j].text.islower()
                and len(toks[j].low) >= th.adverb_min_len)):
            j -= 1  # auxiliaries and adverbs: "has also said", "jokingly said"
        if j < lo:
            return None
        t = toks[j]
        if t.text == "," and j - 1 >= lo:
            # apposition: "Al-Araji, Iraq's interior minister, said"
            k = j - 1
            while k >= lo and toks[k].text not in {",", "(", ";", ".", "...", ":"} \
                    and j - k < th.apposition_max_tokens:
                k -= 1
            if k >= lo and toks[k].text == "," and k - 1 >= lo:
                sp = self.speaker_before(k, lo)
                if sp is None and k - 2 >= lo and toks[k - 1].text.isdigit() \
                        and toks[k - 2].text == ",":
                    # "Marley Anderson, 21, a junior from Las Vegas, said"
                    sp = self.speaker_before(k - 2, lo)
                app = [toks[m] for m in range(k + 1, j)]
                if sp is not None and not sp.person and not sp.pronoun \
                        and len(app) >= th.apposition_name_min_tokens and all(
                    self._is_nameish(t) or t.low in fw.particle for t in app
                ):
                    # "The Iraqi government spokesman, Basim al-Awadi, said"; the role is the
                    # whole phrase before the comma ("The head of the atomic agency, X, said")
                    named = self.make_speaker(app[0].start, app[-1].end)
                    m = k - 1
                    while m - 1 >= lo and toks[m - 1].text not in {",", ";", ":", "(", "."}:
                        m -= 1
                    role, aff = self.role_of(min(sp.start, toks[m].start), sp.end, whole=True)
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
                    has_verb = any(toks[m].low in fw.stop or toks[m].low in lex.cue_forms
                                   for m in range(k + 1, j)
                                   if toks[m].low not in fw.apposition_prep)
                    if (role or not has_verb or toks[k + 1].low in fw.det) and (
                            j - k < th.apposition_close_tokens or toks[k + 1].low in fw.det):
                        return sp
                    if sp.person:
                        # "Mr. Reid, who represents Nevada, said"; "Clinton, also campaigning
                        # in Wisconsin, said": a clause between commas after a person's name
                        return sp
                # "Elward Edd, an official at the Housing Authority, which has ..., said":
                # one more comma back, if a person's name stands before it
                c = k - 1
                while c >= lo and toks[c].text not in {",", ".", "...", ";", ":"} \
                        and k - c < th.second_comma_max_tokens:
                    c -= 1
                if c > lo and toks[c].text == "," and toks[c - 1].text != ",":
                    sp2 = self.speaker_before(c, lo)
                    if sp2 is not None and sp2.person:
                        return sp2
            return None
        if t.text == ")":
            # "Sen. Chuck Grassley (R-Iowa) told"
            k = j - 1
            while k >= lo and toks[k].text != "(" and j - k < th.paren_max_tokens:
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
        head_ok = self._is_nameish(t) or self._spk(t.low) or t.low in lex.title_heads \
            or (j - 2 >= lo and toks[j - 1].low in fw.name_link and t.text.isalpha()
                and (toks[j - 2].low in lex.title_heads or self._spk(toks[j - 2].low)))
        # ("the secretary of state said": a role with its complement)
        if not head_ok and t.low.endswith(("'s", "’s")):
            head_ok = False
        if not head_ok and (t.text.isdigit() or (
                t.text.isalpha() and t.text.islower() and t.low not in fw.stop
                and t.low not in fw.skip and t.low not in lex.cue_forms and (
                    t.low in fw.generic_head or (t.low.endswith("s") and not t.low.endswith("ss")
                                          and len(t.low) >= th.plural_head_min_len)))):
            # "forecasters say", "those surveyed say", "59 percent said"
            k = j
            while k - 1 >= lo and not self.in_quote[k - 1] and (
                toks[k - 1].low in fw.det or toks[k - 1].text.isdigit()
                or self._is_nameish(toks[k - 1]) or toks[k - 1].low in lex.title_mods
                or (toks[k - 1].text.isalpha() and toks[k - 1].text.islower()
                    and toks[k - 1].low not in fw.stop and toks[k - 1].low not in fw.skip
                    and toks[k - 1].low not in lex.cue_forms and j - k < th.plural_head_max_mods)
            ):
                k -= 1
                if toks[k].low in fw.det:
                    break
            return Speaker(toks[k].start, toks[j].end, name=self.text[toks[k].start:toks[j].end])
        if not head_ok and t.text.isalpha() and t.text.islower() and t.low not in fw.stop \
                and t.low not in fw.skip and t.low not in lex.cue_forms and not self.in_quote[j]:
            # "The New York businessman says": determiner + modifiers + noun
            k = j - 1
            while k >= lo and j - k <= th.det_phrase_max_tokens and not self.in_quote[k] and (
                self._is_nameish(toks[k]) or (toks[k].text.isalpha() and toks[k].text.islower()
                                              and toks[k].low not in fw.stop
                                              and toks[k].low not in lex.cue_forms)
            ) and toks[k].low not in fw.det:
                k -= 1
            if k >= lo and k < j and toks[k].low in fw.det and toks[k].low not in fw.no_speaker_det:
                return Speaker(toks[k].start, toks[j].end,
                               name=self.text[toks[k].start:toks[j].end])
        if not head_ok or self.in_quote[j]:
            return None
        k = j
        lower_budget = th.lower_modifier_budget
        while k - 1 >= lo:
            p = toks[k - 1]
            if self.in_quote[k - 1] or self.nl_before(k):
                break
            if self._is_nameish(p) or p.low in fw.particle or p.low in lex.title_mods \
                    or p.low in lex.title_heads or self._spk(p.low):
                if p.low in fw.name_run_stop and not (self._is_nameish(toks[k]) or
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
            if p.low in fw.det:
                k -= 1
                break
            if p.low.endswith(("'s", "’s")) or p.text in {"'s", "’s"}:
                k -= 1
                continue
            if p.low in fw.name_link and k - 2 >= lo and (
                self._spk(toks[k - 2].low) or toks[k - 2].low in lex.title_heads
                # a capitalised name around "for"/"of": "Syrian Observatory for Human Rights"
                or (self._is_nameish(toks[k - 2]) and self._is_nameish(toks[k])
                    and not self.in_quote[k - 2])
            ):
                k -= 1
                continue
            if p.text == "-" or (p.text.islower() and p.low not in fw.stop and
                                 p.low not in lex.cue_forms and lower_budget > 0 and
                                 self._spk(t.low) and p.text.isalpha()):
                lower_budget -= 1
                k -= 1
                continue
            break
        # drop leading sentence-initial function words ("But", "The" kept as determiner)
        while k < j and toks[k].low in lex.not_names and toks[k].low not in fw.det \
                and toks[k].low not in lex.title_heads:
            k += 1
        return self.make_speaker(toks[k].start, toks[j].end)

    def speaker_after(self, i: int, hi: int) -> Speaker | None:
        """The speaker noun phrase starting at token ``i`` ("said Smith, the minister")."""
        fw, th = self.lex.fw, self.lex.th
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
            if self._is_nameish(p) or p.low in fw.det or p.low in fw.particle or \
                    p.low in lex.title_mods or p.low in lex.title_heads or \
                    self._spk(p.low) or p.low.endswith(("'s", "’s")) or \
                    (p.low in fw.name_link and k > i) or p.text == "-":
                k += 1
                continue
            if p.text.islower() and p.text.isalpha() and p.low not in fw.stop \
                    and k - i < th.after_modifier_max_tokens and \
                    p.low not in lex.cue_forms and any(
                        self._spk(toks[m].low) or self._is_nameish(toks[m])
                        for m in range(k + 1, min(k + 1 + th.after_lookahead_tokens, hi))):
                k += 1
                continue
            break
        while k > i and toks[k - 1].low in fw.after_trail:
            k -= 1
        if k == i:
            return None
        sp = self.make_speaker(toks[i].start, toks[k - 1].end)
        # apposition after a comma: ", the minister of ..., "
        if k < hi and toks[k].text == "," and sp.person:
            m = k + 1
            while m < hi and toks[m].text not in {",", ".", "...", ";", ":", "(", ")"} \
                    and m - k < th.after_apposition_max_tokens:
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
        fw = self.lex.fw
        toks, lex = self.toks, self.lex
        i = self.tok_index(start)
        end = self.tok_index(limit)
        while i < end and toks[i].low in lex.not_names and toks[i].low not in fw.det:
            i += 1
        if i >= end or self.in_quote[i]:
            return None
        if toks[i].low in fw.subject_pronoun:
            return self.resolve_pronoun(Speaker(toks[i].start, toks[i].end, pronoun=True))
        k = i
        while k < end and (self._is_nameish(toks[k]) or toks[k].low in fw.particle
                           or toks[k].low in lex.title_heads or toks[k].low in lex.title_mods
                           or self._spk(toks[k].low) or (k == i and toks[k].low in fw.det)):
            k += 1
        if k == i or (k == i + 1 and toks[i].low in fw.det):
            return None
        if k < end and toks[k].text.isalpha() and toks[k].text.islower():
            return self.make_speaker(toks[i].start, toks[k - 1].end)
        return None

    def role_of(self, start: int, end: int, *, whole: bool = False) -> tuple[str, str]:
        """Role words and affiliation inside ``text[start:end]``."""
        fw = self.lex.fw
        lex = self.lex
        i = self.tok_index(start)
        words: list[Tok] = []
        aff = ""
        seen_head = False
        envoy = getattr(fw, "envoy", frozenset())
        host = False  # after "ambassador to": the host is no affiliation
        while i < len(self.toks) and self.toks[i].start < end:
            t = self.toks[i]
            if t.start in self.actors and not aff and not host:
                aff = self.actors[t.start][1]
            if t.low in {"to", "in", "at"} and i > 0 and self.toks[i - 1].low in envoy:
                host = True
            low = t.low
            if low.endswith(("'s", "’s")):
                low = low[:-2]
            if low in lex.honorifics or low in lex.ranks:
                pass  # a courtesy title or a rank is no role
            elif low in lex.title_heads or (low in lex.title_mods and low not in fw.role_not_mod):
                if not (low in fw.role_skip_first and not words):
                    words.append(t)
                    seen_head = seen_head or low in lex.title_heads
            elif words and not whole and self._is_nameish(t):
                break
            elif words and whole and seen_head and t.start in self.in_actor \
                    and words[-1].low in fw.name_link | fw.det:
                break  # "deputy ambassador of [Iran] to ...": the role ends before the state
            elif words and whole and seen_head and t.text.isalpha() \
                    and t.start not in self.in_actor \
                    and any(w.low in fw.name_link for w in words):
                # an apposition: "the head of the atomic agency", every word after "of"
                words.append(t)
            elif words and whole and seen_head and low not in fw.det:
                # "minister of foreign affairs": keep "of" + capitalised complements
                if not (self._is_nameish(t) or low in fw.name_link):
                    break
                if t.start not in self.in_actor:
                    words.append(t)
            i += 1
        while words and (words[-1].low in fw.role_trail or words[-1].low in fw.name_link
                         or words[-1].low in fw.det):
            words.pop()  # "deputy ambassador to the [United Nations]"
        if len(words) >= 2 and words[-1].low in lex.title_heads \
                and words[-2].low in lex.title_heads and not whole:
            words.pop()  # "Foreign Minister Prince Faisal": the role is "Foreign Minister"
        if not seen_head or all(w.low in lex.ranks or w.low == "general" for w in words):
            return "", aff  # "General Soleimani": a rank alone
        role = " ".join(w.text for w in words)
        if role.islower():
            role = " ".join(w if w in fw.name_link or w in fw.det else w[:1].upper() + w[1:]
                            for w in role.split())
        return role, aff

    def make_speaker(self, start: int, end: int) -> Speaker:
        """Split a speaker phrase into role and name, and look it up among earlier persons."""
        fw, th = self.lex.fw, self.lex.th
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
            if (self._is_nameish(t) or low in fw.particle) and low not in lex.title_heads \
                    and not (len(t.text) >= th.acronym_min_len and t.text.isupper()) \
                    and low not in lex.title_mods and t.start not in self.in_actor \
                    and not self._spk(low) and not low.endswith(("'s", "’s")):
                name_toks.insert(0, t)
            else:
                break
        while name_toks and name_toks[0].low in fw.particle:
            name_toks.pop(0)
        organisation = False
        first = toks.index(name_toks[0]) if name_toks else -1
        head = toks[first - 2] if first >= 2 else None
        if head is not None and toks[first - 1].low in fw.name_link and self._is_nameish(head) \
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
            # without courtesy titles ("Messrs. Obama and Netanyahu" -> "Obama and Netanyahu")
            kept = [t for t in toks if t.low not in lex.honorifics]
            sp.name = self.text[kept[0].start:kept[-1].end] if kept else self.text[start:end]
            return sp
        if name_toks:
            name = self.text[name_toks[0].start:name_toks[-1].end]
            before_name = [t for t in toks if t.end <= name_toks[0].start]
            is_person = len(name_toks) >= th.person_min_name_tokens or bool(role) or \
                name_toks[-1].low in self.by_surname or \
                (before_name and before_name[-1].low in lex.title_heads)
            if before_name and before_name[-1].low in fw.det and not role:
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

