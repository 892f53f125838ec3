import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { disputeListQuery, satisfactionQuery } from '../../src/shared/contract/satisfaction';
import { disputeList, satisfactionFor } from '../../src/shared/domain/scoring/satisfaction';
import type { SatisfactionSource } from '../../src/shared/domain/scoring/satisfaction';

const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** MSW twins of src/server/routes/satisfaction.ts. */
export function satisfactionHandlers(src: SatisfactionSource, now: () => Date, toResponse: (err: unknown) => Response): HttpHandler[] {
  return [
    http.get('*/api/v1/stats/satisfaction', ({ request }) => {
      try {
        return HttpResponse.json(satisfactionFor(src, satisfactionQuery.parse(queryOf(request)), now()));
      } catch (err) {
        return toResponse(err);
      }
    }),
    http.get('*/api/v1/stats/satisfaction/disputes', ({ request }) => {
      try {
        return HttpResponse.json(disputeList(src, disputeListQuery.parse(queryOf(request)), now()));
      } catch (err) {
        return toResponse(err);
      }
    }),
  ];
}
