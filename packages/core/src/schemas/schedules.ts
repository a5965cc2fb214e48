import { z } from 'zod';

/** A schedule registered in the job queue: a binding's (or legacy mode's) cost check, leaderboard or cache check. */
export const ScheduleView = z.object({
  queue: z.string().describe('The job queue it fires, named for the notification type.'),
  key: z.string(),
  cron: z.string().describe('Five-field cron expression.'),
  tz: z.string().describe('The IANA time zone the cron is read in.'),
  data: z.union([z.object({ legacy: z.literal(true) }), z.object({ bindingId: z.uuid(), targetId: z.uuid() })]),
});
export type ScheduleView = z.infer<typeof ScheduleView>;

/** One run `notifications.trigger` made (a binding's, or legacy mode's), or why it did not run. */
export const RunOutcome = z.union([
  z.object({
    ran: z.literal(true),
    scope: z.string(),
    timezone: z.string(),
    alerts: z.number().int().optional().describe('Cost and cache checks: the alerts it queued.'),
    sent: z.boolean().optional().describe('The leaderboard: whether it was sent.'),
  }),
  z.object({ ran: z.literal(false), scope: z.string(), reason: z.string() }),
]);
export type RunOutcome = z.infer<typeof RunOutcome>;
