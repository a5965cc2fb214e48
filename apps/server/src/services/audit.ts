import { type AuditKind, type AuditPage, auditActionsOf } from '@herald/core';
import type { Db, Executor } from '../db/database.ts';

export type AuditEntry = {
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** API views only: they hold secret hints, never secrets. */
  before: unknown;
  after: unknown;
};

export async function recordAudit(db: Executor, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: e.actor,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    })
    .execute();
}

export async function listAudit(
  db: Db,
  opts: {
    cursor?: number | undefined;
    limit: number;
    entityType?: string | undefined;
    entityId?: string | undefined;
    kind?: AuditKind | undefined;
  },
): Promise<AuditPage> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit + 1);
  if (opts.cursor) q = q.where('id', '<', opts.cursor);
  if (opts.entityType) q = q.where('entity_type', '=', opts.entityType);
  if (opts.entityId) q = q.where('entity_id', '=', opts.entityId);
  if (opts.kind) q = q.where('action', 'in', auditActionsOf(opts.kind));
  const rows = await q.execute();
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > opts.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
