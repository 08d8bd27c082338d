"""Small cells hidden from aggregate figures (Rules 67-70: statistics without identities;
Mandela 2: outcomes by group). A count between 1 and k-1, or a group of fewer than k women,
could point at one woman; where a total is shown, a hidden cell could be read back from it,
so another is hidden beside it (complementary suppression). k is `SMALL_CELL` (5) unless an
area sets its own."""

from collections.abc import Iterable


def suppressed(values: dict[str, int], small: Iterable[str], k: int) -> set[str]:
    """The cells of a column (group -> count) to hide, the column's total being shown: the
    `small` ones (a group of fewer than k women), the counts from 1 to k-1, and then, while
    one hidden cell alone or hidden cells adding up to fewer than k could be read from the
    total, the smallest cell still shown (complementary suppression)."""
    hidden = set(small) | {group for group, n in values.items() if 0 < n < k}
    while hidden:
        rest = sum(values[group] for group in hidden)
        if len(hidden) > 1 and not 0 < rest < k:
            break
        shown = [group for group in values if group not in hidden]
        if not shown:
            break
        hidden.add(min(shown, key=lambda group: (values[group], group)))
    return hidden


def rate(count: int, population: int) -> float | None:
    """Per 100, to one decimal; None without a population."""
    return round(100 * count / population, 1) if population else None
