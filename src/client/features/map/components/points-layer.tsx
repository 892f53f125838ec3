import type L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { MapController } from '../hooks/map-controller';
import type { Bbox } from '../worker/cluster-engine';
import { cancelFrame, nextFrame } from './canvas-overlay';
import { FreshCanvasLayer } from './fresh-canvas-layer';
import { PointsCanvasLayer } from './points-canvas-layer';

const PANE = 'paht-points';

const bboxOf = (b: L.LatLngBounds): Bbox => [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];

export interface PointsLayerProps {
  controller: MapController;
  onSelect: (reportId: number) => void;
  scale: number;
  locale: string;
}

/**
 * Glue between the map and the worker: on every settled view (and every index build) it asks the worker for
 * the clusters and points of the view plus a margin and hands them to the canvas layer; clicks on a cluster
 * zoom to where it splits, clicks on a point open the report.
 */
export function PointsLayer({ controller, onSelect, scale, locale }: PointsLayerProps) {
  const map = useMap();
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '450';
    const layer = new PointsCanvasLayer(PANE);
    const fresh = new FreshCanvasLayer(PANE);
    layer.scale = scale;
    layer.locale = locale;
    fresh.scale = scale;
    layer.setOverrides(controller.overrides);
    fresh.setSource(controller.fresh);
    layer.addTo(map);
    fresh.addTo(map);

    let latest = 0;
    const query = () => {
      const view = map.getBounds();
      const zoom = map.getZoom();
      controller.setViewport({ bbox: bboxOf(view), zoom });
      const mine = ++latest;
      void controller.client.query(bboxOf(view.pad(0.35)), zoom).then((r) => {
        // an answer for a view the map has already left is dropped
        if (mine !== latest) return;
        layer.setItems(r);
        // what is on screen, for tests and the benchmark: items drawn and the reports they stand for
        const el = map.getContainer();
        el.dataset.drawnItems = String(r.n);
        el.dataset.drawnReports = String(r.count.reduce((a, b) => a + b, 0));
        el.dataset.drawnVersion = String(r.version);
      });
    };
    const offBuilt = controller.client.onBuilt(() => {
      query();
      fresh.requestDraw();
    });
    const offOverrides = controller.subscribeOverrides(() => layer.overridesChanged());
    const offFresh = controller.subscribeFresh(() => fresh.requestDraw());
    map.on('moveend', query);
    if (controller.client.lastBuilt) query();
    // for the end-to-end tests and the benchmark: where a position is on screen (not used by the app)
    Object.defineProperty(map.getContainer(), 'pahtProject', {
      configurable: true,
      value: (lat: number, lng: number) => map.latLngToContainerPoint([lat, lng]),
    });

    const hitAt = (e: L.LeafletMouseEvent) => layer.hitTest(e.layerPoint);
    const onClick = (e: L.LeafletMouseEvent) => {
      const hit = hitAt(e);
      if (!hit) return;
      if (hit.kind === 'point') {
        onSelectRef.current(hit.id);
        return;
      }
      void controller.client.expansionZoom(hit.id).then((z) => {
        const target = z < 0 ? map.getZoom() + 2 : Math.min(z, map.getMaxZoom());
        map.flyTo([hit.lat, hit.lng], Math.max(target, map.getZoom() + 1), { duration: 0.5 });
      });
    };
    let hoverFrame: number | null = null;
    const onMove = (e: L.LeafletMouseEvent) => {
      if (hoverFrame !== null) return;
      hoverFrame = nextFrame(() => {
        hoverFrame = null;
        map.getContainer().style.cursor = hitAt(e) ? 'pointer' : '';
      });
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      offBuilt();
      offOverrides();
      offFresh();
      map.off('moveend', query);
      map.off('click', onClick);
      map.off('mousemove', onMove);
      if (hoverFrame !== null) cancelFrame(hoverFrame);
      layer.remove();
      fresh.remove();
    };
  }, [map, controller, scale, locale]);

  return null;
}
