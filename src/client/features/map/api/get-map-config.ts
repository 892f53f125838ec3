import { useEffect, useState } from 'react';
import { clientConfigResponse } from '../../../../shared/contract/map';
import type { ClientConfigResponse } from '../../../../shared/contract/map';
import { fetchJson } from '../../../lib/api/http';

let cached: Promise<ClientConfigResponse> | null = null;

function getClientConfig(): Promise<ClientConfigResponse> {
  cached ??= fetchJson('/api/v1/config', clientConfigResponse).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** The optional tile layer; null until known and whenever the server has none (the offline base layer is always there). */
export function useMapTiles(): ClientConfigResponse['mapTiles'] {
  const [tiles, setTiles] = useState<ClientConfigResponse['mapTiles']>(null);
  useEffect(() => {
    let active = true;
    getClientConfig().then(
      (c) => {
        if (active) setTiles(c.mapTiles);
      },
      () => {
        // no configuration reachable: stay on the offline base layer
      },
    );
    return () => {
      active = false;
    };
  }, []);
  return tiles;
}
