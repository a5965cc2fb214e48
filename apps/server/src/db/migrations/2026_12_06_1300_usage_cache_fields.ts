import { type Kysely, sql } from 'kysely';

/**
 * What the cache-hit-rate alert needs from each request: its model, its place in a session, the
 * cache's TTL (computed at ingestion from the 5m/1h split or the applied TTL) and the upstream
 * status; and whether it was a follow-up within that TTL of the request before it in its
 * session (`cache_eligible`, set when the later of the two arrives, whichever that is).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('usage_record')
    .addColumn('model', 'text')
    .addColumn('session_id', 'text')
    .addColumn('request_sequence', 'integer')
    .addColumn('cache_creation_5m_input_tokens', 'int8')
    .addColumn('cache_creation_1h_input_tokens', 'int8')
    .addColumn('cache_ttl_seconds', 'integer')
    .addColumn('status_code', 'smallint')
    .addColumn('cache_eligible', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('usage_record_session_idx')
    .on('usage_record')
    .columns(['session_id', 'request_sequence'])
    .where(sql.ref('session_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('usage_record_session_idx').execute();
  await db.schema
    .alterTable('usage_record')
    .dropColumn('model')
    .dropColumn('session_id')
    .dropColumn('request_sequence')
    .dropColumn('cache_creation_5m_input_tokens')
    .dropColumn('cache_creation_1h_input_tokens')
    .dropColumn('cache_ttl_seconds')
    .dropColumn('status_code')
    .dropColumn('cache_eligible')
    .execute();
}
