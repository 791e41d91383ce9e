/**
 * Clients that misbehave on purpose, over raw TCP: one that sends its headers a byte at a time,
 * one that sends a body a few bytes at a time, one that keeps an idle keep-alive connection, and
 * one that asks for something big and stops reading. Each keeps sending until the server closes
 * the connection or the test ends it.
 */
import { connect, type Socket } from 'node:net';

export interface SlowClient {
  socket: Socket;
  /** What the server sent back so far. */
  received(): string;
  /** Bytes received so far (a stalled reader counts them once it reads again). */
  bytes(): number;
  /** Resolves when the connection is closed (by either side). */
  closed: Promise<void>;
  isOpen(): boolean;
  end(): void;
}

function open(url: string, start: (socket: Socket) => void, options: { read?: boolean } = {}): Promise<SlowClient> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let open = true;
    const closed = new Promise<void>((done) =>
      socket.once('close', () => {
        open = false;
        done();
      }),
    );
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (options.read !== false) chunks.push(chunk);
    });
    socket.once('connect', () => {
      start(socket);
      resolve({
        socket,
        closed,
        received: () => Buffer.concat(chunks).toString('latin1'),
        bytes: () => bytes,
        isOpen: () => open,
        end: () => socket.destroy(),
      });
    });
    socket.once('error', reject);
  });
}

/** Writes `text` one piece every `everyMs` while the socket is open, starting with the first piece at once. */
function dribble(socket: Socket, text: string, bytesPerStep: number, everyMs: number): void {
  let at = 0;
  const step = () => {
    if (socket.destroyed || at >= text.length) return clearInterval(timer);
    socket.write(text.slice(at, at + bytesPerStep));
    at += bytesPerStep;
  };
  const timer = setInterval(step, everyMs);
  timer.unref();
  socket.once('close', () => clearInterval(timer));
  step();
}

/** The request line and headers, a byte every `everyMs`, never finished. */
export const slowHeaders = (url: string, everyMs = 200) =>
  open(url, (socket) => dribble(socket, `GET /api/health HTTP/1.1\r\nHost: localhost\r\nUser-Agent: ${'slow-loris/'.repeat(2000)}`, 1, everyMs));

/** Complete headers of a POST, then its body a few bytes every `everyMs`, never finished. */
export const slowBody = (url: string, everyMs = 200, path = '/api/responses') =>
  open(url, (socket) => {
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n`);
    dribble(socket, `{"id":"${'x'.repeat(59990)}`, 4, everyMs);
  });

/** A finished GET on a keep-alive connection, then silence. */
export const idleKeepAlive = (url: string) =>
  open(url, (socket) => socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n'));

/**
 * A GET of `path` whose reply is not read (the socket is paused, so the server's writes back up).
 * A paused socket does not see the server close it: `socket.resume()` later reads what was sent
 * until then, and the connection then ends short of the whole reply if the server cut it off.
 */
export const stalledReader = (url: string, path: string, headers = '') =>
  open(
    url,
    (socket) => {
      socket.pause();
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}\r\n`);
    },
    { read: false },
  );

/** Resolves true when `promise` settles within `ms`, false otherwise (the test then fails with a clear message). */
export async function within(ms: number, promise: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), expired]);
  } finally {
    clearTimeout(timer);
  }
}
