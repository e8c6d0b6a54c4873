"""The nouns an event is named by, and what each says about how a fact is set in it.

A flood is something facts happen "In", a summit "At", a law "Under"; a later "the flooding"
may be the floods already named while "the mutiny" is another event; a crash happens on a day
while unrest runs over a spell. Kept apart from the phrase and the search so that both, and the
questions drafted about an event, read one list.
"""

from __future__ import annotations

# Event nouns by how a fact is set in them: "In the floods", "At the talks", "Under the law".
_IN_NOUNS = """flood floods flooding flash-flood earthquake quake landslide landslides mudslide
mudslides wildfire wildfires fire fires storm hurricane cyclone drought disaster collapse explosion
explosions blast
blasts crash derailment eruption avalanche heatwave attack attacks raid raids shooting bombing
bombings massacre assault siege clash clashes fighting war offensive incident hostage exodus
crisis evacuation evacuations protest protests rally rallies demonstration demonstrations strike
strikes election elections vote referendum standoff blockade outbreak epidemic rockfall
rockslide mudflow blizzard snowstorm sandstorm tornado typhoon accident collision spill blackout
outage shelling stampede unrest riot riots mutiny uprising rebellion revolt coup runoff""".split()
_AT_NOUNS = """talks summit conference negotiations meeting forum games championship festival
fair congress""".split()
_UNDER_NOUNS = """law bill legislation act amendment ban reform decree sanctions deal agreement
treaty accord""".split()
PREPOSITION = {
    **dict.fromkeys(_IN_NOUNS, "In"),
    **dict.fromkeys(_AT_NOUNS, "At"),
    **dict.fromkeys(_UNDER_NOUNS, "Under"),
}
# Nouns that may refer back to the main event, by its class; "disaster" is any bad event.
SAME_EVENT = {
    "In": set(_IN_NOUNS) | {"tragedy", "catastrophe", "event", "emergency", "disaster"},
    "At": set(_AT_NOUNS) | {"conference", "event", "gathering", "deal", "agreement", "text"},
    "Under": set(_UNDER_NOUNS) | {"measure", "law", "legislation", "bill"},
}
# Kinds of event: a later "the <noun>" of the main event's kind may be it ("the flooding" in
# the floods, "the protests" in the unrest); one of another kind is another event ("the
# mutiny" in June, in a story about a crash in August). Kinds overlap ("bombing").
_KINDS = tuple(
    frozenset(kind.split())
    for kind in (
        "flood floods flooding flash-flood",
        "earthquake quake",
        "landslide landslides mudslide mudslides rockfall rockslide mudflow avalanche "
        "avalanches slide slides snowslide",
        "wildfire wildfires fire fires",
        "storm hurricane cyclone typhoon tornado blizzard snowstorm sandstorm heatwave",
        "explosion explosions blast blasts bombing bombings",
        "attack attacks raid raids shooting bombing bombings massacre assault siege hostage "
        "explosion explosions blast blasts strike strikes",
        "crash derailment accident collision",
        "war fighting offensive clash clashes shelling siege assault",
        "protest protests rally rallies demonstration demonstrations unrest riot riots strike "
        "strikes standoff blockade",
        "election elections vote runoff",
        "referendum",
        "mutiny uprising rebellion revolt coup",
        "exodus evacuation evacuations",
        "outbreak epidemic",
        "blackout outage",
        "drought",
        "eruption",
        "stampede",
        "spill",
    )
)
# Nouns for any event of the class: "the disaster", "the crisis", "the vote".
ANY_EVENT = frozenset(("tragedy", "catastrophe", "event", "emergency", "disaster", "incident",
                        "crisis", "vote", "votes"))  # fmt: skip


def same_kind(noun: str, other: str) -> bool:
    """Can "the <noun>" be the event named by ``other`` (both "In" nouns)?"""
    if noun.rstrip("s") == other.rstrip("s") or noun in ANY_EVENT:
        return True
    return any(noun in kind and other in kind for kind in _KINDS)


# Spells of days, not one day: "the Kazakhstan unrest of 19 January 2022" would date the unrest
# by the lede's news (the troops' return), so these are dated by month.
POINT_EVENT = frozenset(_IN_NOUNS) - {
    "war", "crisis", "exodus", "protests", "elections", "unrest", "riots", "uprising",
    "rebellion",
    # Held over days or weeks: a day the article gives is one within it ("on 27 July the
    # group seized ..." was during the siege that began on the 17th, not after it).
    "siege", "standoff", "blockade", "offensive", "drought", "epidemic",
}  # fmt: skip


def is_point_event(noun: str) -> bool:
    """Does an event of this noun happen on a day or a few (a crash, a flood), not over a
    spell (unrest, a war)?"""
    return noun in POINT_EVENT


# Event nouns standing as the modifier of another noun: the phrase names no event.
MODIFIER_COMPOUNDS = frozenset(
    (
        "war crimes", "war crime", "war criminal", "war criminals", "election commission",
        "election officials", "crash site", "strike force", "fire brigade", "fire service",
        "attack helicopter", "attack helicopters", "protest movement", "vote count",
        "referendum question",
    )
)  # fmt: skip

# Nouns of who acts, never of what happened: a headline's "Rights group blames ... for missile
# strikes in Ganja" names the strikes after Ganja, not after the group that spoke of them, and
# "protest leader" is a person, not a protest. ("Yerevan police siege", a siege of the police,
# is read by the words before the event noun, which this list does not touch.)
ACTOR_NOUNS = frozenset(
    """group groups court courts ministry ministries police forces troops army military
    parliament government authorities officials official leader leaders president minister
    prosecutor prosecutors spokesman spokeswoman watchdog agency committee commission council
    party opposition activists campaigners organisers organizers""".split()
)
