import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import type { MapTiles } from '../../../../shared/contract/map';
import type { MapController } from '../hooks/map-controller';
import { MAX_BOUNDS, PROVINCE_BOUNDS } from '../model/geo';
import { DistrictLayer } from './district-layer';
import type { BaseTheme, Choropleth } from './district-layer';
import { PointsLayer } from './points-layer';

/** Street level is enough for a field report; deeper zooms only magnify the boundary layer's simplification. */
export const MAP_MAX_ZOOM = 18;
const INITIAL_CENTER: [number, number] = [16.37, 107.62];

/** Fits the province on first show, and again when the container changes size unless the operator has moved the map. */
function AutoFit({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    let fitting = false;
    let userMoved = false;
    const fit = () => {
      fitting = true;
      map.fitBounds(PROVINCE_BOUNDS, { padding: [12, 12], animate: false });
      fitting = false;
    };
    fit();
    const onUser = () => {
      if (!fitting) userMoved = true;
    };
    map.on('dragstart zoomstart', onUser);
    const ro = new ResizeObserver(() => {
      map.invalidateSize({ animate: false });
      if (!userMoved) fit();
    });
    ro.observe(map.getContainer());
    return () => {
      ro.disconnect();
      map.off('dragstart zoomstart', onUser);
    };
  }, [map]);
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

/** The optional raster tiles: added only when the server is configured with a tile URL. */
function Tiles({ tiles }: { tiles: MapTiles | null }) {
  const map = useMap();
  useEffect(() => {
    if (!tiles) return;
    const attribution = L.control.attribution({ prefix: false }).addTo(map);
    const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: tiles.maxZoom }).addTo(map);
    map.setMaxZoom(Math.min(tiles.maxZoom, MAP_MAX_ZOOM));
    return () => {
      layer.remove();
      attribution.remove();
      map.setMaxZoom(MAP_MAX_ZOOM);
    };
  }, [map, tiles]);
  return null;
}

export interface MapViewProps {
  controller: MapController | null;
  onSelect: (reportId: number) => void;
  theme: BaseTheme;
  scale: number;
  locale: string;
  choropleth: Choropleth | null;
  tiles: MapTiles | null;
  label: string;
}

/** The Leaflet map. MapContainer's props are fixed at creation; everything that changes is a child using useMap. */
export function MapView({ controller, onSelect, theme, scale, locale, choropleth, tiles, label }: MapViewProps) {
  return (
    <MapContainer
      className={`map-view map-view--${theme}`}
      center={INITIAL_CENTER}
      zoom={9}
      minZoom={7}
      maxZoom={MAP_MAX_ZOOM}
      maxBounds={MAX_BOUNDS}
      maxBoundsViscosity={0.9}
      attributionControl={false}
      zoomSnap={0.25}
      zoomDelta={1}
      wheelPxPerZoomLevel={90}
    >
      <AutoFit label={label} />
      <Tiles tiles={tiles} />
      <DistrictLayer theme={theme} choropleth={choropleth} labelFor={labelFor} />
      {controller && <PointsLayer controller={controller} onSelect={onSelect} scale={scale} locale={locale} />}
    </MapContainer>
  );
}

const labelFor = (_code: string, short: string) => short;
