import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealSecrets } from '../../src/crypto/reseal.ts';
import { createSecretBox } from '../../src/crypto/secret-box.ts';
import { createDb, type Db } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase } from '../db.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, createLogger('silent')).db;
  await sql`create table vault (id int primary key, secret text)`.execute(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('key rotation', () => {
  it('reseals values sealed with the previous key, leaves current ones and nulls alone', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const oldBox = createSecretBox(oldKey);
    const box = createSecretBox(newKey, [oldKey]);
    const current = box.seal('already current');
    await sql`insert into vault values (1, ${oldBox.seal('one')}), (2, ${current}), (3, null)`.execute(db);

    const columns = [{ table: 'vault', key: 'id', column: 'secret' }];
    expect(await resealSecrets(db, box, createLogger('silent'), columns)).toBe(1);
    expect(await resealSecrets(db, box, createLogger('silent'), columns)).toBe(0);

    const rows = (await sql<{ id: number; secret: string | null }>`select * from vault order by id`.execute(db)).rows;
    // After the rotation the new key alone opens everything.
    const newOnly = createSecretBox(newKey);
    expect(newOnly.open(rows[0]?.secret as string)).toBe('one');
    expect(rows[1]?.secret).toBe(current);
    expect(rows[2]?.secret).toBeNull();
  });

  it("reseals each stale value of a sealed map (a target's channel secrets), keeping current ones", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const oldBox = createSecretBox(oldKey);
    const box = createSecretBox(newKey, [oldKey]);
    const current = box.seal('current token');
    await sql`create table vault_map (id int primary key, secrets jsonb not null)`.execute(db);
    const stale = JSON.stringify({ webhookUrl: oldBox.seal('https://h.test/x'), token: current });
    await sql`insert into vault_map values (1, ${stale}::jsonb), (2, ${JSON.stringify({ token: current })}::jsonb), (3, '{}')`.execute(
      db,
    );

    const columns = [{ table: 'vault_map', key: 'id', column: 'secrets', map: true }];
    expect(await resealSecrets(db, box, createLogger('silent'), columns)).toBe(1);
    expect(await resealSecrets(db, box, createLogger('silent'), columns)).toBe(0);

    const rows = (
      await sql<{ id: number; secrets: Record<string, string> }>`select * from vault_map order by id`.execute(db)
    ).rows;
    const newOnly = createSecretBox(newKey);
    expect(newOnly.open(rows[0]?.secrets.webhookUrl as string)).toBe('https://h.test/x');
    expect(rows[0]?.secrets.token).toBe(current);
    expect(rows[1]?.secrets).toEqual({ token: current });
    expect(rows[2]?.secrets).toEqual({});
  });
});
