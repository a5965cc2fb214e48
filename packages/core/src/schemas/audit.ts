import { z } from 'zod';

/** Every action the server records, by its kind: what happened, whatever the object. */
export const AUDIT_ACTIONS = {
  'target.create': 'create',
  'target.update': 'update',
  'target.delete': 'delete',
  'bindings.add': 'create',
  'bindings.set': 'update',
  'settings.update': 'update',
  'settings.mode_switched': 'update',
  'settings.legacy_migrated': 'update',
  'api_key.create': 'create',
  'api_key.revoke': 'delete',
  'silence.create': 'create',
  'silence.end': 'delete',
  'deliveries.resend': 'resend',
  'cch_connector.update': 'update',
} as const satisfies Record<string, AuditKind>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Kinds of change: made, changed, removed (deleted, revoked, ended), sent again. */
export const AUDIT_KINDS = ['create', 'update', 'delete', 'resend'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The objects changes are recorded against (`entityType`). */
export const AUDIT_ENTITY_TYPES = [
  'target',
  'bindings',
  'settings',
  'api_key',
  'silence',
  'delivery',
  'cch_connector',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** The actions of one kind. */
export const auditActionsOf = (kind: AuditKind): AuditAction[] =>
  (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) => AUDIT_ACTIONS[action] === kind);

/** One change made in the dashboard or over the API, as `audit.list` shows it. */
export const AuditEntryView = z.object({
  id: z.number().int().describe('Newer entries have larger ids; pass the last one as `cursor` for the next page.'),
  at: z.iso.datetime(),
  actor: z.string().describe('Who made it: admin:session, admin:token, or system.'),
  action: z.string().describe('What was done, e.g. target.create or settings.update.'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().describe('The API view before the change (secrets only as set/hint); null when created.'),
  after: z.unknown().describe('The API view after the change; null when deleted.'),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** A page of the audit log, newest first. */
export const AuditPage = z.object({
  items: z.array(AuditEntryView),
  nextCursor: z.number().int().nullable().describe('The `cursor` for the next page; null on the last one.'),
});
export type AuditPage = z.infer<typeof AuditPage>;
