"""Command names stay English; their descriptions are localized through discord.py's
``app_commands.Translator`` (set in ``setup_hook``).

Discord has a Russian locale (``ru``) but none for Azerbaijani: Azerbaijani speakers see the
English (or their client's) descriptions, and get Azerbaijani replies from the language of
their questions. ``AZERBAIJANI`` keeps the strings for the day Discord adds the locale, and
for tests.
"""

from __future__ import annotations

import discord
from discord import app_commands

RUSSIAN: dict[str, str] = {
    "Ask newsdesk a question about the news": "Задать newsdesk вопрос о новостях",
    "Your question, e.g. why was the ambassador recalled?": (
        "Ваш вопрос, например: почему отозвали посла?"
    ),
    "Add and manage facts": "Добавлять факты и управлять ими",
    "Add a fact (leave the options empty to open a form)": (
        "Добавить факт (оставьте поля пустыми, чтобы открыть форму)"
    ),
    "Edit a fact you added (moderators: any member's fact)": (
        "Изменить свой факт (модераторы: факт любого участника)"
    ),
    "Remove a fact you added (moderators: any member's fact)": (
        "Удалить свой факт (модераторы: факт любого участника)"
    ),
    "Show a fact by its id": "Показать факт по его id",
    "Find facts about something": "Найти факты о чём-либо",
    "Who added and changed a fact, and when": "Кто и когда добавлял и менял факт",
    "The newest facts, newest first": "Самые новые факты, сначала новейшие",
    "The language you write in (default: the one your text reads as)": (
        "Язык, на котором вы пишете (по умолчанию тот, на котором написан текст)"
    ),
    "The language you write in; another than the fact's own edits its translation": (
        "Язык, на котором вы пишете; другой язык, чем у факта, меняет его перевод"
    ),
    "Remove the fact's translation in the language chosen": (
        "Удалить перевод факта на выбранный язык"
    ),
}

AZERBAIJANI: dict[str, str] = {
    "Ask newsdesk a question about the news": "newsdesk-ə xəbərlər barədə sual verin",
    "Your question, e.g. why was the ambassador recalled?": (
        "Sualınız, məsələn: səfir niyə geri çağırıldı?"
    ),
    "Add and manage facts": "Faktlar əlavə edin və idarə edin",
    "Add a fact (leave the options empty to open a form)": (
        "Fakt əlavə edin (formanı açmaq üçün sahələri boş buraxın)"
    ),
    "Edit a fact you added (moderators: any member's fact)": (
        "Əlavə etdiyiniz faktı dəyişin (moderatorlar: istənilən üzvün faktını)"
    ),
    "Remove a fact you added (moderators: any member's fact)": (
        "Əlavə etdiyiniz faktı silin (moderatorlar: istənilən üzvün faktını)"
    ),
    "Show a fact by its id": "Faktı id-si ilə göstərin",
    "Find facts about something": "Nə barədəsə faktlar tapın",
    "Who added and changed a fact, and when": "Faktı kim və nə vaxt əlavə edib, dəyişib",
    "The newest facts, newest first": "Ən yeni faktlar, əvvəlcə ən yenisi",
    "The language you write in (default: the one your text reads as)": (
        "Yazdığınız dil (susmaya görə mətninizin yazıldığı dil)"
    ),
    "The language you write in; another than the fact's own edits its translation": (
        "Yazdığınız dil; faktın öz dilindən fərqli dil onun tərcüməsini dəyişir"
    ),
    "Remove the fact's translation in the language chosen": (
        "Faktın seçilmiş dilə tərcüməsini silin"
    ),
}

_BY_LOCALE: dict[discord.Locale, dict[str, str]] = {discord.Locale.russian: RUSSIAN}


class NewsdeskTranslator(app_commands.Translator):
    """Russian descriptions of the commands; anything else stays as written (English)."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        # Names stay English (they are typed); descriptions and option descriptions are read.
        if context.location in (
            app_commands.TranslationContextLocation.command_name,
            app_commands.TranslationContextLocation.group_name,
            app_commands.TranslationContextLocation.parameter_name,
            app_commands.TranslationContextLocation.choice_name,
        ):
            return None
        return _BY_LOCALE.get(locale, {}).get(string.message)
