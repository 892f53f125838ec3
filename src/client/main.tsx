import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { configureLive } from './lib/live/live-client';
import { bootSession } from './lib/session/session-store';

async function boot() {
  if (__DEMO__) {
    // the server-less demo: MSW must patch fetch and WebSocket before anything connects (the live module
    // imports socket.io-client lazily, on the first snapshot), and MSW can intercept only the websocket transport
    const { startDemoWorker } = await import('../../mocks/browser');
    await startDemoWorker();
    configureLive({ transports: ['websocket'] });
  }
  // who we are (a wall's ?display= token is exchanged first); the pages wait for the answer, not the first paint
  void bootSession().catch(() => undefined);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(<App />);
}

boot().catch((err: unknown) => {
  console.error(err);
  const root = document.getElementById('root');
  if (root) root.textContent = `Không khởi động được ứng dụng / The app failed to start: ${err instanceof Error ? err.message : String(err)}`;
});
