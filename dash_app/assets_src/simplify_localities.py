"""Simplify IDECA's locality polygons for the browser, keeping shared borders (coverage).

Run: .venv/bin/python dash_app/assets_src/simplify_localities.py SOURCE.geojson
Writes dash_app/assets/data/localidades_bogota.geojson (< 300 KB): properties locality_code
('01'..'20') and nombre; exterior rings clockwise, as plotly's d3-geo choropleth expects.
Source: IDECA "Loca" layer (via SDIS-Juventud/gestor-conocimiento-2025), CC BY-SA.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.polygon import orient

TARGET = Path(__file__).resolve().parent.parent / "assets" / "data" / "localidades_bogota.geojson"
TOLERANCE_DEGREES = 0.0004  # about 45 m: invisible at city zoom
DECIMALS = 5  # about 1 m


def _clockwise(geometry):
    if isinstance(geometry, Polygon):
        return orient(geometry, sign=-1.0)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([orient(p, sign=-1.0) for p in geometry.geoms])
    return geometry


def _rounded(coordinates):
    if isinstance(coordinates[0], int | float):
        return [round(coordinates[0], DECIMALS), round(coordinates[1], DECIMALS)]
    return [_rounded(c) for c in coordinates]


def simplify(source: Path, target: Path = TARGET) -> int:
    collection = json.loads(source.read_text(encoding="utf-8"))
    features = collection["features"]
    geometries = [shapely.make_valid(shape(f["geometry"])) for f in features]
    simplified = shapely.coverage_simplify(geometries, TOLERANCE_DEGREES)
    out = []
    for feature, geometry in zip(features, simplified, strict=True):
        geo = mapping(_clockwise(geometry))
        code = str(feature["properties"]["codigo"]).zfill(2)
        out.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"locality_code": code, "nombre": feature["properties"]["nombre"]},
                "geometry": {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])},
            }
        )
    out.sort(key=lambda f: f["id"])
    text = json.dumps({"type": "FeatureCollection", "features": out}, separators=(",", ":"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


if __name__ == "__main__":
    size = simplify(Path(sys.argv[1]))
    print(f"{TARGET}: {size / 1024:.0f} KB")
