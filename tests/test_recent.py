"""widgets.recent.Recent: the bounded, most-recent-last mapping the dashboards keep
untrained models and past runs in."""

from widgets.recent import Recent


def test_keep_drops_the_oldest_beyond_its_size():
    kept = Recent(2)
    for key in "abc":
        kept.keep(key, key.upper())
    assert list(kept.items()) == [("b", "B"), ("c", "C")]


def test_keeping_a_key_again_makes_it_the_newest():
    kept = Recent(2)
    kept.keep("a", 1)
    kept.keep("b", 2)
    kept.keep("a", 3)  # a menu switched back: its model kept again
    kept.keep("c", 4)
    assert dict(kept) == {"a": 3, "c": 4}


def test_recent_reads_and_refreshes_and_misses_with_the_default():
    kept = Recent(2)
    kept.keep("a", 1)
    kept.keep("b", 2)
    assert kept.recent("a") == 1  # now the newest: "b" goes first
    kept.keep("c", 3)
    assert list(kept) == ["a", "c"]
    assert kept.recent("zzz", "none") == "none"


def test_forget_drops_every_value_that_matches_and_keep_returns_the_value():
    model = object()
    kept = Recent(4)
    assert kept.keep(("dense", 1), (model, "scores")) == (model, "scores")
    kept.keep(("dense", 2), (object(), None))
    kept.keep(("conv", 1), (model, None))
    kept.forget(lambda value: value[0] is model)  # it trains: never handed out again
    assert list(kept) == [("dense", 2)]
