"""Write natoiraq/data/world.json, the outlines of the report's world map, from Natural Earth.

    pip install pyshp   # reads the shapefile; a tool of this script, not a dependency of natoiraq
    python scripts/make_world.py PATH/naturalearth_lowres.shp [-o natoiraq/data/world.json]

The source is Natural Earth's 1:110m "Admin 0 - Countries" (public domain, naturalearthdata.com), as
geopandas 0.14.4 ships it (geopandas/datasets/naturalearth_lowres: its columns name, iso_a3; Crimea
drawn in Ukraine). Each country's rings are projected by natoiraq.outputs.worldmap.Projection into
whole tenths of a degree and written as one SVG path of relative moves ("M1800 900l5-3 4 2z"); points
that round onto the one before are dropped, as are rings that round to less than a triangle and
Antarctica (south of the map). The ISO 3166 alpha-2 code comes from pycountry by the alpha-3 code.
The header names the source, its licence and the file's own size. Re-running it on the same file
writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

import pycountry
import shapefile

from natoiraq.outputs.worldmap import Projection

OUT = Path(__file__).resolve().parent.parent / "natoiraq" / "data" / "world.json"
#: Natural Earth's "-99" (no ISO code) where a code is in common use: Kosovo's is user-assigned, not ISO.
NO_ISO_CODE = {"Kosovo": ("XK", "XKX")}
SOURCE = ("Natural Earth 1:110m Admin 0 - Countries, as shipped by geopandas 0.14.4 "
          "(geopandas/datasets/naturalearth_lowres; the shapefile names no Natural Earth release, its "
          "2019 population and GDP columns are those of Natural Earth 5)")


def ring_path(points: list[tuple[float, float]], project: Projection) -> str | None:
    """One closed ring as relative SVG moves, or None where it rounds to less than a triangle."""
    projected = []
    for lon, lat in points:
        point = project(lon, lat)
        if not projected or point != projected[-1]:
            projected.append(point)
    if len(projected) > 1 and projected[-1] == projected[0]:
        projected.pop()  # "z" closes it
    if len(projected) < 3:
        return None
    (x, y), moves = projected[0], []
    for (x0, y0), (x1, y1) in zip(projected, projected[1:]):
        moves.append(f"{x1 - x0} {y1 - y0}")
    return f"M{x} {y}l" + " ".join(moves).replace(" -", "-") + "z"


def country_path(shape, project: Projection) -> str:
    bounds = [*shape.parts, len(shape.points)]
    rings = (ring_path(shape.points[start:end], project) for start, end in zip(bounds, bounds[1:]))
    return "".join(ring for ring in rings if ring)


def codes(name: str, alpha3: str) -> tuple[str | None, str | None]:
    if name in NO_ISO_CODE:
        return NO_ISO_CODE[name]
    country = pycountry.countries.get(alpha_3=alpha3)
    return (country.alpha_2, alpha3) if country else (None, None)  # Northern Cyprus, Somaliland: no ISO code


def world(shapefile_path: str) -> dict:
    project = Projection()
    reader = shapefile.Reader(shapefile_path)
    countries = []
    for shape, record in zip(reader.shapes(), reader.records()):
        if record["iso_a3"] == "ATA":
            continue  # south of the map
        alpha2, alpha3 = codes(record["name"], record["iso_a3"])
        path = country_path(shape, project)
        if path:
            countries.append({"name": record["name"], "a2": alpha2, "a3": alpha3, "path": path})
    countries.sort(key=lambda c: c["name"])
    return {"_doc": "The report's world map (natoiraq/outputs/worldmap.py): each country's outline as SVG path "
                    "data in the projection below, written by scripts/make_world.py; do not edit by hand.",
            "_source": SOURCE,
            "_licence": "Public domain (Natural Earth: 'All versions of Natural Earth raster + vector map data "
                        "found on this website are in the public domain.')",
            "_size": None, "projection": asdict(project), "countries": countries}


def dumped(data: dict) -> str:
    """One country a line, so that a new release's diff reads country by country."""
    head = {k: v for k, v in data.items() if k != "countries"}
    lines = [json.dumps(c, ensure_ascii=False) for c in data["countries"]]
    return (json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "countries": [\n  '
            + ",\n  ".join(lines) + "\n ]\n}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shapefile", help="geopandas 0.14.4's naturalearth_lowres.shp")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    data, size = world(args.shapefile), 0
    while True:  # the header gives the file's own size: write it until the size it gives is its size
        data["_size"] = f"{size:,} bytes"
        text = dumped(data)
        if len(text.encode()) == size:
            break
        size = len(text.encode())
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main()
