"""Candidate person names of one text: capitalised runs with the role words around them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.people._lexicon import PARTICLES, Lexicon
from toolkit.people._roles import (
    _affil,
    _alias_at,
    _apposition_after,
    _apposition_before,
    _is_head,
    _is_title_word,
    _prev_word,
    _role_before,
)

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = (rf"(?:[{_UP}]\.(?:[{_UP}]\.)*"
         rf"|(?:(?:al|el|ad|as|ash|an|at|az|abu|bin|ibn|bani)[-‐])?[{_UP}][\w‐-]*"
         # O'Brien; Sa'ar, Ja'far (not the possessive or I've, I'd, I'm, don't, we'll, we're)
         rf"(?:['’][{_UP}][\w‐-]*|['’](?!(?:[sdmt]|ve|ll|re)(?!\w))[a-z][\w‐-]*)?)")
_SEP = r"[ \t\xa0]+"
_RUN = re.compile(rf"(?<![\w'’.-]){_WORD}(?:{_SEP}(?:(?:{'|'.join(sorted(PARTICLES))}){_SEP})*"
                  rf"{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}|\S+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_OUTLET = re.compile(r"[ \t]+(?:newspaper|daily|news agency|agency|TV|television|channel|"
                     r"website|radio|magazine|weekly)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_PLACE_PREP = re.compile(r"\b(?:in|at|near|inside|outside|across)[ \t]+$")
_URL_TAIL = re.compile(r"\.[a-z]{2,4}\b")
_OF_NAME = re.compile(r"[ \t]+of[ \t]+([A-Z][\w'’-]*)")
_PLACE_WORDS = frozenset({"to", "in", "at", "from"})
_NEXT_LOWER = re.compile(r"[ \t]+(?:oil[ \t]+|gas[ \t]+|refugee[ \t]+)?([a-z]+)")
_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_AFTER_WORD = re.compile(r"[ \t]+(\w+)")
_LONGER_NAME = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:for|of|on|de|du|des)[ \t]+$")


@dataclass(eq=False)  # compared by identity ("m in accepted" stays cheap)
class _Mention:
    start: int
    end: int
    tokens: list[str]
    role: str = ""
    affiliation: str = ""
    country: str = ""
    source: str = ""
    evidence: bool = False
    in_quote: bool = False
    entity: int = -1
    kind: str = "name"
    head: str = ""
    place_like: bool = False
    needs_given: bool = False  # a credit line or a weak place preposition before it, and its
    # first word is not a given name: a name only with evidence



def _candidates(lex: Lexicon, text: str) -> list[_Mention]:
    """Name runs with the role and affiliation words around them."""
    out = []
    for run in _RUN.finditer(text):
        r0 = run.start()
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, r0, run.end())]
        if len(toks) == 1:  # one title or non-name word ("The", "But"): peeled to nothing
            low = toks[0][2].lower()
            if low in lex.not_names or _is_title_word(lex, toks[0][2]):
                continue
        # peel titles, honorifics, gazetteer aliases and non-name words off the front
        i, limit = 0, run.end()
        honorific = False
        before = _prev_word(text, max(0, r0 - 30), r0)
        titled = bool(before) and _is_title_word(lex, before[2])
        prev = before[2].lower() if before else ""
        honorific = prev in lex.honorifics and not before[2].isupper()  # "Mr. Brandt's"
        while i < len(toks):
            s, e, w = toks[i]
            low = w.lower()
            if i + 1 < len(toks) and len(w) > 2 and w.rstrip("-‐").isupper() \
                    and w[-1] in "-‐" and i == 0:
                i += 1  # a dateline glued to the name ("TEHRAN- Name Surname")
                continue
            if _is_title_word(lex, w) or low in lex.not_names:
                honorific = honorific or low in lex.honorifics
                titled = _is_title_word(lex, w)
                i += 1
                continue
            hit = _alias_at(lex, text, s, limit)
            if hit and titled and hit[1] in lex.guarded:
                break  # "Rep. Jordan", "Senator Chad ...": a name after a title
            if (hit and hit[1] in lex.guarded and i + 1 < len(toks) and hit[0] == e
                    and not (i == 0 and prev in _PLACE_WORDS)):  # not "ambassador to Beirut X"
                nxt = toks[i + 1][2]
                if not (_is_title_word(lex, nxt) or nxt.lower() in lex.not_names
                        or _alias_at(lex, text, toks[i + 1][0], limit)):
                    break  # "Jordan Peterson", "Israel Katz": a first name
            if hit and hit[0] >= e:
                while i < len(toks) and toks[i][1] <= hit[0]:
                    i += 1
                continue
            break
        # a role with words the titles list lacks ("Energy Minister X", "Despite President
        # X"): the name starts after the last title head of the run
        heads = [k for k in range(i, len(toks) - 1) if _is_head(lex, toks[k][2])]
        if heads and heads[-1] >= i:
            i = heads[-1] + 1
            titled = True
            while i < len(toks) - 1 and _is_title_word(lex, toks[i][2]):
                i += 1
        rest = toks[i:]
        after_the = (i == 0 and _THE_BEFORE.search(text, max(0, run.start() - 5), run.start())
                     ) or (i > 0 and toks[i - 1][2] in ("The", "the") and not titled)
        if after_the and (len(toks) - i > 1
                          or not re.match(r"[ \t]+[a-z]", text[run.end():run.end() + 3])
                          or _name_the(text, toks[i - 1][0] if i > 0 else r0 - 4)):
            continue  # "the Hansell Memorandum", "in The Hague"; not "the Obama administration"
        ctx = lex.context
        if i == 0 and (prev in ctx["not_before"] or _ORDINAL.fullmatch(prev)
                       or prev in ctx["outlet_before"]):
            continue  # "several Arab states", "the 29th Arab Summit", "the daily Al-X"
        needs_given = i == 0 and (prev in ctx["credit_before"] or prev in ctx["weak_place_before"]
                                  or text[r0 - 1:r0] == "/")
        if i == 0 and _PLACE_PREP.search(text, max(0, run.start() - 8), run.start()):
            place_like = True
        else:
            place_like = i == 0 and prev == "of" and _place_of(lex, text, before[0])
        if i == 0 and _LONGER_NAME.search(text, max(0, run.start() - 40), run.start()):
            continue  # the tail of a longer name ("Center for Policy Research")
        # cut at the first non-name word after the start ("Rouhani Tuesday")
        for k in range(1, len(rest)):
            low = rest[k][2].lower()
            if (low in lex.not_names or (low in lex.titles and low not in PARTICLES)
                    or low in lex.speech_forms):
                rest = rest[:k]
                break
        if not rest:
            continue
        words = [w for _, _, w in rest if w.lower() not in PARTICLES]
        lows = [w.lower() for w in words]
        if not words or any(w in lex.not_person for w in lows):
            continue
        if len(words) == 1 and (lows[0] in lex.pronouns or lows[0] in lex.not_names):
            continue
        if words[-1] in lex.places:
            continue  # "Latin America", "Greater Syria": a place
        if text.startswith(".", rest[-1][1]) and (lows[-1] in lex.titles
                                                   or lows[-1] + "." in lex.titles
                                                   or lows[-1] + "." in lex.honorifics):
            continue  # "New York Rep. X", "Republican Sen. X": a role before the name
        if lows[-1] in ctx["non_person_heads"] or any(
                w in ctx["never_persons"] or w in ctx["outlets"] for w in lows):
            continue  # "Solidarity Day", "Privacy Policy", "Getty Images", "Reuters"
        if any(_PARTY_TAG.match(w) or ("-" in w and w.rsplit("-", 1)[1] in ctx["compound_tails"])
               for w in words):
            continue  # "R-Ohio", "Iranian-made ...", "Saudi-led"
        shaped = _noun_shaped(lex, lows)
        if (shaped is not None and shaped <= len(lows) - 3 and len(words) == len(rest)
                and lows[shaped + 1] in lex.given_names):
            rest = rest[shaped + 1:]  # "Minister of Economy and Technology Werner Mueller"
            words, lows = words[shaped + 1:], lows[shaped + 1:]
        elif shaped is not None:
            continue  # "Eliminating Discrimination": a title of a document or event
        if (lows[0].split("-")[0] in ctx["adjectives"]
                or any("-" in w and (w.split("-")[0] in lex.state_aliases
                                     or w.split("-")[0] in lex.demonyms) for w in words)):
            continue  # "African", "Forty-three Israeli", "Rival Lebanese", "Iran-Iraq ..."
        if any(len(w) > 1 and w.isupper() and not w.endswith(".") for w in words):
            continue  # acronyms, datelines ("TEHRAN", "IRNA")
        if any(w.endswith(".") for w in words[-1:]) and len(words[-1]) > 2:
            continue
        s0, e0 = rest[0][0], rest[-1][1]
        if text[s0:e0] in lex.aliases and not (titled and text[s0:e0] in lex.guarded):
            continue
        if len(words) == 1 and (lows[0] in lex.speaker_nouns or lows[0] in lex.titles):
            continue
        if _OUTLET.match(text, e0) or _URL_TAIL.match(text, e0):
            continue
        mention = _Mention(s0, e0, [t[2] for t in rest], evidence=honorific)
        role, aff, country, _ = _role_before(lex, text, s0)
        if role or aff:
            mention.role, mention.affiliation, mention.country = role, aff, country
            mention.source = "text" if aff else ""
            mention.evidence = mention.evidence or any(_is_head(lex, w) for w in role.split())
        mention.place_like = place_like
        mention.needs_given = needs_given and lows[0] not in lex.given_names
        appos = _apposition_after(lex, text, e0) or _apposition_before(lex, text, s0)
        if appos:
            mention.role = mention.role or appos[0]
            if appos[1] and not mention.affiliation:
                mention.affiliation, mention.country, mention.source = appos[1], appos[2], "text"
            mention.evidence = True
        if mention.role and not mention.affiliation:  # "King Abdullah of Jordan"
            of = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[e0:e0 + 12])
            hit = _alias_at(lex, text, e0 + of.end(), len(text)) if of else None
            if hit:
                mention.affiliation, mention.country = _affil(lex, hit[1])
                mention.source = "text"
        after = _AFTER_WORD.match(text, e0, e0 + 30)  # as matching text[e0:e0 + 30]
        if after and after.group(1) in lex.speech_after_name and not after_the:
            mention.evidence = True
        nxt = _NEXT_LOWER.match(text, e0)
        if nxt and nxt.group(1) in ctx["after_heads"] and not mention.role:
            continue  # "the Sheikh Maqsud district", "Ras Tanura oil refinery"
        of = _OF_NAME.match(text, e0)
        if (of and not mention.role and not honorific and lows[0] not in lex.given_names
                and not _alias_at(lex, text, of.start(1), len(text))):
            continue  # "Isfahan Chamber of Commerce": part of a longer name
        out.append(mention)
    return out



def _place_of(lex: Lexicon, text: str, of_start: int) -> bool:
    """Whether the "of" at ``of_start`` follows a place noun ("the town of", "north of")."""
    m = _prev_word(text, max(0, of_start - 30), of_start)
    return bool(m) and m[2].lower().strip(",") in lex.context["place_of"]


def _name_the(text: str, pos: int) -> bool:
    """Whether the "The" at ``pos`` is part of a name: capitalised inside a sentence ("in The
    Hague", "of The Times"), not at its start ("The Obama administration said")."""
    if not text.startswith("The", pos):
        return False
    left = text[max(0, pos - 3):pos].rstrip(" \t\xa0")
    return bool(left) and left[-1] not in ".!?:;\"“”'‘’(\n—–-"


def _noun_shaped(lex: Lexicon, lows: list[str]) -> int | None:
    """Position of the last word of ``lows`` that is an abstract noun ("-tion", "-ment", 7
    letters or more) or a first word in "-ing", not a given name; None if none. A run with
    one is a document or event title ("Eliminating Discrimination"), or a name follows it."""
    suffixes = tuple(lex.context["noun_suffixes"])
    gerund = tuple(lex.context["gerund"])
    found = None
    for k, w in enumerate(lows):
        if len(w) >= 7 and w not in lex.given_names and (
                w.endswith(suffixes) or (k == 0 and len(lows) > 1 and w.endswith(gerund))):
            found = k
    return found


def _in_headline(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a line written in title case ("Israel And Hamas Agree To
    Truce"): most of its words of four letters or more are capitalised."""
    left = text.rfind("\n", 0, pos) + 1
    right = text.find("\n", pos)
    line = text[left:right if right >= 0 else len(text)]
    if len(line) > 200:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) >= 4]
    if len(words) < 3:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps >= 0.8 * len(words) and not line.rstrip().endswith((".", '"', "”"))

