import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase } from '../db.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, createLogger('silent')).db;
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const tables = async () =>
  (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db)
  ).rows.map((r) => r.table_name);

describe('migrations', () => {
  it('migrate an empty database to the latest schema, then do nothing the second time', async () => {
    expect(await tables()).toEqual([]);
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await tables()).toEqual(expect.arrayContaining(['admin_session', 'api_key']));
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('are named in order, so they apply in the order they were written', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
  });

  it('run concurrently from several processes without applying anything twice', async () => {
    const other = await createTestDatabase();
    const dbs = [1, 2, 3].map(() => createDb(other.url, createLogger('silent')).db);
    try {
      const applied = await Promise.all(dbs.map((d) => migrateToLatest(d)));
      expect(applied.flat().sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await Promise.all(dbs.map((d) => d.destroy()));
      await other.drop();
    }
  });

  it('can be rolled back to empty', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const r = await migrator.migrateDown();
      expect(r.error).toBeUndefined();
    }
    expect(await tables()).toEqual(['kysely_migration', 'kysely_migration_lock']);
  });
});
