import { useEffect, useState } from 'react';
import { metaResponse } from '../../../shared/contract/meta';
import type { MetaResponse } from '../../../shared/contract/meta';
import { fetchJson } from './http';

let cached: Promise<MetaResponse> | null = null;

/** Reference data changes with releases, not live: fetched once per page load and shared by every view. */
export function getMeta(): Promise<MetaResponse> {
  cached ??= fetchJson('/api/v1/meta', metaResponse).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** null until loaded (and while the API is unreachable: views fall back to ids). */
export function useMeta(): MetaResponse | null {
  const [meta, setMeta] = useState<MetaResponse | null>(null);
  useEffect(() => {
    let active = true;
    getMeta().then(
      (m) => {
        if (active) setMeta(m);
      },
      () => {
        // names are a nicety here; the views still work with ids
      },
    );
    return () => {
      active = false;
    };
  }, []);
  return meta;
}
