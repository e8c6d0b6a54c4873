"""Plain-English paraphrase that every knowledge base gets: irregular verb forms and tight
groups of words that news readers use for the same thing.

A member asks "how many were hurt" of a fact that says "wounded", or "who got locked up" of one
that says "detained". A knowledge base's own ``synonyms.yaml`` covers its names and its topic;
this table covers the everyday words of news that no curator should have to list again for
every story. The English stemmer does not join irregular forms ("fled" and "flee", "fought" and
"fight"), so they are read as their base form first.

Kept tight on purpose: a group holds only words that mean the same thing in a news question,
never merely related ones ("war" is not "conflict", "strike" can be a walk-out). Words with a
second everyday sense that would mislead are left out: "cops" (COP29), "fine" (all right), "pm"
(the afternoon), "bill" (a name). A knowledge base's own group that shares a word with one of
these absorbs it, so the curator's choice of head word stands.

Russian and Azerbaijani words join the groups in their own spelling (their nominative or
infinitive and the forms their stemmer does not bring together, "погиб"/"погибли"): a question
in either language says "внешнеполитическое ведомство" or "похватали" where the fact's own
translation says "МИД" or "арестовали". Azerbaijani is written with its letters, which is how
its words are recognised as Azerbaijani; a question typed without them still meets them.

Irregular forms are listed only where the past form has no other common sense: "left", "found",
"saw", "felt" and "lay" stay as they are.
"""

from __future__ import annotations

IRREGULAR_FORMS: dict[str, str] = {
    "fled": "flee",
    "fought": "fight",
    "caught": "catch",
    "brought": "bring",
    "bought": "buy",
    "sought": "seek",
    "taught": "teach",
    "thought": "think",
    "struck": "strike",
    "stricken": "strike",
    "shot": "shoot",
    "sold": "sell",
    "told": "tell",
    "held": "hold",
    "kept": "keep",
    "spent": "spend",
    "sent": "send",
    "lent": "lend",
    "built": "build",
    "paid": "pay",
    "said": "say",
    "met": "meet",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "lost": "lose",
    "led": "lead",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "broke": "break",
    "broken": "break",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "flew": "fly",
    "flown": "fly",
    "froze": "freeze",
    "frozen": "freeze",
    "gave": "give",
    "given": "give",
    "grew": "grow",
    "grown": "grow",
    "knew": "know",
    "known": "know",
    "ran": "run",
    "spoke": "speak",
    "spoken": "speak",
    "stole": "steal",
    "stolen": "steal",
    "swore": "swear",
    "sworn": "swear",
    "threw": "throw",
    "thrown": "throw",
    "wrote": "write",
    "written": "write",
    "became": "become",
    "came": "come",
    "took": "take",
    "taken": "take",
    "went": "go",
    "gone": "go",
    "hid": "hide",
    "hidden": "hide",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "overtook": "overtake",
    "undertook": "undertake",
    "forbade": "forbid",
    "forbidden": "forbid",
    "sank": "sink",
    "sunk": "sink",
    "stood": "stand",
    "understood": "understand",
    "wore": "wear",
    "worn": "wear",
    "bore": "bear",
    "slain": "slay",
    "slew": "slay",
    "dealt": "deal",
    "meant": "mean",
    "sped": "speed",
    "fed": "feed",
    "bled": "bleed",
    "hung": "hang",
    "swept": "sweep",
    "slept": "sleep",
    "wept": "weep",
    "beaten": "beat",
    # Not irregular, but stemmed as "president" is ("presid"), which the president's group
    # then claims: "who presided over the talks" asks who chaired them, not who the head of
    # state was. Read as the verb they mean.
    "preside": "chair",
    "presides": "chairs",
    "presided": "chaired",
    "presiding": "chairing",
}

# Words the stemmer cuts to the stem of a word in one of the groups below though they mean
# something else: "residence" ("resid") is not the residents, a "protestant" no protest, and
# "kidding" no kid. Each is read as a term of its own, unstemmed, so the group cannot claim it.
OWN_SENSE = frozenset("residence residences protestant protestants kidding".split())

# Each group: words (or short phrases) a news question may use for one another.
NEWS_SYNONYMS: tuple[tuple[str, ...], ...] = (
    (
        "die",
        "died",
        "dead",
        "death",
        "deaths",
        "kill",
        "killed",
        "fatalities",
        "fatality",
        "perish",
        "perished",
        "lives lost",
        "death toll",
        "гибель",
        "погибнуть",
        "погиб",
        "погибли",
        "погибшие",
        "погибших",
        "смерть",
        "умереть",
        "умер",
        "умерли",
        "умершие",
        "умерших",
        "скончаться",
        "скончались",
        "убить",
        "убили",
        "ölüm",
        "ölmək",
        "öldürmək",
        "həlak olmaq",
    ),
    ("injure", "injured", "injury", "injuries", "wounded", "wound", "wounds", "hurt"),
    # Held by the police or in prison, as a place one dies or is kept in ("died in the lockup").
    ("custody", "lockup", "prison", "behind bars"),
    (
        "arrest",
        "arrested",
        "detain",
        "detained",
        "detention",
        "apprehend",
        "lock up",
        "locked up",
        "jail",
        "jailed",
        "imprison",
        "imprisoned",
        "imprisonment",
        "арест",
        "аресты",
        "арестовать",
        "арестовали",
        "задержать",
        "задержали",
        "задержание",
        "похватать",
        "похватали",
        "повязать",
        "повязали",
        # Street slang for arresting: "винтят" (they screw), "пакуют" (they pack). Not the
        # forms a news question more often means otherwise: "паковать чемоданы", "упаковали
        # помощь" (packing), "заметать следы", "замело" (covering tracks, snow drifting),
        # "свинтили" (ran off). The noun "винт" (a screw, a rotor) shares
        # the verbs' stem and is read as an arrest too, as every word of a verb member's stem
        # is (``Analyzer._by_stem``): kept, as older tune questions say "винтят".
        "винтить",
        "винтят",
        "пакуют",
        "tutulmaq",
    ),
    # Russian verbs whose two aspects the stemmer leaves apart ("проводил" / "провёл").
    (
        "проводить",
        "проводил",
        "проводила",
        "проводили",
        "проводит",
        "проводят",
        "провести",
        "провёл",
        "провела",
        "провели",
    ),
    (
        "retaliation",
        "retaliate",
        "retaliated",
        "retaliatory",
        "tit-for-tat",
        "ответные",
        "ответный",
        "ответка",
        "ответку",
    ),
    # "nə dəxli var" and "nə əlaqəsi var": what has it to do with.
    ("əlaqə", "əlaqəsi", "dəxl", "dəxli"),
    ("evacuate", "evacuated", "evacuation", "evacuations", "evacuees"),
    ("money", "funding", "funds", "financing", "cash"),
    (
        "ally",
        "allies",
        "friend",
        "friends",
        "buddies",
        "partner",
        "partners",
        "союзник",
        "союзники",
        "союзничество",
        "партнёр",
        "партнеры",
        "müttəfiq",
        "müttəfiqlik",
        "tərəfdaş",
    ),
    (
        "conflict",
        "clash",
        "clashes",
        "fight",
        "fighting",
        "hostilities",
        "feud",
        "standoff",
        "конфликт",
        "ссора",
        "противостояние",
        "разлад",
        "сыр-бор",
        "münaqişə",
        "qarşıdurma",
    ),
    # "что произошло" is asked as often as "что случилось"; the stemmer joins neither pair.
    # Azerbaijani's "baş vermək" meets its own forms by its stems, and is left out.
    (
        "happen",
        "happened",
        "happening",
        "occur",
        "occurred",
        "случиться",
        "случилось",
        "произойти",
        "произошло",
        "произошли",
        "стряслось",
    ),
    ("government", "governments", "правительство", "hökumət"),
    ("protest", "protests", "demonstration", "demonstrations", "rally", "rallies"),
    ("protester", "protesters", "demonstrator", "demonstrators"),
    ("law", "legislation"),
    # Who stands against someone in a vote: "Sandu's challenger" is her opponent.
    ("opponent", "opponents", "challenger", "challengers", "rival", "rivals"),
    ("agreement", "deal", "accord", "pact"),
    ("summit", "conference"),
    # "глава государства" and "dövlət başçısı" are the president in a careful question, and
    # so is its "first person" in Russian and Azerbaijani news ("первое лицо государства",
    # "ölkənin birinci şəxsi") and the master of its seat of power ("хозяин Кремля").
    (
        "head of state",
        "heads of state",
        "president",
        "глава государства",
        "президент",
        "первое лицо",
        "хозяин кремля",
        "dövlət başçısı",
        "prezident",
        "birinci şəxs",
    ),
    # Told "from the first person" is told first-hand, no head of state: the longer phrase is
    # read first, so the president's group does not take its words.
    ("firsthand", "от первого лица", "birinci şəxsin dilindən"),
    (
        "visit",
        "visited",
        "визит",
        "посетить",
        "посетил",
        "посещать",
        "посещал",
        "побывать",
        "побывал",
        "səfər",
    ),
    # Police and intelligence together, as a news report says when it does not know which.
    (
        "security services",
        "intelligence services",
        "special services",
        "спецслужбы",
        "силовики",
        "силовые структуры",
        "xüsusi xidmətlər",
        "xüsusi xidmət orqanları",
    ),
    # The comparative "хуже" is the state that "ухудшиться" reaches; the stemmer keeps them
    # apart, as it does "worse" and "worsen".
    (
        "worsen",
        "worsened",
        "worsening",
        "worse",
        "deteriorate",
        "deteriorated",
        "ухудшиться",
        "ухудшились",
        "ухудшаются",
        "ухудшение",
        "хуже",
        # Gathering pace, of a conflict or a crisis: growing worse (not "escalate", which
        # also holds "нагнетать", a side's stoking it on purpose).
        "набирать обороты",
        "pisləşmək",
        "pisləşib",
    ),
    ("soldier", "soldiers", "troops", "servicemen"),
    ("refugee", "refugees", "displaced people"),
    ("border", "frontier"),
    ("ban", "prohibit", "prohibited", "prohibition", "outlaw", "outlawed"),
    ("resign", "resigned", "resignation", "step down", "stepped down", "quit"),
    ("elect", "elected", "election", "elections"),
    ("begin", "start", "started", "kick off", "kicked off"),
    (
        "accuse",
        "accused",
        "accusation",
        "accusations",
        "blame",
        "blamed",
        "обвинять",
        "обвиняют",
        "обвинить",
        "обвинили",
        "обвинение",
        "винить",
        "винят",
        "виноват",
        "виноваты",
        "ittiham",
        "günahlandırmaq",
        "günahlandırır",
    ),
    (
        "investigation",
        "probe",
        "inquiry",
        "enquiry",
        "investigate",
        "investigated",
        "расследование",
        "расследовать",
        "следствие",
        "araşdırma",
        "istintaq",
        "təhqiqat",
    ),
    # A state body told by the kind of thing it is ("какое ведомство", "hansı qurum": which
    # agency), not named. Not "организация", "təşkilat" (an organisation need be no state's),
    # "служба" (also a church service), "idarə" (also "idarə etmək", to run something),
    # "инстанция" (a court's: "суд первой инстанции"), "учреждение" (a prison or a hospital:
    # "исправительное учреждение"), nor English "body" (a corpse) or "authority" (the
    # authorities are people as often).
    (
        "agency",
        "agencies",
        "ведомство",
        "структура",
        "орган",
        "qurum",
        "orqan",
        "struktur",
    ),
    (
        "foreign ministry",
        "ministry of foreign affairs",
        "министерство иностранных дел",
        "внешнеполитическое ведомство",
        "дипведомство",
        "xarici işlər nazirliyi",
    ),
    ("south caucasus", "transcaucasia", "южный кавказ", "закавказье", "cənubi qafqaz"),
    # Making a conflict worse on purpose (the English forms share their stem "escal"). Not the
    # Russian verb "обострять": its stem is that of "обостряться" (to get worse, on its own),
    # nor "kəskinləşmək" (to grow sharp): things getting worse is "worsen".
    (
        "escalate",
        "escalation",
        "эскалация",
        "обострение",
        "нагнетать",
        "нагнетание",
        "eskalasiya",
        "gərginləşdirmək",
        "qızışdırmaq",
    ),
    # A country and its people in Russian and Azerbaijani: "турки", "ermənilər" ask about Turkey
    # and Armenia as English "the Turks" does. Only the English name is listed, so English
    # questions read as before; a knowledge base's own group for the country absorbs these.
    # Plural and singular both where their stems part ("турки"/"турок", "erməni"/"ermənilər").
    ("turkey", "турция", "турки", "турок", "турецкий", "türkiyə", "türk", "türklər"),
    ("russia", "россия", "русские", "русский", "россияне", "россиянин", "rusiya", "rus", "ruslar"),
    (
        "armenia",
        "армения",
        "армяне",
        "армянин",
        "армянский",
        "ermənistan",
        "erməni",
        "ermənilər",
    ),
    ("georgia", "грузия", "грузины", "грузинский", "gürcüstan", "gürcü", "gürcülər"),
    ("ukraine", "украина", "украинцы", "украинский", "ukrayna", "ukraynalı", "ukraynalılar"),
    ("kazakhstan", "казахстан", "казахи", "казахский", "qazaxıstan", "qazax", "qazaxlar"),
    ("azerbaijan", "азербайджан", "азербайджанцы", "azərbaycan", "azəri", "azərilər"),
    ("flood", "floods", "flooding", "floodwater", "floodwaters", "inundation"),
    ("plane", "aircraft", "airliner", "jet"),
    ("crash", "crashed"),
    ("kid", "kids", "child", "children"),
    ("sign", "signed", "signing", "signature"),
    ("choose", "chose", "select", "selected", "selection", "pick", "picked"),
    ("venue", "host", "hosted", "hosting"),
    ("people", "residents", "locals"),
    ("mutiny", "mutinies", "revolt", "uprising", "rebellion", "insurrection"),
    ("withdraw", "withdrawal", "pull out", "pulled out", "pullout", "pullback", "pull back"),
    ("ceasefire", "cease-fire", "truce"),
    ("missile", "missiles", "rocket", "rockets"),
    ("rouble", "roubles", "ruble", "rubles"),
    ("shoot", "shooting", "gunfire", "open fire", "opened fire"),
    ("referendum", "plebiscite"),
    # Not "legislator": it stems as "legislation" does, which is "law".
    ("lawmaker", "lawmakers", "mp", "mps", "parliamentarian", "parliamentarians"),
    ("replace", "replaced", "replaces", "replacement", "succeed", "succeeded", "successor"),
    # Leading or heading something, not being charged with a crime: without this group "in
    # charge" is read as "charge", the word of "what were they charged with"; "who's in charge
    # of the region" meets its "acting head" and who "leads" it.
    ("lead", "leads", "leading", "head", "heads", "heading", "in charge"),
    # Something starting all of a sudden, not anything breaking: without this group "broken out"
    # is read as "break", the word of "break away" (to leave a bloc or a country).
    (
        "erupt",
        "erupted",
        "eruption",
        "outbreak",
        "break out",
        "breaks out",
        "broke out",
        "broken out",
        "flare up",
        "flared up",
    ),
)

# What happens to people in the news, each a group above: "how many were injured" asks for a
# count of injuries, and a fact that says nothing of any (in none of the group's words) does
# not give it, whatever else it counts ("tens of thousands of protesters"). Only these: a count
# of soldiers or of money may be stated without the word ("$300 billion", "2,500 troops").
COUNTED_EVENTS: tuple[str, ...] = ("die", "injure", "arrest", "evacuate")
