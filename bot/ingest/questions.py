"""Questions readers would ask about a news statement, from its main clause's structure.

``main_clause`` reads the sentence (subject, verb group, rest); what follows the verb is split
here into the object and the adjuncts that say when (a date), where (a named place), why
("because", "over", "after", "to demand") and how much or how many (an amount).

Templates by answer type then ask for what the sentence states:

* a number in the subject -> "how many people have been evacuated from their homes";
* an amount after the verb -> "how much should wealthy nations provide a year";
* a date -> "when did the earthen dam on the ural give way";
* a named place -> "where did ...";
* a cause or purpose -> "why did hundreds of residents gather outside the city administration";
* a person or body as subject -> "who has criticised officials for poor preparation";
* reported speech -> "what did tokayev say about the kazakhstan floods", and the same
  templates on what was said;
* else a yes/no question ("have russian investigators opened a criminal case").

The auxiliary moves in front of the subject ("has X been evacuated"); a lone past or present
verb takes do-support with its base form ("did X give way", from ``lexicon``): both in
``question_forms``. Every question goes through ``question_check.problem`` (a small grammar
check) and is written only if it passes.

This module holds the templates and the order they are tried in; what each kind of question
looks for in a clause lives by kind, so that a new shape is added beside its own kind:
``amount_shapes`` (how many, how much, what percentage), ``time_shapes`` (when, how long),
``place_shapes`` (where), ``cause_shapes`` (why), ``speech_shapes`` (reported speech),
``charge_questions`` (what someone is accused of), and ``question_finish`` (the shortening,
"there" and setting every question gets last).
"""

from __future__ import annotations

import re

from bot.ingest import clause_parts, dates
from bot.ingest.amount_shapes import (
    AMOUNT_AFTER,
    AMOUNT_OF_THING,
    CHANGE,
    CHANGED_OBJECT,
    COUNT_OBJECT,
    COUNT_OBJECT_AFTER,
    COUNT_SUBJECT,
    EFFECT,
    GATHERINGS,
    MONEY,
    NOT_SIZED_THING_WORDS,
    PERCENT,
    PUT_AT,
    SHARE,
    after_counted,
    amount_be,
)
from bot.ingest.cause_shapes import CAUSE, LATE_CAUSE, LATE_PURPOSE, SPEECH_ONLY
from bot.ingest.charge_questions import charge_question
from bot.ingest.clause_words import (
    DUMMY_IT,
    NOT_OBJECT,
    POSSESSIVES,
    SAID,
    SAY_VERBS,
    THAT_VERBS,
)
from bot.ingest.lexicon import (
    INTRANSITIVE,
    base_form,
    ing_base,
    is_past,
    is_topic_noun,
    past_participle,
    present_participle,
    regular_past,
)
from bot.ingest.main_clause import PRONOUNS, Clause, parse, plain_text, second_predicate
from bot.ingest.place_shapes import place_in
from bot.ingest.predicate_core import cut
from bot.ingest.question_check import problem
from bot.ingest.question_finish import Unset, finish, shortened
from bot.ingest.question_forms import (
    a_person,
    agreeing,
    inverted,
    names_people,
    subject_for_question,
    who_or_what,
)
from bot.ingest.speech_shapes import OBJECT_FIRST, REPORTED_START, announces_a_thing, subjunctive
from bot.ingest.time_shapes import (
    DATE_AS,
    DURATION,
    TIMING_ONLY,
    time_before_verb,
    timing_questions,
)
from bot.ingest.time_spans import time_spans_in, without
from bot.ingest.vote_questions import vote_questions

MAX_QUESTIONS = 4


_TYPED = ("how many", "how much", "why", "where", "when", "how long")


def _other_parts(
    statement: str, clause: Clause | None, names: set[str], setting: str | None
) -> list[str]:
    """Questions about what ``statement`` says besides its main clause (``clause_parts``): a
    denial ("was anyone killed"), a second main clause's typed questions ("how many
    firefighters were treated"), and what its subject plans to do ("what does the government
    plan to do", "when will the government raise household gas prices")."""
    out: list[str] = []
    nobody = clause_parts.nobody_question(plain_text(statement))
    if nobody is not None:
        out.append(nobody)
    second = clause_parts.coordinated_clause(
        plain_text(statement), clause.subject if clause is not None else None
    )
    parsed = parse(second) if second is not None else None
    if parsed is not None and parsed.subject.split()[0].lower() not in _NO_SUBJECT:
        speech = (parsed.verb or "").lower() in SAY_VERBS and parsed.aux is None
        # What a second clause reports ("..., but said the region would need new roads") is
        # asked as a first clause's would be: of what was said, not of the saying.
        depth = 0 if speech else 1
        asked = [
            q for q in _from_clause(parsed, names, setting, depth=depth) if q.startswith(_TYPED)
        ]
        if speech:
            # "..., and in September Pashinyan said relying on Russia had been a mistake": who
            # said it is another subject, asked what it said as the first clause's would be.
            speaker = subject_for_question(parsed.subject, names)
            asked.insert(0, f"what did {speaker} say")
        out += asked[:2]
    for relative in clause_parts.relative_clauses(plain_text(statement))[:1]:
        said = parse(relative)
        if said is not None:
            # Not set in the story's event: the question is about the name ("where will
            # cop30 be held", not "... at cop29 in baku").
            out += [
                Unset(q)
                for q in _from_clause(said, names, None, depth=1)
                if q.startswith(("where", "when", "how many", "how much"))
            ][:2]
    if clause is None:
        # "The government plans to raise ...": "plans" read as a noun by ``parse``.
        clause = clause_parts.intent_clause(plain_text(statement), Clause)
    if clause is None or clause.verb is None or clause.aux not in (None, "has", "have", "had"):
        return out
    planned = clause_parts.intent(clause.verb, clause.rest)
    if planned is None:
        return out
    verb, rest = planned
    subject = subject_for_question(clause.subject, names)
    plural = clause.verb.lower() in clause_parts.INTENT_VERBS and not clause.verb.endswith(
        ("s", "ed")
    )
    do = "did" if is_past(clause.verb.lower()) or clause.aux else ("do" if plural else "does")
    base = base_form(clause.verb.lower()) or clause.verb.lower()
    out.append(f"what {do} {subject} {base} to do")
    future = Clause(clause.subject, "will", verb, rest, clause.lead)
    out += [q for q in _from_clause(future, names, setting, depth=1) if q.startswith(_TYPED)][:2]
    return out


def generate(
    statement: str,
    *,
    names: set[str] | None = None,
    setting: str | None = None,
    overview: bool = False,
    topic: str | None = None,
) -> list[str]:
    """Up to four questions for ``statement``, lower-case, without '?', each passing
    ``problem``.

    ``names`` are words the article writes capitalised mid-sentence; ``setting`` ("in the
    Kazakhstan floods") is added to questions about a statement that leans on the main event;
    ``overview`` asks for the event itself too ("what happened in the kazakhstan floods");
    ``topic`` ("the Kazakhstan floods") is what people are asked to have said things about.
    """
    names = names or set()
    out: list[str] = []
    clause = parse(statement)
    timing = TIMING_ONLY.match(f"{clause.verb or ''} {clause.rest}") if clause else None
    if clause is not None and timing is not None:
        # "X came two weeks after Y": asked as it stands, it gives "what came two weeks"; what
        # it tells is when Y was and what went before X.
        out += timing_questions(clause.subject, timing)
        clause = None
    if (
        clause is not None
        and clause.subject.lower() not in PRONOUNS
        and clause.subject.split()[0].lower() not in ("no", "nobody", "none", "nothing")
    ):
        out += _from_clause(
            clause, names, setting, depth=0, topic=topic, timed=time_before_verb(statement, clause)
        )
        second = second_predicate(clause)
        if second is not None:
            # Its typed questions only ("how many people did rescue teams free"): the plain
            # ones would repeat the first predicate's "who ..." in other words.
            typed = [q for q in out if q.startswith(_TYPED)]
            at = out.index(typed[-1]) + 1 if typed else 0
            out[at:at] = [
                q for q in _from_clause(second, names, setting, depth=1) if q.startswith(_TYPED)
            ][:2]
    out += _other_parts(statement, clause, names, setting)
    if overview and topic:
        # The opening sentence answers questions about the event as a whole; asked in general
        # words, so that the specific questions of later facts stay theirs.
        if topic.startswith("the ") or (setting and setting.startswith(("in ", "at "))):
            out[:0] = [f"what happened {setting or 'in ' + topic}",
                       f"what is going on with {topic}"]  # fmt: skip
        else:
            out.insert(0, f"what is {topic}")
    seen: dict[str, None] = {}
    for question in out:
        own_setting = None if isinstance(question, Unset) else setting
        cleaned = finish(shortened(question), own_setting)
        if problem(cleaned) is None:
            seen.setdefault(cleaned, None)
    return list(seen)[:MAX_QUESTIONS]


_NO_SUBJECT = frozenset("it they he she we i you her his its their our my your no".split())


def _from_clause(
    clause: Clause,
    names: set[str],
    setting: str | None,
    depth: int,
    topic: str | None = None,
    *,
    timed: bool = False,
) -> list[str]:
    """The questions of ``clause``; ``timed``: the sentence gives its day where the parse
    left it out (``time_before_verb``)."""
    typed: list[str] = []
    plain: list[str] = []
    subject = subject_for_question(clause.subject, names)
    rest = clause.rest
    verb = (clause.verb or "").lower()

    # Reported speech: ask what was said, then about what was said.
    reported = verb in SAY_VERBS or verb in ("reply", "replied", "replies")
    if (
        (reported or verb in THAT_VERBS)
        and depth == 0
        and not announces_a_thing(verb, rest)
        # ("had already concluded": an adverb after the auxiliary changes nothing.)
        and (clause.aux or "").split()[:1] in ([], ["has"], ["have"], ["had"])
    ):
        speaker = subject
        if verb in ("described", "describes"):
            target = cut(re.split(r"\s+as\s+", rest)[0], 6)
            typed.append(f"how did {speaker} describe {target}")
            typed.append(f"what did {speaker} say about {target}")
        elif reported and verb not in ("called", "calls", "accused", "urged", "denied"):
            # "Officials say ...": asked in the present, as it is said.
            do = {"say": "do", "says": "does", "concludes": "does"}.get(verb, "did")
            about = f" about {topic}" if topic else ""
            # A finding is asked as one: "what did eu leaders conclude".
            word = "conclude" if verb.startswith("conclude") else "say"
            typed.append(f"what {do} {speaker} {word}{about}")
        elif verb in ("called", "accused", "denied") and topic:
            # "Peskov called Western suggestions ... an absolute lie": a reply readers ask
            # about as something said ("what did peskov say about the moscow crash"), after
            # what the sentence itself asks.
            plain.append(f"what did {speaker} say about {topic}")
        said = re.split(r"(?:^|\s)that\s+", rest, maxsplit=1)
        # After "called", "accused" or "described" an object comes first, and a "that" in it
        # opens a relative clause ("called Western suggestions that the state was behind the
        # crash a lie"), not what was said.
        told = len(said) == 2 and (
            len(said[0].split()) <= 16 if verb not in OBJECT_FIRST else not said[0].strip()
        )
        inner = parse(said[1]) if told else None
        if inner is None and told:
            inner = subjunctive(said[1])
        if inner is None and verb in SAID and REPORTED_START.match(rest):
            # "said the bridge would stay shut ...": reported without "that".
            inner = parse(rest)
        if (
            inner is not None
            and inner.subject.lower() == "it"
            and (a_person(clause.subject, names) or DUMMY_IT.match(inner.predicate))
        ):
            # "The mayor said it made no difference whether ...": "it" is never a person, and
            # here it stands for the clause after it, which no "who" question asks of.
            inner = None
        if inner is not None and inner.subject.lower() in ("it", "they", "he", "she"):
            # "The movement said it would ask the court ...": in reported speech the pronoun
            # is, nearly always, the speaker.
            inner = Clause(clause.subject, inner.aux, inner.verb, inner.rest, inner.lead)
        owner = inner.subject.split() if inner is not None else []
        if inner is not None and len(owner) > 1 and owner[0].lower() in POSSESSIVES:
            # "Prigozhin said his men had come within 200 km ...": the speaker's men.
            whose = f"{clause.subject}'s {' '.join(owner[1:])}"
            inner = Clause(whose, inner.aux, inner.verb, inner.rest, inner.lead)
        if inner is not None and inner.subject.split()[0].lower() not in _NO_SUBJECT:
            asked = _from_clause(inner, names, setting, depth + 1)[:2]
            typed += asked
            reported = reported and bool(asked)  # nothing asked of what was said: go on
        if typed and reported:
            return typed

    if depth == 0:
        # "adopted the bill by 64 votes to 7": the count, asked of the thing voted on.
        typed[:0] = vote_questions(clause)

    # Charges: "Prosecutors accuse Samsonyan of calling for violence" and "Two officials were
    # charged with negligence" -> "what is samsonyan accused of doing", "what are the charges
    # against two officials".
    charge = charge_question(clause, subject, names)
    if charge is not None and depth == 0:
        typed.append(charge)

    # "The ministry blamed the shortage on higher demand": ask what caused the shortage.
    blamed = re.match(r"^(?P<thing>(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?)\s+on\s+\S", rest)
    if blamed and base_form(verb) == "blame" and clause.aux is None:
        typed.append(f"what caused {blamed['thing'].lower()}")

    # "The flooding followed a winter of heavy snow": ask what caused it.
    if verb in ("followed", "follows") or (
        verb in ("caused", "triggered", "sparked", "prompted") and rest.startswith("by ")
    ):
        typed.append(f"what caused {subject}")
    elif verb in ("caused", "triggered", "sparked", "prompted") and clause.aux is None:
        typed.append(f"what caused {cut(rest, 6)}")

    # "The worst-hit regions include ...", "The largest donor was ...": ask what they are.
    listing = verb in ("include", "includes", "included") or (
        clause.aux in ("is", "are", "was", "were") and clause.verb is None
    )
    definite = clause.subject.split()[0] in ("The", "the") or "'s " in clause.subject
    if listing and definite and depth == 0:
        be = "were" if clause.aux in ("was", "were") or verb == "included" else "are"
        if not clause.subject.split()[-1].endswith("s"):
            be = {"were": "was", "are": "is"}[be]
        # "The passengers included Dmitry Utkin": people listed are asked with "who", and
        # so ("who were the passengers", not "what were the passengers").
        people = verb.startswith("include") and (
            who_or_what(clause.subject, names) == "who" or names_people(rest, names)
        )
        typed.append(f"{'who' if people else 'what'} {be} {subject}")

    # "Officials put the toll at eight", "organisers estimated the crowd at 5,000": readers ask
    # what the figure is ("what was the toll"), or how big a gathering was, not what was put.
    estimate = PUT_AT.match(rest)
    if estimate is not None and base_form(verb) in ("put", "estimate", "place") and depth <= 1:
        figure = estimate["thing"].lower()
        if figure.split()[0] not in ("the", "its", "their"):
            figure = f"the {figure}"  # "put turnout at 84%": "what was the turnout"
        head = re.split(r"\s(?:of|on|in|among|outside|near)\s", figure, maxsplit=1)[0].split()[-1]
        be = amount_be(clause, head)
        typed.append(f"how big {be} {figure}" if head in GATHERINGS else f"what {be} {figure}")

    # How many: a number in the subject.
    count = COUNT_SUBJECT.match(clause.subject)
    predicate = " ".join(p for p in (clause.aux, clause.verb) if p)
    if count and predicate:
        noun = count["noun"].lower()
        core = cut(without(rest, time_spans_in(rest)))
        typed.append(f"how many {noun} {predicate} {core}")

    time_spans = time_spans_in(rest)
    lead_time = dates.mentions(clause.lead, None) if clause.lead else []
    first_part = re.split(
        # ("... for armed mutiny that night": a time, not a relative "that".)
        r",\s|\s(?:that(?!\s+(?:night|evening|morning|afternoon|day|same|next|following)\b)|"
        r"which|who|whose|where|but|and|as|while|whereas|although)\s",
        rest,
        maxsplit=1,
    )[0]
    # The predicate up to a clause of its own (", and the ministry was given powers to ..."):
    # a cause or purpose there is that clause's, not this one's.
    own_clause = re.split(r",\s+(?:and|but|while)\s|;\s", rest, maxsplit=1)[0]
    main_time = time_spans_in(first_part)
    cause = CAUSE.search(first_part)
    money = MONEY.search(" ".join(rest.split()[:8]))
    objects = COUNT_OBJECT.match(rest)
    place = place_in(first_part)
    lead_place = place_in(clause.lead) if clause.lead else None
    effect = EFFECT.search(rest)

    # How much: an amount right after the verb.
    if money and predicate:
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
            typed.append(f"how much {body}")
        elif (
            (thing := AMOUNT_OF_THING.match(before))
            and NOT_SIZED_THING_WORDS.isdisjoint(thing["thing"].split())
            and is_topic_noun(thing["noun"])
        ):
            typed.append(f"how much {amount_be(clause, thing['noun'])} the {thing['thing']}")
    elif objects and predicate and not count:
        after = after_counted(rest[objects.end() :])
        body = inverted(clause, subject, after)
        if body:
            typed.append(f"how many {objects['noun'].lower()} {body}")
    elif predicate and not count and (later := COUNT_OBJECT_AFTER.match(rest)):
        particle = later["particle"] or ""
        after = after_counted(rest[later.end() :])
        body = inverted(clause, subject, " ".join(p for p in (particle, after) if p))
        if body:
            typed.append(f"how many {later['noun'].lower()} {body}")

    # A share: "Stoianoglo won about 97 percent in Gagauzia" -> "what percentage did alexandr
    # stoianoglo win in gagauzia"; "Turnout was about 54 percent" -> "what was turnout".
    share = SHARE.match(rest)
    if share and predicate and not count:
        after = re.sub(rf"^\s*to\s+[^,]*?{PERCENT}", "", rest[share.end() :])
        after = cut(without(after, time_spans_in(after)), 6).strip(" ,")
        if clause.verb is not None:
            body = inverted(clause, subject, after if after.startswith(("in ", "at ")) else "")
            if body:
                typed.append(f"what percentage {body}")
        elif clause.aux in ("was", "is", "were", "are") and len(subject.split()) <= 6:
            typed.append(f"what {clause.aux} {subject}")

    # "The price roughly doubled, from 60 to 120 tenge", "Inflation fell to 9 percent": a
    # change in an amount, which readers ask "how much did it rise" (the verb's own word is
    # rarely theirs: "doubled", "surged").
    change = CHANGE.get(verb) if clause.aux is None and not count else None
    if change is not None and CHANGED_OBJECT.match(rest):
        # "The text shrinks the Senate from 100 members to 65": the object changed, not the
        # subject ("how much did the new text fall" asks a thing the sentence never says).
        change = None
    asked_much = any(q.startswith("how much") for q in typed)
    if change is not None and AMOUNT_AFTER.search(rest) and not asked_much and not share:
        changed_in = place_in(rest)
        tail = (
            f" in {changed_in.name}"
            if changed_in is not None and changed_in.name not in subject
            else ""
        )
        typed.append(f"how much did {subject} {change}{tail}")

    # "..., flooding thousands of homes": how many homes were flooded (there): a count, asked
    # before the day and place, is what readers of a disaster ask first.
    if effect:
        base = ing_base(effect["verb"])
        if base:
            where = f" in {lead_place.name}" if lead_place else ""
            typed.append(f"how many {effect['noun']} were {past_participle(base)}{where}")

    # How long: a duration in the predicate ("would stay shut for at least two months"); what
    # was said of the future is asked in the future ("how long will the bridge stay shut").
    duration = DURATION.search(rest)
    if duration and clause.aux is not None and not count:
        aux = {"would": "will", "would be": "will be"}.get(clause.aux, clause.aux)
        body = inverted(
            Clause(clause.subject, aux, clause.verb, rest, clause.lead),
            subject,
            cut(without(rest, [(duration.start(), duration.end()), *time_spans_in(rest)])),
        )
        if body:
            typed.append(f"how long {body}")

    # When: a date in the predicate or the leading clause. A date that is the verb's object
    # ("set 10 May as the start of the campaign") says when the thing after "as" is: asked
    # of it ("when was the start of the campaign"), for the verb alone would ask nothing.
    dated_thing = DATE_AS.match(rest)
    if dated_thing is not None:
        what = cut(dated_thing["thing"], 6)
        head = re.split(r"\s(?:of|for|in|on|at|to|with)\s", what, maxsplit=1)[0].split()[-1]
        typed.append(f"when {amount_be(clause, head)} {what}")
    elif main_time or lead_time or timed:
        # (Up to a purpose or cause, which the "why" question asks: "when did people in vamar
        # block the only road", not "... to stop a military".)
        timed_part = rest[: cause.start()] if cause else rest
        left = without(timed_part, time_spans_in(timed_part))
        core = cut(left)
        body = inverted(clause, subject, core)
        # Not when the cut took the clause the verb reports ("when did the court order", of
        # "ordered that ...").
        if body and (core or not left.startswith("that ")):
            typed.append(f"when {body}")

    # Why: a cause or purpose. Not of a verb of saying: "said the region would need new
    # roads because ..." gives why the roads are needed, not why it was said, and "why did
    # the governor say ..." asks what the fact does not tell (what was said is asked apart).
    if verb in SPEECH_ONLY:
        pass
    elif cause:
        core = cut(without(rest[: cause.start()], time_spans_in(rest[: cause.start()])))
        body = inverted(clause, subject, core)
        if body:
            typed.append(f"why {body}")
    elif LATE_CAUSE.search(own_clause) or LATE_PURPOSE.search(own_clause):
        # "came down near Rushan, in the ... region, after three days of heavy snow": the
        # cause set off by a comma after the place; the question keeps the first part.
        body = inverted(clause, subject, cut(without(first_part, time_spans_in(first_part))))
        if body:
            typed.append(f"why {body}")

    # Where: a named place in the predicate (not the subject itself) or the leading clause.
    if place and place.name not in clause.subject:
        core = cut(without(rest, [(place.start, place.end), *time_spans]))
        body = inverted(clause, subject, core)
        if body:
            typed.append(f"where {body}")
    elif lead_place and lead_place.name not in clause.subject:
        body = inverted(clause, subject, cut(without(rest, time_spans)))
        if body:
            typed.append(f"where {body}")

    # "X was chaired by Y": who chaired X.
    agent = re.match(r"^by\s+(?P<agent>[^,\d][^,]*)", without(rest, time_spans))
    if agent and clause.aux and clause.aux.split()[-1] in ("was", "were", "is", "are", "been"):
        base = base_form(verb) if verb else None
        if base and depth == 0:
            active = regular_past(base)
            typed.append(f"{who_or_what(agent['agent'], names)} {active} {subject}")
    elif agent and clause.aux in ("is being", "are being", "was being", "were being"):
        # "The inquiry is being led by the committee": who is leading the inquiry.
        base = base_form(verb) if verb else None
        if base and depth == 0:
            now = "is" if clause.aux.split()[0] in ("is", "are") else "was"
            doing = present_participle(base)
            typed.append(f"{who_or_what(agent['agent'], names)} {now} {doing} {subject}")

    # Who / what: the subject asked for.
    if predicate and not count and clause.verb is not None:
        wh = who_or_what(clause.subject, names)
        core = cut(without(rest, time_spans_in(rest, days_only=True)))
        # ("what began", with nothing after it, asks nothing; "what was held" does; nor does
        # "who reversed" of "... reversed that": its object was only a pronoun.)
        pronoun_object = rest.split()[:1] in (["that"], ["this"], ["it"], ["them"])
        asks = (wh == "who" and not pronoun_object) or bool(core) or bool(clause.aux)
        if (wh == "who" or clause.aux or is_past(verb)) and not verb.startswith("include") and asks:
            # (Not "what included dmitry utkin": what a list includes is asked from the list.)
            plain.append(f"{wh} {agreeing(wh, predicate)} {core}")

    # "..., when hundreds of residents gathered ... to demand ...": ask about that clause too.
    if depth == 0:
        embedded = re.search(r",\s+(?:when|as|after)\s+(?P<clause>[a-z][^,]+(?:,[^,]+)?)$", rest)
        if embedded:
            inner = parse(embedded["clause"])
            if inner is not None and inner.subject.split()[0].lower() not in ("it", "they"):
                typed += [q for q in _from_clause(inner, names, setting, depth + 1) if
                          q.startswith(("why", "how many", "how much", "where"))][:2]  # fmt: skip

    # What was done: "delegates completed rules for carbon markets" -> "what did delegates
    # complete"; the object is the answer (never for a verb without one: "gave way").
    opener = rest.split(" ", 1)[0].lower().strip(",;:") if rest else ""
    relative = set(clause.subject.lower().split()) & {"that", "who", "whose", "which"}
    if (
        depth == 0
        and not relative
        and len(clause.subject.split()) <= 8
        and opener not in ("away", "way", "aside", "")  # "gave way", "stood aside": no object
        and clause.verb is not None
        and not count
        and opener
        and opener not in NOT_OBJECT
        and base_form(verb) not in INTRANSITIVE
        and len(typed) + len(plain) < 3
    ):
        body = inverted(clause, subject, "")
        if body:
            plain.append(f"what {body}")

    # "Russia does not recognise the court's authority": readers ask "does russia recognise
    # the court's authority", which the fact answers (no), not "what does russia not recognise".
    aux_words = (clause.aux or "").split()
    if depth == 0 and clause.verb is not None and aux_words[1:] == ["not"]:
        positive = Clause(clause.subject, aux_words[0], clause.verb, rest, clause.lead)
        core = cut(without(rest, time_spans))
        body = inverted(positive, subject, core) if core else None
        if body:
            plain.insert(0, body)
    # A yes/no question when there is little else.
    if len(typed) + len(plain) < 2:
        core = cut(without(rest, time_spans))
        body = inverted(clause, subject, core)
        # Not when the cut left the verb alone ("did the court order"): that asks nothing.
        # Nor when the cut took the pronoun object ("reversed that" -> "did the diaspora
        # reverse").
        # Nor when the predicate held only its time ("The mutiny began on the evening of
        # June 23" -> "did the mutiny begin"): the "when" question asks it.
        bare = not core and (
            rest.startswith("that ")
            or rest.split()[:1] in (["that"], ["this"], ["it"], ["them"])
            or bool(time_spans)
        )
        if body and not bare:
            plain.append(body)
    if lead_place and depth == 0:
        # The place a leading clause gives ("In the Russian city of Orsk, ...") is what
        # readers name: "when did the earthen dam give way in orsk".
        here = f"in {lead_place.name}"
        typed = [
            q if q.startswith("where") or lead_place.name.lower() in q.lower() else f"{q} {here}"
            for q in typed
        ]
    return typed + plain
