import type { ProviderModelSample } from '@herald/core';
import { sql } from 'kysely';
import type { Executor } from '../database.ts';

type Sums = {
  provider_id: string;
  model: string;
  requests: number;
  denom: number;
  hit: number;
  e_requests: number;
  e_denom: number;
  e_hit: number;
};

const DAY_MS = 86_400_000;
const rate = (hit: number, denom: number) => (denom > 0 ? Math.min(1, Math.max(0, hit / denom)) : 0);

/** Raw rows in [start, end): every successful request (2xx, or `success` without a status) with a model. */
async function rawSums(db: Executor, start: Date, end: Date): Promise<Sums[]> {
  const { rows } = await sql<Sums>`
    select provider_id, model,
           count(*)::int8 as requests,
           coalesce(sum(input_tokens + cache_creation_input_tokens + cache_read_input_tokens), 0)::int8 as denom,
           coalesce(sum(cache_read_input_tokens), 0)::int8 as hit,
           (count(*) filter (where cache_eligible))::int8 as e_requests,
           coalesce(sum(input_tokens + cache_creation_input_tokens + cache_read_input_tokens) filter (where cache_eligible), 0)::int8 as e_denom,
           coalesce(sum(cache_read_input_tokens) filter (where cache_eligible), 0)::int8 as e_hit
      from usage_record
     where created_at >= ${start} and created_at < ${end}
       and model is not null
       and case when status_code is null then success else status_code between 200 and 299 end
     group by provider_id, model`.execute(db);
  return rows;
}

/** The rollup's whole UTC days [from, to). */
async function rollupSums(db: Executor, from: Date, to: Date): Promise<Sums[]> {
  const { rows } = await sql<Sums>`
    select provider_id, model, sum(requests)::int8 as requests, sum(denom)::int8 as denom, sum(hit)::int8 as hit,
           sum(e_requests)::int8 as e_requests, sum(e_denom)::int8 as e_denom, sum(e_hit)::int8 as e_hit
      from usage_cache_daily
     where day >= ${from.toISOString().slice(0, 10)}::date and day < ${to.toISOString().slice(0, 10)}::date
     group by provider_id, model`.execute(db);
  return rows;
}

/**
 * Per provider × model in [start, end): every successful request and the cache-eligible ones,
 * with their token hit rates. A range of whole UTC days reads the daily rollup for them and raw
 * rows only for the partial days at its ends (a 7-day baseline: ~11k rollup rows plus at most a
 * day of raw rows). Requests without a model cannot be judged and are left out.
 */
export async function cacheSamples(db: Executor, range: { start: Date; end: Date }): Promise<ProviderModelSample[]> {
  const firstDay = new Date(Math.ceil(range.start.getTime() / DAY_MS) * DAY_MS);
  const lastDay = new Date(Math.floor(range.end.getTime() / DAY_MS) * DAY_MS);
  const parts =
    lastDay.getTime() - firstDay.getTime() < DAY_MS
      ? [await rawSums(db, range.start, range.end)]
      : await Promise.all([
          rollupSums(db, firstDay, lastDay),
          range.start < firstDay ? rawSums(db, range.start, firstDay) : [],
          lastDay < range.end ? rawSums(db, lastDay, range.end) : [],
        ]);
  const merged = new Map<string, Sums>();
  for (const r of parts.flat()) {
    const key = JSON.stringify([r.provider_id, r.model]);
    const m = merged.get(key);
    if (!m) merged.set(key, { ...r });
    else {
      for (const k of ['requests', 'denom', 'hit', 'e_requests', 'e_denom', 'e_hit'] as const) {
        m[k] = Number(m[k]) + Number(r[k]);
      }
    }
  }
  return [...merged.values()].map((r) => ({
    providerId: r.provider_id,
    model: r.model,
    overall: {
      requests: Number(r.requests),
      denominatorTokens: Number(r.denom),
      hitRateTokens: rate(Number(r.hit), Number(r.denom)),
    },
    eligible: {
      requests: Number(r.e_requests),
      denominatorTokens: Number(r.e_denom),
      hitRateTokens: rate(Number(r.e_hit), Number(r.e_denom)),
    },
  }));
}

/** How much of the window's usage carried what the alert needs, to say when a hub sends too little. */
export async function cacheSignal(db: Executor, range: { start: Date; end: Date }) {
  const { rows } = await sql<{ total: number; with_model: number; with_session: number }>`
    select count(*)::int4 as total,
           (count(*) filter (where model is not null))::int4 as with_model,
           (count(*) filter (where session_id is not null and request_sequence is not null))::int4 as with_session
      from usage_record where created_at >= ${range.start} and created_at < ${range.end}`.execute(db);
  return rows[0] ?? { total: 0, with_model: 0, with_session: 0 };
}
