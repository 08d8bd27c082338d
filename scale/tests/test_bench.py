"""`manage.py bench --only WORD`: the items whose target or description says WORD."""

from scale.bench import Item, chosen


def item(key: str, what: str) -> Item:
    return Item(key, what, run=lambda: None)


def test_only_keeps_the_items_that_say_one_of_the_words():
    oversight = item("P8 oversight", "oversight, one facility, 30 days (HTML), governor")
    search = item("P3 search", "name search, common surname (API), all facilities")
    assert chosen(oversight, ()) and chosen(search, ())  # no word: every item
    assert chosen(oversight, ("Oversight",)) and not chosen(search, ("oversight",))
    assert chosen(search, ("oversight", "surname"))
