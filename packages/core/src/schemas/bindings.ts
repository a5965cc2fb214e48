import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../domain.ts';
import { LEVELS } from '../message/model.ts';
import { TimeZone, templateSchema } from './common.ts';
import { QuietHours } from './incidents.ts';
import { coded } from './issue-codes.ts';
import { Text } from './text.ts';

export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES, `must be one of ${NOTIFICATION_TYPES.join(', ')}`);

export const ListBindingsInput = z.object({ notificationType: NotificationTypeSchema.optional() }).optional();

/** People a binding's messages notify; each entry is read by the target's channel when saved. */
export const BindingMentionsInput = z.object({
  people: z
    .array(Text().trim().min(1, 'must not be empty').max(64, 'at most 64 characters'))
    .max(50, 'at most 50 people'),
  /** Only messages of these levels mention them (null or empty: every level). */
  levels: z
    .array(z.enum(LEVELS, `must be one of ${LEVELS.join(', ')}`))
    .max(LEVELS.length, `at most ${LEVELS.length} levels`)
    .nullish(),
});
export type BindingMentionsInput = z.infer<typeof BindingMentionsInput>;

export const SetBindingsInput = z
  .object({
    notificationType: NotificationTypeSchema,
    bindings: z
      .array(
        z.object({
          targetId: z.uuid('targetId must be a UUID'),
          isEnabled: z.boolean().default(true),
          scheduleCron: Text().trim().min(1, 'must not be empty').max(100, 'at most 100 characters').nullish(),
          scheduleTimezone: TimeZone.nullish(),
          templateOverride: z.record(z.string(), z.unknown()).nullish(),
          quietHours: QuietHours.nullish(),
          mentions: BindingMentionsInput.nullish(),
        }),
      )
      .max(100, 'at most 100 bindings per type'),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.bindings.forEach((b, i) => {
      if (seen.has(b.targetId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bindings', i, 'targetId'],
          ...coded('target.bound_twice', 'this target is bound twice'),
        });
      }
      seen.add(b.targetId);
      if (b.templateOverride) {
        const r = templateSchema(input.notificationType).safeParse(b.templateOverride);
        for (const issue of r.error?.issues ?? []) {
          ctx.addIssue({ ...issue, code: 'custom', path: ['bindings', i, 'templateOverride', ...issue.path] } as never);
        }
      }
    });
  });
export type SetBindingsInput = z.infer<typeof SetBindingsInput>;

/** A binding as `bindings.list` and `bindings.set` answer it, with its target's name and state. */
export const BindingView = z.object({
  id: z.uuid(),
  notificationType: z.enum(NOTIFICATION_TYPES),
  targetId: z.uuid(),
  targetName: z.string(),
  targetType: z.string(),
  targetEnabled: z.boolean(),
  isEnabled: z.boolean(),
  scheduleCron: z.string().nullable(),
  scheduleTimezone: z.string().nullable(),
  templateOverride: z.record(z.string(), z.unknown()).nullable(),
  // As stored: not checked again on the way out (a stricter rule must not make a binding unreadable).
  quietHours: z
    .object({ days: z.array(z.number().int()), from: z.string(), to: z.string(), bypassUrgent: z.boolean() })
    .nullable(),
  /** Who the binding's messages notify (null: nobody). */
  mentions: z.object({ people: z.array(z.string()), levels: z.array(z.enum(LEVELS)).nullable() }).nullable(),
});
export type BindingView = z.infer<typeof BindingView>;
