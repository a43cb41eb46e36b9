"""The linear-programming audit and the suppression it certifies.

The known traps are tested one by one; a property test over random small tables (regions ×
levels with totals both ways, zeros, singletons, structural zeros, rounding) shows that what
the suppression publishes always passes the audit and the primary rules.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.stats.audit import Published, Relation, audit
from build_tools.stats.suppress import protect, rounded, structural_totals

K = 10


def ranges(cells, relations):
    result = audit(cells, relations, K)
    assert result.infeasible == []
    return {key: (round(low), high if high == float("inf") else round(high)) for key, (low, high) in result.ranges.items()}


def test_singleton_is_derived_from_its_total():
    rel = [Relation("T", ("a", "b"))]
    assert ranges({"T": Published(25), "a": Published(None), "b": Published(22)}, rel) == {"a": (3, 3)}


def test_two_hidden_cells_protect_each_other():
    rel = [Relation("T", ("a", "b"))]
    result = audit({"T": Published(25), "a": Published(None), "b": Published(None)}, rel, K)
    assert result.derivable(K) == [] and sorted(result.ranges) == ["a", "b"]


def test_a_solve_that_fails_in_the_rounds_leaves_the_cell_derivable(monkeypatch):
    """Conservative: a cell whose range could not be proven wide is reported, and the audit ends."""
    import build_tools.stats.audit as audit_module

    solved = audit_module.linprog
    calls = []

    def failing_after_one(*args, **kwargs):
        calls.append(1)
        result = solved(*args, **kwargs)
        if len(calls) > 1:  # one feasible point (every range 0 wide), then every solve fails
            result.status = 2
        return result

    monkeypatch.setattr(audit_module, "linprog", failing_after_one)
    rel = [Relation("T", ("a", "z", "b"))]
    cells = {"T": Published(40), "a": Published(None), "z": Published(None), "b": Published(15)}
    assert sorted(audit(cells, rel, K).derivable(K)) == ["a", "z"] and len(calls) == 3


def test_published_zero_pins_the_complement():
    """Hiding a zero next to a small cell protects nothing: their sum is still known and small."""
    rel = [Relation("T", ("a", "z", "b"))]
    cells = {"T": Published(33), "a": Published(None), "z": Published(None), "b": Published(30)}
    assert audit(cells, rel, K).derivable(K) == ["a", "z"]


def test_hidden_zero_in_an_all_zero_row_is_revealed_by_its_total():
    rel = [Relation("T", ("a", "b", "c"))]
    cells = {"T": Published(0), "a": Published(None), "b": Published(0), "c": Published(0)}
    assert ranges(cells, rel) == {"a": (0, 0)}


def test_rounded_cells_are_intervals():
    """A value rounded to r is in [r−2, r+2]: T ≈ 50, b ≈ 40 give a in [48−42, 52−38] = [6, 14],
    only 8 wide; with a third rounded cell the uncertainty adds up to 12 and a is protected."""
    rel = [Relation("T", ("a", "b"))]
    cells = {"T": Published(50, rounded=True), "a": Published(None), "b": Published(40, rounded=True)}
    assert ranges(cells, rel) == {"a": (6, 14)}  # exact for a derivable cell
    rel = [Relation("T", ("a", "b", "c"))]
    cells = {"T": Published(50, rounded=True), "a": Published(None), "b": Published(20, rounded=True),
             "c": Published(15, rounded=True)}
    assert audit(cells, rel, K).derivable(K) == []


def test_cell_a_table_leaves_out_is_audited():
    rel = [Relation("T", ("a", "b"))]
    assert audit({"T": Published(40), "a": Published(35)}, rel, K).derivable(K) == ["b"]


def test_totals_that_do_not_add_up_are_reported():
    rel = [Relation("T", ("a", "b"))]
    assert audit({"T": Published(40), "a": Published(25), "b": Published(20)}, rel, K).infeasible == rel
    assert audit({"T": Published(40), "a": Published(None), "b": Published(50)}, rel, K).infeasible == rel


def test_rounding_to_nearest_five():
    assert [rounded(v) for v in (10, 12, 13, 17, 18, 22, 23)] == [10, 10, 15, 15, 20, 20, 25]


def two_way(rows: int, cols: int):
    """A table of rows × cols with a total column and a total row, as relations."""
    keys = [(r, c) for r in range(rows + 1) for c in range(cols + 1)]
    rels = [Relation((r, cols), tuple((r, c) for c in range(cols))) for r in range(rows + 1)]
    rels += [Relation((rows, c), tuple((r, c) for r in range(rows))) for c in range(cols + 1)]
    return keys, rels


small_counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 40), st.integers(41, 300))


@st.composite
def tables(draw):
    rows, cols = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    inner = {(r, c): draw(small_counts) for r in range(rows) for c in range(cols)}
    structural = {key for key, v in inner.items() if v == 0 and draw(st.booleans())}
    true = dict(inner)
    for r in range(rows):
        true[(r, cols)] = sum(inner[(r, c)] for c in range(cols))
    for c in range(cols + 1):
        true[(rows, c)] = sum(true[(r, c)] for r in range(rows))
    return rows, cols, true, frozenset(structural), draw(st.booleans())


@settings(max_examples=120, deadline=None)
@given(tables())
def test_what_the_suppression_publishes_passes_the_audit(case):
    rows, cols, true, structural, sensitive = case
    _, rels = two_way(rows, cols)
    cells = protect(true, rels, K, sensitive=sensitive, structural=structural)
    result = audit(cells, rels, K)
    structural = structural_totals(structural, rels)  # a total of structural zeros is one too
    assert result.infeasible == [] and result.derivable(K) == []
    for key, cell in cells.items():
        if cell.value is None:
            continue
        assert cell.value >= K or (cell.value == 0 and key in structural)  # no count from 1 to k-1, no other zero
        assert not sensitive or cell.value == 0 or (cell.rounded and cell.value % 5 == 0 and abs(cell.value - true[key]) <= 2)
        assert sensitive or cell.value == true[key]
