"""Names beside role words: who an answer names by an office ("President Ilham Aliyev",
"Mukhtar Babayev, Azerbaijan's minister of ecology"), whether a thing whose name is asked
stands beside a name, and the qualifier that makes a role another one ("defence minister").

Read once per fact, when it is indexed (``answer_kinds.read_answer``), and at question time
for a thing that is no role (``names_beside``).
"""

from __future__ import annotations

import re

from bot.core.answer_tokens import answer_tokens
from bot.core.country_words import country_of
from bot.core.focus_words import (
    DETERMINERS,
    MONTHS,
    NAME_BREAKERS,
    ROLE_WORDS,
    ROLES_AND_BODIES,
    TIME_WORDS,
)
from bot.core.folding import fold
from bot.core.number_words import NUMBER_VALUES
from bot.core.word_edges import WORD_EDGES


def is_named_role(word: str) -> bool:
    """Whether ``word`` is a role or a body answers are read for when indexed (``named_roles``);
    any other thing whose name is asked is looked for beside a name at question time."""
    return word in ROLES_AND_BODIES or " " in word


def names_beside(answer: str, word: str) -> bool:
    """Whether ``word`` (or its plural) stands beside a name in ``answer``: "the Taraclia
    prison", "the prison Sirius", "Sudzha, the small town", "the village of Sudzha"."""
    tokens = answer_tokens(answer)
    lower = [t.lower() for t in tokens]
    forms = (word, word + "s")
    return any(
        token in forms
        and (
            _own_name_at(tokens, index + 1)
            or name_before(tokens, index)
            or (lower[index + 1 : index + 2] == ["of"] and _own_name_at(tokens, index + 2))
        )
        for index, token in enumerate(lower)
    )


# A role asked by a short name that answers spell out: "the new pm" is a prime minister.
ROLE_IN_ANSWERS = {"pm": "prime minister", "premier": "prime minister"}
# Words that make a role another one: a defence minister is not the prime minister, though
# both are ministers ("who is armenia's defence minister" is not answered by a fact naming
# its prime minister).
ROLE_QUALIFIERS = frozenset(
    """
    prime foreign defence defense interior finance economy economic justice health education
    energy ecology environment agriculture culture emergency emergencies transport labour labor
    trade deputy vice retired
    """.split()
)


def qualified_role(words: list[str], index: int, role: str) -> str:
    """The role at ``index`` with the qualifier before it ("defence minister") or after it
    ("minister of defence"), if it has one; else the role word alone."""
    if " " in role:
        return role
    before = words[index - 1] if index > 0 else ""
    following = words[index + 1 : index + 3]
    after = following[1] if len(following) == 2 and following[0] in ("of", "for") else ""
    for qualifier in (before, after):
        if qualifier in ROLE_QUALIFIERS:
            return f"{_SPELLING.get(qualifier, qualifier)} {role}"
    return role


# One spelling of each qualifier, so that a question meets an answer written the other way.
_SPELLING = {
    "defense": "defence",
    "economic": "economy",
    "labor": "labour",
    "emergencies": "emergency",
}


# A name set beside a role after a comma: "Sviatlana Tsikhanouskaya, the opposition leader",
# "Mukhtar Babayev, Azerbaijan's minister of ecology" (a first name and a surname, then up to
# four words before the role).
_APPOSITIVE = re.compile(
    r"([A-Z][\w\u2019'-]*)\s+([A-Z][\w\u2019'-]*),\s+(?:[\w\u2019'-]+\s+){0,4}?("
    + "|".join(sorted(ROLE_WORDS))
    + r")\b"
)
# Punctuation that ends a name written after its role: "Wagner chief Yevgeny Prigozhin, Putin
# said" names Prigozhin.
_NAME_ENDS = tuple(",.;:!?)\u2014")


def titled_people(answer: str) -> tuple[tuple[str, str], ...]:
    """Each person ``answer`` names by an office, as (role word, surname), lower-case:
    "President Vladimir Putin" (Putin is a president), "climate chief Simon Stiell", "Sviatlana
    Tsikhanouskaya, the opposition leader". Another fact of the same story may then name the
    person alone ("Putin said") and still answer "what did the president say"."""
    raw = answer.split()
    out: list[tuple[str, str]] = []
    for index, written in enumerate(raw):
        role = written.strip(WORD_EDGES).lower()
        if role not in ROLE_WORDS or written.endswith(_NAME_ENDS):
            continue
        surname = ""
        for following in raw[index + 1 : index + 5]:
            token = following.strip(WORD_EDGES)
            if _abbreviated(following):
                continue  # a rank or title before the name ("governor Gen. Ivan Petrov")
            possessive = token.endswith(("'s", "\u2019s"))
            if not possessive and not is_name(token):
                break
            surname = token[:-2] if possessive else token
            if possessive or following.endswith(_NAME_ENDS):
                break
        if surname:
            out.append((role, surname.lower()))
    for match in _APPOSITIVE.finditer(answer):
        # A first name and a surname: "In Moscow, the president said" names no president.
        first, name, role = match.groups()
        if is_name(first) and is_name(name):
            out.append((role, name.lower()))
    return tuple(dict.fromkeys(out))


def named_roles(answer: str) -> tuple[str, ...]:
    """Role words in ``answer`` that stand beside a name ("President Ilham Aliyev", "Mukhtar
    Babayev, Azerbaijan's minister of ecology", "climate chief Simon Stiell"). Read sentence by
    sentence: the name ending one sentence is no appositive of a role opening the next ("...hit
    the port near Odesa. Ukraine's agriculture minister said ..." names no minister)."""
    found: list[str] = []
    for sentence in sentences(answer):
        tokens = answer_tokens(sentence)
        found += _roles(tokens, [t.lower() for t in tokens])
    return tuple(dict.fromkeys(found))


# Where one sentence of an answer ends and the next begins: a full stop, question or
# exclamation mark, then a capital (or a quotation mark opening the next).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
# Ranks and titles written short before a name: their full stop ends no sentence ("Lt. Col.
# Ivan Petrov, the battalion's commander").
TITLE_ABBREVIATIONS = frozenset(
    """gen lt col maj capt cpt sgt cpl adm brig cmdr cdr gov sen rep pres dr mr mrs ms prof rev
    fr st jr sr hon insp supt amb""".split()
)


def _abbreviated(written: str) -> bool:
    """Whether ``written`` is a title written short ("Gen.", "Lt.") or an initial ("V.")."""
    if not written.endswith("."):
        return False
    bare = written[:-1].strip(WORD_EDGES)
    return bare.lower() in TITLE_ABBREVIATIONS or (len(bare) == 1 and bare.isupper())


def sentences(answer: str) -> list[str]:
    """The sentences of ``answer``; a title written short or an initial ends none ("Maj. Gen.
    Ivan Popov", "Vladimir V. Putin")."""
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(answer):
        before = out[-1].split() if out else []
        if before and _abbreviated(before[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _roles(tokens: list[str], lower: list[str]) -> tuple[str, ...]:
    if ROLES_AND_BODIES.isdisjoint(lower):
        return ()
    found: list[str] = []
    for index, word in enumerate(lower):
        if word not in ROLES_AND_BODIES:
            continue
        if name_at(tokens, index + 1) or name_before(tokens, index):
            found.append(word)
            qualified = qualified_role(lower, index, ROLE_IN_ANSWERS.get(word, word))
            if qualified != word:
                found.append(qualified)
    return tuple(dict.fromkeys(found))


def _people_or_count(word: str) -> bool:
    """Whether a lower-case word before a role is a country's or a people's word ("the
    Armenian leader", "the Kremlin spokesman") or a number ("Two traffic police officers"): it
    says whose or how many, as an adjective does, and names no one ("Babayev, the Azerbaijani
    minister" is named by the word before it)."""
    return word in NUMBER_VALUES or country_of(fold(word)) is not None


def is_name(token: str) -> bool:
    bare = token.rstrip("'\u2019s").lower() if token.endswith(("'s", "\u2019s")) else token.lower()
    return (
        token[:1].isupper()
        and bare not in MONTHS
        and bare not in TIME_WORDS
        and bare not in NAME_BREAKERS
        and not token.endswith(("'s", "\u2019s"))
        and not _compound_adjective(token)
    )


def _compound_adjective(token: str) -> bool:
    """Whether a capitalised ``token`` is a compound adjective made from a name and a lower-case
    word ("Russian-installed", "Kremlin-backed", "Moscow-appointed", "Soviet-era"): it says who
    stands behind someone, not who they are ("the Russian-installed governor" gives no
    governor's name). A name's own parts are capitalised ("Rostov-on-Don", "Nagorno-Karabakh")."""
    last = token.rsplit("-", 1)[-1] if "-" in token else ""
    return last[:1].islower()


def name_at(tokens: list[str], index: int) -> bool:
    """A name starts at ``index`` (a role word followed by a name: "President Ilham Aliyev")."""
    return index < len(tokens) and is_name(tokens[index])


def _own_name_at(tokens: list[str], index: int) -> bool:
    """A thing's own name starts at ``index``: not a people's word ("two men of Azerbaijani
    nationality" gives no names)."""
    return name_at(tokens, index) and not _people_or_count(tokens[index].lower())


def name_before(tokens: list[str], index: int) -> bool:
    """An appositive before the role: "Mukhtar Babayev, Azerbaijan's minister", "Babayev, the
    foreign minister" (a name, then up to four possessives, determiners or adjectives)."""
    for back in range(1, 5):
        position = index - back
        if position < 0:
            return False
        token = tokens[position]
        lower = token.lower()
        if token.endswith(("'s", "\u2019s")) or lower in DETERMINERS or _people_or_count(lower):
            continue
        if is_name(token):
            return True
        if lower in NAME_BREAKERS or lower.endswith("ed") or not token[:1].isalpha():
            return False
    return False
