import { afterAll, afterEach, beforeAll } from 'vitest';
import { eventInput } from '../../shared/contract/event';
import type { EventInput } from '../../shared/contract/event';
import { createMockServer } from '../../../mocks/node';
import type { MockServerOptions } from '../../../mocks/node';
import { configureLive, live } from '../lib/live/live-client';

/**
 * MSW (REST + socket.io) over a fresh memory store for one test file. MSW starts before anything imports
 * socket.io-client (the live module imports it lazily), and the socket uses the browser WebSocket transport,
 * which MSW intercepts.
 */
export function setupMockApi(opts: MockServerOptions = {}) {
  const mock = createMockServer({ days: 2, ...opts });
  beforeAll(async () => {
    mock.server.listen({ onUnhandledRequest: 'error' });
    const { WebSocket } = await import('engine.io-client');
    configureLive({ url: mock.origin, transports: [WebSocket] });
  });
  afterEach(() => mock.server.resetHandlers());
  afterAll(() => {
    live.stop();
    mock.server.close();
  });
  return mock;
}

let counter = 0;

/** A new report received now, somewhere in Huế's citadel, as the field-report platform would send it. */
export function newReportInput(categoryId: string, overrides: Partial<Record<string, unknown>> = {}): EventInput {
  counter += 1;
  return eventInput.parse({
    type: 'created',
    sourceEventId: `test-src-${counter}-${Date.now()}`,
    externalId: `test-ext-${counter}-${Date.now()}`,
    at: new Date().toISOString(),
    title: `Đèn đường hỏng trước số ${counter} Lê Duẩn`,
    description: 'Đèn không sáng từ tối qua.',
    categoryId,
    lat: 16.4698,
    lng: 107.5789,
    address: `${counter} Lê Duẩn, Phú Thuận, Huế`,
    ...overrides,
  }) as EventInput;
}
