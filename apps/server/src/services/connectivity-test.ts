import { randomUUID } from 'node:crypto';
import { type NotificationType, renderNotification, sampleData, type TestResult } from '@herald/core';
import { readSettings } from '../db/repos/settings.ts';
import * as repo from '../db/repos/targets.ts';
import type { AppDeps } from '../deps.ts';
import { redactText } from '../logger.ts';
import { systemClock } from '../senders/clock.ts';
import { sendToTarget } from '../senders/send.ts';
import type { SendTarget } from '../senders/sender.ts';
import { refusal } from './refusal.ts';
import { SYSTEM_TIMEZONE } from './settings.ts';
import { openTarget, renderConfigOf, sendTargetOf } from './target-record.ts';

/** Where a test message goes, and what its channel's body needs besides the sample. */
export type SampleRecipient = {
  target: SendTarget;
  /** The target's settings a renderer may see (a chat id, a thread, recipients). */
  config: Record<string, unknown>;
  customTemplate?: Record<string, unknown> | null;
};

/**
 * Renders the type's sample for the recipient's channel in the settings' locale and time zone,
 * and sends it through the real path (sign, address policy, proxy, retries): no queue, no
 * delivery row. A failure is the answer, never a throw.
 */
export async function sendSample(
  deps: AppDeps,
  to: SampleRecipient,
  type: NotificationType,
  now: Date,
): Promise<TestResult> {
  const settings = await readSettings(deps.db, SYSTEM_TIMEZONE);
  const started = performance.now();
  try {
    const { body } = renderNotification({
      type,
      data: sampleData(type, now),
      channel: to.target.channel as never,
      locale: settings.locale as never,
      timezone: settings.timezone,
      now,
      config: to.config,
      ...(to.customTemplate ? { customTemplate: to.customTemplate as never } : {}),
      // The sample's links as a real alert would carry them (no delivery log: no notification).
      ...(deps.config.publicUrl ? { links: { publicUrl: deps.config.publicUrl } } : {}),
    });
    const sent = await sendToTarget(
      {
        http: deps.http,
        // The real clock: platforms check signature timestamps against their own.
        clock: systemClock,
        logger: deps.logger,
        telegramApiBaseUrl: deps.config.telegramApiBaseUrl,
        connectTimeoutMs: deps.config.webhookConnectTimeoutMs,
        totalTimeoutMs: deps.config.webhookTimeoutMs,
      },
      to.target,
      body,
      { messageId: `test_${randomUUID()}` },
    );
    return {
      success: sent.ok,
      latencyMs: sent.latencyMs,
      statusCode: sent.statusCode,
      error: sent.error,
      response: sent.responseExcerpt,
      notificationType: type,
      attempts: sent.attempts.length,
    };
  } catch (err) {
    return {
      success: false,
      latencyMs: Math.round(performance.now() - started),
      statusCode: null,
      error: redactText((err as Error).message),
      response: null,
      notificationType: type,
      attempts: 0,
    };
  }
}

/**
 * Sends the type's sample message to a stored target, whatever the switches say, and records
 * the outcome on the target.
 */
export async function testTarget(deps: AppDeps, id: string, type: NotificationType): Promise<TestResult> {
  const row = await repo.findTarget(deps.db, id);
  if (!row) throw refusal('target.not_found', { id }, `id: no target ${id}`);
  const target = openTarget(row, deps.secretBox);
  const now = new Date();
  const result = await sendSample(
    deps,
    {
      target: sendTargetOf(id, target),
      config: renderConfigOf(target),
      customTemplate: (target.customTemplate as Record<string, unknown> | undefined) ?? null,
    },
    type,
    now,
  );
  await repo.recordTest(deps.db, id, now, result);
  deps.logger.info(
    {
      action: 'target_tested',
      targetId: id,
      notificationType: type,
      success: result.success,
      latencyMs: result.latencyMs,
    },
    'target tested',
  );
  return result;
}
