import type { NotificationType } from '@herald/core';
import { vi } from 'vitest';
import { type FakeCustom, startFakeCustom } from '../../fake-platforms/index.ts';
import { TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

/** A custom template that hands the test what recovery and flapping messages say. */
export const INCIDENT_TEMPLATE = {
  type: '{{notification_type}}',
  event: '{{event}}',
  title: '{{title}}',
  provider: '{{provider_name}}',
  failures: '{{json:failure_count}}',
  failuresWhileOpen: '{{json:failures_while_open}}',
  recoveredAfterSeconds: '{{json:recovered_after_seconds}}',
  flapCount: '{{json:flap_count}}',
  targetName: '{{target_name}}',
  period: '{{period}}',
};

export type IncidentMessage = {
  type: string;
  event: string;
  title: string;
  provider: string;
  failures: number | null;
  failuresWhileOpen: number | null;
  recoveredAfterSeconds: number | null;
  flapCount: number | null;
  targetName: string;
  period: string;
};

/** A custom target on its own fake receiver (unpaced), not bound to anything yet. */
export async function customReceiver(h: TestHerald, name: string) {
  const fake = await startFakeCustom();
  const target = await h.client(TEST_ADMIN_TOKEN).targets.create.mutate({
    name,
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: INCIDENT_TEMPLATE,
  });
  return { fake, target, messages: () => fake.accepted.map((r) => r.json as IncidentMessage) };
}
export type Receiver = Awaited<ReturnType<typeof customReceiver>>;

/** Binds exactly these targets to the type (replacing its bindings). */
export async function bindOnly(h: TestHerald, notificationType: NotificationType, targetIds: string[]) {
  await h.client(TEST_ADMIN_TOKEN).bindings.set.mutate({
    notificationType,
    bindings: targetIds.map((targetId) => ({ targetId, isEnabled: true })),
  });
}

/** Everything on, breaker alerts not held for grouping (each test reads single messages). */
export async function switchOn(h: TestHerald, more: Record<string, unknown> = {}) {
  await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    costAlertEnabled: true,
    circuitBreakerGroupWaitSeconds: 0,
    ...more,
  });
}

export async function hubKey(h: TestHerald): Promise<string> {
  return (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'incidents hub' })).key;
}

/** The breaker notifications stored for a provider, oldest first, by event. */
export async function breakerEvents(h: TestHerald, providerId: string): Promise<string[]> {
  const rows = await h.db
    .selectFrom('notification')
    .select(['data'])
    .where('type', '=', 'circuit_breaker')
    .orderBy('id')
    .execute();
  return rows
    .map((r) => r.data as { providerId: string; event?: string })
    .filter((d) => d.providerId === providerId)
    .map((d) => d.event ?? 'opened');
}

/** A notification's deliveries once none is pending or sending any more. */
export function settled(h: TestHerald, notificationId: string) {
  return vi.waitFor(
    async () => {
      const rows = await h.db
        .selectFrom('delivery')
        .selectAll()
        .where('notification_id', '=', notificationId)
        .orderBy('target_name')
        .execute();
      if (rows.length === 0 || rows.some((r) => r.status === 'pending' || r.status === 'sending')) {
        throw new Error(`deliveries of ${notificationId} not finished`);
      }
      return rows;
    },
    { timeout: 10_000, interval: 50 },
  );
}

export async function closeAll(...fakes: Array<FakeCustom | { close(): Promise<void> } | undefined>) {
  await Promise.all(fakes.map((f) => f?.close()));
}
