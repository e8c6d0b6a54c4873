"""From news articles to draft knowledge files that moderators review before anything is answered.

Discord-free like ``bot.core``: ``fetch`` gets a page or feed (http(s) only, with timeouts and a
size cap), ``extract`` turns it into an ``Article`` (trafilatura for HTML, feedparser for feeds),
``sentences`` splits the text, ``statements`` keeps the sentences that state a fact and resolves
"the incident"/"the two countries", ``dedupe`` merges what the article repeats, ``main_clause``
reads a statement, ``questions`` asks about it and ``question_check`` keeps the questions that are
English, ``article_draft`` turns each statement into a fact, and ``pipeline`` ties it together
and hands each article's draft file to the knowledge service, which files it in
``knowledge/drafts/``, remembers the article and, once a moderator approves, moves it into the
live knowledge.
"""
