import { z } from 'zod';
import { CHANNEL_TYPES, LOCALES } from '../domain.ts';
import { AUDIT_KINDS } from './audit.ts';
import { BindingMentionsInput, NotificationTypeSchema } from './bindings.ts';
import { TemplateJson } from './common.ts';
import { Text } from './text.ts';

export const PreviewInput = z.object({
  notificationType: NotificationTypeSchema,
  providerType: z.enum(CHANNEL_TYPES, `must be one of ${CHANNEL_TYPES.join(', ')}`),
  template: TemplateJson.optional(),
  locale: z.enum(LOCALES).optional(),
  timezone: Text().max(64, 'at most 64 characters').optional(),
  /** A binding's mentions, so the preview shows them (checked as a save checks them). */
  mentions: BindingMentionsInput.nullish(),
});
export type PreviewInput = z.infer<typeof PreviewInput>;

export const TestTargetInput = z.object({
  id: z.uuid('id must be a UUID'),
  notificationType: NotificationTypeSchema.default('circuit_breaker'),
});

export const AuditListInput = z
  .object({
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    entityType: Text().max(50, 'at most 50 characters').optional(),
    /** With entityType: one object's changes (a target's id, a binding's notification type). */
    entityId: Text().max(100, 'at most 100 characters').optional(),
    kind: z.enum(AUDIT_KINDS, `must be one of ${AUDIT_KINDS.join(', ')}`).optional(),
  })
  .default({ limit: 50 });

export const TriggerInput = z.object({
  notificationType: z.enum(
    ['cost_alert', 'daily_leaderboard', 'cache_hit_rate'],
    'only cost_alert, daily_leaderboard and cache_hit_rate run on a schedule',
  ),
});
