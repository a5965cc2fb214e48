import { randomUUID } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing; images and fonts here are already compressed formats. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this a compressed copy saves less than the extra header costs. */
const MIN_BYTES = 1024;

export type Precompressed = { file: string; bytes: number; gzip: number | null; brotli: number | null };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file in `dir`, at the highest
 * levels (done once per build, so the server never compresses per request). A copy that would
 * not be smaller is not written, so the server falls back to the plain file.
 */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  const done = await Promise.all(files.map((file) => precompressFile(dir, file).catch(skipIfGone)));
  return done.filter((entry) => entry !== null);
}

/** A file that another build of the same folder removed meanwhile is that build's to compress. */
function skipIfGone(error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  throw error;
}

async function precompressFile(dir: string, file: string): Promise<Precompressed> {
  const { size } = await stat(file);
  const rel = path.relative(dir, file);
  if (size < MIN_BYTES) return { file: rel, bytes: size, gzip: null, brotli: null };
  const body = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: size,
      },
    }),
    gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const keep = async (data: Buffer, ext: string) => {
    if (data.length >= size) return null;
    // Written aside then renamed: a server reading the folder meanwhile never sends half a file.
    const aside = `${file}${ext}.${process.pid}-${randomUUID()}.partial`;
    await writeFile(aside, data);
    await rename(aside, file + ext);
    return data.length;
  };
  return { file: rel, bytes: size, brotli: await keep(br, '.br'), gzip: await keep(gz, '.gz') };
}

/**
 * Vite plugin: precompresses the build output (brotli and gzip) once it is written. Plain
 * node:zlib rather than a compression plugin dependency: it is a few lines, and the same
 * function is what the server's tests build their dist with.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'herald-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
