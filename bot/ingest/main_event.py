"""Finding the article's main event in its headline or lede as a short noun phrase ("the
Kazakhstan floods", "the Baku climate talks", 'Georgia's "foreign influence" law', "the
Yekaterinburg raid incident"), and the short alias a headline may give it ("MH17").
"""

from __future__ import annotations

import re

from bot.ingest.event_nouns import ACTOR_NOUNS, MODIFIER_COMPOUNDS, PREPOSITION, SAME_EVENT
from bot.ingest.event_phrase import Event
from bot.ingest.lexicon import FUNCTION_WORDS, base_form, is_topic_noun


def _words(text: str) -> list[str]:
    return re.findall(r"\"[^\"]+\"|[\w'’-]+|[^\w\s]", text)


_ALIAS = re.compile(r"\b[A-Z]{2,5}-?\d{1,4}\b")


def event_alias(title: str, lede: str, event: Event) -> str | None:
    """A coded name ("COP29", "MH17", "G20") a few words before a noun of the event's kind in
    the headline or lede: the name readers know the event by."""
    same = SAME_EVENT.get(event.preposition, set()) | {event.noun}
    for text in (title, lede):
        for match in _ALIAS.finditer(text):
            following = re.findall(r"[\w'-]+", text[match.end() :])[:5]
            if any(w.lower() in same for w in following):
                return match.group().replace("-", "")
    return None


def event_in(
    text: str,
    names: set[str],
    place: str | None,
    *,
    named_only: bool = False,
    place_away: bool = False,
) -> Event | None:
    """The first event noun of ``text`` with the names before it, as an ``Event``. With
    ``place_away`` (the article says the event was some way off the place: "crashed north of
    Moscow"), an event the headline names by no name is named by the headline's own word for
    it ("the jet crash"), not after the place, where it did not happen."""
    tokens = _words(text)
    for index, token in enumerate(tokens):
        noun = token.lower()
        if noun not in PREPOSITION:
            continue
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if f"{noun} {following}" in MODIFIER_COMPOUNDS or following in ACTOR_NOUNS:
            # "war crimes court", "election commission", "protest leader": no war, no
            # election, no protest, but who acts
            continue
        modifiers, named = _modifiers_before(tokens, index, names)
        if not named and not named_only:
            after = _names_after(tokens, index, names)
            if after and (place is None or place not in after or len(after) > 1):
                modifiers, named = after, True
            elif PREPOSITION[noun] != "Under":
                where = _place_after(tokens, index, names)
                if where is not None:
                    modifiers, named = [where], True
        if not named and PREPOSITION[noun] == "Under" and _background(tokens, index):
            # "jails blogger ... over posts on border deal": a deal (law, ban) the story is
            # about only in passing; setting every fact "Over Armenia's deal" misleads.
            continue
        if not named and not named_only:
            compound = _named_compound(tokens, names, place, skip=index)
            if compound is not None:
                modifiers, named = compound.split(), True
        if named_only and not named:
            continue
        # A headline's capitals are not names unless the body names them too.
        if modifiers and not any(
            re.sub(r"'s$", "", m) in names or m.startswith('"') for m in modifiers
        ):
            modifiers = []
            named = False
        event = Event(noun, " ".join(modifiers))
        if event.preposition == "Under":
            if place and place not in event.modifiers:
                event.modifiers = f"{place}'s {event.modifiers}".strip()
                event.determiner = ""
            elif event.modifiers.split(" ")[0].endswith("'s"):
                event.determiner = ""
        elif not named:
            if not place:
                continue
            kind = _kind_before(tokens, index) if place_away else None
            event.modifiers = kind or place
        elif event.modifiers.split(" ")[0].endswith("'s"):
            # "Pashinyan's snap election": a possessive is its own determiner ("the
            # Pashinyan's snap election" is no English).
            event.determiner = ""
        return event
    return None


def _modifiers_before(tokens: list[str], index: int, names: set[str]) -> tuple[list[str], bool]:
    """The words before the event noun at ``index`` that say which event it is (four at most),
    and whether a name is among them: names, quoted names, and a topic noun after a name
    ("Baku climate talks")."""
    modifiers: list[str] = []
    named = False
    back = index - 1
    while back >= 0 and len(modifiers) < 4:
        word = tokens[back]
        bare = re.sub(r"'s$", "", word)
        if word.startswith('"') and len(word) > 2:
            modifiers.insert(0, word)
            named = True
        elif bare[:1].isupper() and (bare in names or back > 0) and bare not in ("The", "A"):
            if bare.lower() in FUNCTION_WORDS:
                break
            modifiers.insert(0, word)
            named = True
        elif word.islower() and word.endswith("s") and base_form(word) is not None:
            break  # "Uzbekistan passes ... law": a headline's verb after its subject
        elif word.islower() and is_topic_noun(word) and word not in PREPOSITION and back > 0:
            # "climate" in "Baku climate talks": kept only if a name comes before it
            if back - 1 >= 0 and tokens[back - 1][:1].isupper():
                modifiers.insert(0, word)
            else:
                break
        else:
            break
        back -= 1
    return modifiers, named


def _kind_before(tokens: list[str], index: int) -> str | None:
    """The lower-case noun right before the event noun at ``index`` that says what kind of
    thing it befell ("jet" in "died in jet crash"), if one does."""
    if index == 0:
        return None
    word = tokens[index - 1]
    if not word.islower() or word in PREPOSITION or not is_topic_noun(word):
        return None
    return None if word.endswith("s") and base_form(word) is not None else word


def _names_after(tokens: list[str], index: int, names: set[str]) -> list[str]:
    """The article's names written right after the event noun at ``index`` (three at most, up
    to the first word that is none), which may name the event when no name stands before it."""
    after: list[str] = []
    for word in tokens[index + 1 : index + 4]:
        bare = re.sub(r"'s$", "", word)
        if bare[:1].isupper() and bare in names and bare.lower() not in FUNCTION_WORDS:
            after.append(bare)
        else:
            break
    return after


# Where a headline says its event happened, a few words after it: "missile strikes that killed
# civilians in Lorvan" are the Lorvan strikes, whoever the headline's subject is.
_WHERE = frozenset(("in", "at", "near"))
_PLACE_REACH = 8
_CLAUSE_END = frozenset((",", ";", ":", "-", "as", "while", "amid", "but", "after"))


def _place_after(tokens: list[str], index: int, names: set[str]) -> str | None:
    """The name after "in"/"at"/"near" within a few words after the event noun at ``index``,
    in the same clause: where the event was, which names it when no name stands before it."""
    window = tokens[index + 1 : index + 1 + _PLACE_REACH]
    for position, word in enumerate(window[:-1]):
        if word.lower() in _CLAUSE_END:
            return None
        name = re.sub(r"'s$", "", window[position + 1])
        if (
            word in _WHERE
            and name[:1].isupper()
            and name in names
            and name.lower() not in FUNCTION_WORDS
        ):
            return name
    return None


_ABOUT = frozenset(("over", "on", "about", "against", "for"))


def _background(tokens: list[str], index: int) -> bool:
    """Does the event noun at ``index`` stand in a phrase of what the headline's action is
    about ("over posts on border deal"), two words at most after "over"/"on"/"about"?"""
    return any(t.lower() in _ABOUT for t in tokens[max(0, index - 3) : index])


def _named_compound(tokens: list[str], names: set[str], place: str | None, skip: int) -> str | None:
    """A name and the thing it names elsewhere in the headline ("Batumi port" in "Georgia
    hands Batumi port expansion to Emirati operator in ... deal"): what tells this deal from
    any other of the country's, so the event is "the Batumi port deal", not "Georgia's deal".
    The main place itself is no such name: "the Pamir avalanche" says enough."""
    for index in range(len(tokens) - 1):
        name, noun = re.sub(r"'s$", "", tokens[index]), tokens[index + 1]
        if index + 1 == skip or not name[:1].isupper() or name not in names or name == place:
            continue
        if name.lower() in FUNCTION_WORDS or not noun.islower() or noun in PREPOSITION:
            continue
        if noun in ACTOR_NOUNS:
            continue  # "Rights group", "Armenian forces": who acted or spoke, not the event
        if is_topic_noun(noun) and not (noun.endswith("s") and base_form(noun) is not None):
            return f"{name} {noun}"
    return None
