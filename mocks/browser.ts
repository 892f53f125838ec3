import { setupWorker } from 'msw/browser';
import { startMockSimulator } from './demo-simulator';
import { createHandlers } from './handlers';
import { createMemoryStore } from './memory-store';
import { createSocketHandler } from './socket';

/**
 * The server-less demo: the whole API (REST + socket.io) answered in the page from the in-memory scenario,
 * with the live simulator running so the dashboard moves. `?days=` and `?simSpeed=` tune it.
 */
export async function startDemoWorker() {
  const params = new URLSearchParams(location.search);
  const days = Number(params.get('days') ?? '') || 90;
  const speed = Number(params.get('simSpeed') ?? '') || 60;
  const store = createMemoryStore({ seed: 2019, days });
  // the emulated session cookie survives the reload that follows a sign-in (the mock itself starts over)
  store.sessions.persistIn(sessionStorage, 'paht.demoSession');
  console.info(`demo: seeded ${store.seeded.events} events in ${Math.round(store.seeded.ms)} ms`);
  // like `npm start`: nobody sees anything before picking a role on the login page (labelled as a demo)
  const worker = setupWorker(...createHandlers(store, { publicView: false, demoLogin: true }), createSocketHandler(store, location.origin));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  const simulator = startMockSimulator(store, { speed });
  return { worker, store, simulator };
}
