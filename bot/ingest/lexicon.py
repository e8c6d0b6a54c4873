"""The little English morphology drafting needs: verb forms, function words, topic nouns.

No tagger model can be loaded at run time here (nothing is downloaded, and the small taggers on
PyPI either fetch their models or bring numpy and a neural model for what a word list does).
News English is regular enough for a table and a few rules:

* verbs: the irregular verbs of news writing in a table (gave/given -> give), regular forms by
  their endings, checked against general-English word frequencies (wordfreq, already used by
  the matcher) to choose between "hoped" -> hope and "stopped" -> stop;
* function words: the matcher's stopwords plus the conjunctions, prepositions, prefixes and
  adverbs that must never be a tag ("although", "aside", "pre");
* topic nouns: what is left after function words, verb forms ("kept", "caused", "ordered",
  "halting"), adjectives by their endings ("largest", "dangerous", "economic") and adverbs
  ("directly") are taken out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core import word_lists
from bot.core.filler_words import STOPWORDS

# base: (past, past participle); both forms may hold alternatives separated by "/".
_IRREGULAR = {
    "arise": ("arose", "arisen"),
    "be": ("was/were", "been"),
    "bear": ("bore", "borne/born"),
    "beat": ("beat", "beaten"),
    "become": ("became", "become"),
    "begin": ("began", "begun"),
    "bind": ("bound", "bound"),
    "bite": ("bit", "bitten"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "build": ("built", "built"),
    "burst": ("burst", "burst"),
    "buy": ("bought", "bought"),
    "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"),
    "come": ("came", "come"),
    "cost": ("cost", "cost"),
    "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"),
    "do": ("did", "done"),
    "draw": ("drew", "drawn"),
    "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"),
    "fall": ("fell", "fallen"),
    "feed": ("fed", "fed"),
    "feel": ("felt", "felt"),
    "fight": ("fought", "fought"),
    "find": ("found", "found"),
    "flee": ("fled", "fled"),
    "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"),
    "forget": ("forgot", "forgotten"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "got/gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "hang": ("hung", "hung"),
    "have": ("had", "had"),
    "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"),
    "know": ("knew", "known"),
    "lay": ("laid", "laid"),
    "lead": ("led", "led"),
    "leave": ("left", "left"),
    "lend": ("lent", "lent"),
    "let": ("let", "let"),
    "lie": ("lay", "lain"),
    "light": ("lit", "lit"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "mean": ("meant", "meant"),
    "meet": ("met", "met"),
    "mislead": ("misled", "misled"),
    "override": ("overrode", "overridden"),
    "overrun": ("overran", "overrun"),
    "oversee": ("oversaw", "overseen"),
    "overtake": ("overtook", "overtaken"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "quit": ("quit", "quit"),
    "read": ("read", "read"),
    "rebuild": ("rebuilt", "rebuilt"),
    "ride": ("rode", "ridden"),
    "ring": ("rang", "rung"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "seek": ("sought", "sought"),
    "sell": ("sold", "sold"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shake": ("shook", "shaken"),
    "shoot": ("shot", "shot"),
    "show": ("showed", "shown"),
    "shut": ("shut", "shut"),
    "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"),
    "sit": ("sat", "sat"),
    "sleep": ("slept", "slept"),
    "slide": ("slid", "slid"),
    "speak": ("spoke", "spoken"),
    "spend": ("spent", "spent"),
    "split": ("split", "split"),
    "spread": ("spread", "spread"),
    "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"),
    "stick": ("stuck", "stuck"),
    "strike": ("struck", "struck"),
    "swear": ("swore", "sworn"),
    "swell": ("swelled", "swollen"),
    "sweep": ("swept", "swept"),
    "swim": ("swam", "swum"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tear": ("tore", "torn"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "throw": ("threw", "thrown"),
    "undergo": ("underwent", "undergone"),
    "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"),
    "wake": ("woke", "woken"),
    "wear": ("wore", "worn"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"),
    "write": ("wrote", "written"),
}
_PAST: dict[str, str] = {}
_PARTICIPLE: dict[str, str] = {}
for _base, (_past, _participle) in _IRREGULAR.items():
    for _form in _past.split("/"):
        _PAST.setdefault(_form, _base)
    for _form in _participle.split("/"):
        _PARTICIPLE.setdefault(_form, _base)

IRREGULAR_PAST = frozenset(_PAST)
"""Irregular simple-past forms ("gave", "kept", "held")."""
IRREGULAR_FORMS = frozenset(_PAST) | frozenset(_PARTICIPLE)

# Verbs that take no object, so never a passive: "were ... died" is not English.
INTRANSITIVE = frozenset(
    """die happen occur arrive fall rise go come remain become appear emerge exist vanish
    disappear surge erupt collapse""".split()
)

AUXILIARIES = frozenset(
    """is are was were be been being has have had do does did will would shall should can
    could may might must""".split()
)
# The auxiliaries a question opens with or moves before its subject ("did X", "has X",
# "could X"); "be", "been" and "being" never are.
QUESTION_AUXILIARIES = AUXILIARIES - {"be", "been", "being"}
# The auxiliaries a verb follows in its bare form ("should provide", "did they have"): the
# modals and "do".
BARE_VERB_AUXILIARIES = frozenset(
    "will would can could should must may might do does did shall".split()
)
# Words that open a clause inside a sentence or a question ("the men who were held", "the law
# that passed", "before the vote was taken").
CLAUSE_OPENERS = frozenset(
    "who whom which that when where while after before as because since until if and or but "
    "whose".split()
)

# Never tags: conjunctions, prepositions, prefixes and adverbs the matcher's stopwords miss.
FUNCTION_WORDS = STOPWORDS | frozenset(
    """although though whereas whether unless upon onto toward towards amid amidst among
    amongst despite within without via per aside apart pre post anti non co ex re semi
    multi inter intra sub vs etc including include includes according also already still
    even ever yet again almost nearly around roughly approximately about instead rather
    quite well much many several few less least more most other others another such every
    either neither nor thus hence therefore however meanwhile moreover furthermore later
    earlier ago since often never always sometimes soon once twice away back further
    far ahead next last first second third fourth fifth one two three four five six seven
    eight nine ten dozen dozens hundred hundreds thousand thousands million millions billion
    billions trillion percent per cent said says say told tells week weeks month months year
    years day days today yesterday tomorrow night morning evening afternoon time times
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december worst best good bad new old
    big small large major main key top former latter latest recent current local national
    international regional foreign public private general special full whole entire certain
    possible likely unlikely only own same different various due abroad aboard afterwards
    along alongside beside besides overnight outright nobody none nothing somebody someone
    anybody anyone everybody everyone
    """.split()
)
# Verb prefixes before an irregular past ("retook", "rewritten", "withheld", "overthrown").
_VERB_PREFIXES = ("re", "over", "under", "out", "mis", "with", "fore", "up")

# -ing words that are nouns in the news ("the flooding", "the ruling").
_ING_NOUNS = frozenset(
    """flooding funding meeting building ruling hearing bombing shooting killing killings
    spending warning opening uprising sentencing training housing landing gathering
    wedding offering briefing setting shipping lending""".split()
)
# Common adjectives that are frequent enough to look like topics by their rarity alone.
COMMON_ADJECTIVES = frozenset(
    """weak strong poor rich heavy light high low long short early late hard easy free fair
    safe unsafe serious severe deadly fatal tragic violent peaceful angry calm quick slow
    sharp rapid huge vast tiny wide narrow deep shallow close open closed direct indirect
    important significant critical crucial similar clear unclear sudden rare common
    independent unofficial civil political economic social legal
    illegal senior junior total partial final initial annual daily weekly monthly
    further additional fresh entire western eastern northern southern central remote nearby
    global domestic temporary permanent formal informal largely directly""".split()
)
# -ive / -ic / -al words that are nouns.
_NOUN_EXCEPTIONS = frozenset(
    """detective representative executive initiative objective offensive explosive relative
    alternative incentive motive archive native republic clinic logic panic traffic topic
    music critic official officials arrival proposal trial approval rival rivals capital
    signal signals festival hospital tribunal council referral withdrawal survival denial
    renewal disposal terminal criminal criminals animal animals individual individuals
    professional professionals principal journal ritual manual rationale""".split()
)
_ADJECTIVE_ENDINGS = (
    "ous",
    "ful",
    "less",
    "ive",
    "able",
    "ible",
    "ical",
    "ic",
    "ial",
    "ual",
)
_NOUN_ENDINGS_OK = ("ment", "ance", "ence", "ency", "ancy", "ist", "ists")


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """How common ``word`` is in English (wordfreq's Zipf scale), kept for words met again;
    read from the one copy of the large list the matcher weighs words by (``word_lists``)."""
    return word_lists.zipf(word, "en")


def _known(word: str, floor: float = 2.5) -> bool:
    return zipf(word) >= floor


# Regular verbs whose stem plus "e" is another word ("aided" is not from "aide").
_ED_NOT_E = frozenset("aided suited posted ended headed seated sided_".split())


def is_superlative(word: str) -> bool:
    """ "largest", "biggest", "earliest": an adjective's -est form (not "protest", "forest")."""
    if not word.endswith("est") or len(word) < 6:
        return False
    stem = word[:-3]
    stems = [word[:-2], stem]
    if stem.endswith("i"):
        stems.append(stem[:-1] + "y")  # earliest -> early
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.append(stem[:-1])  # biggest -> big
    return any(s not in STOPWORDS and zipf(s) >= 4.8 for s in stems if len(s) >= 3)


def _graded(word: str) -> bool:
    """A common adjective's -er or -est form ("harder", "wider", "poorer", "narrowest"),
    which ``is_superlative``'s frequency test misses for the rarer ones; nouns in -er
    ("border", "officer", "water") are no adjective's form."""
    for ending in ("er", "est"):
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        stems = {stem, stem + "e"}
        if stem.endswith("i"):
            stems.add(stem[:-1] + "y")  # heavier -> heavy
        if len(stem) > 2 and stem[-1] == stem[-2]:
            stems.add(stem[:-1])  # bigger -> big
        if stems & COMMON_ADJECTIVES:
            return True
    return False


def base_form(word: str) -> str | None:
    """The base form of a verb form ("gave" -> give, "evacuated" -> evacuate, "died" -> die,
    "says" -> say), or None if ``word`` is not recognisably a past, participle or -s form."""
    word = word.lower()
    if word in _PAST:
        return _PAST[word]
    if word in _PARTICIPLE:
        return _PARTICIPLE[word]
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 3:
        stem = word[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            # stopped -> stop, planned -> plan; killed -> kill, passed -> pass
            single = stem[:-1]
            return single if zipf(single) > zipf(stem) else stem
        with_e = word[:-1]
        if word in _ED_NOT_E:
            return stem
        if with_e.endswith("e") and _known(with_e, 3.0):
            return with_e  # hoped -> hope, noted -> note, used -> use
        if _known(stem) or not _known(with_e):
            return stem
        return with_e
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return None


def ing_base(word: str) -> str | None:
    """The base form of an -ing form: "flooding" -> flood, "forcing" -> force, "stopping" ->
    stop; None if ``word`` is not one."""
    word = word.lower()
    if not word.endswith("ing") or len(word) < 5:
        return None
    stem = word[:-3]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    candidates = [stem, stem + "e"]
    return max(candidates, key=zipf) if any(_known(c) for c in candidates) else stem


def could_be_verb(base: str) -> bool:
    """Is ``base`` a verb at all? Its past or -ing form is a word people write ("state" ->
    stated; "economy" has neither)."""
    if base in _IRREGULAR or base in AUXILIARIES:
        return True
    ing = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else base + "ing"
    return _known(regular_past(base), 2.8) or _known(ing, 2.8)


def past_participle(base: str) -> str:
    if base in _IRREGULAR:
        return _IRREGULAR[base][1].split("/")[0]
    return regular_past(base)


def present_participle(base: str) -> str:
    """ "lead" -> "leading", "hold" -> "holding", "run" -> "running", "raise" -> "raising"."""
    if base.endswith("ie"):
        return f"{base[:-2]}ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return f"{base[:-1]}ing"
    short = 3 <= len(base) <= 4
    if short and base[-1] in "bdgmnprt" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        return f"{base}{base[-1]}ing"  # a short syllable closed by one consonant doubles it
    return f"{base}ing"


def regular_past(base: str) -> str:
    if base in _IRREGULAR:
        return _IRREGULAR[base][0].split("/")[0]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def simple_past(base: str) -> str:
    """ "admit" -> "admitted", "open" -> "opened", "take" -> "took": of the spellings the
    rules allow, the one people write."""
    if base in _IRREGULAR:
        return regular_past(base)
    plain = regular_past(base)
    doubled = f"{base}{base[-1]}ed" if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", base) else plain
    return max((plain, doubled), key=zipf)


def is_past(word: str) -> bool:
    """A simple-past or past-participle form: "kept", "ordered", "died"."""
    word = word.lower()
    if word in IRREGULAR_FORMS:
        return True
    if word in _NOUN_EXCEPTIONS or not word.endswith("ed") or len(word) < 4:
        return False
    return len(word) > 4 or base_form(word) in INTRANSITIVE  # "died", "tied"


def _prefixed_past(word: str) -> bool:
    """Is ``word`` a prefixed verb's irregular past ("retook", "rewritten", "withheld")? Not a
    noun whose tail is a base form as well ("outcome", "reset", "upset")."""
    for prefix in _VERB_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3 and rest in IRREGULAR_FORMS:
            return base_form(rest) != rest
    return False


def is_topic_noun(word: str) -> bool:
    """Could ``word`` (folded, lower-case) be a topic noun, worth a tag? Never a function
    word, a verb form ("kept", "caused", "halting") or an adjective or adverb by its ending
    ("largest", "directly")."""
    if len(word) < 3 or word in FUNCTION_WORDS or not word.isalpha():
        return False
    if word in COMMON_ADJECTIVES:
        return False
    if word in _NOUN_EXCEPTIONS or word in _ING_NOUNS:
        return True
    if word in IRREGULAR_FORMS or word in AUXILIARIES or _prefixed_past(word):
        return False
    if word.endswith(("ed", "ly")):
        return False
    if word.endswith("ing") or is_superlative(word) or _graded(word):
        return False
    if word.endswith(_NOUN_ENDINGS_OK):
        return True
    return not word.endswith(_ADJECTIVE_ENDINGS)


# ------------------------------------------------------------------ plain words readers use
#
# Articles say "the dam gave way" and "the talks ran 30 hours over schedule"; readers ask "when
# did the dam break" and "why did the talks go into overtime". No thesaurus (WordNet) is
# installed, and a general one would offer "give" -> "yield" anyway: what is wanted is the
# plain noun for a news phrasal verb, which this table gives. Its words become tags, so they
# are nouns (or noun-and-verb words such as "burst"), never a bare verb form.
_PHRASAL_PLAIN: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (r"\b(?:gave|given|give|gives|giving) way\b", ("breach", "collapse", "burst")),
        (
            r"\b(?:ran|run|runs|running)\b[^.;]{0,40}\bover(?: schedule| time)?\b",
            ("overtime", "delay"),
        ),
        (r"\bover(?:ran|run|runs)\b", ("overtime", "delay")),
        (r"\b(?:walked|walk|walks|stormed) out\b", ("walkout",)),
        (r"\b(?:stepped|steps|step) down\b", ("resignation",)),
        (r"\b(?:pulled|pulls|pull) out\b", ("withdrawal",)),
        (r"\b(?:cracked|cracks|crack) down\b", ("crackdown",)),
        (r"\b(?:shut|shuts) down\b", ("shutdown",)),
        (r"\b(?:called|calls|call) off\b", ("cancellation",)),
        (r"\b(?:broke|breaks|broken) out\b", ("outbreak",)),
        (r"\b(?:boiled|boils) over\b", ("anger",)),
        (r"\b(?:gavelled|gaveled) through\b", ("adoption",)),
        (r"\b(?:voted|votes) down\b", ("rejection",)),
    )
)


# What is said or decided, which "dismissed" rejects rather than fires.
_SAID_NOUNS = (
    "claims?|reports?|allegations?|accusations?|charges?|criticism|concerns?|suggestions?|"
    "calls?|idea|ideas|threats?|warnings?|fears?|rumou?rs?|vote|votes|election|elections|"
    "results?|poll|polls|ballot|referendum|proposals?|offers?|appeals?|case|cases|lawsuits?"
)
# Single news verbs and the plain nouns of what readers type for them ("who got fired" of
# "dismissed the head of ..."; "how many were rescued" of "freed 58 people"). Only verbs whose
# everyday word the matcher's own news paraphrase (``bot.core.news_words``) does not already
# join, and only nouns: the stemmer meets the reader's verb in them ("fired" ~ "firing").
_VERB_PLAIN: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        # (Not "dismissed the vote as a sham", "dismissed the claims": rejected, no one fired.)
        (
            r"\b(?:sack(?:ed|s)?|oust(?:ed|s)?)\b|\bdismiss(?:ed|es)?\b(?!(?:\s+[\w'-]+){0,5}?\s+as\b)"
            rf"(?!\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|such\s+|these\s+)?(?:\w+\s+)?"
            rf"(?:{_SAID_NOUNS})\b)",
            ("firing", "dismissal"),
        ),
        (r"\b(?:freed|frees|free) \d", ("rescue", "release")),
        (r"\b(?:rescued|rescues)\b", ("rescue",)),
        (r"\b(?:postponed|postpones|postpone|delayed)\b", ("delay", "postponement")),
        (r"\b(?:scrapped|scraps|cancelled|canceled|cancels)\b", ("cancellation",)),
        (r"\b(?:raise|raised|raises|hike|hiked|increase|increased)\b", ("increase", "rise")),
        (r"\b(?:barred|bars|banned|bans)\b", ("ban",)),
        (r"\b(?:seized|seizes|confiscated)\b", ("seizure",)),
        # ("sit on two chairs": the noun; the verb takes its body after it.)
        (r"\b(?:chaired|presided)\b|\bchairs\s+(?:the|a|an|its)\b", ("chair", "head")),
        (r"\b(?:withdrew|withdrawn|withdraws)\b", ("withdrawal",)),
        (r"\b(?:restored|restores|reopened|reopens)\b", ("restoration", "reopening")),
        (r"\b(?:closed|shut|closes)\b", ("closure",)),
    )
)


# Word endings that are also words of their own: "stat|ions", "host|ages", "elect|oral" are
# one word with a suffix, no compound.
_SUFFIX_TAILS = frozenset(
    """ment ments ness ship less able ing ers ions ants ages ties some lets oral ward""".split()
)


def _compound_head(word: str) -> str | None:
    """The first word of a closed compound a reader may type alone: "snowfall" -> snow,
    "meltwater" -> melt, "riverside" -> river. Both halves must be common English words, so
    "shelters" or "earthen" are never split."""
    if len(word) < 7 or not word.isalpha():
        return None
    # Both halves four letters or more: a three-letter tail is a suffix or a name far more
    # often than a word ("russ|ian", "commit|tee", "edit|ion", "members|hip").
    for cut in range(4, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        if (
            head not in FUNCTION_WORDS
            and is_topic_noun(head)
            and zipf(head) >= 3.5
            and zipf(tail) >= 3.5
            and tail not in _SUFFIX_TAILS
        ):
            return head
    return None


def plain_words(text: str, tags: list[str]) -> list[str]:
    """Plain-word tags for ``text`` that its own words are not: the nouns of its phrasal
    verbs ("gave way" -> breach), and the heads of its compound topic words ("snowpack" ->
    snow). In order, without those already in ``tags``."""
    folded = " ".join(text.lower().split())
    out: dict[str, None] = {}
    for pattern, words in (*_PHRASAL_PLAIN, *_VERB_PLAIN):
        if pattern.search(folded):
            out.update(dict.fromkeys(words))
    for tag in tags:
        head = _compound_head(tag)
        if head is not None:
            out.setdefault(head, None)
    return [w for w in out if w not in tags]
