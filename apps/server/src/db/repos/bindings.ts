import type { BindingMentions, QuietHours } from '@herald/core';
import { sql } from 'kysely';
import type { Executor } from '../database.ts';

export type BindingWithTarget = {
  id: string;
  notification_type: string;
  target_id: string;
  is_enabled: boolean;
  schedule_cron: string | null;
  schedule_timezone: string | null;
  template_override: Record<string, unknown> | null;
  quiet_hours: QuietHours | null;
  mentions: BindingMentions | null;
  target_name: string;
  target_type: string;
  target_enabled: boolean;
};

export function listBindings(db: Executor, type?: string): Promise<BindingWithTarget[]> {
  let q = db
    .selectFrom('binding')
    .innerJoin('target', 'target.id', 'binding.target_id')
    .select([
      'binding.id',
      'binding.notification_type',
      'binding.target_id',
      'binding.is_enabled',
      'binding.schedule_cron',
      'binding.schedule_timezone',
      'binding.template_override',
      'binding.quiet_hours',
      'binding.mentions',
      'target.name as target_name',
      'target.provider_type as target_type',
      'target.is_enabled as target_enabled',
    ])
    .orderBy('binding.notification_type')
    .orderBy('binding.created_at');
  if (type) q = q.where('binding.notification_type', '=', type);
  return q.execute();
}

export type BindingValues = {
  target_id: string;
  is_enabled: boolean;
  schedule_cron: string | null;
  schedule_timezone: string | null;
  template_override: string | null;
  quiet_hours: string | null;
  mentions: string | null;
};

/** Makes the type's bindings exactly `rows`: others of the type go, existing ones are updated. */
export async function replaceBindings(db: Executor, type: string, rows: BindingValues[]): Promise<void> {
  const keep = rows.map((r) => r.target_id);
  let del = db.deleteFrom('binding').where('notification_type', '=', type);
  if (keep.length > 0) del = del.where('target_id', 'not in', keep);
  await del.execute();
  if (rows.length === 0) return;
  await db
    .insertInto('binding')
    .values(rows.map((r) => ({ ...r, notification_type: type })))
    .onConflict((oc) =>
      oc.columns(['notification_type', 'target_id']).doUpdateSet((eb) => ({
        is_enabled: eb.ref('excluded.is_enabled'),
        schedule_cron: eb.ref('excluded.schedule_cron'),
        schedule_timezone: eb.ref('excluded.schedule_timezone'),
        template_override: eb.ref('excluded.template_override'),
        quiet_hours: eb.ref('excluded.quiet_hours'),
        mentions: eb.ref('excluded.mentions'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}
