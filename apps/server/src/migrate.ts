/** `pnpm migrate`: applies pending migrations (the server also does this at start). */
import { ConfigError, loadConfig } from './config.ts';
import { ensureDataDir } from './data-dir.ts';
import { createDb } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger } from './logger.ts';

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await ensureDataDir(config.dataDir);
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, logger);
  await embedded?.createDatabase('herald');
  const { db } = createDb(config.databaseUrl ?? (embedded?.urlFor('herald') as string), logger, 1);
  try {
    const applied = await migrateToLatest(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`}\n`);
  process.exit(1);
}
