/**
 * A private redis-server for tests: own temp dir, free 127.0.0.1 port, AOF with fsync on every write
 * (so a restart keeps everything acknowledged), no RDB snapshots. `stop()`/`restart()` let fault
 * tests simulate an outage on the same port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = process.env.REDIS_SERVER_BIN ?? 'redis-server';

/** True when a redis-server binary can be run here. */
export const redisAvailable: boolean = (() => {
  const r = spawnSync(BINARY, ['--version'], { stdio: 'ignore' });
  return r.status === 0;
})();

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** Stops the server (SIGTERM, waits for exit). Data stays in `dir` for `restart()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory; resolves once it answers PING. */
  restart(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server keeps its sockets open but stops answering (a hung host). */
  freeze(): void;
  thaw(): void;
  /** Sends one command and returns the raw RESP reply (e.g. `+OK\r\n`). */
  command(...args: string[]): Promise<string>;
  /** Stops the server and deletes its directory. */
  dispose(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!redisAvailable) throw new Error(`${BINARY} not found (Debian: apt-get install redis-server)`);
  const dir = mkdtempSync(join(tmpdir(), 'plenary-redis-'));
  const port = await freePort();
  let proc: ChildProcess | undefined;

  const launch = async () => {
    const child = spawn(
      BINARY,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes',
        '--appendfsync', 'always', '--save', '', '--daemonize', 'no', '--protected-mode', 'yes'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    proc = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`redis-server exited early: ${stderr}`);
      if ((await respCommand(port, ['PING']).catch(() => '')).startsWith('+PONG')) return;
      await sleep(50);
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server did not answer PING on port ${port}: ${stderr}`);
  };

  const stop = async () => {
    const child = proc;
    proc = undefined;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGCONT'); // a frozen server could not act on SIGTERM
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    freeze: () => void proc?.kill('SIGSTOP'),
    thaw: () => void proc?.kill('SIGCONT'),
    command: (...args) => respCommand(port, args),
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asks the OS for an unused port. Small race window before redis binds it; fine for tests. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** One command over a fresh connection; returns the first reply line(s) received. */
function respCommand(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const body = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no reply'));
    }, 2000);
    socket.once('connect', () => socket.write(body));
    socket.on('data', (d) => {
      reply += d.toString('utf8');
      if (reply.endsWith('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(reply);
      }
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
