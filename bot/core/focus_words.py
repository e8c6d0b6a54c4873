"""The English words the focus reads questions and answers by: numbers, months, time words,
units, currencies, cause and speech words, role and body words, attribute words. Data only,
in one place (``bot.core.focus`` reads questions by them, ``bot.core.answer_kinds`` answers).
"""

from __future__ import annotations

# The words an English question asks with ("whats": "what's" typed without its apostrophe).
QUESTION_WORDS = frozenset("who whom whose what whats which where when why how".split())
# Not "both": "Russia and Azerbaijan have both arrested nationals" says that two sides did
# something, which is no count of what a "how many" asks (the nationals).
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions trillion trillions
    dozen dozens half quarter single twice once
    """.split()
)
# Month words (folded) and the month each stands for.
MONTH_NUMBERS: dict[str, int] = {
    month: number
    for number, months in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for month in months
}
MONTHS = frozenset(MONTH_NUMBERS)
TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    morning evening afternoon night midnight noon dawn weekend week month year decade century
    spring summer autumn winter ago earlier later since until recently currently
    """.split()
)
FUTURE_WORDS = frozenset(
    """
    will next planned plan plans expected expects scheduled due upcoming soon future later
    """.split()
)
# Words saying that something has run its course ("the withdrawal was completed", "the mission
# was accomplished"): a fact stating that tells whether it has happened yet (it has, and is
# over), as one saying "still" or "since" does.
COMPLETION_WORDS = frozenset("completed finished accomplished concluded".split())
# A fact that says how things stand since, or what is still to come: it can answer whether
# something has happened yet ("the ambassador has still not returned", "the law is due to be
# signed next week"); one that tells only of the event itself cannot.
LATER_WORDS = (
    FUTURE_WORDS
    | frozenset(
        "yet still since remains remain remained anymore ongoing continues continue until pending "
        "awaiting".split()
    )
    | COMPLETION_WORDS
)
CLOCK_WORDS = frozenset(
    """
    morning evening afternoon night midnight noon midday dawn dusk overnight o'clock am pm
    """.split()
)
TIME_UNITS = frozenset(
    """
    second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries overnight fortnight
    """.split()
)
# Words that name a day: an answer holding one says which day something happened.
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
AGE_WORDS = frozenset("aged age born old birthday".split())
# Words asking for a sum of money, and words (or signs) an answer states one with. What
# people are paid, owe or are made to pay is money by the words' own sense ("how much did the
# workers earn", "how much was the fine", "how much do they owe"): a fact counting the workers
# or the days of a strike does not say it.
MONEY_ASKED = frozenset(
    """
    money cost costs costed spend spent spending pay paid paying price prices budget
    funding funds fund dollars euros pounds salary salaries worth afford earn earns earned
    earning earnings wage wages income incomes owe owes owed owing compensation bonus bonuses
    fine fines fined ransom bail pension pensions
    """.split()
)
CURRENCIES = frozenset(
    """
    $ € £ ¥ dollar dollars usd euro euros eur pound pounds gbp rouble roubles ruble rubles
    manat manats lari tenge dram drams lira liras yuan rupee rupees yen franc francs
    """.split()
)
UNITS = frozenset(
    """
    metre metres meter meters m km kilometre kilometres kilometer kilometers cm mm mile miles
    foot feet ft inch inches yard yards hectare hectares acre acres square degrees celsius
    fahrenheit kg kilogram kilograms tonne tonnes ton tons percent per km2 sq litre litres
    """.split()
)
CAUSE_WORDS = frozenset(
    """
    because after over due following response accused accusing accuses amid since saying
    said caused cause causes triggered trigger sparked led blamed blame reason reasons
    protest protesting demand demanding fear fearing fears concern concerned argue argued
    argues claim claimed claims so therefore result wants want wanted hoping seeking seek
    objected objecting called calling criticised criticized insist insists arguing
    prompted prompting forced forcing aimed aiming citing cited sought amidst
    """.split()
)
# Words of a question asking what someone said or how they took something ("what did the
# kremlin say", "how did ankara react", "any statement from baku"), and the words an answer
# reports speech or a stance by. A fact telling only of the event ("...when Azerbaijan
# defeated Armenia") says nothing anyone said about it, however well it matches "what has
# armenia's government said about the quarrel". A soft kind, as a cause is: reported speech
# has many more verbs than these, and a curator's phrasing asking it says it is there.
SAID_ASKED = frozenset(
    """
    say said says saying react reacted reacts reaction reactions respond responded responds
    response statement statements comment comments commented
    """.split()
)
SAID_STATED = frozenset(
    """
    say said says saying told tells tell called calls calling urged urges warned warns warning
    stated statement statements announced announces announcement declared declares accused
    accuses condemned condemns denied denies described describes insisted insists claimed
    claims according demanded demands asked spokesman spokeswoman spokesperson commented
    comment comments responded response responses reacted reaction reactions welcomed welcomes
    criticised criticized criticises criticizes praised rejected rejects dismissed dismisses
    blamed blames vowed vows pledged promised confirmed confirms acknowledged admitted appealed
    appeals protested congratulated expressed labelled labeled branded added noted argued
    argues wrote tweeted posted replied threatened threatens suggested recognised recognized
    refused refuses objected apologised apologized thanked hailed voiced quoted interview
    stance position view views
    """.split()
)

# Words naming a person by their office: "who is the <role>" wants a name beside one of them.
ROLE_WORDS = frozenset(
    """
    president minister ambassador envoy ceo chief head leader chairman chairwoman chair
    spokesman spokeswoman spokesperson mayor governor delegate commander general secretary
    director founder owner judge prosecutor king queen pm premier negotiator representative
    candidate winner author captain coach manager boss editor chancellor speaker pilot
    """.split()
)
# Words for a body that has a name of its own: "what is the name of the coalition" asks for
# the coalition's name, which a fact naming only a person (or no coalition) does not give.
# Taken as roles when a name is asked ("name of", "named", "called"), never by "who".
BODY_WORDS = frozenset(
    """
    coalition alliance party movement group bloc organisation organization initiative campaign
    company firm network committee union operation
    """.split()
)
ROLES_AND_BODIES = ROLE_WORDS | BODY_WORDS
# A property asked of an entity: a fact that has the word nowhere does not state it.
ATTRIBUTE_WORDS = frozenset(
    """
    population populated inhabitants capital ceo founder founded owner owns currency price
    prices cost costs salary salaries wage wages distance height weight area temperature
    weather language languages religion gdp revenue revenues profit profits income worth
    phone address website email birthday born wife husband spouse married children kids
    restaurant restaurants hotel hotels recipe nickname motto anthem flag elevation built
    constructed established mayor timezone dollars euros roubles rubles usd replaced replaces
    succeeded successor
    """.split()
)
# The attribute a "how many people live in X" question asks (``focus``), and the words any one
# of which states it in a fact: its population, its inhabitants, or that so many live there.
# Its own name, not "population": a fact saying only that lives were lost does not state the
# population that "what is the population of X" asks.
RESIDENTS = "residents"
ATTRIBUTE_STATED = {RESIDENTS: "population inhabitants live"}
NAME_BREAKERS = frozenset(
    """
    in of to from at on for by with and or but the a an its his her their this that these
    those is was are were be been has have had will would said says say told
    """.split()
)
# Words asking for a number when asked "what ..." or "which ...": "what percentage", "what
# share of the vote", "by what margin".
SHARE_WORDS = frozenset("percentage percent proportion share fraction margin majority".split())
# Of those, the words asking for a part of a whole: a percentage or a fraction, which a fact
# giving only a head count does not state ("what share of voters took part" is not answered by
# "19.7 million voters are registered"). A margin or a majority may be a number of votes.
PART_WORDS = frozenset("percentage percent proportion share fraction".split())
# Words an answer states a part of a whole with ("84.5%" is read apart, by its sign).
PART_STATED = frozenset(
    """
    percent percentage cent half halves third thirds quarter quarters fifth fifths tenth tenths
    majority minority fraction proportion share
    """.split()
)
DETERMINERS = frozenset("the a an this that its his her their".split())
