// A map of places with offline country borders (world-atlas, bundled) and
// knowledge-base coordinates. No tile server: the only layers are the
// bundled borders and the markers.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-50m.json';

let borders = null;
function countryBorders() {
  if (!borders) borders = feature(world, world.objects.countries);
  return borders;
}

// places: [{id, name, lat, lon, count?}]. Returns the Leaflet map.
export function renderMap(container, places, { onClick } = {}) {
  container.classList.add('map');
  container.setAttribute('data-testid', 'map');
  const map = L.map(container, { attributionControl: false, zoomSnap: 0.25, worldCopyJump: false });
  // The view comes first: vector layers added to a map without one have no
  // pixel bounds to clip against (Leaflet throws in _clipPoints).
  const located = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  if (located.length === 0) {
    map.setView([34, 40], 4);
  } else if (located.length === 1) {
    map.setView([located[0].lat, located[0].lon], 7);
  } else {
    map.fitBounds(L.latLngBounds(located.map((p) => [p.lat, p.lon])).pad(0.4));
  }
  L.geoJSON(countryBorders(), {
    style: { color: '#7a8699', weight: 0.8, fillColor: '#eef1f5', fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  const markers = [];
  for (const p of located) {
    const r = 5 + Math.min(10, Math.sqrt(p.count || 1) * 2);
    const m = L.circleMarker([p.lat, p.lon], {
      radius: r, color: '#b3261e', weight: 2, fillColor: '#e46a5f', fillOpacity: 0.8,
    }).addTo(map);
    m.bindTooltip(p.name, { direction: 'top' });
    if (onClick) m.on('click', () => onClick(p));
    markers.push(m);
    const icon = L.divIcon({ className: 'map-label', html: '', iconSize: null });
    const label = L.marker([p.lat, p.lon], { icon, interactive: false }).addTo(map);
    label.getElement()?.append(document.createTextNode(p.name));
  }
  container.dataset.markers = String(markers.length);
  setTimeout(() => map.invalidateSize(), 50);
  return map;
}
