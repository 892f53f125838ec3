import { useEffect, useState } from 'react';
import type { DistrictFeatureCollection } from '../../../../shared/domain/area';

type Ring = readonly (readonly [number, number])[];

interface Shape {
  code: string;
  rings: Ring[];
}

let loaded: Promise<Shape[]> | null = null;

/** The 2019 district boundaries, loaded once on first use (a separate chunk: the drawer's first paint does not wait). */
function loadShapes(): Promise<Shape[]> {
  loaded ??= import('../../../../shared/data/thua-thien-hue-districts.json').then((mod) => {
    const fc = (mod.default ?? mod) as unknown as DistrictFeatureCollection;
    return fc.features.map((f) => {
      const coords = f.geometry.coordinates as number[][][] | number[][][][];
      const polygons = (f.geometry.type === 'Polygon' ? [coords] : coords) as number[][][][];
      // the outer ring of each polygon is enough for a locator
      const rings = polygons.map((p) => (p[0] ?? []).map(([lng, lat]) => [lng ?? 0, lat ?? 0] as const));
      return { code: f.properties.code, rings };
    });
  });
  return loaded;
}

const W = 320;
const H = 200;

/**
 * A small offline map: the report's district outlined and filled, its neighbours faint, a pin at the report.
 * SVG from the shipped boundaries — no tiles, so it works without a network and never shows grey squares.
 */
export function DistrictLocator({ lat, lng, districtCode, label }: { lat: number; lng: number; districtCode: string | null; label: string }) {
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  useEffect(() => {
    let active = true;
    loadShapes().then(
      (s) => {
        if (active) setShapes(s);
      },
      () => {
        // without boundaries the pin alone still says nothing useful: the address above remains
      },
    );
    return () => {
      active = false;
    };
  }, []);
  if (!shapes) return <div className="locator locator--loading" style={{ aspectRatio: `${W} / ${H}` }} aria-hidden="true" />;

  const own = shapes.find((s) => s.code === districtCode);
  // frame the report's district (or, without one, the whole province) with a margin, keeping the pin inside
  const framePoints = (own ? own.rings : shapes.flatMap((s) => s.rings)).flat();
  let minLng = Math.min(lng, ...framePoints.map((p) => p[0]));
  let maxLng = Math.max(lng, ...framePoints.map((p) => p[0]));
  let minLat = Math.min(lat, ...framePoints.map((p) => p[1]));
  let maxLat = Math.max(lat, ...framePoints.map((p) => p[1]));
  const padLng = (maxLng - minLng) * 0.12 + 0.005;
  const padLat = (maxLat - minLat) * 0.12 + 0.005;
  minLng -= padLng;
  maxLng += padLng;
  minLat -= padLat;
  maxLat += padLat;
  // equirectangular with the latitude's scale, fitted into the box without distortion
  const kx = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const scale = Math.min(W / ((maxLng - minLng) * kx), H / (maxLat - minLat));
  const ox = (W - (maxLng - minLng) * kx * scale) / 2;
  const oy = (H - (maxLat - minLat) * scale) / 2;
  const x = (lo: number) => ox + (lo - minLng) * kx * scale;
  const y = (la: number) => oy + (maxLat - la) * scale;
  const path = (rings: Ring[]) => rings.map((r) => `M${r.map(([lo, la]) => `${x(lo).toFixed(1)},${y(la).toFixed(1)}`).join('L')}Z`).join('');
  const px = x(lng);
  const py = y(lat);

  return (
    <svg className="locator" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect width={W} height={H} className="locator__water" />
      {shapes
        .filter((s) => s !== own)
        .map((s) => (
          <path key={s.code} d={path(s.rings)} className="locator__district" />
        ))}
      {own && <path d={path(own.rings)} className="locator__district locator__district--own" />}
      <g className="locator__pin" transform={`translate(${px.toFixed(1)} ${py.toFixed(1)})`}>
        <circle r="11" className="locator__halo" />
        <path d="M0,0 L-6,-13 A7,7 0 1 1 6,-13 Z" className="locator__marker" />
        <circle cy="-15" r="2.6" className="locator__dot" />
      </g>
    </svg>
  );
}
