import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { DistrictStatsResponse } from '../../../../shared/contract/map';
import { CHOROPLETH_COLORS, choroplethClass } from '../model/map-style';
import { labelPoint } from '../model/geo';

interface DistrictFeature {
  type: 'Feature';
  properties: { code: string; name: string; shortName: string };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}
interface DistrictCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

/** The boundaries are their own chunk, fetched when a map first shows (not in the app's main bundle). */
let boundaries: Promise<DistrictCollection> | null = null;
function loadBoundaries(): Promise<DistrictCollection> {
  boundaries ??= import('../../../../shared/data/thua-thien-hue-districts.json').then((m) => m.default as unknown as DistrictCollection);
  return boundaries;
}

export type BaseTheme = 'light' | 'dark';

const THEMES = {
  light: { land: '#f7f4ec', border: '#9aa7b6', outline: '#51657d', label: '#2c3b4d', halo: '#f7f4ec' },
  dark: { land: '#1a2838', border: '#4a6079', outline: '#8fb0d6', label: '#e4edf7', halo: '#0d1622' },
} as const;

export interface Choropleth {
  measure: 'open' | 'overdue';
  stats: DistrictStatsResponse | null;
  breaks: number[];
}

/**
 * The offline base layer: the province outline, the districts filled as land with their borders, and their
 * names. The outline is drawn as a wide stroke under the land fill, so only its outer half shows: a clean
 * province edge without computing the union of the districts. With a choropleth the fills carry its classes.
 */
export function DistrictLayer({ theme, choropleth, labelFor }: { theme: BaseTheme; choropleth: Choropleth | null; labelFor: (code: string, short: string) => string }) {
  const map = useMap();
  const [data, setData] = useState<DistrictCollection | null>(null);
  const fillRef = useRef<L.GeoJSON | null>(null);
  const labelsRef = useRef<Map<string, L.Marker>>(new Map());

  useEffect(() => {
    let active = true;
    loadBoundaries().then(
      (d) => {
        if (active) setData(d);
      },
      (err: unknown) => console.error('district boundaries failed to load', err),
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    if (!data) return;
    const c = THEMES[theme];
    for (const [name, z] of [
      ['paht-base', 250],
      ['paht-labels', 420],
    ] as const) {
      if (!map.getPane(name)) map.createPane(name).style.zIndex = String(z);
    }
    const labelsPane = map.getPane('paht-labels');
    if (labelsPane) labelsPane.style.pointerEvents = 'none';
    const geo = data as unknown as GeoJSON.FeatureCollection;
    const common = { pane: 'paht-base', interactive: false } as const;
    const outline = L.geoJSON(geo, { ...common, style: { color: c.outline, weight: 5, opacity: 1, fill: false, lineJoin: 'round' } });
    const fill = L.geoJSON(geo, { ...common, style: { stroke: false, fillColor: c.land, fillOpacity: 1 } });
    const borders = L.geoJSON(geo, { ...common, style: { color: c.border, weight: 1.2, opacity: 1, fill: false, dashArray: '5 4' } });
    const group = L.layerGroup([outline, fill, borders]).addTo(map);
    fillRef.current = fill;
    const labels = new Map<string, L.Marker>();
    for (const f of data.features) {
      const marker = L.marker(labelPoint(f.geometry.coordinates), {
        pane: 'paht-labels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: `map-district-label map-district-label--${theme}`, html: '', iconSize: undefined }),
      });
      marker.addTo(group);
      labels.set(f.properties.code, marker);
    }
    labelsRef.current = labels;
    return () => {
      group.remove();
      fillRef.current = null;
      labelsRef.current = new Map();
    };
  }, [map, data, theme]);

  // fills and labels follow the choropleth without rebuilding the layers
  useEffect(() => {
    const fill = fillRef.current;
    if (!fill || !data) return;
    const c = THEMES[theme];
    const values = new Map(choropleth?.stats?.districts.map((d) => [d.code, choropleth.measure === 'open' ? d.open : d.overdue]) ?? []);
    fill.setStyle((feature) => {
      const code = (feature?.properties as { code?: string } | undefined)?.code ?? '';
      if (!choropleth) return { stroke: false, fillColor: c.land, fillOpacity: 1 };
      const cls = choroplethClass(values.get(code) ?? 0, choropleth.breaks);
      return { stroke: false, fillColor: CHOROPLETH_COLORS[cls] ?? c.land, fillOpacity: theme === 'dark' ? 0.85 : 1 };
    });
    for (const f of data.features) {
      const marker = labelsRef.current.get(f.properties.code);
      const el = marker?.getElement();
      if (!el) continue;
      const value = values.get(f.properties.code);
      el.textContent = '';
      const name = document.createElement('span');
      name.className = 'map-district-label__name';
      name.textContent = labelFor(f.properties.code, f.properties.shortName);
      el.append(name);
      if (choropleth && value !== undefined) {
        const v = document.createElement('span');
        v.className = 'map-district-label__value';
        v.textContent = new Intl.NumberFormat('vi-VN').format(value);
        el.append(v);
      }
    }
  }, [choropleth, data, theme, labelFor]);

  return null;
}
