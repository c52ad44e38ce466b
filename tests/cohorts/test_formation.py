"""The cohort suggestion: a pure function, so plain unit tests."""

from collections import Counter

import pytest

from cohorts.formation import Candidate, cohort_sizes, suggest_cohorts


def candidates(spec):
    return [Candidate(key=name, groups=frozenset(groups)) for name, groups in spec]


@pytest.mark.parametrize(
    ("count", "sizes"),
    [
        (0, []),
        (1, []),
        (2, [2]),
        (5, [5]),
        (6, [3, 3]),
        (7, [4, 3]),
        (10, [5, 5]),
        (11, [4, 4, 3]),
    ],
)
def test_sizes_are_within_limits_and_as_even_as_possible(count, sizes):
    assert cohort_sizes(count, min_size=2, max_size=5) == sizes


def test_sizes_leave_a_remainder_when_the_minimum_cannot_be_met():
    assert cohort_sizes(6, min_size=4, max_size=5) == [5]


def test_sizes_refuse_impossible_limits():
    with pytest.raises(ValueError):
        cohort_sizes(4, min_size=3, max_size=2)


def test_ten_organisations_make_two_cohorts_of_five_and_everyone_is_placed():
    people = candidates([(f"org{n}", {"a"}) for n in range(10)])

    suggestion = suggest_cohorts(people, min_size=2, max_size=5)

    assert [len(cohort) for cohort in suggestion.cohorts] == [5, 5]
    assert suggestion.unplaced == []
    placed = [c.key for cohort in suggestion.cohorts for c in cohort]
    assert sorted(placed) == sorted(c.key for c in people)


def test_groups_are_spread_across_cohorts():
    people = candidates(
        [
            ("disability-1", {"disability"}),
            ("disability-2", {"disability"}),
            ("ethnic-1", {"ethnic"}),
            ("ethnic-2", {"ethnic"}),
            ("economic-1", {"economic"}),
            ("economic-2", {"economic"}),
        ]
    )

    suggestion = suggest_cohorts(people, min_size=2, max_size=5)

    assert [len(cohort) for cohort in suggestion.cohorts] == [3, 3]
    for cohort in suggestion.cohorts:
        groups = Counter(group for candidate in cohort for group in candidate.groups)
        assert groups == Counter({"disability": 1, "ethnic": 1, "economic": 1})


def test_a_rare_group_is_not_doubled_up_while_another_cohort_lacks_it():
    people = candidates(
        [
            ("a", {"common"}),
            ("b", {"common"}),
            ("c", {"common"}),
            ("d", {"common"}),
            ("e", {"rare"}),
            ("f", {"rare", "common"}),
        ]
    )

    suggestion = suggest_cohorts(people, min_size=2, max_size=3)

    rare_per_cohort = [sum("rare" in c.groups for c in cohort) for cohort in suggestion.cohorts]
    assert rare_per_cohort == [1, 1]


def test_the_suggestion_is_deterministic():
    people = candidates([(f"org{n}", {f"g{n % 3}"}) for n in range(9)])

    first = suggest_cohorts(people, min_size=2, max_size=5)
    second = suggest_cohorts(list(people), min_size=2, max_size=5)

    assert first == second


def test_too_few_organisations_are_left_unplaced():
    people = candidates([("alone", {"a"})])

    suggestion = suggest_cohorts(people, min_size=2, max_size=5)

    assert suggestion.cohorts == []
    assert [c.key for c in suggestion.unplaced] == ["alone"]
