import { describe, expect, it, vi } from 'vitest';
import type { Override } from '../hooks/map-controller';
import { STATE_COUNT } from '../model/map-state';
import type { QueryResult } from '../worker/cluster-engine';
import { PointsCanvasLayer } from './points-canvas-layer';

/** A viewport answer: `items` are [id, isCluster]. */
function result(items: [number, boolean][]): QueryResult {
  const n = items.length;
  return {
    version: 1,
    zoom: 10,
    n,
    cluster: Uint8Array.from(items.map(([, c]) => (c ? 1 : 0))),
    id: Float64Array.from(items.map(([id]) => id)),
    lng: new Float64Array(n).fill(107.59),
    lat: new Float64Array(n).fill(16.46),
    count: Uint32Array.from(items.map(([, c]) => (c ? 25 : 1))),
    state: new Uint8Array(n).fill(1),
    mix: new Uint32Array(n * STATE_COUNT),
  };
}

describe('points canvas: live recolours', () => {
  it('repaints for a recolour of a point drawn on its own, not for reports hidden inside clusters', () => {
    const layer = new PointsCanvasLayer('test-pane');
    const overrides = new Map<number, Override>();
    layer.setOverrides(() => overrides);
    // cluster 900 (its reports are not drawn one by one) and single points 7 and 8
    layer.setItems(result([[900, true], [7, false], [8, false]]));
    const draw = vi.spyOn(layer, 'requestDraw');

    overrides.set(4242, { state: 3, changeId: 1 });
    layer.overridesChanged();
    expect(draw).not.toHaveBeenCalled();

    overrides.set(8, { state: 3, changeId: 2 });
    layer.overridesChanged();
    expect(draw).toHaveBeenCalledTimes(1);

    // nothing new since: no repaint; a newer change to the same point: one more
    layer.overridesChanged();
    expect(draw).toHaveBeenCalledTimes(1);
    overrides.set(8, { state: -1, changeId: 3 });
    layer.overridesChanged();
    expect(draw).toHaveBeenCalledTimes(2);

    // a report that is a cluster id number elsewhere is not confused with the cluster
    overrides.set(900, { state: 2, changeId: 4 });
    layer.overridesChanged();
    expect(draw).toHaveBeenCalledTimes(2);
  });
});
