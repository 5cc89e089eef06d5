/**
 * The smallest Discord stand-in that lets a real discord.js Client log in: `GET /api/v10/gateway/bot`
 * pointing at our own WebSocket, then HELLO → IDENTIFY → READY and heartbeat ACKs. Records which shard
 * identified. Enough to prove sharding wiring; the Discord suite has the full-featured stand-in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface GatewayStandIn {
  apiUrl: string;
  identified: [number, number][];
  close(): Promise<void>;
}

export async function startGatewayStandIn(recommendedShards: number): Promise<GatewayStandIn> {
  const identified: [number, number][] = [];
  let port = 0;
  const http: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v10/gateway/bot')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          url: `ws://127.0.0.1:${port}`,
          shards: recommendedShards,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 },
        }),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not here","code":0}');
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket) => {
    let seq = 0;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 30_000 } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d?: { shard?: [number, number] } };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) {
        const shard = payload.d?.shard ?? [0, 1];
        identified.push(shard);
        const ready = {
          v: 10,
          user: { id: '100000000000000001', username: 'framework-desk', discriminator: '0', bot: true, avatar: null },
          guilds: [],
          session_id: `session-${shard[0]}`,
          resume_gateway_url: `ws://127.0.0.1:${port}`,
          shard,
          application: { id: '100000000000000002', flags: 0 },
        };
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++seq, d: ready }));
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    identified,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
