"""Is a drafted question well-formed English? ``problem`` says why not, or None.

Every question the drafter writes passes it; the word-order checks of ``question_grammar``
are its last step.
"""

from __future__ import annotations

import itertools
import re

from bot.ingest.clause_words import DANGLING, DETERMINERS, DUMMY_IT, PAST_ONLY, simple_past_only
from bot.ingest.lexicon import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    INTRANSITIVE,
    IRREGULAR_FORMS,
    IRREGULAR_PAST,
    QUESTION_AUXILIARIES,
    base_form,
    could_be_verb,
    ing_base,
    is_past,
)
from bot.ingest.question_fragments import fragment_problem
from bot.ingest.question_grammar import grammar_problem

MAX_QUESTION_WORDS = 16


MIN_QUESTION_WORDS = 4


_WH = frozenset("who whom whose what when where why how which".split())


_ADVERB_AFTER_AUX = frozenset(
    "then also still just already now not in on at after before during for since by".split()
)


_CONJUNCTIONS = frozenset("although though while whereas because and but or if so yet".split())


# Verbs that take an object and a participle after it: "ordered him held in custody", "wants
# it done", "had them removed".
_OBJECT_PARTICIPLE_VERBS = frozenset("order want have get see keep leave find need".split())
_OBJECT_PRONOUNS = frozenset("him her them it us me".split())


def _object_participle(words: list[str], at: int) -> bool:
    """Whether ``words[at]`` is a participle after a verb's pronoun object ("order him held"),
    not a second past tense."""
    word = words[at]
    return (
        at >= 2
        and words[at - 1] in _OBJECT_PRONOUNS
        and words[at - 2] in _OBJECT_PARTICIPLE_VERBS
        and not simple_past_only(word)
        and is_past(word)
    )


def problem(question: str) -> str | None:
    """Why ``question`` is not a well-formed English question, or None if it is.

    Checked: length; it opens with a question word or an auxiliary; after "when", "where",
    "why" and "how" comes an auxiliary, after "who"/"what" a verb; who and what take a
    singular verb; no conjunction left at the start of its body ("was although ..."); no
    auxiliary doubled with a past tense ("were three people died", "did X gave"); no two
    finite verbs in a row ("what held were"); balanced quotes and brackets; one sentence; it
    does not break off at a function word; and the word-order checks of ``question_grammar``
    (no adverb or preposition where the subject goes, no second finite verb left behind, no
    two noun phrases in a row).
    """
    text = question.strip().rstrip("?").strip()
    words = [w.strip(",") for w in text.lower().split()]
    found = _form_problem(text, words) or _phrasing_problem(text, words) or fragment_problem(words)
    if found is not None:
        return found
    if words[0] == "how" and words[1] in ("long", "big", "large"):
        # "how long will ...", "how big was the crowd": the auxiliary after the adjective.
        words = ["how", *words[2:]]
    return (
        _question_word_problem(words)
        or _verb_problem(words)
        or _auxiliary_problem(words)
        or grammar_problem(text)
    )


def _form_problem(text: str, words: list[str]) -> str | None:
    """What is wrong with the question as a whole: its length, its quotes and brackets, more
    than one sentence, its first word, or its breaking off at a function word."""
    if not MIN_QUESTION_WORDS <= len(words) <= MAX_QUESTION_WORDS:
        return "too short" if len(words) < MIN_QUESTION_WORDS else "too long"
    if text.count('"') % 2 or text.count("(") != text.count(")"):
        return "unbalanced quotes or brackets"
    if re.search(r"[.!?;:]\s|\s-\s|\s\u2014\s", text):
        return "more than one sentence"
    first = words[0]
    if first not in _WH and first not in QUESTION_AUXILIARIES:
        return "does not open with a question word or auxiliary"
    if words[-1] in DANGLING and words[-2:] != ["to", "do"]:  # "what do they plan to do"
        return f"breaks off at '{words[-1]}'"
    if words[-1].endswith(("'s", "’s")):
        return f"breaks off at the possessive '{words[-1]}'"  # "... recognise the court's"
    return None


def _phrasing_problem(text: str, words: list[str]) -> str | None:
    """A word out of place: a conjunction at the start, a word doubled, an adverb where the
    subject goes, a comma that opens no list, a dummy "it" or a participle's clause asked
    as the subject."""
    first = words[0]
    if words[1] in _CONJUNCTIONS or (len(words) > 2 and words[1] in QUESTION_AUXILIARIES
                                     and words[2] in _CONJUNCTIONS):  # fmt: skip
        return "a conjunction left at the start"
    if any(a == b for a, b in itertools.pairwise(words)):
        return "a word doubled"
    if len(words) > 2 and words[1] in QUESTION_AUXILIARIES and words[2] in _ADVERB_AFTER_AUX:
        return f"no subject after '{words[1]}'"
    if first in QUESTION_AUXILIARIES and words[1] in (_ADVERB_AFTER_AUX | {"only"}) - {"not"}:
        # "had in a video address he been ...", "did only last he admit ...": a yes/no
        # question's subject comes right after its auxiliary.
        return f"no subject after '{first}'"
    for comma in re.finditer(r",\s", text):
        # A comma in a question is a list's ("delegates, observers and journalists"); any
        # other is a clause or an aside left open ("did x, leader of the party come").
        if not re.match(r"(?:[\w'-]+\s+){0,3}?(?:and|or)\s", text[comma.end() :].lower()):
            return "a comma that opens no list"
    if (
        first in ("who", "what")
        and DUMMY_IT.match(" ".join(words[1:]))
        and {"whether", "if", "that", "to"} & set(words[3:])
    ):
        return "a dummy 'it' asked as an actor"
    if _participle_subject(words, text):
        return "a participle's clause as the subject"
    return None


def _question_word_problem(words: list[str]) -> str | None:
    """What the question word asks for missing: an auxiliary after "when", "where", "why"
    and "how", a plural verb and a verb at all after "how many", a singular verb and a verb
    at all after "who" and "what"; ``words``: "how long" and "how big" read as "how"."""
    first = words[0]
    asks_how = first in ("when", "where", "why") or (
        first == "how" and words[1] not in ("many", "much")
    )
    if asks_how and words[1] not in QUESTION_AUXILIARIES:
        return f"no auxiliary after '{first}'"
    singular = ("is", "was", "has", "does")
    if (
        first == "how"
        and words[1] == "many"
        and (words[2] in singular or (words[3] in singular and not _subject_after(words[4:])))
    ):
        return "'how many' takes a plural verb"
    if any(w.rstrip(",").isdigit() and w.endswith(",") for w in words[1:3]):
        return "a number left at the start"
    if first == "how" and words[1] in ("many", "much"):
        window = words[2:7]
        if not any(w in QUESTION_AUXILIARIES or _looks_finite(w) for w in window):
            return f"no verb after 'how {words[1]}'"
    if first in ("who", "what"):
        second = words[1]
        # ("what do officials say" and "what do they plan to do" are object questions.)
        say_or_do = "say" in words[3:] or words[-2:] == ["to", "do"]
        plural = second in ("were", "are", "have") or (second == "do" and not say_or_do)
        if plural and words[2] not in DETERMINERS:
            return f"'{first} {second}': who and what take a singular verb"
        if not (second in QUESTION_AUXILIARIES or _looks_finite(second)) and first == "who":
            return "no verb after 'who'"
        verb_second = second in QUESTION_AUXILIARIES or _looks_finite(second)
        # "what regions include ...": a noun, then the verb
        verb_third = words[2] in QUESTION_AUXILIARIES or _looks_finite(words[2])
        if first == "what" and not verb_second and not verb_third:
            return "no verb after 'what'"
    return None


def _verb_problem(words: list[str]) -> str | None:
    """Two finite verbs in a row ("what held were"), or a subject's participle phrase taken
    for the verb with the sentence's own past tense left in."""
    for index, word in enumerate(words[:-1]):
        following = words[index + 1]
        if (
            _looks_finite(word)
            and not word.endswith("s")
            and following in QUESTION_AUXILIARIES
            and word not in AUXILIARIES
            and index > 0
        ):
            return f"two verbs in a row ('{word} {following}')"
    first = words[0]
    if first in ("who", "what") and len(words) > 3 and words[2] in _PARTICIPLE_PHRASE:
        # "who sent to the capital by the alliance flew home": the participle of a subject's
        # phrase taken for the verb, and the sentence's own past tense left in.
        for word in words[3:]:
            if word in QUESTION_AUXILIARIES or word in CLAUSE_OPENERS:
                break
            if simple_past_only(word):
                return f"two verbs ('{words[1]}' ... '{word}')"
    return None


def _auxiliary_problem(words: list[str]) -> str | None:
    """An auxiliary doubled with a past tense: "were three people died", "did x gave"."""
    aux_at = [i for i, w in enumerate(words) if w in QUESTION_AUXILIARIES]
    for index in aux_at:
        after = words[index + 1 : index + 3]
        if len(after) == 2 and after[0] in _POINTING and after[1] in _COPULAS:
            # "when did that is far longer than ... promise": a copula sentence ("That is far
            # longer than the month promised on Monday") read as if its participle were the
            # verb; a pointing word's own verb right after the auxiliary is never English.
            return f"'{words[index]} {words[index + 1]} {words[index + 2]}': two finite verbs"
        tail = words[index + 1 : index + 9]
        for at, word in enumerate(tail, start=index + 1):
            if word in QUESTION_AUXILIARIES:
                break
            if _object_participle(words, at):
                continue  # "did the court order him held": the participle is the object's
            base = base_form(word) if is_past(word) else None
            if word == base and words[index] in ("did", "does", "do"):
                continue  # "did the slide come down": a participle that is also the base form
            if base in INTRANSITIVE and words[index] not in ("has", "have", "had"):
                return f"'{words[index]} ... {word}': doubled auxiliary"
            if words[index] in ("did", "does", "do") and word in PAST_ONLY:
                return f"'{words[index]} ... {word}': past tense after do-support"
        if words[index] in ("did", "does", "do"):
            # Past its first eight words too: a subject holding a participle's phrase ("did the
            # soldiers send to the capital by the alliance flew home") puts the sentence's own
            # verb further on. A clause of its own ("... the men who fled") may have one.
            for word in words[index + 9 :]:
                if word in QUESTION_AUXILIARIES or word in CLAUSE_OPENERS:
                    break
                if simple_past_only(word):
                    return f"'{words[index]} ... {word}': past tense after do-support"
    return None


def _participle_subject(words: list[str], text: str) -> bool:
    """Does the question's subject open with an -ing participle's clause that a comma closes
    ("what did speaking to reporters on monday, the mayor say")? A gerund subject has no
    comma after it ("did voting end at 8 pm")."""
    at = 1 if words[0] in QUESTION_AUXILIARIES else 2 if words[1] in QUESTION_AUXILIARIES else None
    if at is None or at >= len(words) or not words[at].endswith("ing"):
        return False
    base = ing_base(words[at])
    return base is not None and could_be_verb(base) and "," in text.split(maxsplit=at + 1)[-1]


# Pointing words that stand as a subject alone ("that is ..."), and the copulas they take.
_POINTING = frozenset("that this it".split())
_COPULAS = frozenset("is are was were".split())


# What opens a participle's phrase inside a subject ("sent to", "detained in", "led by").
_PARTICIPLE_PHRASE = frozenset("to by in into from at near under during".split())


def _subject_after(words: list[str]) -> bool:
    """Does a subject of its own follow the auxiliary after "how many <noun>"? Then the
    counted noun is the object and the auxiliary agrees with that subject ("how many people
    has the governor pardoned"); a participle, "been" or nothing there means the counted noun
    is the subject ("how many people has died")."""
    if len(words) < 2:
        return False  # a subject and then its verb: "how many negotiators is states" has none
    word = words[0]
    if word in _NO_SUBJECT_WORDS or word.endswith("ing") or word in IRREGULAR_FORMS:
        return False
    return not is_past(word)


# What stands after an auxiliary whose subject is the counted noun ("was not found").
_NO_SUBJECT_WORDS = frozenset("been being not no never still also dead missing there".split())


def _looks_finite(word: str) -> bool:
    return (
        word in IRREGULAR_PAST
        or (word.endswith("ed") and len(word) > 3)
        or (
            word.endswith("s")
            and not word.endswith("ss")
            and base_form(word) is not None
            and len(word) > 3
        )
    )
