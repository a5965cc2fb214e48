import {
  codedIssue,
  type LegacyWebhookTestResult,
  parseLegacyWebhook,
  type TestLegacyWebhookInput,
} from '@herald/core';
import type { AppDeps } from '../deps.ts';
import { sendSample } from './connectivity-test.ts';
import { FieldIssuesError } from './errors.ts';
import { legacyRecipientOf } from './target-record.ts';

/**
 * Tests a legacy URL before it is saved: the platform from the URL, the type's sample sent once
 * like a target test. Nothing is stored; the URL (it carries the key) is never logged or returned.
 */
export async function testLegacyWebhook(
  deps: AppDeps,
  input: TestLegacyWebhookInput,
): Promise<LegacyWebhookTestResult> {
  // The input schema already refused these; a direct caller gets the same field error.
  const parsed = parseLegacyWebhook(input.url);
  if (!parsed.ok) throw new FieldIssuesError([codedIssue(['url'], parsed.issue, parsed.error, parsed.params)]);
  const { channel } = parsed.value;
  const result = await sendSample(deps, legacyRecipientOf(parsed.value), input.notificationType, deps.clock.now());
  deps.logger.info(
    {
      action: 'legacy_webhook_tested',
      channel,
      notificationType: input.notificationType,
      success: result.success,
      latencyMs: result.latencyMs,
    },
    'legacy webhook tested',
  );
  return { ...result, channel };
}
