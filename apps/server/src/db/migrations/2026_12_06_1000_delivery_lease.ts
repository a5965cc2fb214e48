import type { Kysely } from 'kysely';

/**
 * A delivery being sent is leased to its run: `lease_until` is set when a run claims the row and
 * renewed with the job's heartbeat, and no other run may claim it before then. A run whose send
 * succeeded but whose result could not be written yet (the database was away) keeps its lease,
 * so another process does not send it again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('delivery').addColumn('lease_until', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('delivery').dropColumn('lease_until').execute();
}
