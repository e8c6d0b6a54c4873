"""Build-time derivations of the tables ``bot/core`` ships from WordNet 3.0: run only to derive
a table again (``python -m bot.wordnet_tables.place_kinds``, ``... .multiword_paraphrases``),
never by the bot, which reads the small derived files and needs no WordNet. The modules of the
core that read each table say what it holds."""
