"""The slowest questions: long and odd inputs a member could send, timed one by one.

``bench.scale`` times ordinary questions; this times what a member could paste instead. A
Discord message or mention holds up to 2,000 characters, and the matcher answers in the event
loop (``KnowledgeBase.ask`` calls it directly), so one slow question holds up every server's
replies for as long as it takes. Inputs (all invented here, in English, Russian in Cyrillic and
in Latin letters, and Azerbaijani): a 2,000-character rambling question, one word said 300
times, a 500-letter "word", many distinct typos, numbers and dates in bulk, mixed scripts,
emoji and punctuation runs, pasted article text, words with a letter held for emphasis.

Each input is timed two ways: as the service answers it (``served_answer.answer``, which
``KnowledgeBase.ask`` calls: its first ``MAX_ASK_CHARS`` characters, the time read out of
them, then the matcher or the timeline), and the matcher on the whole text (what the core's
bound protects against). Against the seed knowledge and ``bench.scale``'s synthetic fact base
(100k facts by default).

    python -m bench.worst_case                      # seed and 100k, table to bench/results
    python -m bench.worst_case --sizes 0 --repeats 3  # seed knowledge only
    python -m bench.worst_case --label before        # bench/results/worst_case-before.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bench.heldout import matcher_for, seed_knowledge
from bench.report import RESULTS
from bench.synthetic import ACTIONS, ACTORS, TOPICS, facts
from bot.core import country_names, index_snapshot, served_answer, timeline
from bot.core.matcher import Matcher
from bot.core.matcher_settings import MatcherSettings
from bot.core.timeline_answers import TimelineAnswers

LONGEST = 2_000  # a Discord message's limit
TODAY = dt.date(2026, 3, 14)

# Word stock per language, invented for this benchmark: news words a rambling member might use.
WORDS = {
    "en": (
        "so anyway I was reading about the president and the ambassador who was recalled "
        "after the gas pipeline talks and the border ceasefire but nobody explained why the "
        "minister suspended the railway deal or what the court said about the journalist "
        "detained in the capital last week and whether the sanctions on the bank still apply"
    ).split(),
    "ru": (
        "короче я читал про президента и посла которого отозвали после переговоров по "
        "газопроводу и перемирию на границе но никто не объяснил почему министр приостановил "
        "сделку по железной дороге и что сказал суд о журналисте задержанном в столице на "
        "прошлой неделе и действуют ли ещё санкции против банка"
    ).split(),
    "ru-latin": (
        "koroche ya chital pro prezidenta i posla kotorogo otozvali posle peregovorov po "
        "gazoprovodu i peremiriyu na granitse no nikto ne obyasnil pochemu ministr priostanovil "
        "sdelku po zheleznoy doroge i chto skazal sud o zhurnaliste zaderzhannom v stolitse na "
        "proshloy nedele i deystvuyut li eshchyo sanktsii protiv banka"
    ).split(),
    "az": (
        "bir sözlə mən prezident və qaz kəməri danışıqlarından sonra geri çağırılan səfir "
        "haqqında oxuyurdum amma heç kim nazirin dəmir yolu sazişini niyə dayandırdığını və "
        "keçən həftə paytaxtda saxlanılan jurnalist barədə məhkəmənin nə dediyini izah etmədi "
        "bankə qarşı sanksiyalar hələ qüvvədədirmi"
    ).split(),
}
ARTICLE = {
    "en": (
        "The foreign ministry said on Tuesday that the ambassador had been recalled for "
        "consultations after talks on the gas pipeline stalled. Officials in the capital "
        "described the step as temporary. Opposition deputies called for a full inquiry, "
        "and the central bank said the currency held steady through the week. "
    ),
    "ru": (
        "Министерство иностранных дел во вторник сообщило, что посол отозван для "
        "консультаций после того, как переговоры по газопроводу зашли в тупик. Чиновники "
        "в столице назвали этот шаг временным. Депутаты оппозиции потребовали полного "
        "расследования, а центральный банк заявил, что курс валюты оставался стабильным. "
    ),
    "ru-latin": (
        "Ministerstvo inostrannykh del vo vtornik soobshchilo, chto posol otozvan dlya "
        "konsultatsiy posle togo, kak peregovory po gazoprovodu zashli v tupik. Chinovniki "
        "v stolitse nazvali etot shag vremennym. Deputaty oppozitsii potrebovali polnogo "
        "rassledovaniya, a tsentralny bank zayavil, chto kurs valyuty ostavalsya stabilnym. "
    ),
    "az": (
        "Xarici İşlər Nazirliyi çərşənbə axşamı bildirib ki, qaz kəməri üzrə danışıqlar "
        "dalana dirəndikdən sonra səfir məsləhətləşmələr üçün geri çağırılıb. Paytaxtdakı "
        "rəsmilər bu addımı müvəqqəti adlandırıblar. Müxalifət deputatları tam araşdırma "
        "tələb ediblər, mərkəzi bank isə valyuta məzənnəsinin sabit qaldığını bildirib. "
    ),
}
DATES = {
    "en": "on {d} march {y}, {n} people, {p}% and {m} million dollars; ",
    "ru": "{d} марта {y} года, {n} человек, {p}% и {m} миллионов долларов; ",
    "ru-latin": "{d} marta {y} goda, {n} chelovek, {p}% i {m} millionov dollarov; ",
    "az": "{y}-ci il {d} mart, {n} nəfər, {p}% və {m} milyon dollar; ",
}
# Letters a 500-letter "word" and a mixed-script word are made of.
LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "ru": "абвгдежзийклмнопрстуфхцчшщыэюя",
    "ru-latin": "abcdefghijklmnopqrstuvwxyz",
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
}
EMOJI = "😀🔥💥🇦🇿🇷🇺👍🤔❗❓…—–«»“”"


@dataclass(frozen=True)
class Input:
    kind: str
    language: str
    text: str


def _fill(pieces: Callable[[], str], length: int) -> str:
    """Pieces joined until ``length`` characters, cut at a space where one is near."""
    out = ""
    while len(out) < length:
        out += pieces()
    out = out[:length]
    space = out.rfind(" ", length - 20)
    return out[:space] if space > 0 else out


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)
    letter = rng.choice(word)
    return [
        word[:i] + word[i + 1 :],
        word[:i] + letter + word[i:],
        word[:i] + letter + word[i + 1 :],
    ][rng.randrange(3)]


def _stretched(word: str, rng: random.Random) -> str:
    """``word`` with one letter held for emphasis, 20 to 95 times ("soooo", "дааааа")."""
    at = rng.randrange(len(word))
    return word[:at] + word[at] * rng.randint(20, 95) + word[at + 1 :]


def _inputs_in(language: str, rng: random.Random, words: list[str]) -> Iterator[Input]:
    letters = LETTERS[language]
    yield Input(
        "rambling", language, _fill(lambda: " ".join(rng.sample(words, 12)) + ", ", LONGEST)
    )
    word = min(words, key=lambda w: (abs(len(w) - 5), w))  # 300 times fit in a message
    yield Input("one word x300", language, " ".join([word] * 300)[:LONGEST])
    yield Input("500-letter word", language, "".join(rng.choice(letters) for _ in range(500)))
    yield Input(
        "500-letter word in a question",
        language,
        " ".join(words[:6]) + " " + "".join(rng.choice(letters) for _ in range(500)) + "?",
    )
    yield Input(
        "distinct typos", language, _fill(lambda: _typo(rng.choice(words), rng) + " ", LONGEST)
    )
    yield Input(
        "numbers and dates",
        language,
        _fill(
            lambda: DATES[language].format(
                d=rng.randint(1, 28),
                y=rng.randint(1990, 2030),
                n=rng.randint(2, 9999),
                p=rng.randint(1, 99),
                m=rng.randint(1, 900),
            ),
            LONGEST,
        ),
    )
    other = LETTERS["ru"] if language != "ru" else LETTERS["en"]
    yield Input(
        "mixed scripts",
        language,
        _fill(
            lambda: (
                "".join(c if rng.random() < 0.7 else rng.choice(other) for c in rng.choice(words))
                + " "
            ),
            LONGEST,
        ),
    )
    yield Input(
        "emoji and punctuation",
        language,
        _fill(
            lambda: (
                rng.choice(words)
                + " "
                + "".join(rng.choice(EMOJI + "!?.,;:-()[]*#") for _ in range(rng.randint(1, 30)))
                + " "
            ),
            LONGEST,
        ),
    )
    yield Input("pasted article", language, _fill(lambda: ARTICLE[language], LONGEST))
    yield Input(
        "stretched words",
        language,
        _fill(lambda: _stretched(rng.choice(words), rng) + " ", LONGEST),
    )


def inputs(synthetic_words: list[str] | None = None) -> list[Input]:
    """The inputs, deterministic; English ones also use ``synthetic_words`` (the scale fact
    base's names and vocabulary) so that they meet its crowded postings."""
    out: list[Input] = []
    for language, words in WORDS.items():
        rng = random.Random(f"worst-{language}")
        stock = list(words)
        if language == "en" and synthetic_words:
            stock += synthetic_words
        out.extend(_inputs_in(language, rng, stock))
    return out


class _Served:
    """What ``TimelineAnswers`` reads of the served index: the matcher and its settings."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.settings = MatcherSettings()


def as_served(matcher: Matcher) -> Callable[[str], object]:
    """``KnowledgeBase.ask``'s answering (``served_answer.answer``, the one function it calls),
    without the statistics: the question's first ``MAX_ASK_CHARS`` characters, answered by the
    timeline when they name a time."""
    answers = TimelineAnswers(_Served(matcher))  # type: ignore[arg-type]

    def ask(question: str) -> object:
        return served_answer.answer(question, TODAY, matcher, answers, limit=4, guild_id=None)

    return ask


def whole(matcher: Matcher) -> Callable[[str], object]:
    """The matcher on the whole text, with the time read out of it as the service does."""

    def ask(question: str) -> object:
        timeline.read_time(question, TODAY)
        return matcher.ask(question, limit=4)

    return ask


def timed(ask: Callable[[str], object], text: str, repeats: int) -> tuple[float, float, float]:
    """Milliseconds of thread CPU time: the first ask (the words' caches cold, unless an
    earlier input had the same words), then the median and max of ``repeats`` more."""
    times = []
    for _ in range(repeats + 1):
        start = time.thread_time()
        ask(text)
        times.append((time.thread_time() - start) * 1000)
    return times[0], statistics.median(times[1:]), max(times[1:])


# Ordinary questions asked first, as a running bot has: what any question loads once (word
# lists, dictionaries) is not counted against the first odd input.
WARM_UP = (
    "why was the ambassador recalled",
    "почему отозвали посла",
    "pochemu otozvali posla",
    "səfir niyə geri çağırılıb",
    "what happened on 3 march",
)


def run(base: str, matcher: Matcher, cases: list[Input], repeats: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for question in WARM_UP:
        as_served(matcher)(question)
    # And what a running bot's warm-up makes (``bot.core.timeline_warmer``): the country names
    # of the languages its facts are written in, and the names of places a kind stands for.
    country_names.prepare(matcher.written_languages())
    matcher.prepare_place_names()
    for path, ask in (("service", as_served(matcher)), ("whole text", whole(matcher))):
        for case in cases:
            first, median, most = timed(ask, case.text, repeats)
            rows.append(
                {
                    "base": base,
                    "path": path,
                    "kind": case.kind,
                    "language": case.language,
                    "chars": len(case.text),
                    "first_ms": round(first, 2),
                    "median_ms": round(median, 2),
                    "max_ms": round(most, 2),
                }
            )
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| facts | path | input kind | language | chars | ms first | ms median | ms max |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['base']} | {r['path']} | {r['kind']} | {r['language']} | {r['chars']} "
            f"| {r['first_ms']:.2f} | {r['median_ms']:.2f} | {r['max_ms']:.2f} |"
        )
    return "\n".join(lines)


def measure(size: int, repeats: int) -> list[dict[str, object]]:
    """The rows of one fact base: the seed knowledge (``size`` 0) or ``size`` synthetic facts."""
    if size == 0:
        return run("seed", matcher_for(seed_knowledge()), inputs(), repeats)
    fact_list = list(facts(size))
    with index_snapshot.long_lived_objects(freeze=size >= index_snapshot.FREEZE_FROM_FACTS):
        matcher = Matcher(fact_list)
    names = sorted({tag for fact in fact_list[:200] for tag in fact.tags})
    return run(f"{size:,}", matcher, inputs([*ACTORS, *ACTIONS, *TOPICS, *names]), repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 100_000], help="0: seed")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--label", default="")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.repeats), ensure_ascii=False))
        return
    rows: list[dict[str, object]] = []
    for size in args.sizes:
        # Each fact base in its own process: its first asks meet cold word caches, as a
        # freshly started bot's would, not ones the other fact base's run filled.
        command = [sys.executable, "-m", "bench.worst_case", "--child", str(size)]
        done = subprocess.run(
            [*command, "--repeats", str(args.repeats)], check=True, capture_output=True, text=True
        )
        rows += json.loads(done.stdout)
    suffix = f"-{args.label}" if args.label else ""
    RESULTS.mkdir(exist_ok=True)
    data = json.dumps(rows, ensure_ascii=False, indent=1)
    (RESULTS / f"worst_case{suffix}.json").write_text(data + "\n", encoding="utf-8")
    text = table(rows)
    (RESULTS / f"worst_case{suffix}.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
