"""Word classes that reading a news sentence, cutting its predicate, writing its questions and
checking them all lean on: words a phrase never ends on, determiners, verbs of saying, past
forms that are no participle, and the dummy "it" that stands for a clause after it.
"""

from __future__ import annotations

import re

from bot.ingest import dates
from bot.ingest.lexicon import IRREGULAR_PAST, base_form, past_participle

MONTHS_AND_DAYS = f"{dates.MONTHS}|{dates.WEEKDAYS}"

# Verbs that report speech: what follows them is what was said.
SAY_VERBS = frozenset(
    """say said says note notes noted told tells announced warned acknowledged confirmed reported
    stated claimed added insisted argued described describes called calls accused urged
    denied concluded concludes countered counters stressed signalled signaled indicated
    suggested""".split()
)

# The verbs whose clause may follow without "that" ("described the floods as" has none).
SAID = frozenset("say says said added adds warned warns insisted argued claimed".split())

# Words a phrase or a question never ends on: they wait for what comes after them.
DANGLING = frozenset(
    """a an the of in on at to for from with by and or but as than that which who whose
    although though while because if its their his her our your this these those into onto
    under about between against during without within per via is are was were be been
    has have had do does did will would can could should may might must not no
    he she they we""".split()
)

# Words that open a noun phrase.
DETERMINERS = frozenset("the a an its their his her these those this that".split())

# Irregular past forms that are no base form as well ("put" and "come" are both): after "did"
# they are a mistake.
PAST_ONLY = IRREGULAR_PAST - {"put", "set", "cut", "hit", "let", "read", "quit", "shut",
                               "cost", "burst", "hurt", "spread", "split", "beat", "come",
                               "run", "become"}  # fmt: skip

# Prepositions that open an adjunct.
PREPOSITIONS = frozenset(
    "of in on at for from with by into onto over under about against during without within".split()
)

# What "it" is said of when it stands for a clause after it ("it made no difference whether
# ...", "it was not clear if ..."): never an actor's deed.
DUMMY_IT = re.compile(
    r"^(?:is|was|would be|will be|could be|may be|remains|remained|seems|seemed|made|makes|"
    r"would make|has been|had been)\s+(?:not\s+|still\s+|now\s+)?(?:no\s+|little\s+|any\s+|"
    r"a\s+)?(?:difference|sense|clear|unclear|important|possible|impossible|necessary|"
    r"time|too early|too late|hard|difficult|easy|true|false|obvious|known|unknown)\b"
)

# What starts a predicate's adjunct or clause, not its object.
NOT_OBJECT = frozenset(
    """in on at to that for by from with as over after before during into out up down away
    off back through since until about across against among around behind near under
    if whether when where while because although than and or but not never also still
    more less most further""".split()
)

# Possessive determiners: whose the noun after them is.
POSSESSIVES = frozenset("her his its their our my your".split())

# Verbs of deciding and finding, whose object is a clause (with "that" or without it).
THAT_VERBS = frozenset(
    """agreed decided concluded ruled found promised pledged insisted warned announced
    confirmed ordered argued replied reply replies""".split()
)


def simple_past_only(word: str) -> bool:
    """Is ``word`` a past tense that is no participle ("flew", "went"; not "shot", "held",
    which may end a phrase such as "a video apparently shot in africa")?"""
    base = base_form(word) if word in PAST_ONLY else None
    return base is not None and past_participle(base) != word
