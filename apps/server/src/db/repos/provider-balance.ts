/** Each provider's last reported balance and where its low-balance crossing stands. */
import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import type { ProviderBalanceStateRow } from '../tables/provider-balance.ts';

/**
 * The provider's row, locked until the transaction ends (one report at a time decides). A
 * provider's first report inserts it empty; concurrent first reports wait for each other there.
 */
export async function lockBalance(db: Executor, providerId: string, at: Date): Promise<ProviderBalanceStateRow> {
  await db
    .insertInto('provider_balance_state')
    .values({ provider_id: providerId, updated_at: at })
    .onConflict((oc) => oc.column('provider_id').doNothing())
    .execute();
  return db
    .selectFrom('provider_balance_state')
    .selectAll()
    .where('provider_id', '=', providerId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export type BalancePatch = {
  providerName: string | null;
  balance: number;
  currency: string;
  threshold: number | null;
  alertedFraction: number | null;
  alertNotificationId: string | null;
  reportedAt: Date;
};

export async function updateBalance(db: Executor, providerId: string, p: BalancePatch, at: Date): Promise<void> {
  await db
    .updateTable('provider_balance_state')
    .set({
      provider_name: p.providerName,
      balance: p.balance,
      currency: p.currency,
      threshold: p.threshold,
      alerted_fraction: p.alertedFraction,
      alert_notification_id: p.alertNotificationId,
      reported_at: p.reportedAt,
      updated_at: at,
    })
    .where('provider_id', '=', providerId)
    .execute();
}

/** The name Herald knows for a provider (synced or reported), if any. */
export async function providerName(db: Executor, providerId: string): Promise<string | null> {
  const row = await db.selectFrom('hub_provider').select('name').where('id', '=', providerId).executeTakeFirst();
  return row?.name ?? null;
}

export type BalanceRow = {
  providerId: string;
  providerName: string | null;
  balance: number;
  currency: string;
  threshold: number | null;
  updatedAt: Date;
};

/**
 * Balances for the Overview, the lowest relative to its threshold first: under a positive
 * threshold by balance ÷ threshold, under a zero one by its sign; without a threshold last.
 */
export async function lowestBalances(db: Executor, limit: number): Promise<BalanceRow[]> {
  const { rows } = await sql<{
    provider_id: string;
    provider_name: string | null;
    balance: string;
    currency: string;
    threshold: string | null;
    reported_at: Date | null;
    updated_at: Date;
  }>`
    select s.provider_id, coalesce(s.provider_name, p.name) as provider_name, s.balance, s.currency, s.threshold,
      s.reported_at, s.updated_at
    from provider_balance_state s
    left join hub_provider p on p.id = s.provider_id
    where s.balance is not null
    order by s.threshold is null,
      case when s.threshold > 0 then s.balance / s.threshold else sign(s.balance) end,
      s.balance, s.provider_id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    providerId: r.provider_id,
    providerName: r.provider_name,
    balance: Number(r.balance),
    currency: r.currency,
    threshold: r.threshold === null ? null : Number(r.threshold),
    updatedAt: r.reported_at ?? r.updated_at,
  }));
}
