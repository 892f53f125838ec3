import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { Config } from './config';
import { DEFAULT_AUTH, type AuthConfig } from './auth/auth-config';
import { installAuth } from './auth/guard';
import { createPrincipalResolver } from './auth/principal';
import { installSocketAuth } from './live/live-auth';
import { sessionRoutes } from './routes/session';
import { createErrorHandler, type Log } from './http/error-handler';
import { installHardening, socketHeaders } from './http/hardening';
import { createBroadcaster, type Broadcaster, type LiveServer } from './live/broadcaster';
import { attachLiveSubscriptions } from './live/subscriptions';
import type { Notifier } from './notify/notifier';
import { backlogRoutes, type BacklogConfig } from './routes/backlog-routes';
import { feedRoutes } from './routes/feed';
import { healthRoutes } from './routes/health';
import { ingestRoutes } from './routes/ingest';
import { mapRoutes } from './routes/map';
import { metaRoutes } from './routes/meta';
import { reportRoutes } from './routes/reports';
import { statsRoutes } from './routes/stats';
import { statsBreakdownRoutes } from './routes/stats-breakdown';
import { statsTimeseriesRoutes } from './routes/stats-timeseries';
import { hotspotRoutes } from './routes/hotspots';
import { rankingRoutes } from './routes/rankings';
import { satisfactionRoutes } from './routes/satisfaction';
import { registerSpa } from './static-spa';
import { mapTilesFromEnv } from './routes/map-config';
import { DEFAULT_SECURITY, type SecurityConfig } from './security/security-config';
import { localReads, type Reads } from './store/read-pool';
import type { IngestWriter } from './store/ingest-writer';
import type { Store } from './store/store';
import type { ScoringConfig } from '../shared/contract/rankings';

export interface AppDeps {
  store: Store;
  clock: () => Date;
  /** accounts (publicView, demoLogin, sessionTtlHours, cookieSecure) default to DEFAULT_AUTH: closed */
  config: Pick<Config, 'host' | 'port' | 'ingestToken' | 'operatorToken' | 'liveBatchMs'> & BacklogConfig & Partial<AuthConfig>;
  log?: Log;
  /** reminders' notifier (tests); defaults to what the configuration asks for (NOTIFY_WEBHOOK_URL, else the log) */
  notifier?: Notifier;
  /** emulation scoring weights and minimum volume; defaults to SCORE_WEIGHTS / SCORE_MIN_VOLUME from the environment */
  scoring?: ScoringConfig;
  /** where the built SPA is; defaults to the repository's dist/ */
  staticDir?: string;
  /** where the statistics and list reads run (decision 0012): read workers, or (default) the store's own connection */
  reads?: Reads;
  /** where POST /api/v1/events runs its ingest (decision 0014): the writer worker, or (default) the store itself */
  writer?: IngestWriter;
  /** rate limits, CORS, media origins, shutdown drain (defaults: DEFAULT_SECURITY); tileUrl defaults to MAP_TILE_URL */
  security?: Partial<SecurityConfig> & { tileUrl?: string | null };
}

export interface App {
  fastify: FastifyInstance;
  io: LiveServer;
  broadcaster: Broadcaster;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** 1,000 events with long texts fit; a runaway client does not. */
export const BODY_LIMIT = 2 * 1024 * 1024;

const DEFAULT_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Builds the HTTP API, the SPA host and the live stream on one server, without listening. */
export function createApp(deps: AppDeps): App {
  const { store, clock, config } = deps;
  const security: SecurityConfig = { ...DEFAULT_SECURITY, ...deps.security };
  // TRUST_PROXY: request.ip (the sign-in limit's key) from X-Forwarded-For as set by the trusted proxies only
  const fastify = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: security.trustProxy });
  // before any route: input rules, rate limits, origins and headers (docs/decisions/0006)
  const tileUrl = deps.security?.tileUrl !== undefined ? deps.security.tileUrl : (mapTilesFromEnv(process.env)?.url ?? null);
  const hardening = installHardening(fastify, { security, tileUrl });
  // socket.io shares fastify's http server (same port); it answers /socket.io/ before fastify sees it
  const io: LiveServer = new Server(fastify.server, { serveClient: false, maxHttpBufferSize: 64 * 1024, ...hardening.socketOptions });
  io.engine.on('headers', socketHeaders);
  // who is calling (decision 0011): resolved once per request and per socket handshake, checked by every route
  const authConfig: AuthConfig = {
    publicView: config.publicView ?? DEFAULT_AUTH.publicView,
    demoLogin: config.demoLogin ?? DEFAULT_AUTH.demoLogin,
    sessionTtlHours: config.sessionTtlHours ?? DEFAULT_AUTH.sessionTtlHours,
    cookieSecure: config.cookieSecure ?? DEFAULT_AUTH.cookieSecure,
  };
  const resolver = createPrincipalResolver({ auth: store.auth, clock, credentials: config, config: authConfig });
  installAuth(fastify, resolver, authConfig);
  const socketAuth = installSocketAuth(io, resolver);
  const broadcaster = createBroadcaster({ store, io, batchMs: config.liveBatchMs, beforeFlush: socketAuth.revalidate });
  attachLiveSubscriptions(io, store, broadcaster);

  // the API takes JSON only: a text/plain body is answered 415 rather than parsed as a string
  fastify.removeContentTypeParser('text/plain');
  fastify.setErrorHandler(createErrorHandler(deps.log));
  healthRoutes(fastify, store);
  metaRoutes(fastify, store);
  sessionRoutes(fastify, { auth: store.auth, resolver, clock, config: authConfig, agencyIds: () => store.meta().agencies.map((a) => a.id), loginRate: security.loginRate });
  const reads = deps.reads ?? localReads(store);
  reportRoutes(fastify, { store, reads, clock });
  statsRoutes(fastify, { reads, latestSeq: () => store.latestSeq(), clock });
  statsTimeseriesRoutes(fastify, { reads, clock });
  statsBreakdownRoutes(fastify, { reads, clock });
  hotspotRoutes(fastify, { reads, clock });
  feedRoutes(fastify, { reads, clock });
  mapRoutes(fastify, { reads, clock });
  rankingRoutes(fastify, { store, clock, scoring: deps.scoring });
  satisfactionRoutes(fastify, { store, clock });
  ingestRoutes(fastify, { store, writer: deps.writer, clock, ingestToken: config.ingestToken, onIngested: () => broadcaster.notify() });
  backlogRoutes(fastify, { store, reads, clock, config, notifier: deps.notifier, log: deps.log, onIngested: () => broadcaster.notify() });
  registerSpa(fastify, deps.staticDir ?? DEFAULT_DIST);

  let closed = false;
  return {
    fastify,
    io,
    broadcaster,
    listen: () => fastify.listen({ port: config.port, host: config.host }),
    async close() {
      if (closed) return;
      closed = true;
      // stop accepting connections; requests already accepted run to the end (a new request on a kept-alive
      // connection is answered 503), bounded by SHUTDOWN_TIMEOUT_MS
      const closing = fastify.close();
      if (!(await hardening.inFlight.idle(security.shutdownTimeoutMs))) {
        deps.log?.warn(`shutdown: ${hardening.inFlight.count} request(s) still running after ${security.shutdownTimeoutMs} ms; closing their connections`);
        fastify.server.closeAllConnections();
      }
      // everything acknowledged so far goes to the live room before the sockets close (clients that miss it
      // are replayed from the log when they resubscribe to the next server)
      broadcaster.flush();
      broadcaster.stop();
      socketAuth.stop();
      // websocket connections would keep the http server from closing
      io.disconnectSockets(true);
      // no request is running any more: a kept-alive connection that went idle after close() began (the client
      // has not read its last response yet, say) must not hold the shutdown open
      fastify.server.closeIdleConnections();
      const linger = setTimeout(() => fastify.server.closeAllConnections(), 2000);
      await closing;
      clearTimeout(linger);
      await new Promise<void>((resolve) => {
        // the http server is already closed by fastify: socket.io's attempt to close it again only reports that
        void io.close(() => resolve());
      });
    },
  };
}
