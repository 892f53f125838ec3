import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export interface EchoNode {
  id: string;
  port: number;
  /** engine.io sessions this node has opened (a handshake that reached it) */
  readonly sessions: number;
  close: () => Promise<void>;
}

/**
 * A small socket.io server standing in for an API node (the proxy test needs no store): it greets each socket with
 * its node id and, on `burst`, emits `tick` n times with a pause between them, so a long-polling client has to
 * come back for them in several requests — each of which must reach this node.
 */
export async function startEchoNode(id: string, port: number): Promise<EchoNode> {
  // plain HTTP answers say which node served them and what the proxy passed on
  const http: HttpServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const h = req.headers;
    res.end(JSON.stringify({ node: id, host: h.host, forwardedFor: h['x-forwarded-for'], forwardedHost: h['x-forwarded-host'], forwardedProto: h['x-forwarded-proto'] }));
  });
  const io = new Server(http, { serveClient: false, pingInterval: 2000, pingTimeout: 2000 });
  let sessions = 0;
  io.engine.on('connection', () => sessions++);
  io.on('connection', (socket) => {
    socket.emit('node', id);
    socket.on('burst', (msg: { n: number; gapMs: number }) => {
      let i = 0;
      const next = () => {
        if (!socket.connected) return;
        socket.emit('tick', { node: id, i });
        if (++i < msg.n) setTimeout(next, msg.gapMs);
      };
      next();
    });
  });
  await new Promise<void>((res, rej) => {
    http.once('error', rej);
    http.listen(port, '127.0.0.1', () => res());
  });
  return {
    id,
    port: (http.address() as AddressInfo).port,
    get sessions() {
      return sessions;
    },
    close: async () => {
      // socket.io closes the http server too
      const closed = io.close();
      http.closeAllConnections();
      await closed;
    },
  };
}
