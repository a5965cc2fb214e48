import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../web/build/precompress.ts';
import { startTestHerald, type TestHerald } from '../herald.ts';

/**
 * The dashboard's static files as the build leaves them (each text file with .br and .gz
 * copies from the same build step) served by a real Herald: Accept-Encoding picks the copy.
 */
let h: TestHerald;
let dist: string;
const script = `${'export const greeting = "hello from the dashboard";\n'.repeat(200)}`;
const html = `<!doctype html><title>Herald</title>${'<link rel="modulepreload" href="/assets/app-1a2b3c.js">\n'.repeat(40)}`;
const tiny = 'export {};\n';

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'herald-compressed-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), html);
  await writeFile(path.join(dist, 'assets', 'app-1a2b3c.js'), script);
  await writeFile(path.join(dist, 'assets', 'tiny-4d5e6f.js'), tiny);
  await precompressDir(dist);
  h = await startTestHerald({}, { webDistDir: dist });
});
afterAll(async () => {
  await h?.close();
  await rm(dist, { recursive: true, force: true });
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A raw request: unlike fetch, nothing decompresses the body or adds an Accept-Encoding. */
function request(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.url}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const asset = '/assets/app-1a2b3c.js';
const varies = (a: Answer) => (a.headers.vary ?? '').toLowerCase().split(/\s*,\s*/);

describe('precompressed static files', () => {
  it('the build step writes smaller .br and .gz copies and leaves tiny files alone', async () => {
    const plain = (await stat(path.join(dist, asset))).size;
    expect((await stat(path.join(dist, `${asset}.br`))).size).toBeLessThan(plain / 5);
    expect((await stat(path.join(dist, `${asset}.gz`))).size).toBeLessThan(plain / 5);
    await expect(stat(path.join(dist, 'assets', 'tiny-4d5e6f.js.br'))).rejects.toThrow(/ENOENT/);
  });

  it('sends brotli when the browser accepts it, the way Chromium asks', async () => {
    const a = await request(asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(a.status).toBe(200);
    expect(a.headers['content-encoding']).toBe('br');
    expect(a.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(Number(a.headers['content-length'])).toBe(a.body.length);
    expect(a.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(a.body).toString()).toBe(script);
    expect(varies(a)).toContain('accept-encoding');
    expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends gzip to a client without brotli', async () => {
    const a = await request(asset, { 'accept-encoding': 'gzip, deflate' });
    expect(a.headers['content-encoding']).toBe('gzip');
    expect(a.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(gunzipSync(a.body).toString()).toBe(script);
    expect(varies(a)).toContain('accept-encoding');
  });

  it('sends the plain file when no encoding is accepted, still saying it varies', async () => {
    const asked: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }];
    for (const headers of asked) {
      const a = await request(asset, headers);
      expect(a.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(a.body.toString()).toBe(script);
      expect(varies(a)).toContain('accept-encoding');
    }
  });

  it('honours q-values: a lower or zero weight on br gets gzip, zero on both gets the plain file', async () => {
    expect((await request(asset, { 'accept-encoding': 'br;q=0.2, gzip;q=0.8' })).headers['content-encoding']).toBe(
      'gzip',
    );
    expect((await request(asset, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await request(asset, { 'accept-encoding': 'gzip;q=0.5, br' })).headers['content-encoding']).toBe('br');
    const neither = await request(asset, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(neither.headers['content-encoding']).toBeUndefined();
    expect(neither.body.toString()).toBe(script);
  });

  it('a file without compressed copies goes out plain even to a brotli client', async () => {
    const a = await request('/assets/tiny-4d5e6f.js', { 'accept-encoding': 'br, gzip' });
    expect(a.headers['content-encoding']).toBeUndefined();
    expect(a.body.toString()).toBe(tiny);
  });

  it('index.html is compressed too, at / and on a client-side route, and never cached blindly', async () => {
    for (const pathname of ['/', '/targets']) {
      const a = await request(pathname, { accept: 'text/html', 'accept-encoding': 'gzip, br' });
      expect(a.status, pathname).toBe(200);
      expect(a.headers['content-encoding'], pathname).toBe('br');
      expect(a.headers['content-type'], pathname).toMatch(/^text\/html/);
      expect(a.headers['cache-control'], pathname).toBe('no-cache');
      expect(varies(a), pathname).toContain('accept-encoding');
      expect(brotliDecompressSync(a.body).toString(), pathname).toBe(html);
    }
  });

  it('HEAD answers the same headers without a body', async () => {
    const get = await request(asset, { 'accept-encoding': 'br' });
    const head = await request(asset, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('each encoding has its own ETag, and a revalidation answers 304 without a body', async () => {
    const br = await request(asset, { 'accept-encoding': 'br' });
    const gz = await request(asset, { 'accept-encoding': 'gzip' });
    const plain = await request(asset);
    const tags = [br.headers.etag, gz.headers.etag, plain.headers.etag];
    for (const tag of tags) expect(tag).toMatch(/^(W\/)?"/);
    expect(new Set(tags).size).toBe(3);

    const again = await request(asset, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // A gzip client holding the brotli copy's tag must get the gzip body, not a 304.
    const other = await request(asset, { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('gzip');
  });

  it('the compressed copies are the files the build wrote, byte for byte', async () => {
    const a = await request(asset, { 'accept-encoding': 'gzip' });
    expect(a.body.equals(await readFile(path.join(dist, `${asset}.gz`)))).toBe(true);
  });
});
