import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The server's layers point one way: api and http on top, then services and engine, then jobs and
 * senders, db at the bottom. These are the arrows that must never point back up. `domain/` holds
 * types shared across layers and imports no app code at all.
 */
const FORBIDDEN: Record<string, readonly string[]> = {
  db: ['senders', 'jobs', 'engine', 'services', 'api', 'http'],
  services: ['api', 'http'],
  engine: ['api', 'http'],
};

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Every module a source names: `from '…'`, `import '…'`, `import('…')`. Comments are left out. */
function specifiersOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const re of [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(?\s*['"]([^'"]+)['"]/g]) {
    for (const m of code.matchAll(re)) found.push(m[1] as string);
  }
  return found;
}

/** The layer a path under src belongs to: its first folder (`db`, `services`), or null at the top. */
function layerOf(fromSrc: string): string | null {
  const parts = fromSrc.split('/');
  return parts.length > 1 ? (parts[0] as string) : null;
}

/** What is wrong with `file`'s imports (`file` relative to src, with `/`), one line each. */
function violationsOf(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (layer === null) return [];
  const problems: string[] = [];
  for (const spec of specifiersOf(source)) {
    if (!spec.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const targetLayer = layerOf(target);
    if (targetLayer === layer) continue;
    if (layer === 'domain') {
      problems.push(`${file} imports ${spec}: domain/ imports no app code`);
    } else if (targetLayer !== null && FORBIDDEN[layer]?.includes(targetLayer)) {
      problems.push(`${file} imports ${spec}: ${layer}/ must not import ${targetLayer}/`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

describe('server layers', () => {
  it('has no import pointing from a lower layer up', () => {
    const files = sourceFiles(SRC);
    // A wrong SRC would pass vacuously: every guarded layer must have been read.
    for (const layer of [...Object.keys(FORBIDDEN), 'domain']) {
      expect(
        files.some((f) => f.startsWith(`${layer}/`)),
        `no files found under ${layer}/`,
      ).toBe(true);
    }
    const problems = files.flatMap((f) => violationsOf(f, readFileSync(path.join(SRC, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('names the file, the import and the rule it breaks', () => {
    const source = [
      "import type { Kysely } from 'kysely';",
      "import type { Attempt } from '../../senders/send.ts';",
      'import {',
      '  a,',
      "} from '../../jobs/schedules.ts';",
      "export { b } from '../../engine/deliver.ts';",
      "const c = await import('../../api/trpc.ts');",
      "import '../../services/audit.ts';",
      "import type { Database } from '../database.ts';",
      "// import { d } from '../../http/server.ts';",
    ].join('\n');
    expect(violationsOf('db/tables/delivery.ts', source)).toEqual([
      'db/tables/delivery.ts imports ../../senders/send.ts: db/ must not import senders/',
      'db/tables/delivery.ts imports ../../jobs/schedules.ts: db/ must not import jobs/',
      'db/tables/delivery.ts imports ../../engine/deliver.ts: db/ must not import engine/',
      'db/tables/delivery.ts imports ../../api/trpc.ts: db/ must not import api/',
      'db/tables/delivery.ts imports ../../services/audit.ts: db/ must not import services/',
    ]);
  });

  it('lets services and the engine import below them, never the API or HTTP', () => {
    expect(violationsOf('services/targets.ts', "import { x } from '../api/trpc.ts';")).toEqual([
      'services/targets.ts imports ../api/trpc.ts: services/ must not import api/',
    ]);
    expect(violationsOf('engine/deliver.ts', "import { x } from '../http/server.ts';")).toEqual([
      'engine/deliver.ts imports ../http/server.ts: engine/ must not import http/',
    ]);
    expect(violationsOf('services/targets.ts', "import { x } from '../db/repos/targets.ts';")).toEqual([]);
    expect(violationsOf('engine/enqueue.ts', "import { x } from '../logger.ts';")).toEqual([]);
    expect(violationsOf('domain/attempt.ts', "import { x } from '../logger.ts';")).toEqual([
      'domain/attempt.ts imports ../logger.ts: domain/ imports no app code',
    ]);
  });
});
