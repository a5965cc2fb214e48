import type { NotificationType } from '@herald/core';
import { startFakeCustom } from '../../fake-platforms/index.ts';
import { TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

/** A custom template that hands the test the notification's data as JSON. */
export const DATA_TEMPLATE = {
  type: '{{notification_type}}',
  title: '{{title}}',
  timestampLocal: '{{timestamp_local}}',
  provider: '{{provider_name}}',
  failures: '{{json:failure_count}}',
  targetType: '{{target_type}}',
  targetName: '{{target_name}}',
  period: '{{period}}',
  level: '{{json:threshold}}',
  usage: '{{json:usage_percent}}',
  date: '{{date}}',
  entries: '{{json:entries_json}}',
  totalRequests: '{{json:total_requests}}',
  totalCost: '{{json:total_cost}}',
};

export type Received = {
  type: string;
  title: string;
  timestampLocal: string;
  provider: string;
  failures: number | null;
  targetType: string;
  targetName: string;
  period: string;
  level: number | null;
  usage: number | null;
  date: string;
  entries: Array<{ userId: string; userName: string; totalCost: number; totalRequests: number; totalTokens: number }>;
  totalRequests: number | null;
  totalCost: number | null;
};

/** A custom receiver bound to the given types, with everything switched on. */
export async function receiverFor(
  h: TestHerald,
  types: NotificationType[],
  binding: { scheduleCron?: string; scheduleTimezone?: string } = {},
  settings: Record<string, unknown> = {},
) {
  const fake = await startFakeCustom();
  const admin = h.client(TEST_ADMIN_TOKEN);
  const target = await admin.targets.create.mutate({
    name: `receiver ${fake.url}`,
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: DATA_TEMPLATE,
  });
  for (const notificationType of types) {
    const existing = (await admin.bindings.list.query({ notificationType })).map((b) => ({
      targetId: b.targetId,
      isEnabled: b.isEnabled,
      scheduleCron: b.scheduleCron,
      scheduleTimezone: b.scheduleTimezone,
    }));
    await admin.bindings.set.mutate({
      notificationType,
      bindings: [...existing, { targetId: target.id, isEnabled: true, ...binding }],
    });
  }
  await admin.settings.update.mutate({
    enabled: true,
    circuitBreakerEnabled: true,
    costAlertEnabled: true,
    dailyLeaderboardEnabled: true,
    ...settings,
  });
  const messages = () => fake.accepted.map((r) => r.json as Received);
  return { fake, target, messages };
}

export async function hubKey(h: TestHerald): Promise<string> {
  return (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'engine test hub' })).key;
}
