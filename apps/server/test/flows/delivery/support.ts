import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type NotificationType, sampleData } from '@herald/core';
import { expect, vi } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { findDelivery } from '../../../src/db/repos/deliveries.ts';
import type { DeliveryRow } from '../../../src/db/tables/delivery.ts';
import { type EnqueueInput, type EnqueueResult, enqueueNotification } from '../../../src/engine/enqueue.ts';
import { type Herald, startHerald } from '../../../src/herald.ts';
import type { WorkerOptions } from '../../../src/jobs/workers.ts';
import { createLogger } from '../../../src/logger.ts';
import type { Clock } from '../../../src/senders/clock.ts';
import { createTestDatabase } from '../../db.ts';
import { captureLogs, httpApi, noGroupWait, TEST_ADMIN_TOKEN } from '../../herald.ts';

/** A sender clock that records the 1/2/4 s waits instead of sleeping through them. */
export function recordingClock() {
  const waits: number[] = [];
  const clock: Clock = {
    now: () => new Date(),
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
  return { clock, waits };
}

export type DeliveryHerald = Awaited<ReturnType<typeof startDeliveryHerald>>;

/**
 * A whole Herald in this process, like `startTestHerald`, that can share a database with
 * another (several server processes on one Postgres) and takes worker options.
 */
export async function startDeliveryHerald(
  o: { databaseUrl?: string; secretKey?: string; env?: Record<string, string>; workers?: WorkerOptions } = {},
) {
  const database = o.databaseUrl ? { url: o.databaseUrl, drop: async () => {} } : await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-delivery-test-'));
  const secretKey = o.secretKey ?? randomBytes(32).toString('hex');
  const config = loadConfig({
    DATABASE_URL: database.url,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    HERALD_SECRET_KEY: secretKey,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
    ...o.env,
  });
  const logs = captureLogs();
  const herald: Herald = await startHerald(config, {
    logger: createLogger(config.logLevel, logs.stream),
    webDistDir: path.join(dataDir, 'no-web-build'),
    ...(o.workers ? { workers: o.workers } : {}),
  });
  await noGroupWait(herald.deps.db);
  const raw = httpApi(herald.url);
  /** An admin call that must succeed; returns its data. */
  const api = async (procedure: string, input?: unknown) => {
    const r = await raw(procedure, input, { token: TEST_ADMIN_TOKEN });
    expect(r.status, `${procedure}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body.result.data;
  };
  return {
    herald,
    deps: herald.deps,
    db: herald.deps.db,
    url: herald.url,
    databaseUrl: database.url,
    secretKey,
    logs,
    raw: (procedure: string, input?: unknown) => raw(procedure, input, { token: TEST_ADMIN_TOKEN }),
    api,
    /** Queues a notification the way the engines do (committed when this resolves). */
    enqueue: (input: Partial<EnqueueInput> & { type?: NotificationType } = {}): Promise<EnqueueResult> => {
      const type = input.type ?? 'circuit_breaker';
      return enqueueNotification(herald.deps, herald.deps.db, {
        type,
        data: input.data ?? sampleData(type, new Date()),
        source: input.source ?? 'manual',
        ...(input.onlyBindingId ? { onlyBindingId: input.onlyBindingId } : {}),
      });
    },
    async close() {
      await herald.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Master switch and every type's switch on. */
export async function switchOn(h: Pick<DeliveryHerald, 'api'>) {
  await h.api('settings.update', {
    enabled: true,
    circuitBreakerEnabled: true,
    costAlertEnabled: true,
    dailyLeaderboardEnabled: true,
  });
}

/** A custom target's template that fits every notification type. */
export const TEMPLATE = {
  type: '{{notification_type}}',
  title: '{{title}}',
  level: '{{level}}',
  text: '{{sections}}',
  at: '{{timestamp}}',
};

/** Custom targets at these URLs (optionally signed), bound to `type`; returns their ids in order. */
export async function customTargets(
  h: Pick<DeliveryHerald, 'api'>,
  urls: Array<string | { webhookUrl: string; signingSecret?: string }>,
  type: NotificationType = 'circuit_breaker',
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, url] of urls.entries()) {
    const fields = typeof url === 'string' ? { webhookUrl: url } : url;
    const target = { name: `custom ${i + 1}`, providerType: 'custom', customTemplate: TEMPLATE, ...fields };
    ids.push((await h.api('targets.create', target)).id);
  }
  await h.api('bindings.set', {
    notificationType: type,
    bindings: ids.map((targetId) => ({ targetId, isEnabled: true })),
  });
  return ids;
}

/** Waits (by polling the row, not sleeping) until the delivery is in one of `statuses`. */
export async function settled(
  h: Pick<DeliveryHerald, 'db'>,
  id: string,
  statuses: DeliveryRow['status'][] = ['delivered', 'failed', 'skipped'],
  timeout = 15_000,
): Promise<DeliveryRow> {
  return vi.waitFor(
    async () => {
      const row = await findDelivery(h.db, id);
      if (!row || !statuses.includes(row.status)) throw new Error(`delivery ${id} is ${row?.status ?? 'missing'}`);
      return row;
    },
    { timeout, interval: 25 },
  );
}

/** Waits (polling the row) until `pred` holds for it. */
export async function rowWhen(
  h: Pick<DeliveryHerald, 'db'>,
  id: string,
  pred: (row: DeliveryRow) => boolean,
  timeout = 15_000,
): Promise<DeliveryRow> {
  return vi.waitFor(
    async () => {
      const row = await findDelivery(h.db, id);
      if (!row || !pred(row)) throw new Error(`delivery ${id} is ${row?.status ?? 'missing'}`);
      return row;
    },
    { timeout, interval: 25 },
  );
}

/** Log lines with this action. */
export const logged = (h: Pick<DeliveryHerald, 'logs'>, action: string) =>
  h.logs.lines.filter((l) => l.action === action);

/**
 * Over a running server's HTTP API: circuit-breaker alerts on, one custom target at
 * `webhookUrl` bound to them. Returns the target's id.
 */
export async function bindCustomReceiver(url: string, webhookUrl: string): Promise<string> {
  const api = httpApi(url);
  const admin = async (procedure: string, input: unknown) => {
    const r = await api(procedure, input, { token: TEST_ADMIN_TOKEN });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.result.data;
  };
  await admin('settings.update', { enabled: true, circuitBreakerEnabled: true, circuitBreakerGroupWaitSeconds: 0 });
  const target = await admin('targets.create', {
    name: 'receiver',
    providerType: 'custom',
    webhookUrl,
    customTemplate: TEMPLATE,
  });
  await admin('bindings.set', { notificationType: 'circuit_breaker', bindings: [{ targetId: target.id }] });
  return target.id as string;
}
