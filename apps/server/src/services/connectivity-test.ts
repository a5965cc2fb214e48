import { randomUUID } from 'node:crypto';
import { type NotificationType, renderNotification, sampleData, type TestResult } from '@herald/core';
import { TRPCError } from '@trpc/server';
import { readSettings } from '../db/repos/settings.ts';
import * as repo from '../db/repos/targets.ts';
import type { AppDeps } from '../deps.ts';
import { systemClock } from '../senders/clock.ts';
import { sendToTarget } from '../senders/send.ts';
import { SYSTEM_TIMEZONE } from './settings.ts';
import { openTarget, sendTargetOf } from './target-record.ts';

/**
 * Sends the type's sample message through the real path (render, sign, proxy, retries),
 * whatever the switches say, and records the outcome on the target.
 */
export async function testTarget(deps: AppDeps, id: string, type: NotificationType): Promise<TestResult> {
  const row = await repo.findTarget(deps.db, id);
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `id: no target ${id}` });
  const settings = await readSettings(deps.db, SYSTEM_TIMEZONE);
  const target = openTarget(row, deps.secretBox);
  const now = new Date();
  const started = performance.now();
  let result: TestResult;
  try {
    const { body } = renderNotification({
      type,
      data: sampleData(type, now),
      channel: row.provider_type as never,
      locale: settings.locale as never,
      timezone: settings.timezone,
      now,
      ...(target.telegramChatId
        ? { telegram: { chatId: target.telegramChatId, topicId: target.telegramTopicId ?? null } }
        : {}),
      ...(target.customTemplate ? { customTemplate: target.customTemplate as never } : {}),
    });
    const sent = await sendToTarget(
      {
        http: deps.http,
        clock: systemClock,
        logger: deps.logger,
        telegramApiBaseUrl: deps.config.telegramApiBaseUrl,
        connectTimeoutMs: deps.config.webhookConnectTimeoutMs,
        totalTimeoutMs: deps.config.webhookTimeoutMs,
      },
      sendTargetOf(id, target),
      body,
      { messageId: `test_${randomUUID()}` },
    );
    result = {
      success: sent.ok,
      latencyMs: sent.latencyMs,
      statusCode: sent.statusCode,
      error: sent.error,
      response: sent.responseExcerpt,
      notificationType: type,
      attempts: sent.attempts.length,
    };
  } catch (err) {
    result = {
      success: false,
      latencyMs: Math.round(performance.now() - started),
      statusCode: null,
      error: (err as Error).message,
      response: null,
      notificationType: type,
      attempts: 0,
    };
  }
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
