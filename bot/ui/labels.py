"""The reply's labels in the asker's language: English, Russian or Azerbaijani.

The language is the question's when it is Russian or Azerbaijani, else the member's Discord
locale when newsdesk has it (``bot.core.language.from_locale``: Discord has no Azerbaijani
locale, so Azerbaijani labels come from Azerbaijani questions only), else English.
"""

from __future__ import annotations

from bot.core import language as languages
from bot.core.models import Fact, date_label

LABELS: dict[str, dict[str, str]] = {
    "answer": {"en": "Answer", "ru": "Ответ", "az": "Cavab"},
    "source": {"en": "Source", "ru": "Источник", "az": "Mənbə"},
    "no source": {"en": "No source given", "ru": "Источник не указан", "az": "Mənbə göstərilməyib"},
    "confidence": {"en": "Confidence", "ru": "Уверенность", "az": "Əminlik"},
    "high": {"en": "high", "ru": "высокая", "az": "yüksək"},
    "good": {"en": "good", "ru": "хорошая", "az": "yaxşı"},
    "fair": {"en": "fair", "ru": "средняя", "az": "orta"},
    "date": {"en": "Date", "ru": "Дата", "az": "Tarix"},
    # The date line's words: "published 2025-07-01", "added 2025-07-03", "date unknown".
    "published": {"en": "published", "ru": "опубликовано", "az": "dərc edilib"},
    "added": {"en": "added", "ru": "добавлено", "az": "əlavə edilib"},
    "date unknown": {"en": "date unknown", "ru": "дата неизвестна", "az": "tarix məlum deyil"},
    "earlier": {"en": "Earlier", "ru": "Ранее", "az": "Əvvəl"},
    # The console's "[fact-id · score 0.80]" under an answer.
    "score": {"en": "score", "ru": "уверенность", "az": "əminlik"},
    # The answer's footer on Discord: "fact id: X · from the knowledge base · was this helpful?"
    # ("fact id:" stays as it is: the id is no word to translate, and tools read it).
    "from the knowledge base": {
        "en": "from the knowledge base",
        "ru": "из базы знаний",
        "az": "bilik bazasından",
    },
    "added by a member": {
        "en": "added by a member",
        "ru": "добавлено участником",
        "az": "üzv tərəfindən əlavə edilib",
    },
    "helpful": {"en": "was this helpful?", "ru": "это помогло?", "az": "bu kömək etdi?"},
    "related": {"en": "Related questions", "ru": "Похожие вопросы", "az": "Oxşar suallar"},
    "no translation": {
        "en": "",
        "ru": "Перевода этого ответа на русский пока нет; вот он на английском.",
        "az": "Bu cavabın Azərbaycan dilinə tərcüməsi hələ yoxdur; budur ingiliscəsi.",
    },
    "unsure title": {
        "en": "I'm not sure what you mean",
        "ru": "Не уверен, что понял вопрос",
        "az": "Nəyi soruşduğunuzdan əmin deyiləm",
    },
    "did you mean": {
        "en": "Did you mean one of these? Pick one below.",
        "ru": "Вы имели в виду один из этих вопросов? Выберите ниже.",
        "az": "Bunlardan birini nəzərdə tuturdunuz? Aşağıdan seçin.",
    },
    "unknown title": {
        "en": "I don't know that yet",
        "ru": "Пока не знаю",
        "az": "Bunu hələ bilmirəm",
    },
    "unknown text": {
        "en": (
            "Nothing in my fact base answers this, and I'd rather say so than guess.\n"
            "If you know the answer and have a source, add it with `/fact add`."
        ),
        "ru": (
            "В моей базе фактов нет ответа на это, и лучше я скажу об этом, чем буду гадать.\n"
            "Если вы знаете ответ и у вас есть источник, добавьте его через `/fact add`."
        ),
        "az": (
            "Fakt bazamda buna cavab yoxdur və təxmin etməkdənsə bunu deməyi üstün tuturam.\n"
            "Cavabı bilirsinizsə və mənbəniz varsa, onu `/fact add` ilə əlavə edin."
        ),
    },
    "you asked": {"en": "You asked", "ru": "Вы спросили", "az": "Siz soruşdunuz"},
    # The console's replies (no buttons there: suggestions are numbered, facts added by command).
    "console unsure": {
        "en": "I'm not sure what you mean. Did you mean one of these?",
        "ru": "Не уверен, что понял вопрос. Вы имели в виду один из этих?",
        "az": "Nəyi soruşduğunuzdan əmin deyiləm. Bunlardan birini nəzərdə tuturdunuz?",
    },
    "console unknown": {
        "en": "I don't know that one yet. If you know the answer, add it with 'fact add' "
        "(with its source).",
        "ru": "Пока не знаю. Если вы знаете ответ, добавьте его командой 'fact add' "
        "(с источником).",
        "az": "Bunu hələ bilmirəm. Cavabı bilirsinizsə, onu 'fact add' ilə əlavə edin "
        "(mənbəsi ilə).",
    },
    "picked": {
        "en": "you picked this question",
        "ru": "вы выбрали этот вопрос",
        "az": "bu sualı siz seçdiniz",
    },
    "error": {"en": "Something went wrong", "ru": "Что-то пошло не так", "az": "Nəsə səhv getdi"},
    # Under the reply to a message longer than the service reads (``{chars}``: how many).
    "long message": {"en": "Long message", "ru": "Длинное сообщение", "az": "Uzun mesaj"},
    "read the start": {
        "en": "Only the first {chars} characters of your message were read.",
        "ru": "Прочитаны только первые {chars} символов вашего сообщения.",
        "az": "Mesajınızın yalnız ilk {chars} simvolu oxundu.",
    },
    "channel": {
        "en": "I don't answer questions in this channel.",
        "ru": "В этом канале я на вопросы не отвечаю.",
        "az": "Bu kanalda suallara cavab vermirəm.",
    },
}


def label(key: str, language: str = "en") -> str:
    """The label ``key`` in ``language`` (English when it has no such translation)."""
    texts = LABELS[key]
    return texts.get(language) or texts["en"]


def reply_language(question: str | None, locale: object = None) -> str:
    """The language to reply in: the question's if Russian or Azerbaijani, else the Discord
    locale's if newsdesk has it, else English."""
    if question:
        asked = languages.detect(question)
        if asked != "en":
            return asked
    return languages.from_locale(str(locale) if locale is not None else None) or "en"


def date_text(fact: Fact, language: str = "en") -> str:
    """The fact's date line in ``language``: "опубликовано 2025-07-01", not "published"."""
    return date_label(fact, lambda key: label(key, language))
