"""The "how many", "how much" and "what percentage" questions of a clause.

The shapes these read (a number in the subject, money after the verb, a share, a change in an
amount) are in ``amount_shapes``; here they become the questions readers ask, in the order a
reader asks them: the figure itself before its change, and a disaster's count before its day
and place (``questions`` asks those after these).
"""

from __future__ import annotations

import re

from bot.ingest.amount_shapes import (
    AMOUNT_AFTER,
    AMOUNT_OF_THING,
    CHANGE,
    CHANGED_OBJECT,
    COUNT_OBJECT,
    COUNT_OBJECT_AFTER,
    EFFECT,
    GATHERINGS,
    MONEY,
    MONEY_RECIPIENT,
    MONEY_VERBS,
    NOT_SIZED_THING_WORDS,
    PERCENT,
    PUT_AT,
    SHARE,
    after_counted,
    amount_be,
)
from bot.ingest.asked_clause import AskedClause
from bot.ingest.lexicon import FUNCTION_WORDS, base_form, ing_base, is_topic_noun, past_participle
from bot.ingest.main_clause import Clause
from bot.ingest.place_shapes import place_in
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import inverted
from bot.ingest.time_spans import time_spans_in, without


def amount_questions(asked: AskedClause, depth: int, earlier: list[str]) -> list[str]:
    """The amount questions of ``asked`` at ``depth`` (0: the sentence's own clause);
    ``earlier`` are the questions already asked of it, for a "how much" is asked once."""
    share = SHARE.match(asked.rest)
    found = [
        _estimate(asked) if depth <= 1 else None,
        _counted_subject(asked),
        _amount_after_verb(asked),
        _share(asked, share),
    ]
    out = [q for q in found if q is not None]
    asked_much = any(q.startswith("how much") for q in [*earlier, *out])
    if not asked_much and not share and (change := _change(asked)) is not None:
        out.append(change)
    if (effect := _effect(asked)) is not None:
        out.append(effect)
    return out


def _estimate(asked: AskedClause) -> str | None:
    """ "Officials put the toll at eight", "organisers estimated the crowd at 5,000": readers
    ask what the figure is ("what was the toll"), or how big a gathering was, not what was
    put."""
    estimate = PUT_AT.match(asked.rest)
    if estimate is None or base_form(asked.verb) not in ("put", "estimate", "place"):
        return None
    figure = estimate["thing"].lower()
    if figure.split()[0] not in ("the", "its", "their"):
        figure = f"the {figure}"  # "put turnout at 84%": "what was the turnout"
    head = re.split(r"\s(?:of|on|in|among|outside|near)\s", figure, maxsplit=1)[0].split()[-1]
    be = amount_be(asked.clause, head)
    return f"how big {be} {figure}" if head in GATHERINGS else f"what {be} {figure}"


def _counted_subject(asked: AskedClause) -> str | None:
    """A number in the subject: "how many people have been evacuated from their homes"."""
    if not asked.count or not asked.predicate:
        return None
    noun = asked.count["noun"].lower()
    core = cut(without(asked.rest, asked.time_spans))
    return f"how many {noun} {asked.predicate} {core}"


def _amount_after_verb(asked: AskedClause) -> str | None:
    """An amount after the verb: money ("how much should wealthy nations provide a year"),
    else a count of its object ("how many homes did the flood destroy"), right after the verb
    or after a particle ("handed over 40 tanks")."""
    clause, subject, rest = asked.clause, asked.subject, asked.rest
    if not asked.predicate:
        return None
    money = MONEY.search(" ".join(rest.split()[:8]))
    if money:
        before = re.sub(
            r"\s*\b(?:of|up to|at least|more than|about|nearly|worth|some|around)\s*$",
            "",
            rest[: money.start()],
        ).strip(" ,")
        after = cut(without(rest[money.end() :], time_spans_in(rest[money.end() :])), 5)
        tail = after if not before else f"in {before}"
        body = inverted(clause, subject, tail)
        bare_noun = not before or (
            len(before.split()) == 1 and before.endswith("s") and before.islower()
        )
        if body and bare_noun:
            return f"how much {body}"
        if (recipient := _money_recipient(clause, before)) is not None:
            body = inverted(clause, subject, recipient)
            return f"how much {body}" if body else None
        if (
            (thing := AMOUNT_OF_THING.match(before))
            and NOT_SIZED_THING_WORDS.isdisjoint(thing["thing"].split())
            and is_topic_noun(thing["noun"])
        ):
            return f"how much {amount_be(clause, thing['noun'])} the {thing['thing']}"
        return None
    if asked.count:
        return None  # the subject is what is counted
    if objects := COUNT_OBJECT.match(rest):
        body = inverted(clause, subject, after_counted(rest[objects.end() :]))
        return f"how many {objects['noun'].lower()} {body}" if body else None
    if later := COUNT_OBJECT_AFTER.match(rest):
        particle = later["particle"] or ""
        after = after_counted(rest[later.end() :])
        body = inverted(clause, subject, " ".join(p for p in (particle, after) if p))
        return f"how many {later['noun'].lower()} {body}" if body else None
    return None


def _money_recipient(clause: Clause, before: str) -> str | None:
    """Who a sum is ordered paid by or fined from, as the question keeps it ("the company to
    pay", "the company"), when ``before`` (the words between the verb and the sum) is such an
    object: after "ordered", "told" or the like, one with what it is to do ("ordered the
    company to pay"); after "fined" or "awarded", the object alone."""
    found = MONEY_RECIPIENT.match(before)
    if found is None or any(w.lower() in FUNCTION_WORDS for w in found["who"].split()[1:]):
        return None
    verb = (clause.verb or "").lower()
    if found["to"] is None and verb not in MONEY_VERBS:
        return None
    return before


def _share(asked: AskedClause, share: re.Match[str] | None) -> str | None:
    """A share: "Stoianoglo won about 97 percent in Gagauzia" -> "what percentage did
    alexandr stoianoglo win in gagauzia"; "Turnout was about 54 percent" -> "what was
    turnout"."""
    clause, subject = asked.clause, asked.subject
    if not share or not asked.predicate or asked.count:
        return None
    after = re.sub(rf"^\s*to\s+[^,]*?{PERCENT}", "", asked.rest[share.end() :])
    after = cut(without(after, time_spans_in(after)), 6).strip(" ,")
    if clause.verb is not None:
        body = inverted(clause, subject, after if after.startswith(("in ", "at ")) else "")
        return f"what percentage {body}" if body else None
    if clause.aux in ("was", "is", "were", "are") and len(subject.split()) <= 6:
        return f"what {clause.aux} {subject}"
    return None


def _change(asked: AskedClause) -> str | None:
    """ "The price roughly doubled, from 60 to 120 tenge", "Inflation fell to 9 percent": a
    change in an amount, which readers ask "how much did it rise" (the verb's own word is
    rarely theirs: "doubled", "surged")."""
    if asked.clause.aux is not None or asked.count:
        return None
    change = CHANGE.get(asked.verb)
    if change is None or CHANGED_OBJECT.match(asked.rest):
        # "The text shrinks the Senate from 100 members to 65": the object changed, not the
        # subject ("how much did the new text fall" asks a thing the sentence never says).
        return None
    if not AMOUNT_AFTER.search(asked.rest):
        return None
    changed_in = place_in(asked.rest)
    tail = (
        f" in {changed_in.name}"
        if changed_in is not None and changed_in.name not in asked.subject
        else ""
    )
    return f"how much did {asked.subject} {change}{tail}"


def _effect(asked: AskedClause) -> str | None:
    """ "..., flooding thousands of homes": how many homes were flooded (there), a count
    readers of a disaster ask first."""
    effect = EFFECT.search(asked.rest)
    if effect is None:
        return None
    base = ing_base(effect["verb"])
    if not base:
        return None
    where = f" in {asked.lead_place.name}" if asked.lead_place else ""
    return f"how many {effect['noun']} were {past_participle(base)}{where}"
