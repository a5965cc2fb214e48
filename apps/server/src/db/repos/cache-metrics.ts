import type { ProviderModelSample } from '@herald/core';
import { sql } from 'kysely';
import type { Executor } from '../database.ts';

type Row = {
  provider_id: string;
  model: string;
  requests: number;
  denom: string;
  hit: string;
  e_requests: number;
  e_denom: string;
  e_hit: string;
};

const rate = (hit: number, denom: number) => (denom > 0 ? Math.min(1, Math.max(0, hit / denom)) : 0);

/**
 * Per provider × model in [start, end): every successful request (the upstream's 2xx, or
 * `success` when the hub sent no status) and the cache-eligible ones, with their token hit rates.
 * Requests without a model cannot be judged and are left out.
 */
export async function cacheSamples(db: Executor, range: { start: Date; end: Date }): Promise<ProviderModelSample[]> {
  const { rows } = await sql<Row>`
    select provider_id, model,
           count(*)::int4 as requests,
           coalesce(sum(input_tokens + cache_creation_input_tokens + cache_read_input_tokens), 0) as denom,
           coalesce(sum(cache_read_input_tokens), 0) as hit,
           (count(*) filter (where cache_eligible))::int4 as e_requests,
           coalesce(sum(input_tokens + cache_creation_input_tokens + cache_read_input_tokens) filter (where cache_eligible), 0) as e_denom,
           coalesce(sum(cache_read_input_tokens) filter (where cache_eligible), 0) as e_hit
      from usage_record
     where created_at >= ${range.start} and created_at < ${range.end}
       and model is not null
       and case when status_code is null then success else status_code between 200 and 299 end
     group by provider_id, model`.execute(db);
  return rows.map((r) => {
    const denom = Number(r.denom);
    const eDenom = Number(r.e_denom);
    return {
      providerId: r.provider_id,
      model: r.model,
      overall: { requests: r.requests, denominatorTokens: denom, hitRateTokens: rate(Number(r.hit), denom) },
      eligible: { requests: r.e_requests, denominatorTokens: eDenom, hitRateTokens: rate(Number(r.e_hit), eDenom) },
    };
  });
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
