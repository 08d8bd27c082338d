"""`manage.py bench --only WORD`: the rows whose target, name or description says WORD; the
load test's CPU a request, by whom, and the rate the cores could serve at it."""

from scale.bench import Item, LoadResult, _tree_cpu, chosen, cpu_split


def said(item: Item) -> str:
    return f"{item.key} {item.name} {item.what}"


def test_only_keeps_the_rows_that_say_one_of_the_words():
    oversight = Item("P8 oversight", "oversight, one facility, 30 days (HTML), governor", None)
    search = Item("P3 search", "name search, common surname (API)", None, "search-api")
    assert chosen(said(oversight), ()) and chosen(said(search), ())  # no word: every row
    assert chosen(said(oversight), ["Oversight"]) and not chosen(said(search), ["oversight"])
    assert chosen(said(search), ["oversight", "surname"])
    assert chosen(said(search), ["search-api"]) and not chosen(said(oversight), ["search-api"])
    assert chosen("P6 load test", ["P6"]) and not chosen("P6 load test", ["oversight"])


def test_the_load_tests_cpu_is_split_a_request_and_gives_the_rate_the_cores_could_serve(
    monkeypatch,
):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    load = LoadResult(10.0, 1000, 0, [0.01] * 1000, 8)
    assert cpu_split(load) == []  # nothing measured, nothing said
    load.cpu = {"gunicorn": 12.0, "postgres": 4.0, "clients": 1.0, "machine": 18.0}
    split, rate = cpu_split(load)
    assert "| 12.0 / 4.0 / 1.0 / 1.0 |" in split
    assert "| 125 | >= 300 |" in rate  # 2 cores, 16 ms of serving a request


def test_a_process_trees_cpu_is_read_from_the_system():
    import os

    assert _tree_cpu(os.getpid()) > 0
