"""Words and set phrases that say how someone asks, not what about: English stopwords and
filler, English phrases that only say "now", and the Russian and Azerbaijani set phrases of
asking ("в общих чертах"). Dropped from questions and facts alike.
"""

from __future__ import annotations

import re

# Question words, filler and function words: they say how someone asks, not what about. Not
# "before": "relations before the dispute" asks about then, and meets the fact that tells of
# it ("Before the dispute, ...") rather than the one on how things stand now. ("now" and
# "after" stay: kept as words they cost more answers on the tune questions than they won.)
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    being below between both but by can cannot could couldn did didn do does doesn
    doing don down during each few for from further had hadn has hasn have haven having he
    her here hers herself him himself his how i if in into is isn it its itself just let
    lets me more most my myself no nor not now of off on once only or other ought our ours
    ourselves out over own same shan she should shouldn so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was wasn we were weren what when where which while who whom whose why will with won
    would wouldn you your yours yourself yourselves hey hi hello bot newsdesk please pls plz
    tell know explain anyone someone somebody question wondering wonder curious quick thanks
    thank ok okay yeah yes um uh hmm guys folks s t d ll m re ve y
    """.split()
)

# Set phrases of Russian and Azerbaijani that say how someone asks, not what about ("in
# general terms", "in two words", "bring me up to speed", "in a word"), each word as the
# lower-cased text has it (Azerbaijani as typed without its special letters). Their words
# alone may be topics ("черта", a line; "курс", a rate), so only the whole phrase is dropped.
# One a synonym group lists is read as its group's term instead (``Analyzer``): the seed's
# summary group holds "в общих чертах", "в двух словах", "bir sözlə" beside "outline" and
# "nutshell", which English reads as a request for the whole story.
FILLER_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "ru": tuple(
        tuple(phrase.split())
        for phrase in (
            "в общих чертах",
            "в двух словах",
            "в курс дела",
            "в курсе дела",
            "если коротко",
            "если кратко",
            "по сути",
            "на данный момент",
            "кто в теме",
            "кто шарит",
            # Function phrases whose words alone are topics ("число", a number or date;
            # "дело", a case; "мера", a measure; "случай", an incident): "including",
            # "in fact", "at least", "nevertheless", "in any case".
            "в том числе",
            "на самом деле",
            "по крайней мере",
            "тем не менее",
            "в любом случае",
            # "это всё из одной оперы" (it is all of a piece), "из другой оперы" (unrelated):
            # "опера" alone is an opera, and stemmed it meets "operation".
            "из одной оперы",
            "из той же оперы",
            "из другой оперы",
            # "о каком соглашении идёт речь": which agreement; "речь" alone is a speech.
            "идет речь",
            "идёт речь",
        )
    ),
    # "ay uşaqlar", "ay dostlar" (hey guys, hey friends): the asker calling the channel, as
    # English's "guys" and Russian's "ребята"; "uşaqlar" alone stays children.
    "az": tuple(
        tuple(phrase.split())
        for phrase in (
            "umumi sekilde",
            "bir sozle",
            "ay usaqlar",
            "ay dostlar",
            "ay qardaslar",
            "ay qardas",
            "ay camaat",
        )
    ),
}

# English set phrases that only say "now", as the stopword "now" does: "right" in "who runs it
# right now" (or "rn") is not the "right" of "human rights" or "the right to secede".
EN_FILLER_PHRASES = re.compile(r"\b(?:right now|at the moment|at this point|as of now)\b")

# Words that say how someone asks rather than what about, dropped from questions and facts
# alike (kept apart from STOPWORDS, which drafting from articles also uses).
FILLER = frozenset(
    """
    even actually basically really literally seriously probably definitely honestly exactly
    stuff thing things whole brief briefly explanation explanations details detail
    information update updates guy guys anyway many much something anything everything
    according accordingly accordance quite per
    """.split()
)
