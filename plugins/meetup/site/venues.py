"""Venues: where the group meets.  Pure: MEETUP_VENUES + place texts in, venues out.

``MEETUP_VENUES`` maps a venue's name to its address and, optionally, coordinates,
directions, accessibility notes and other names it goes by::

    MEETUP_VENUES = {
        "Coworking Space Mitte": {
            "address": "Königstraße 1, 70173 Stuttgart",
            "lat": 48.7784, "lon": 9.1790,
            "directions": "U-Bahn Schlossplatz, 3 Minuten zu Fuß",
            "accessibility": "Eingang ebenerdig, Aufzug in den 2. Stock",
            "aliases": ["Coworking Mitte"],
        },
    }

A meeting's place ("Wo:", ``location``) names a venue when it is the venue's name or an
alias, or begins with one ("Coworking Space Mitte, Königstraße 1 …", "Neckar Analytics
GmbH (3. OG)"), or contains its address.  The map link is a plain link to
openstreetmap.org: nothing is embedded, no request leaves the site until someone
follows it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import quote_plus

KEYS = {"address", "lat", "lon", "directions", "accessibility", "aliases"}
# "Königstraße 1, 70173 Stuttgart": street, postal code, town (schema.org PostalAddress).
POSTAL = re.compile(r"^(?P<street>[^,]+),\s*(?P<code>\d{4,5})\s+(?P<town>[^,]+?)\s*$")


class VenueError(ValueError):
    pass


@dataclass(frozen=True)
class Venue:
    name: str
    address: str
    lat: float | None = None
    lon: float | None = None
    directions: str = ""
    accessibility: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def map_url(self) -> str:
        """openstreetmap.org at the coordinates, else its search for the address."""
        if self.lat is not None and self.lon is not None:
            return (f"https://www.openstreetmap.org/?mlat={self.lat:.5f}&mlon={self.lon:.5f}"
                    f"#map=18/{self.lat:.5f}/{self.lon:.5f}")
        return "https://www.openstreetmap.org/search?query=" + quote_plus(self.address)

    @property
    def text(self) -> str:
        """"Name, address": the calendar's LOCATION."""
        return f"{self.name}, {self.address}" if self.address else self.name

    @property
    def postal(self) -> dict | None:
        found = POSTAL.match(self.address)
        if not found:
            return None
        return {"streetAddress": found["street"].strip(), "postalCode": found["code"],
                "addressLocality": found["town"]}

    @property
    def slug(self) -> str:
        text = unicodedata.normalize("NFKD", self.name.casefold().replace("ß", "ss"))
        text = "".join(c for c in text if not unicodedata.combining(c))
        return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "ort"


def parse(value: Any) -> tuple[Venue, ...]:
    """MEETUP_VENUES as venues; a clear VenueError naming the venue and key."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise VenueError(f"MEETUP_VENUES must be a dict of name -> {{\"address\": …}}, got {value!r}")
    venues = []
    for name, entry in value.items():
        where = f"MEETUP_VENUES[{name!r}]"
        if not isinstance(name, str) or not name.strip():
            raise VenueError(f"MEETUP_VENUES: a venue needs a name, got {name!r}")
        if isinstance(entry, str):
            entry = {"address": entry}
        if not isinstance(entry, dict):
            raise VenueError(f'{where} must be a dict like {{"address": "Street 1, 12345 Town"}}')
        unknown = sorted(set(entry) - KEYS)
        if unknown:
            raise VenueError(f"{where} has unknown key(s) {', '.join(unknown)}; known: "
                             f"{', '.join(sorted(KEYS))}")
        address = entry.get("address", "")
        if not isinstance(address, str) or not address.strip():
            raise VenueError(f'{where}["address"] must be the address as text')
        lat, lon = entry.get("lat"), entry.get("lon")
        if (lat is None) != (lon is None):
            raise VenueError(f'{where}: "lat" and "lon" go together')
        if lat is not None:
            if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lat, lon)) \
                    or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise VenueError(f'{where}: "lat" must be -90..90 and "lon" -180..180, '
                                 f"got {lat!r}, {lon!r}")
        for key in ("directions", "accessibility"):
            if not isinstance(entry.get(key, ""), str):
                raise VenueError(f'{where}["{key}"] must be text')
        aliases = entry.get("aliases", ())
        if isinstance(aliases, str) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise VenueError(f'{where}["aliases"] must be a list of names')
        venues.append(Venue(name.strip(), address.strip(),
                            float(lat) if lat is not None else None,
                            float(lon) if lon is not None else None,
                            entry.get("directions", "").strip(),
                            entry.get("accessibility", "").strip(),
                            tuple(a.strip() for a in aliases)))
    return tuple(venues)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def resolve(place: str | None, venues: Iterable[Venue]) -> Venue | None:
    """The venue ``place`` names, or None.  The longest matching name wins."""
    if not place:
        return None
    folded = _fold(place)
    best: tuple[int, Venue] | None = None
    for venue in venues:
        for name in (venue.name, *venue.aliases):
            key = _fold(name)
            if key and (folded == key or folded.startswith(key + " ")):
                if best is None or len(key) > best[0]:
                    best = (len(key), venue)
        address = _fold(venue.address)
        if best is None and address and address in folded:
            best = (0, venue)
    return best[1] if best else None


@dataclass(frozen=True)
class Use:
    """How often the group met at one place (``venue`` None: a place text no venue matches)."""

    venue: Venue | None
    place: str  # the venue's name, or the text as written
    count: int  # meetings that took place there (not upcoming, not cancelled)
    first: dt.date | None
    last: dt.date | None
    upcoming: tuple[Any, ...] = field(default=())  # meetings still ahead there


def usage(meetings: Iterable[Any], venues: Iterable[Venue]) -> list[Use]:
    """Where the meetings were (``meeting.venue``/``meeting.location``), most used first.

    Counted: meetings that took place (status not upcoming, not cancelled); upcoming ones
    are listed with their place.  Every venue of the settings appears, also one not used yet."""
    rows: dict[str, dict] = {}
    order = list(venues)
    for venue in order:
        rows[venue.name] = {"venue": venue, "place": venue.name, "dates": [], "upcoming": []}
    for meeting in meetings:
        venue = getattr(meeting, "venue", None)
        place = venue.name if venue else (meeting.location or "").strip()
        if not place or getattr(meeting, "change", None) in ("cancelled", "postponed"):
            continue
        row = rows.setdefault(place, {"venue": venue, "place": place, "dates": [], "upcoming": []})
        (row["upcoming"] if meeting.status == "upcoming" else row["dates"]).append(meeting)
    result = [Use(row["venue"], row["place"], len(row["dates"]),
                  min((m.date for m in row["dates"]), default=None),
                  max((m.date for m in row["dates"]), default=None),
                  tuple(row["upcoming"]))
              for row in rows.values()]
    return sorted(result, key=lambda use: (-use.count, use.venue is None, use.place.casefold()))
