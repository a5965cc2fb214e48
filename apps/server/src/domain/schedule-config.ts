// Read by db/repos/schedules.ts, planned by jobs/schedules.ts: here, below both, so the repo
// does not import the planner.

/** The stored configuration that decides the schedules (settings already defaulted). */
export type ScheduleSettings = {
  enabled: boolean;
  useLegacyMode: boolean;
  costAlertEnabled: boolean;
  dailyLeaderboardEnabled: boolean;
  /** Whether the sealed legacy URLs are set. */
  costAlertWebhookSet: boolean;
  dailyLeaderboardWebhookSet: boolean;
  /** Minutes between cost checks (10–1440). */
  costAlertCheckInterval: number;
  /** HH:mm */
  dailyLeaderboardTime: string;
  cacheHitRateEnabled: boolean;
  cacheHitRateWebhookSet: boolean;
  /** Minutes between cache-hit-rate checks (1–1440). */
  cacheHitRateCheckInterval: number;
  timezone: string | null;
};

export type ScheduleBinding = {
  id: string;
  notificationType: string;
  targetId: string;
  isEnabled: boolean;
  targetEnabled: boolean;
  scheduleCron: string | null;
  scheduleTimezone: string | null;
};

export type ScheduleConfig = { settings: ScheduleSettings; bindings: readonly ScheduleBinding[] };
