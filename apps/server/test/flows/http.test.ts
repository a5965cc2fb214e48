import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, type TestHerald } from '../herald.ts';

let h: TestHerald;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'herald-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Herald SPA</title>');
  await writeFile(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  h = await startTestHerald({}, { webDistDir: dist });
});
afterAll(async () => {
  await h?.close();
  await rm(dist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('one port', () => {
  it('/healthz and /readyz answer 200 with the database and queue reachable', async () => {
    expect(await (await fetch(`${h.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
  });

  it('serves the SPA with history fallback for page URLs only', async () => {
    for (const page of ['/', '/targets', '/deliveries/123']) {
      const r = await fetch(`${h.url}${page}`, { headers: html });
      expect(r.status, page).toBe(200);
      expect(await r.text()).toContain('Herald SPA');
      expect(r.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await fetch(`${h.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${h.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${h.url}/trpc/nope.nothing`, { headers: html })).status).toBe(404);
  });

  it('sends protective headers', async () => {
    const r = await fetch(`${h.url}/`, { headers: html });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });

  it('/metrics speaks the Prometheus text format', async () => {
    await fetch(`${h.url}/healthz`);
    const r = await fetch(`${h.url}/metrics`);
    expect(r.headers.get('content-type')).toContain('text/plain');
    const text = await r.text();
    expect(text).toContain('# TYPE herald_http_requests_total counter');
    expect(text).toMatch(/herald_process_resident_memory_bytes \d+/);
  });

  it('answers tRPC over plain JSON (no transformer)', async () => {
    const r = await fetch(`${h.url}/trpc/auth.session`);
    expect(await r.json()).toEqual({ result: { data: { authenticated: false, expiresAt: null } } });
  });
});
