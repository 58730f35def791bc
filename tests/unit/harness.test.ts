import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src/main/harness/server';
import { cleanupTempDirs, tempDir, testRuntime } from '../fixtures/store';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  cleanupTempDirs();
});

function webRoot(): string {
  const root = join(tempDir(), 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html><head><title>Злагода</title></head><body></body></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'outside');
  return root;
}

/**
 * Raw HTTP so the Host header and the path can be anything a hostile page could send. A fresh connection
 * each time: a pooled keep-alive socket the server has just closed would fail the next request by chance.
 */
function send(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const { port } = new URL(url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function start(): Promise<Harness> {
  harness = await startHarness({ dispatch: testRuntime().dispatch, webRoot: webRoot() });
  return harness;
}

describe('loopback harness', () => {
  it('listens on 127.0.0.1 only and injects the per-run token into the page with a CSP', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await send(h.url, { path: '/', headers: { host: new URL(h.url).host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="zlagoda-harness-token" content="${h.token}">`);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers the API only with the token, the right Host and JSON', async () => {
    const h = await start();
    const host = new URL(h.url).host;
    const json = { 'content-type': 'application/json' };
    const ok = await send(h.url, { method: 'POST', path: '/api/session:status', headers: { host, ...json, 'x-zlagoda-token': h.token }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { storeState: 'absent' } });
    expect((await send(h.url, { method: 'POST', path: '/api/session:status', headers: { host, ...json }, body: '{}' })).status).toBe(403);
    // One character off (never the same one: a random token starts with «x» one time in 64).
    const wrong = (h.token.startsWith('x') ? 'y' : 'x') + h.token.slice(1);
    expect((await send(h.url, { method: 'POST', path: '/api/session:status', headers: { host, ...json, 'x-zlagoda-token': wrong }, body: '{}' })).status).toBe(403);
    const rebinding = await send(h.url, { method: 'POST', path: '/api/session:status', headers: { host: 'evil.example', ...json, 'x-zlagoda-token': h.token }, body: '{}' });
    expect(rebinding.status).toBe(421);
    expect((await send(h.url, { method: 'POST', path: '/api/session:status', headers: { host, 'content-type': 'text/plain', 'x-zlagoda-token': h.token }, body: '{}' })).status).toBe(415);
    expect((await send(h.url, { method: 'GET', path: '/api/session:status', headers: { host, 'x-zlagoda-token': h.token } })).status).toBe(405);
    const bad = await send(h.url, { method: 'POST', path: '/api/session:status', headers: { host, ...json, 'x-zlagoda-token': h.token }, body: '{not json' });
    expect(bad.status).toBe(400);
  });

  it('serves only files inside the web root', async () => {
    const h = await start();
    const host = new URL(h.url).host;
    expect((await send(h.url, { path: '/assets/app.js', headers: { host } })).status).toBe(200);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/missing.js']) {
      const res = await send(h.url, { path, headers: { host } });
      expect(res.status, path).toBe(404);
    }
    const route = await send(h.url, { path: '/users', headers: { host } });
    expect(route.body).toContain('<title>Злагода</title>');
  });
});
