"""Suggest how accepted organisations could be grouped into cohorts.

A pure function: no database, no Django. The programme team sees the suggestion in the
admin, then forms the cohorts by hand (or accepts the suggestion as it is).

"Balanced" means two things, in this order:
1. sizes: every cohort has between ``min_size`` and ``max_size`` members and the sizes
   differ by at most one (ten organisations with 2-5 per cohort become 5 + 5, not 5 + 3 + 2);
2. groups served: each cohort gets as wide a mix of the marginalised groups its
   organisations work with as the sizes allow, so every cohort can compare notes across
   groups and no group is concentrated in a single cohort.
"""

import math
from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """An accepted applicant: a stable key (e.g. a submission id) and the groups it serves."""

    key: object
    groups: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class Suggestion:
    cohorts: list  # list of lists of Candidate
    unplaced: list  # candidates that could not be placed without breaking min_size


def cohort_sizes(count, *, min_size, max_size):
    """The balanced sizes for ``count`` organisations, largest first; [] if impossible."""
    if min_size < 1 or max_size < min_size:
        raise ValueError("cohort sizes need 1 <= min_size <= max_size")
    if count < min_size:
        return []
    number = math.ceil(count / max_size)
    base, extra = divmod(count, number)
    sizes = [base + 1] * extra + [base] * (number - extra)
    if sizes[-1] < min_size:
        # Cannot happen for min_size <= ceil(max_size / 2); otherwise drop to fewer cohorts
        # and leave the remainder unplaced for the team to decide.
        number = count // min_size
        sizes = [min(max_size, count // number)] * number
    return sizes


def suggest_cohorts(candidates, *, min_size=2, max_size=5):
    """Group ``candidates`` into cohorts of ``min_size``-``max_size``, balancing groups served.

    Deterministic: the same input always gives the same suggestion. Candidates whose groups
    are rarest are placed first, each into the cohort (with room) where its groups are least
    represented so far, then the smallest cohort, then the first.
    """
    candidates = list(candidates)
    sizes = cohort_sizes(len(candidates), min_size=min_size, max_size=max_size)
    if not sizes:
        return Suggestion(cohorts=[], unplaced=candidates)

    frequency = Counter(group for candidate in candidates for group in candidate.groups)
    order = sorted(
        range(len(candidates)),
        key=lambda index: (
            min((frequency[group] for group in candidates[index].groups), default=math.inf),
            -len(candidates[index].groups),
            index,
        ),
    )
    placed = sum(sizes)
    to_place, unplaced = order[:placed], sorted(order[placed:])

    cohorts = [[] for _ in sizes]
    groups_in = [Counter() for _ in sizes]
    for index in to_place:
        candidate = candidates[index]
        open_cohorts = [n for n, size in enumerate(sizes) if len(cohorts[n]) < size]
        best = min(
            open_cohorts,
            key=lambda n: (
                sum(groups_in[n][group] for group in candidate.groups),
                len(cohorts[n]),
                n,
            ),
        )
        cohorts[best].append(candidate)
        groups_in[best].update(candidate.groups)
    return Suggestion(cohorts=cohorts, unplaced=[candidates[index] for index in unplaced])
