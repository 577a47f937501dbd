"""Troop figures on a map: GeoJSON (RFC 7946), one Feature per figure whose place the gazetteer locates.

``natoiraq extract corpus/ -o facts.geojson`` opens in QGIS, kepler.gl and geojson.io. A Point's
coordinates are [longitude, latitude] (RFC 7946 §3.1.1, WGS 84, no ``crs`` member); a figure without
coordinates has no Feature. The properties are what a map's pop-up needs to cite the figure: its force,
size, kind, status, as-of date (with its first and last day, which sort), place, and its article.
"""

from __future__ import annotations

import json
from typing import IO

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.outputs.citations import citation
from natoiraq.outputs.display import bounds
from natoiraq.parsing.periods import iso_bounds

#: The figure's fields a Feature's properties carry, as the facts name them.
FIGURE_PROPERTIES = ("force", "low", "high", "qualifier", "kind", "status", "location", "place", "mission", "text",
                     "sentence")


def feature(figure: TroopFigure, facts: DocumentFacts) -> dict | None:
    """The Feature of one figure, or None where it has no coordinates."""
    if figure.lat is None or figure.lon is None:
        return None
    as_of = figure.as_of or {}
    start, end = iso_bounds(as_of.get("value"))
    properties = {"figure": bounds(figure), **{name: getattr(figure, name) for name in FIGURE_PROPERTIES},
                  "as_of": as_of.get("value"), "as_of_start": start, "as_of_end": end,
                  "speaker": figure.attribution.speaker if figure.attribution else None,
                  "document": facts.id, **citation(facts)}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [figure.lon, figure.lat]},
            "properties": properties}


class GeoJsonWriter:
    """One FeatureCollection, streamed a document's Features at a time."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def write(self, facts: DocumentFacts) -> None:
        for figure in facts.troops:
            found = feature(figure, facts)
            if found is None:
                continue
            head = '{"type": "FeatureCollection", "features": [\n' if self.count == 0 else ",\n"
            self.stream.write(head + json.dumps(found, ensure_ascii=False))
            self.count += 1

    def close(self) -> None:
        self.stream.write('{"type": "FeatureCollection", "features": []}\n' if self.count == 0 else "\n]}\n")
        self.stream.flush()
