"""How an article uses its words: as the head of a noun phrase, or as a verb.

Tags must be topic nouns (issue 12, point 4). ``lexicon.is_topic_noun`` rules out function
words, verb forms and adjectives by their endings, which "immediate", "vague", "harsh",
"recognise" or "sooner" do not have. The article itself tells: a noun heads a noun phrase
somewhere ("a minute of silence", "its drift away from Russia", "two chairs"). A word that never
does is no tag when the article uses it as a verb ("will not recognise", "to cope") or when it
is an adjective, which an everyday -ly adverb made from it shows ("immediately", "vaguely");
other words are kept ("cut emissions": no determiner before it, a noun all the same).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.english_stems import has_everyday_adverb
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.ingest.lexicon import is_topic_noun, zipf

# What opens a noun phrase: a determiner, a possessive, a number or a preposition.
_OPENERS = frozenset(
    """the a an this these those its their his her our my your no every each some any
    several many few more most all both another other such of in on at for from with by over
    into onto against about under after before during without through between among amid
    despite towards toward across""".split()
)
# What a verb's base form follows: a modal, "not", do-support ("to" may be a preposition).
_BEFORE_VERBS = frozenset(
    "will would can could should must may might shall not did does do".split()
)
_WORDS = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*|[^\w\s]")
# Words a noun phrase's head may follow after its opener: capitalised names and lower-case
# modifiers ("the COP29 climate talks", "its immediate effect").
_SKIPPED = 3


@dataclass(frozen=True, slots=True)
class NounUses:
    """The folded words an article uses as a noun phrase's head, and as a verb."""

    heads: frozenset[str]
    verbs: frozenset[str]

    @classmethod
    def of(cls, sentences: Iterable[str]) -> NounUses:
        heads: set[str] = set()
        verbs: set[str] = set()
        for sentence in sentences:
            tokens = _WORDS.findall(sentence)
            if tokens and _common(tokens[0]):
                tokens[0] = tokens[0].lower()  # "Membership obliges ...": no name
            tokens.insert(0, "the")  # a sentence opens a noun phrase too
            last_head = -2
            for index, token in enumerate(tokens[:-1]):
                opener = token.lower()
                following = tokens[index + 1]
                if opener in _BEFORE_VERBS and following.isalpha() and following.islower():
                    verbs.add(fold(following))
                # ("its democracy, prosperity and security": a list of heads.)
                listed = opener in (",", "and", "or") and last_head == index - 1
                opens = opener in _OPENERS or token[:1].isdigit() or _possessive(token)
                if listed or opens:
                    head = _head(tokens, index + 1)
                    if head is not None:
                        heads.add(head[0])
                        last_head = head[1]
        return cls(frozenset(heads), frozenset(verbs - heads))

    def tag_worthy(self, word: str) -> bool:
        """Can ``word`` (folded) be a tag by how the article uses it?"""
        if word in self.heads:
            return True
        return not has_everyday_adverb(word) and word not in self.verbs


def _head(tokens: list[str], at: int) -> tuple[str, int] | None:
    """The head of the noun phrase starting at ``at`` and where it is, if a lower-case word
    (or a lower-case possessive, "the nation's") ends it."""
    for _ in range(_SKIPPED + 1):
        if at >= len(tokens):
            return None
        token = tokens[at]
        owner = _possessive(token)
        bare = re.sub(r"['’]s$", "", token)
        if bare[:1].isupper() and bare.replace("-", "").isalpha():
            at += 1  # a name before the noun: "the COP29 climate talks"
            continue
        if not bare.isalpha() or not bare.islower():
            return None
        following = tokens[at + 1] if at + 1 < len(tokens) else ""
        if not owner and _goes_on(following):
            at += 1
            continue
        return fold(bare), at
    return None


def _common(word: str) -> bool:
    """Is ``word``, capitalised at a sentence's start, an everyday English word?"""
    return word.isalpha() and zipf(word.lower()) >= _COMMON_ZIPF


_COMMON_ZIPF = 4.0


def _possessive(token: str) -> bool:
    return re.search(r"['’]s$", token) is not None


def _goes_on(token: str) -> bool:
    """Does the noun phrase go on with ``token`` ("effect" after "immediate", "general" after
    "vague"), rather than end before it (a preposition, a verb, a conjunction, punctuation)?"""
    return (
        token.isalpha()
        and token.islower()
        and token not in STOPWORDS
        and (is_topic_noun(token) or token in _ADJECTIVE_FUNCTION_WORDS)
    )


# Function words (``lexicon.FUNCTION_WORDS``) that stand before a noun as adjectives do ("vague
# general statements"), unlike "last" or "next" after one ("its purpose last September").
_ADJECTIVE_FUNCTION_WORDS = frozenset(
    """good bad new old big small large major main key top former latter latest recent current
    local national international regional foreign public private general special full whole
    entire certain possible likely own same different various""".split()
)
