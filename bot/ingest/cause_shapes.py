"""How a clause gives a cause or a purpose, for the "why" questions ``cause_questions`` asks.

Right after the verb ("because of", "to demand"), or late in the predicate, after a comma or
after the object and its time ("..., after three days of heavy snow", "... to keep homes
heated"); and the verbs of saying whose cause is what was said, never the saying.
"""

from __future__ import annotations

import re

# Verbs of a purpose that may stand late in a predicate, after its object and its time ("cut
# gas to factories for ten days to keep homes heated": ``LATE_PURPOSE``); right after the verb
# (``CAUSE``) more verbs say a purpose.
_LATE_PURPOSE_VERBS = (
    r"keep|protect|save|ensure|pay|cover|prevent|avoid|stop|help|ease|curb|limit|secure|"
    r"restore|guard|patrol|monitor|inspect|rescue|evacuate|enforce|oversee"
)
CAUSE = re.compile(
    r",?\s+\b(?:because(?: of)?|due to|after|following|amid|as a result of|"
    r"in protest (?:at|against)|in response to|in retaliation for|"
    r"(?:over|for) (?=(?:the|a|an|its|their|his|her|alleged|suspected|poor|what)\b))"
    r"\s*(?P<cause>.+)$"
    r"|(?:^|\s+)\b(?:to|in order to)\s+(?P<purpose>(?:demand|protest|press|push|seek|call|"
    r"support|oppose|force|mark|show|honour|honor|pressure|express|boost|fund|punish|defend|"
    rf"reduce|speed|replace|counter|deter|{_LATE_PURPOSE_VERBS})\b.+)$",
    re.IGNORECASE,
)


# A cause after a comma, later in the sentence than the first part of the predicate.
LATE_CAUSE = re.compile(
    r",\s+(?:because(?: of)?|due to|after (?:days|weeks|months|hours|a|an|the|heavy|"
    r"torrential|\w+ (?:days|weeks|months|hours))|as a result of|triggered by|caused by)\s",
    re.IGNORECASE,
)
# A purpose later in the predicate: "cut gas to factories and filling stations for ten days
# to keep homes heated".
LATE_PURPOSE = re.compile(rf"\s(?:to|in order to)\s+(?:{_LATE_PURPOSE_VERBS})\s")


# Verbs whose object is what was said: a cause after them is the statement's, not theirs.
SPEECH_ONLY = frozenset(
    """say says said add adds added tell tells told state states stated note notes noted claim
    claims claimed insist insists insisted argue argues argued confirm confirms confirmed
    report reports reported warn warns warned""".split()
)
