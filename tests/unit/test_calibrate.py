"""The refusal threshold is chosen so that held-out false refusals stay within budget."""

import numpy as np

from eval.calibrate import MAX_FALSE_REFUSALS, choose_rank, fit_found, leave_one_out


def _row(answerable: bool, coverage: float, cosine: float):
    """A dev question as calibrate.collect gives it: one judged hit, its six features."""
    x = np.array([[coverage, 1.0, 0.0, 1.0, 1.0, cosine]])
    return (["item"] if answerable else None, x, np.array([float(answerable)]))


def _dev(rng, n_answerable=120, n_unanswerable=60, odd=()):
    rows = [_row(True, rng.uniform(0.5, 1.0), rng.uniform(0.88, 0.95)) for _ in range(n_answerable)]
    rows += [_row(False, rng.uniform(0.0, 0.4), rng.uniform(0.82, 0.88)) for _ in range(n_unanswerable)]
    return rows + [_row(True, c, cos) for c, cos in odd]


def test_threshold_refuses_the_chosen_number_of_answerable_dev_questions():
    rows = _dev(np.random.default_rng(1), odd=[(0.0, 0.85), (0.1, 0.86)])
    for rank in (0, 1, 2):
        coef, intercept, threshold, p_found = fit_found(rows, rank)
        answerable = [p for (gold, *_), p in zip(rows, p_found, strict=False) if gold is not None]
        assert sum(p < threshold for p in answerable) == rank


def test_rank_is_lowered_until_held_out_false_refusals_fit_the_budget():
    # three answerable questions that look unanswerable: in-sample the budget (2 of 122) refuses
    # two of them, but each one held out of its own fit is refused too
    rows = _dev(np.random.default_rng(2), odd=[(0.0, 0.84), (0.05, 0.85), (0.1, 0.85)])
    budget = int(MAX_FALSE_REFUSALS * sum(gold is not None for gold, *_ in rows))
    assert leave_one_out(rows, budget)[1] > budget
    rank, (refused, false) = choose_rank(rows)
    assert rank < budget and false <= budget
    assert 0.0 < refused <= 1.0


def test_separable_dev_refuses_every_unanswerable_question_within_budget():
    rows = _dev(np.random.default_rng(3))
    rank, (refused, false) = choose_rank(rows)
    assert refused == 1.0 and false <= int(MAX_FALSE_REFUSALS * 120)


def test_item_threshold_keeps_both_citation_targets_furthest_from_failing():
    from eval.calibrate import widest_margin

    grid = [(0.10, 0.960, 0.70), (0.13, 0.952, 0.77), (0.17, 0.944, 0.80), (0.20, 0.940, 0.82)]
    assert widest_margin(grid) == 0.13  # the only one above both targets
    assert widest_margin([(0.10, 0.94, 0.80), (0.20, 0.94, 0.82)]) == 0.20  # a tie goes to more precision
