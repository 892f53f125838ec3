import { http, HttpResponse } from 'msw';
import type { HttpHandler, JsonBodyType } from 'msw';
import { hotspotsQuery } from '../../src/shared/contract/hotspots';
import { breakdownQuery, kpisQuery, timeseriesQuery } from '../../src/shared/contract/stats';
import type { MemoryStore } from '../memory-store';

const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** MSW handlers of the leadership statistics (kpis, timeseries, breakdown, hotspots), as the server answers them. */
export function statsHandlers(store: MemoryStore, toResponse: (err: unknown) => Response): HttpHandler[] {
  const get = (path: string, answer: (query: Record<string, string>) => JsonBodyType) =>
    http.get(`*${path}`, ({ request }) => {
      try {
        return HttpResponse.json(answer(queryOf(request)));
      } catch (err) {
        return toResponse(err);
      }
    });
  return [
    get('/api/v1/stats/kpis', (q) => store.statsKpis(kpisQuery.parse(q), store.now())),
    get('/api/v1/stats/timeseries', (q) => store.statsTimeseries(timeseriesQuery.parse(q), store.now())),
    get('/api/v1/stats/breakdown', (q) => store.statsBreakdown(breakdownQuery.parse(q), store.now())),
    get('/api/v1/stats/hotspots', (q) => store.hotspots(hotspotsQuery.parse(q), store.now())),
  ];
}
