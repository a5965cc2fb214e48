import { AUDIT_ENTITY_TYPES, AUDIT_KINDS } from '@herald/core';
import { z } from 'zod';

/** `/settings` search: the open tab and the audit log's filters; anything invalid is dropped. */
export const SettingsSearch = z.object({
  tab: z.enum(['general', 'audit']).optional().catch(undefined),
  auditKind: z.enum(AUDIT_KINDS).optional().catch(undefined),
  auditObject: z.enum(AUDIT_ENTITY_TYPES).optional().catch(undefined),
  /** One object's changes (with auditObject): a target's or key's id, a binding's notification type. */
  auditId: z.string().trim().min(1).max(100).optional().catch(undefined),
});
export type SettingsSearch = z.infer<typeof SettingsSearch>;
