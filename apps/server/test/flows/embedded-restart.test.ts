import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { startHerald } from '../../src/herald.ts';
import { createLogger } from '../../src/logger.ts';
import { captureLogs, typedClient } from '../herald.ts';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-restart-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Starts Herald the way `pnpm start` does with nothing configured: embedded database, generated keys. */
async function startDefault() {
  const announced: string[] = [];
  const logs = captureLogs();
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' });
  const herald = await startHerald(config, {
    logger: createLogger('info', logs.stream),
    announce: (t) => announced.push(t),
    webDistDir: path.join(dataDir, 'no-web'),
  });
  const pgPort = logs.lines.find((l) => l.msg === 'embedded PostgreSQL started')?.port as number;
  return { herald, announced, pgPort };
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s.destroy() && true));
    s.once('error', () => resolve(false));
  });

describe('the embedded default', () => {
  it('generates and announces the admin token once, and keeps data and keys across a restart', async () => {
    const first = await startDefault();
    expect(first.announced).toHaveLength(1);
    const token = (await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim();
    expect(first.announced[0]).toContain(token);
    const secretKey = await readFile(path.join(dataDir, 'secret-key'), 'utf8');
    const sealed = first.herald.deps.secretBox.seal('webhook secret');

    const created = await typedClient(first.herald.url, token).apiKeys.create.mutate({ name: 'survives restart' });
    expect(await portOpen(first.pgPort)).toBe(true);
    await first.herald.stop();
    expect(await portOpen(first.pgPort)).toBe(false);

    const second = await startDefault();
    try {
      expect(second.announced).toEqual([]);
      expect((await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim()).toBe(token);
      expect(await readFile(path.join(dataDir, 'secret-key'), 'utf8')).toBe(secretKey);
      expect(second.herald.deps.secretBox.open(sealed)).toBe('webhook secret');
      const keys = await typedClient(second.herald.url, token).apiKeys.list.query();
      expect(keys.map((k) => k.id)).toContain(created.id);
      expect(await typedClient(second.herald.url, created.key).hub.ping.query()).toMatchObject({ ok: true });
    } finally {
      await second.herald.stop();
    }
  });
});

describe('a DATA_DIR the database user cannot reach', () => {
  it.runIf(process.getuid?.() === 0)('is refused with a message saying which folder and what to do', async () => {
    const privateDir = await mkdtemp(path.join(os.tmpdir(), 'herald-private-'));
    try {
      await chmod(privateDir, 0o700);
      await expect(startEmbeddedPostgres(path.join(privateDir, 'data'), createLogger('silent'))).rejects.toThrow(
        `cannot enter ${privateDir} (chmod o+x ${privateDir}`,
      );
    } finally {
      await rm(privateDir, { recursive: true, force: true });
    }
  });
});
