"""What one fact may hold at most: the caps on its answer, its phrasings and its lists.

Apart from the file reader that enforces them on knowledge files because members' forms
(``fact_input``, ``teaching``) and ingestion's drafts keep a fact within the same caps, and
need none of the YAML reading to know them.
"""

# Discord caps an embed description at 4,096 characters; leave room for the embed's furniture.
MAX_ANSWER_CHARS = 3_800
MAX_QUESTION_CHARS = 300
# Caps on a fact's lists: more is never a real fact, and each question is indexed. A curator
# may phrase a fact up to 20 ways per language (each phrasing is one more way members' own
# words meet it); a member's fact takes fewer (``fact_input.MAX_MEMBER_QUESTIONS``).
MAX_QUESTIONS_PER_FACT = 20
MAX_TAGS_PER_FACT = 10
MAX_RELATED_PER_FACT = 20
MAX_SUPERSEDES_PER_FACT = 20
