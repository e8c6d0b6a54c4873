"""Gathering candidates: the facts sharing terms with a question, each with the summed weight of
the terms it shares, read rarest term first within a budget of postings, so a question stays
cheap however large the fact base grows; only those that can be among the best few are kept."""

from __future__ import annotations

import bisect
import math

from bot.core.candidates import QueryTerm
from bot.core.fact_index import FactIndex
from bot.core.key_bitmaps import MOST_LATER_TERMS

# Candidates are narrowed to those within reach of the best (``_within_reach``) once they
# outnumber the shortlist this many times over; fewer are quicker to add a common term to as
# they are.
_REACH_FROM = 4
# A term read within the budget is asked whether its facts not yet gathered could be among the
# best (``_none_new_within_reach``) once the candidates number this many times the shortlist:
# with fewer there is no ``keep``-th best to measure against.
_PRUNE_FROM = 1


def _within_reach(rough: dict[int, float], keep: int, ahead: float) -> dict[int, float]:
    """``rough`` without the candidates that cannot be among its ``keep`` best once weights
    summing to ``ahead`` (none negative) are added to those holding their terms, when that
    drops at least half of them. The ``keep`` best come out the same and in the same order:
    a dropped candidate, given every weight still to come, would score less than ``keep``
    others already do."""
    if len(rough) <= keep:
        return rough
    scores = sorted(rough.values())
    # Below the ``keep``-th best by more than all that can still be added; the margin, far
    # above float rounding, keeps a candidate that could tie where it is.
    floor = scores[-keep] - ahead - 1e-9 * (scores[-keep] + ahead)
    if 2 * bisect.bisect_left(scores, floor) < len(scores):
        return rough
    return {key: score for key, score in rough.items() if score >= floor}


class CandidateGathering(FactIndex):
    """The facts a question's terms bring in (``_candidates``)."""

    def _candidates(
        self, query: list[QueryTerm], guild_id: int | None, keep: int
    ) -> dict[int, float]:
        """Facts sharing terms with the query, with the summed weight of the shared terms;
        among them, all that can be the ``keep`` best.

        Rarest terms first: their postings are short and bring in the candidates. Once the
        budget of postings is spent, a more common term no longer brings in new candidates; its
        weight is added to the candidates that contain it by intersecting them with the term's
        key set (in C, however long the term's postings are). Before that, the candidates that
        cannot be among the ``keep`` best, whatever the terms still to come add, are dropped:
        a word in nearly every fact ("said") is then added to a few dozen candidates, not to
        the thousands a name brought in. A term so common that its own postings exceed the
        budget, and comes first, brings in only its most recent facts.
        """
        budget = self.settings.posting_budget
        rough: dict[int, float] = {}
        spent = 0
        matched = [qt for qt in query if qt.confidence > 0.0 and qt.term in self._postings]
        matched.sort(key=lambda qt: self._df.get(qt.term, 0))
        weights = [qt.weight * qt.confidence for qt in matched]
        shortlist = self._one_term_shortlist(matched, weights, guild_id, keep)
        if shortlist is not None:
            return shortlist
        # Candidates out of reach of the best are dropped only while weights only add.
        narrowing = min(weights, default=0.0) >= 0.0
        # The least score a candidate has: the weight of the term that brought it in, at least.
        least = math.inf
        # The candidates' keys as a set, while they stay the same: made from the dict's stored
        # hashes, it meets a key set without reading every key again.
        gathered: set[int] | None = None
        for index, qt in enumerate(matched):
            weight = weights[index]
            posting = self._postings[qt.term]
            if spent and spent + len(posting) > budget:
                ahead = sum(weights[index:])
                # The best can hold every term so far: unless that leads the least by more
                # than what is still to come, every candidate stays within reach.
                if (
                    narrowing
                    and len(rough) > _REACH_FROM * keep
                    and sum(weights[:index]) - ahead > least
                ):
                    size = len(rough)
                    rough = _within_reach(self._in_scope(rough, guild_id), keep, ahead)
                    if len(rough) != size:
                        gathered = None
                if gathered is None:
                    gathered = set(rough)
                for key in gathered & self._key_set(qt.term):
                    rough[key] += weight
                continue
            if len(posting) > budget:
                posting = posting[-budget:]
            spent += len(posting)
            if (
                narrowing
                and rough
                and self._none_new_within_reach(rough, guild_id, keep, weights, index)
            ):
                # Its facts not gathered yet could not be among the best whatever they hold
                # of the terms still to come: it adds its weight to the candidates holding it
                # (found in C) and brings none in, as a common term past the budget does.
                for key in rough.keys() & posting:
                    rough[key] += weight
                continue
            least = min(least, weight)
            gathered = None
            if not rough:
                # The first term's facts: none gathered yet to meet them (the thousands of a
                # common first term are not looked up one by one in an empty dict).
                rough = dict.fromkeys(posting, weight)
                continue
            # Added in C: the facts already gathered keep their place (and add the weight),
            # new ones follow in the posting's order, as a loop adding key by key would do.
            held = {key: rough[key] for key in rough.keys() & posting}
            rough.update(dict.fromkeys(posting, weight))
            for key, earlier in held.items():
                rough[key] = earlier + weight
        return self._in_scope(rough, guild_id)

    def _none_new_within_reach(
        self,
        rough: dict[int, float],
        guild_id: int | None,
        keep: int,
        weights: list[float],
        index: int,
    ) -> bool:
        """Whether no fact that term ``index`` of the query (by ``weights``, none negative)
        would bring in could be among the ``keep`` best: such a fact holds none of the terms
        before it, so it scores at most the weights from ``index`` on, and the ``keep``-th best
        candidate in this server already scores more. The safe bound of MaxScore: the
        ``keep``-th best of what is gathered only rises as later terms add weight and bring
        candidates in, so the ``keep`` best come out the same and in the same order (a fact
        left out would score less than ``keep`` others do), and so do their scores, which
        are added up term by term in the query's order as before."""
        if len(rough) < _PRUNE_FROM * keep:
            return False
        ahead = sum(weights[index:])
        # The best can hold every term so far; unless that beats what is still to come, the
        # ``keep``-th cannot (most questions stop here, without a sort).
        if sum(weights[:index]) <= ahead:
            return False
        scores = sorted(self._in_scope(rough, guild_id).values())
        if len(scores) < keep:
            return False
        kth = scores[-keep]
        # The margin, far above float rounding, keeps a fact that could tie the ``keep``-th.
        return kth - ahead > 1e-9 * (kth + ahead)

    def _one_term_shortlist(
        self, matched: list[QueryTerm], weights: list[float], guild_id: int | None, keep: int
    ) -> dict[int, float] | None:
        """What ``_candidates`` would give of its ``keep`` best, read from key bitmaps
        (``KeyBitmaps.shortlist``) when only the first (rarest) of the ``matched`` terms brings
        candidates in, more of them than narrowing (``_within_reach``) starts at: every later
        term's postings would overrun the budget the first one's spent. None otherwise.

        The gathering then gives each live fact of the first term's postings read, in this
        server, its weight plus each later term's it holds, added in the terms' order; keeps
        them in the postings' order (ascending keys); and drops only what cannot be among the
        ``keep`` best. The shortlist taken from it (its ``keep`` best, stably sorted) is the one
        this gives."""
        if not matched or len(matched) - 1 > MOST_LATER_TERMS:
            return None
        budget = self.settings.posting_budget
        posting = self._postings[matched[0].term]
        spent = min(len(posting), budget)
        if spent <= _REACH_FROM * keep:
            return None
        postings = self._postings
        if any(spent + len(postings[qt.term]) <= budget for qt in matched[1:]):
            return None
        # Their key sets (and so bitmaps) as the gathering would make them: every later term's,
        # and the first's if it is common enough to have one kept (an index read from a
        # snapshot makes them on first need).
        if self._df[matched[0].term] >= self._key_set_from:
            self._key_set(matched[0].term)
        for qt in matched[1:]:
            self._key_set(qt.term)
        return self._key_bitmaps.shortlist(
            (matched[0].term, weights[0]),
            posting[-spent],
            [(qt.term, weight) for qt, weight in zip(matched[1:], weights[1:], strict=True)],
            guild_id,
            keep,
        )

    def _in_scope(self, rough: dict[int, float], guild_id: int | None) -> dict[int, float]:
        """``rough`` without removed facts and other servers' facts."""
        if self._dead_refs:
            entries = self._entries
            for key in [key for key in rough if key not in entries]:
                del rough[key]
        if self._guild_of:
            # Other servers' facts must not crowd this server's answers out of the shortlist.
            scope = self._guild_of
            for key in [key for key in rough if scope.get(key, guild_id) != guild_id]:
                del rough[key]
        return rough
