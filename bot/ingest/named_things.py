"""Things an article names by a name before their noun, which a later bare noun means.

"Kyrgyz and Tajik officials signed the Batken Protocol ... The protocol also created a joint
monitoring group": the protocol is the Batken Protocol, and a fact made of the second sentence
alone should say so ("The Batken Protocol also created ..."), for a reader who sees it alone and
for a question naming it. The same holds for "the Rome Statute" and "the statute", "the
Turkish-Russian joint monitoring centre" and "the centre", "a Russian loan" and "the loan".
Bodies ("the ministry"), the event ("the floods") and the country have rules of their own
(``context``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.ingest.lexicon import FUNCTION_WORDS, is_topic_noun

# A determiner, capitalised words (a name or a demonym), then a few lower-case words: the
# longest phrase that may name a thing; ``named_things`` finds where it ends.
_PHRASE = re.compile(
    r"\b(?:[Tt]he|an?|An?)\s+(?P<phrase>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5}"
    r"(?:\s+[a-z][\w-]*){0,3})"
)
# Nouns a bare "the <noun>" of which may mean any of several (the story's own, or another's:
# a government, a president, an army), or which other rules write out (bodies, the country).
_AMBIGUOUS = frozenset(
    """government president parliament army police country state states opposition
    authorities people military leadership region city capital border party minister
    ministry court committee agency council commission leader leaders side sides prime
    deputy official officials spokesman spokeswoman spokesperson chief head""".split()
)


def _names_on(word: str) -> bool:
    """Can lower-case ``word`` go on naming a thing after its capitalised words ("joint",
    "monitoring", "centre"), not open what is said of it ("said", "on", "would")?"""
    return (
        word.isalpha()
        and word not in FUNCTION_WORDS
        and (is_topic_noun(word) or (word.endswith("ing") and word not in ("during", "being")))
    )


def named_things(text: str) -> Iterator[tuple[str, str]]:
    """Each thing ``text`` names by a name before its noun, as (its noun, lower-case; the
    phrase naming it, with "the"): ("protocol", "the Batken Protocol"). Not a possessive
    ("the Kremlin's"), nor a noun that could mean several things (``_AMBIGUOUS``)."""
    for match in _PHRASE.finditer(text):
        words = match["phrase"].split()
        # The lower-case words that go on naming the thing: nouns, not "said" or "on".
        end = next((i for i, w in enumerate(words) if w.islower()), len(words))
        while end < len(words) and _names_on(words[end]):
            end += 1
        words = words[:end]
        if end == len(match["phrase"].split()) and re.match(r"\s+[A-Z]", text[match.end() :]):
            # The name runs on past the longest phrase read: a part of a name names nothing.
            continue
        if len(words) < 2 or words[0].endswith("'s") or words[-1].endswith("'s"):
            continue
        noun = words[-1].lower()
        if noun in _AMBIGUOUS or not is_topic_noun(noun):
            continue
        yield noun, f"the {' '.join(words)}"


# "Russia has finished pulling its peacekeeping contingent out of ...": a one-word name opening
# the sentence, and "its" with up to two lower-case words and a noun after it in the same clause.
_OWNED = re.compile(
    r"^(?P<owner>[A-Z][a-z][\w-]*)\s+(?:[a-z][\w-]*\s+){1,4}?its\s+"
    r"(?P<phrase>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\b"
)


def owned_things(text: str, people: set[str]) -> Iterator[tuple[str, str]]:
    """The thing ``text`` gives its subject by "its", as (its noun; the phrase naming it with
    whose it is): ("contingent", "Russia's peacekeeping contingent"), which a later "the
    contingent" means. Only a subject of one name that is no person ("its" is a country's or a
    body's), and only in the subject's own clause (no comma or "and" before "its")."""
    match = _OWNED.match(text)
    if match is None or match["owner"] in people or match["owner"] in ("The", "A", "An"):
        return
    between = text[match.end("owner") : match.start("phrase")]
    if re.search(r",|\b(?:and|but|while|which|that|who)\b", between):
        return
    # A modifier and a noun ("its claims" says too little of which claims), where the word
    # after them goes on with no noun: "its border guards home" may be guards or a home.
    words = match["phrase"].split()
    if len(words) < 2 or (len(words) > 2 and is_topic_noun(words[2])):
        return
    words = words[:2]
    if words[1] in _AMBIGUOUS or not is_topic_noun(words[1]):
        return
    if words[0] in FUNCTION_WORDS or not (is_topic_noun(words[0]) or _names_on(words[0])):
        return
    yield words[1], f"{match['owner']}'s {' '.join(words)}"


# The last word of a firm's own name, and the kind of firm it makes it: "Lorvan Air" is an
# airline, "Tarsk Mining Company" a company; a later "the airline" or "the company" means it.
# Not "Group": as often a body of states ("the OSCE Minsk Group"), a force or a think tank, and
# "the company" of a firm named otherwise ("SOCAR") would be written as it.
_FIRM_ENDINGS = {
    "Air": "airline",
    "Airlines": "airline",
    "Airways": "airline",
    "Company": "company",
    "Corporation": "company",
    "Corp": "company",
    "Holding": "company",
    "Holdings": "company",
}
_FIRM = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][\w-]*\s+){1,3}(?P<end>"
    + "|".join(_FIRM_ENDINGS)
    + r"))(?![\w-])"
)


def firm_names(text: str, people: set[str]) -> Iterator[tuple[str, str]]:
    """Each firm ``text`` names by a name ending in a firm's word, as (its kind; its name):
    ("airline", "Lorvan Air"), which a later "the airline" (or "the company") means. Not a
    name opening on a word any sentence may open with ("The", "A"), nor a person's."""
    for match in _FIRM.finditer(text):
        words = match["name"].split()
        while words and words[0] in ("The", "A", "An", "In", "On", "At", "By", "For"):
            words = words[1:]
        if len(words) < 2 or any(w in people for w in words):
            continue
        yield _FIRM_ENDINGS[match["end"]], " ".join(words)
