import { type Kysely, sql } from 'kysely';
import type { Logger } from '../logger.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * A column holding values sealed by the secret box: nullable text, or (`map`) a JSON object
 * whose every value is sealed on its own (a target's channel secrets).
 */
export type SealedColumn = { table: string; key: string; column: string; map?: boolean };

/**
 * Every sealed column in the schema. A migration that adds one adds it here, so key
 * rotation reaches it.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  ...[
    'circuit_breaker_webhook',
    'cost_alert_webhook',
    'daily_leaderboard_webhook',
    'cache_hit_rate_webhook',
    'provider_balance_webhook',
  ].map((column) => ({ table: 'settings', key: 'id', column })),
  { table: 'target', key: 'id', column: 'proxy_url' },
  { table: 'target', key: 'id', column: 'secrets', map: true },
  { table: 'cch_connector', key: 'id', column: 'token' },
];

/**
 * Seals again, with the current key, every value sealed with a previous one. Runs at start;
 * once it reports nothing left, HERALD_SECRET_KEY_PREVIOUS can be removed.
 */
export async function resealSecrets(
  // biome-ignore lint/suspicious/noExplicitAny: table and column names come from SEALED_COLUMNS at run time
  db: Kysely<any>,
  box: SecretBox,
  logger: Logger,
  columns: readonly SealedColumn[] = SEALED_COLUMNS,
): Promise<number> {
  let resealed = 0;
  for (const { table, key, column, map } of columns) {
    if (map) {
      resealed += await resealMap(db, box, table, key, column);
      continue;
    }
    const stale = await db
      .selectFrom(table)
      .select([sql.ref(key).as('k'), sql.ref(column).as('v')])
      .where(sql.ref(column), 'is not', null)
      .where(sql.ref(column), 'not like', `v1.${box.keyId}.%`)
      .execute();
    for (const row of stale as Array<{ k: unknown; v: string }>) {
      // Only the value we read is replaced, so a concurrent edit is never overwritten.
      const r = await db
        .updateTable(table)
        .set({ [column]: box.seal(box.open(row.v)) })
        .where(sql.ref(key), '=', row.k)
        .where(sql.ref(column), '=', row.v)
        .executeTakeFirst();
      resealed += Number(r.numUpdatedRows);
    }
  }
  if (resealed > 0) logger.info({ action: 'secrets_resealed', count: resealed }, 'secrets sealed with the current key');
  return resealed;
}

async function resealMap(
  // biome-ignore lint/suspicious/noExplicitAny: table and column names come from SEALED_COLUMNS at run time
  db: Kysely<any>,
  box: SecretBox,
  table: string,
  key: string,
  column: string,
): Promise<number> {
  const current = `v1.${box.keyId}.`;
  const stale = await db
    .selectFrom(table)
    .select([sql.ref(key).as('k'), sql.ref(column).as('v')])
    .where(
      sql<boolean>`exists (select 1 from jsonb_each_text(${sql.ref(column)}) e where e.value not like ${`${current}%`})`,
    )
    .execute();
  let resealed = 0;
  for (const row of stale as Array<{ k: unknown; v: Record<string, string> }>) {
    const fresh = Object.fromEntries(
      Object.entries(row.v).map(([f, v]) => [f, v.startsWith(current) ? v : box.seal(box.open(v))]),
    );
    // Only the object we read is replaced, so a concurrent edit is never overwritten.
    const r = await db
      .updateTable(table)
      .set({ [column]: JSON.stringify(fresh) })
      .where(sql.ref(key), '=', row.k)
      .where(sql<boolean>`${sql.ref(column)} = ${JSON.stringify(row.v)}::jsonb`)
      .executeTakeFirst();
    resealed += Number(r.numUpdatedRows);
  }
  return resealed;
}
