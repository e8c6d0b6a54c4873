"""General questions for a fact its typed questions left with fewer than two, and what a
"what did X say" question is about.

The typed questions (how many, when, who, where, why) come from what a sentence states; a
sentence stating none of those ("The joint monitoring centre in Aghdam wound up its work soon
afterwards", "Rostov residents cheered as the convoy left") gets one question or none, and a
fact reached by its answer words alone loses to any sibling whose questions share them. Readers
still ask about such a fact in general words, naming its main thing: "what happened to the
zangilan power station" (it "was shut down"), "what is known about sudzha". And "what did the
minister say" asks nothing a reader would type without what was said: it becomes "what did the
minister say about the treaty", with the topic words of what was said, or goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from bot.core.folding import fold
from bot.ingest.entities import is_demonym
from bot.ingest.lexicon import AUXILIARIES, FUNCTION_WORDS, base_form, is_past, is_topic_noun
from bot.ingest.main_clause import PRONOUNS, parse
from bot.ingest.named_things import named_things
from bot.ingest.questions import generate

Check = Callable[[str], str | None]

# "what did the minister say", "what does the text say": nothing about what was said.
BARE_SAY = re.compile(r"^what (?:did|do|does) (?P<speaker>.+?) say$")
_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|warned|warns|announced|confirmed|reported|"
    r"insisted|argued|claimed|stated|noted|stressed|acknowledged)\b"
)
_PRONOUNS = PRONOUNS | frozenset({"them", "its"})
# "the reports but gave no details": what was said ends at a clause or an aside.
_PHRASE_END = re.compile(
    r"[,;:()\"]|\s(?:but|and|which|who|that|as|while|because|when|after|before|since|"
    r"although|if|on|in|at|for|from|to|with|by|of|over|under|into|during|about|near|"
    r"outside|across|against|along|around|between|within|despite|through|until|amid)\s"
)
# "... said in Bala", "... said on Monday": where or when it was said, not what.
_WHERE_OR_WHEN = frozenset("in at on during after before while when from as".split())
# "Nothing was left of the pier, he said": what was said is about the pier, not "nothing".
_NOT_A_TOPIC = _PRONOUNS | frozenset(
    "nothing everything anything something nobody everyone anyone someone no none".split()
)
_MAX_TOPIC_WORDS = 5
_MAX_SUBJECT_WORDS = 6
_MIN_PIECE_WORDS = 5
# "the treaty", "the new treaty": a thing the text takes as known, with up to two modifiers.
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)\b")
# Words opening some of a kind, no one thing a question could name (``_asked_subject``).
_QUANTIFIERS = frozenset(
    "no nobody none some several many most few dozens hundreds thousands a an all both".split()
)
# A name of up to four capitalised words ("Joint Monitoring Centre").
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*")
# More facts than a story has: "however many facts name it" (``_own_things``), and so the
# spread of a thing with no word of its own to count.
_SHARED = 1_000


def said_about(part: str, speaker: str) -> str | None:
    """The topic words of what ``speaker`` said in ``part``: a thing it names ("the Rome
    Statute"), else the subject of the reported clause ("transit"), else what was confirmed or
    reported ("the reports"); None when what was said names nothing (a pronoun, a number)."""
    folded = fold(part)
    at = folded.find(fold(speaker))
    saying = _SAYING.search(part, _offset(part, folded, at)) if at >= 0 else _SAYING.search(part)
    if saying is None:
        return None
    after = part[saying.end() :].strip()
    that = re.search(r"(?:^|\s)that\s", after)
    if that is not None and len(after[: that.start()].split()) <= 4:
        content = after[that.end() :]
    elif not after or after[:1] in ",.;" or after.split()[0].lower() in _WHERE_OR_WHEN:
        # "..., the minister said, three people were killed ...", "... at once, the elder
        # said in Bala": what was said is around the speaker, not after the verb.
        content = f"{part[: max(at, 0)]} {after.lstrip(',.; ')}"
    else:
        content = after
    speaker_words = set(fold(speaker).split())
    for _noun, phrase in named_things(content):
        if not set(fold(phrase).split()) <= speaker_words:
            return phrase
    clause = parse(content.strip(" ,"))
    candidates = [clause.subject] if clause is not None else []
    candidates.append(content)
    for candidate in candidates:
        topic = _noun_phrase(candidate)
        if topic and not set(fold(topic).split()) <= speaker_words:
            return topic
    # "in a region beset by conflicts the treaty had ...": the first thing it names.
    return _definite_thing(content)


def _definite_thing(text: str) -> str | None:
    """The first "the <noun>" of ``text`` that ends on a topic noun ("the treaty")."""
    for match in _DEFINITE.finditer(text):
        if not is_topic_noun(match["noun"]):
            continue
        words = match.group().split()
        if FUNCTION_WORDS & {w.lower() for w in words[1:]}:
            continue
        phrase = _whole_phrase(match.group(), text[match.end() :])
        if phrase is not None:
            return phrase.lower()
    return None


_NEXT_NOUN = re.compile(r"^('s)?\s+([a-z][\w-]*)\b")


def _whole_phrase(start: str, following: str) -> str | None:
    """``start`` ("the prime") with the nouns that go on after it ("the prime minister's
    resignation"), as readers name the thing; None when it leans on an "of" phrase ("the head
    of the office", "the autumn of 2022"), which the question would lose."""
    phrase = start
    while len(phrase.split()) < _MAX_TOPIC_WORDS:
        more = _NEXT_NOUN.match(following)
        if more is None or more[2] in FUNCTION_WORDS or not is_topic_noun(more[2]):
            break
        phrase += f"{more[1] or ''} {more[2]}"
        following = following[more.end() :]
    if re.match(r"^(?:'s)?\s+of\b", following):
        return None
    return phrase


def _offset(part: str, folded: str, at: int) -> int:
    """Where in ``part`` the ``at``-th character of its folded form is, by counting words
    (near enough: folding splits a possessive, "russia's" -> "russia s", one word on)."""
    words_before = len(folded[:at].split())
    spans = [m.start() for m in re.finditer(r"\S+", part)]
    return spans[words_before] if words_before < len(spans) else 0


def _noun_phrase(text: str) -> str | None:
    """The noun phrase ``text`` opens with, up to its first clause word or preposition, if
    it ends on a topic noun or a name and is no pronoun or bare number."""
    text = text.strip(" ,")
    cut = _PHRASE_END.search(f"{text} ")
    if cut is not None and cut.group().strip() == "of":
        return None  # "the head of the office": cut there, it says whose, not what
    words = (text[: cut.start()] if cut else text).split()[:_MAX_TOPIC_WORDS]
    # A verb ends the phrase: "transit was running" -> "transit".
    for index, word in enumerate(words):
        if index and (word.lower() in FUNCTION_WORDS or is_past(word.lower())):
            words = words[:index]
            break
    if (
        not words
        or words[0].lower() in _NOT_A_TOPIC | FUNCTION_WORDS - {"the", "a", "an"}
        or words[0][:1].isdigit()
    ):
        return None
    last = words[-1].strip(".,")
    # "Rarely had so many ...": an adverb, no topic (a lone capitalised one opens the clause).
    adverb = last.lower().endswith("ly") and (last.islower() or len(words) == 1)
    if (
        adverb
        or last.lower() in FUNCTION_WORDS
        or not (last[:1].isupper() or is_topic_noun(last.lower()))
    ):
        return None
    return " ".join(words).strip(".,")


def rewrite_bare_say(
    questions: list[str], parts: list[str], *, topic: str | None, check: Check
) -> list[str]:
    """``questions`` with each "what did X say" asked about what X said, or about the story's
    topic when what was said names nothing; dropped when neither gives a well-formed one."""
    out: list[str] = []
    for question in questions:
        bare = BARE_SAY.match(question)
        if bare is None:
            out.append(question)
            continue
        about = next(
            (t for t in (said_about(p, bare["speaker"]) for p in parts) if t is not None), topic
        )
        if about is None:
            continue
        asked = f"{question} about {_as_question_words(about)}"
        if check(asked) is None:
            out.append(asked)
    return out


def _as_question_words(phrase: str) -> str:
    """``phrase`` lower-cased as questions are written, its possessives kept ("russia's")."""
    return " ".join(phrase.lower().replace('"', "").split())


def general_questions(
    parts: list[str],
    *,
    names: set[str],
    people: Collection[str],
    spread: Mapping[str, int],
    known: Collection[str],
    check: Check,
) -> list[str]:
    """Questions in general words about what ``parts`` (a fact's sentences) name, for a fact
    with fewer than two: what its named subject did ("what did the national anti-terrorism
    committee impose"), what happened to it ("what happened to the joint monitoring centre"),
    and what is known about its main named thing, a person the story names (``people``, full
    names) first. None of ``known``; each passing ``check``."""
    out: list[str] = []
    for part in parts:
        # "the diaspora reversed that: some 328,000 Moldovans cast ballots abroad", "...,
        # and losses were put at 2 billion tenge": what follows a colon, a semicolon or a
        # comma's "and" is a statement of its own, asked as one.
        pieces = re.split(r"[:;]\s+|,\s+(?:and|but|while)\s+(?=[a-z]+\s)", part)
        for piece in pieces[1:]:
            if len(piece.split()) >= _MIN_PIECE_WORDS:
                out += generate(piece, names=names)
        clause = parse(part)
        subject = _asked_subject(clause.subject) if clause is not None else None
        if clause is not None and subject is not None:
            verb = (clause.verb or "").lower()
            opener = clause.rest.split(" ", 1)[0].lower().strip(",;:") if clause.rest else ""
            base = base_form(verb) if verb else None
            passive = clause.aux is not None and clause.aux.split()[-1] in (
                "was", "were", "been", "is", "are", "be",
            )  # fmt: skip
            if passive or (clause.aux is None and verb and opener in ("up", "down", "out", "")):
                # "was closed", "wound up its work": something happened to the subject.
                out.append(f"what happened to {subject}")
            elif (
                base
                and base != "say"  # "what did x say" asks nothing: ``rewrite_bare_say``
                and opener
                and opener not in FUNCTION_WORDS
                and opener not in _PRONOUNS
            ):
                if clause.aux is None and is_past(verb):
                    out.append(f"what did {subject} {base}")
                elif clause.aux in ("has", "have"):
                    out.append(f"what {clause.aux} {subject} {verb}")
        for main in _own_things(_main_things(part, people), spread)[:2]:
            out.append(f"what is known about {main}")
    kept: list[str] = []
    seen = set(known)
    for question in (" ".join(q.lower().split()) for q in out):
        if question not in seen and check(question) is None:
            seen.add(question)
            kept.append(question)
    if not kept and not known:
        # Still none: the fact's rarest named thing, however many facts name it; one
        # question naming it is better than none (the answer words alone lose to any
        # sibling whose questions share them). Only then: on a fact with one question, a
        # thing a sibling names too drew that sibling's readers away (tune stories).
        for part in parts:
            for main in _own_things(_main_things(part, people), spread, few=_SHARED):
                question = f"what is known about {main}".lower()
                if question not in seen and check(question) is None:
                    seen.add(question)
                    kept.append(question)
    return kept


def _asked_subject(subject: str) -> str | None:
    """A clause's subject as a question names it, or None if it is a pronoun, a count or too
    long to ask with."""
    words = subject.replace('"', "").split()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    first = words[0].lower()
    if first in _PRONOUNS or first[:1].isdigit() or first in _QUANTIFIERS:
        # "several russian servicemen", "many armenians": some of a kind, no one thing.
        return None
    if not (any(w[:1].isupper() for w in words) or words[0].lower() == "the"):
        return None  # "residents", "many armenians": no thing of its own to ask about
    return " ".join(words).lower()


def _own_things(things: list[str], spread: Mapping[str, int], few: int = 1) -> list[str]:
    """The ``things`` that no more than ``few`` of the story's facts name (``spread``: in how
    many facts each folded word is), rarest first: a general question naming what several
    facts name ("what is known about the president") draws readers asking about the others,
    and costs those facts the clear lead they answer with (measured on the tune stories)."""

    def facts_naming(thing: str) -> int:
        words = [w for w in fold(thing).split() if w not in FUNCTION_WORDS]
        return min((spread.get(w, 0) for w in words), default=_SHARED)

    return sorted((t for t in things if facts_naming(t) <= few), key=facts_naming)


# A people's word before a noun: "the Georgian capital", "a Turkish city", "Chinese state media".
# Asked alone ("what is known about georgian") it is no thing a reader names.
# Adjectives of peoples the demonym reader does not trace to a place ("Turkish", "Japanese").
_ADJECTIVE_ENDINGS = ("ish", "ese")
_NOUN_NEXT = re.compile(r"^\s+[a-z]")


def _people_adjective(name: str, after: str) -> bool:
    """Is ``name`` (a capitalised run, ``after`` what follows it) one word that is a people's
    word set before a lower-case noun?"""
    return (
        " " not in name
        and (is_demonym(name) or name.endswith(_ADJECTIVE_ENDINGS))
        and _NOUN_NEXT.match(after) is not None
        # "Sebastian said", "Sebastian has": a name, the subject of its verb.
        and not _verb_after(after.split()[0].lower())
    )


def _verb_after(word: str) -> bool:
    """Is ``word`` a verb a name is the subject of (a past form, an auxiliary, a saying)?"""
    return is_past(word) or word in AUXILIARIES or word in ("says", "tells", "warns")


def _main_things(part: str, people: Collection[str]) -> list[str]:
    """What ``part`` is about, by name, main first: the people the story names (in full),
    things named before their noun ("the Sudzha gas metering station"), names written
    mid-sentence, else its first "the <noun>"; none inside another."""
    found = [person for person in people if person in part]
    found += [phrase for _noun, phrase in named_things(part)]
    for match in _CAPITALISED_RUN.finditer(part):
        words = match.group().split()
        if match.start() == 0:
            words = words[1:]  # a sentence's first word is capitalised, name or not
        while words and fold(words[0]) in FUNCTION_WORDS:
            words = words[1:]
        name = re.sub(r"['’]s$", "", " ".join(words))
        if len(name) > 2 and not _people_adjective(name, part[match.end() :]):
            found.append(name)
    if not found:
        found += [t for t in (_definite_thing(part),) if t]
    out: list[str] = []
    for thing in found:
        named = set(fold(thing).split())
        if not any(named <= set(fold(o).split()) or set(fold(o).split()) <= named for o in out):
            out.append(thing)
    return out
