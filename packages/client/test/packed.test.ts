import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../../apps/server/test/herald.ts';

// About 15 s of work on an idle machine; the timeouts leave room for a busy CI.

/**
 * The package as a hub gets it: built, packed with npm, installed from the tarball into a new
 * project whose tsconfig is `tsc --init`'s, type-checked there and run against a real Herald.
 * The peers (@trpc/client, @trpc/server) are packed from this workspace's own copies, so the
 * install needs no registry.
 */

const run = promisify(execFile);
const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');
const WORKSPACE = path.resolve(PACKAGE_DIR, '../..');
const TSC = path.join(WORKSPACE, 'node_modules/.bin/tsc');

type PackedFile = { path: string; size: number };
type PackResult = { filename: string; size: number; unpackedSize: number; files: PackedFile[] };

async function sh(cmd: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

async function npmPack(dir: string, into: string): Promise<PackResult> {
  const out = await sh('npm', ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', into], into);
  const [result] = JSON.parse(out) as PackResult[];
  if (!result) throw new Error(`npm pack ${dir} printed no result`);
  return result;
}

let h: TestHerald;
let apiKey: string;
let project: string;
let packed: PackResult;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'herald-client-consumer-'));
  const [started] = await Promise.all([
    startTestHerald(),
    sh('pnpm', ['run', 'build'], PACKAGE_DIR).then(async () => {
      packed = await npmPack(PACKAGE_DIR, project);
    }),
  ]);
  h = started;
  apiKey = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'packed client hub' })).key;
}, 180_000);

afterAll(async () => {
  await h?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the packed @herald/client', () => {
  it('holds the built JavaScript and one declaration file, and no source', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ]);
  });

  it('declares the router exactly as the server has it (test/dist-check/parity.ts)', async () => {
    await expect(sh(TSC, ['-p', 'tsconfig.dist-check.json'], PACKAGE_DIR)).resolves.toBe('');
  }, 120_000);

  it('declares as (peer) dependencies exactly what its code imports', async () => {
    const manifest = JSON.parse(await readFile(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
      private?: boolean;
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    expect(manifest.private).toBeUndefined();
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort();
    const imported = new Set<string>();
    for (const file of ['dist/index.js', 'dist/index.d.ts']) {
      const text = await readFile(path.join(PACKAGE_DIR, file), 'utf8');
      for (const m of text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/g)) {
        imported.add((m[1] ?? m[2]) as string);
      }
      // No path into Herald's own sources survives into what is published.
      expect(text).not.toMatch(/@herald\/(server|core)|apps\/server|packages\/core/);
    }
    expect([...imported].sort()).toEqual(declared);
  });

  it('installs from the tarball into a fresh project, type-checks under tsc --init, and calls Herald', async () => {
    // The peers, from this workspace's installed copies (the versions the client was tested with).
    const peers = await Promise.all(
      ['@trpc/client', '@trpc/server'].map((name) => npmPack(path.join(PACKAGE_DIR, 'node_modules', name), project)),
    );
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'a-hub', version: '1.0.0', private: true, type: 'module' }, null, 2),
    );
    await sh(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        // tRPC's own peer (typescript) is the workspace's compiler below, not installed here.
        '--legacy-peer-deps',
        ...[packed, ...peers].map((p) => `./${p.filename}`),
      ],
      project,
    );
    await sh(TSC, ['--init'], project);
    await copyFile(path.join(import.meta.dirname, 'consumer/hub.ts'), path.join(project, 'hub.ts'));
    await copyFile(path.join(import.meta.dirname, 'consumer/run.mjs'), path.join(project, 'run.mjs'));

    // 0 errors, with Herald's router types resolved from the installed package alone.
    await expect(sh(TSC, ['-p', '.', '--noEmit'], project)).resolves.toBe('');

    const out = await run(process.execPath, ['--disable-warning=ExperimentalWarning', 'run.mjs'], {
      cwd: project,
      env: { ...process.env, HERALD_URL: h.url, HERALD_API_KEY: apiKey },
    });
    expect(JSON.parse(out.stdout)).toEqual({
      synced: { created: 1, updated: 0 },
      recorded: { accepted: 1, duplicates: 0 },
      refused: {
        code: 'INVALID_INPUT',
        retryable: false,
        status: 400,
        issues: ['records.0.costUsd'],
        retryAgain: false,
      },
    });

    const user = await h.db
      .selectFrom('hub_user')
      .select(['name', 'limit_monthly_usd'])
      .where('id', '=', 'u_packed')
      .executeTakeFirst();
    expect(user).toEqual({ name: 'Packed Alice', limit_monthly_usd: '200' });
    const usage = await h.db.selectFrom('usage_record').select('request_id').orderBy('request_id').execute();
    expect(usage.map((r) => r.request_id)).toEqual(['req_packed_1']);
  }, 120_000);
});
