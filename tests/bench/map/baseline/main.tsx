/**
 * The benchmark's baseline, never shipped: the textbook way to put every report on a react-leaflet map —
 * Leaflet.markercluster with one marker per report (chunked loading on, as its docs advise for large sets),
 * fed by the same API and live stream as the product. It dispatches the same probe events as the product's map.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { MapContainer, useMap } from 'react-leaflet';
import { io } from 'socket.io-client';
import type { LiveEvent } from '../../../../src/shared/contract/event';
import { decodeMapPoints, mapPointOf, mapPointsResponse } from '../../../../src/shared/contract/map';
import type { MapPoint } from '../../../../src/shared/contract/map';
import { MAP_STATES, stateCodeOf, withDueWork, workingMsSinceOrigin } from '../../../../src/client/features/map/model/map-state';
import { STATE_STYLE } from '../../../../src/client/features/map/model/map-style';
import { PROVINCE_BOUNDS } from '../../../../src/client/features/map/model/geo';

const icons = MAP_STATES.map((s) =>
  L.divIcon({ className: '', html: `<span style="display:block;width:10px;height:10px;border-radius:50%;background:${STATE_STYLE[s].color};border:1px solid #fff"></span>`, iconSize: [12, 12] }),
);
const iconOf = (p: MapPoint) => {
  const now = Date.now();
  return (icons[stateCodeOf(withDueWork(p), now, workingMsSinceOrigin(now))] ?? icons[1]) as L.DivIcon;
};
const dispatch = (name: string, detail: unknown) => window.dispatchEvent(new CustomEvent(name, { detail }));

function Markers() {
  const map = useMap();
  useEffect(() => {
    const byId = new Map<number, L.Marker>();
    let t0 = 0;
    const group = L.markerClusterGroup({
      chunkedLoading: true,
      chunkProgress: (done, total) => {
        if (done === total) dispatch('paht:map-built', { ms: performance.now() - t0, reason: 'load', totals: { count: total } });
      },
    });
    map.addLayer(group);
    // the same view as the product's map
    map.fitBounds(PROVINCE_BOUNDS, { padding: [12, 12], animate: false });
    const fetchStart = performance.now();
    void fetch('/api/v1/map/points')
      .then((r) => r.arrayBuffer())
      .then((buf) => {
        const fetchMs = performance.now() - fetchStart;
        const p0 = performance.now();
        const res = mapPointsResponse.parse(JSON.parse(new TextDecoder().decode(buf)));
        const points = decodeMapPoints(res);
        const markers = points.map((p) => {
          const m = L.marker([p.lat, p.lng], { icon: iconOf(p) });
          byId.set(p.id, m);
          return m;
        });
        dispatch('paht:map-loaded', { count: points.length, bytes: buf.byteLength, fetchMs, parseMs: performance.now() - p0 });
        t0 = performance.now();
        group.addLayers(markers);
        const socket = io({ transports: ['websocket'] });
        socket.on('connect', () => socket.emit('live:subscribe', { since: res.seq }));
        socket.on('report:events', (batch: LiveEvent[]) => {
          const added: number[] = [];
          for (const ev of batch) {
            const p = mapPointOf(ev.report);
            const known = byId.get(p.id);
            if (known) known.setIcon(iconOf(p));
            else if (ev.type === 'created') {
              const m = L.marker([p.lat, p.lng], { icon: iconOf(p) });
              byId.set(p.id, m);
              group.addLayer(m);
              added.push(p.id);
            }
          }
          if (added.length > 0) requestAnimationFrame(() => dispatch('paht:map-drawn', { ids: added, at: Date.now() }));
        });
      });
    return () => {
      map.removeLayer(group);
    };
  }, [map]);
  return null;
}

// the same map size as the product's map panel (the benchmark passes it)
const params = new URLSearchParams(location.search);
const size = { width: Number(params.get('w') ?? 900), height: Number(params.get('h') ?? 600) };

function App() {
  return (
    <MapContainer center={[16.37, 107.62]} zoom={9} maxZoom={18} zoomSnap={0.25} style={{ ...size, background: '#dce6ee' }}>
      <Markers />
    </MapContainer>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
