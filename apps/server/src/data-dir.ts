import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** DATA_DIR stays traversable (0755): the embedded database runs as another user inside it. */
export async function ensureDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
}

/**
 * Reads a generated secret from DATA_DIR, creating it (owner-only) on first use.
 * `created` tells the caller to announce it once.
 */
export async function loadOrCreateSecret(
  dir: string,
  file: string,
  generate: () => string = () => randomBytes(32).toString('base64url'),
): Promise<{ value: string; created: boolean }> {
  const full = path.join(dir, file);
  try {
    const value = (await readFile(full, 'utf8')).trim();
    if (value) return { value, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const value = generate();
  // 'wx' fails if another process created it first; then read theirs.
  try {
    await writeFile(full, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { value: (await readFile(full, 'utf8')).trim(), created: false };
  }
}
