import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../ipc/dispatcher';

/**
 * Serves the built renderer and the same dispatcher as Electron's IPC over HTTP, on 127.0.0.1 only.
 * For tests and `npm run dev:web` where no Electron binary exists; never part of a packaged app.
 */
export interface HarnessOptions {
  dispatch: Dispatch;
  webRoot: string;
  port?: number;
}

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

// A call's body as the window sends it: a batch of report bundles (base64) is the largest the app sends.
const MAX_BODY = 32 * 1024 * 1024;
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();
  const root = normalize(options.webRoot);

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, 'internal error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'wrong host');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      // The body is read (bounded) before any refusal, so a refused client is answered, not reset mid-send.
      const body = await readBody(req);
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      if (!sameSecret(req.headers['x-zlagoda-token'] as string | undefined, token)) return send(res, 403, 'forbidden');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json only');
      if (body === null) return send(res, 413, 'too large');
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, 'invalid json');
      }
      const result = await options.dispatch(decodeURIComponent(url.pathname.slice(5)), input);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (req.method !== 'GET') return send(res, 405, 'method not allowed');
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) return send(res, 404, 'not found');
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      // Client-side routes fall back to the app shell.
      if (extname(relative)) return send(res, 404, 'not found');
      data = await readFile(join(root, 'index.html'));
      return sendIndex(res, data);
    }
    if (relative === 'index.html') return sendIndex(res, data);
    return send(res, 200, data, TYPES[extname(file)] ?? 'application/octet-stream');
  }

  function sendIndex(res: ServerResponse, html: Buffer): void {
    const page = html.toString('utf8').replace('</head>', `<meta name="zlagoda-harness-token" content="${token}"></head>`);
    send(res, 200, page, TYPES['.html']);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
