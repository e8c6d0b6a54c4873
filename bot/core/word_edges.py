"""The punctuation that clings to a word's ends in English text: quotes, brackets and the stops
of a clause ("(Putin", "said,", "\u201cbridge\u201d"). Stripped from each word when an answer is
read word by word (``focus``, ``measures``), one string so that the readers cannot drift apart.
"""

from __future__ import annotations

WORD_EDGES = "\"'()[]{},.;:!?\u2018\u2019\u201c\u201d"
