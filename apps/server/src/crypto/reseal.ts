import { type Kysely, sql } from 'kysely';
import type { Logger } from '../logger.ts';
import type { SecretBox } from './secret-box.ts';

/** A column holding values sealed by the secret box (nullable text). */
export type SealedColumn = { table: string; key: string; column: string };

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
  ...[
    'webhook_url',
    'telegram_bot_token',
    'dingtalk_secret',
    'feishu_secret',
    'signing_secret',
    'custom_headers',
    'proxy_url',
  ].map((column) => ({ table: 'target', key: 'id', column })),
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
  for (const { table, key, column } of columns) {
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
