import { z } from 'zod';

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
