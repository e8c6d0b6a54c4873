"""How many texts the analysers remember the reading of.

Its own module because both ``text`` and ``language`` bound their caches by it, and ``text``
imports ``language``: held in ``text`` it could not be imported by ``language`` without a
circle, and written twice the two bounds could drift apart.
"""

from __future__ import annotations

# How many texts an analyser remembers the reading of (their terms and what they ask for in
# ``text``, their language in ``language.detect``). Nearly every reuse is of the question
# being answered (each stage reads it again): on 20,000 different questions at 100,000 facts,
# remembering 1,000 texts kept all but 39 of 20,458 reuses, 10,000 all but 3. A bot meets new
# questions for as long as it runs, and each one remembered costs close to 1 KB: after 50,000
# questions, remembering 50,000 of them held about 33 MB more than 10,000.
REMEMBERED_TEXTS = 10_000
