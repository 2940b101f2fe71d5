/**
 * A TCP proxy between plenary and a real server (redis-server), for fault tests. It forwards bytes
 * both ways and can be told, at any moment, to misbehave the way a network does:
 *
 *  - `delayReplies(ms)`: the server's answers reach the client `ms` late (the command did run);
 *  - `delayRepliesTo(match, ms)`: after each request containing `match`, the server's answers are held
 *    back `ms` (in order, as a stalled network would), other requests flow freely;
 *  - `dropAfterRequest(match)`: the next client chunk containing `match` is forwarded to the server,
 *    and once the server has answered (so the write certainly landed) the answer is discarded and the
 *    connection is cut;
 *  - `dropBeforeRequest(match)`: the next chunk containing `match` is never forwarded; the
 *    connection is cut (the write certainly did not land).
 *
 * It counts the requests it saw matching, so a test can tell which case it actually exercised.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  delayReplies(ms: number): void;
  delayRepliesTo(match: string, ms: number): void;
  dropAfterRequest(match: string): Promise<void>;
  dropBeforeRequest(match: string): Promise<void>;
  /** Back to forwarding faithfully. */
  heal(): void;
  /** Connections cut so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

type Pending = { match: Buffer; when: 'before' | 'after'; resolve: () => void };

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let replyDelay = 0;
  let targeted: { match: Buffer; ms: number } | undefined;
  let pending: Pending | undefined;
  let cuts = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: targetHost, port: targetPort });
    sockets.add(client).add(upstream);
    let doomed = false;
    let holdUntil = 0;
    const held: Buffer[] = [];
    const cut = () => {
      if (!client.destroyed || !upstream.destroyed) cuts++;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());

    client.on('data', (chunk: Buffer) => {
      const hit = pending && chunk.includes(pending.match) ? pending : undefined;
      if (hit) pending = undefined;
      if (hit?.when === 'before') {
        cut();
        hit.resolve();
        return;
      }
      upstream.write(chunk);
      if (targeted && chunk.includes(targeted.match)) {
        const until = Date.now() + targeted.ms;
        if (until > holdUntil) {
          holdUntil = until;
          setTimeout(() => {
            if (Date.now() < holdUntil) return; // a later request extended the hold
            holdUntil = 0;
            for (const c of held.splice(0)) if (!client.destroyed) client.write(c);
          }, targeted.ms);
        }
      }
      if (hit) {
        // The answer proves the server ran it; the client never sees that answer.
        doomed = true;
        upstream.once('data', () => {
          cut();
          hit.resolve();
        });
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (doomed) return;
      if (holdUntil) {
        held.push(chunk);
        return;
      }
      if (replyDelay > 0) setTimeout(() => client.destroyed || client.write(chunk), replyDelay);
      else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const arm = (match: string, when: Pending['when']) =>
    new Promise<void>((resolve) => {
      pending = { match: Buffer.from(match), when, resolve };
    });

  return {
    port,
    delayReplies: (ms) => void (replyDelay = ms),
    delayRepliesTo: (match, ms) => void (targeted = { match: Buffer.from(match), ms }),
    dropAfterRequest: (match) => arm(match, 'after'),
    dropBeforeRequest: (match) => arm(match, 'before'),
    heal: () => {
      replyDelay = 0;
      targeted = undefined;
      pending = undefined;
    },
    get cuts() {
      return cuts;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
