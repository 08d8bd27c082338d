"""`manage.py bench --only WORD`: the rows whose target, name or description says WORD."""

from scale.bench import Item, chosen


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
