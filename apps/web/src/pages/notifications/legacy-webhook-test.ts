import {
  LEGACY_WEBHOOK_TYPE,
  type LegacyWebhookField,
  type LegacyWebhookTestResult,
  TestLegacyWebhookInput,
} from '@herald/core';
import { fieldErrorsOf, schemaErrorsOf } from '../../components/field-errors.ts';

/** What a Test click does with the URL as typed: send it, or say at the field why not. */
export type LegacyTestRequest =
  | { ok: true; input: TestLegacyWebhookInput }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'invalid'; message: string };

/** The typed (unsaved) URL with the field's type, checked by the schema the server uses. */
export function legacyTestRequest(field: LegacyWebhookField, typed: string): LegacyTestRequest {
  const url = typed.trim();
  // The stored URL is never sent to the browser: only a typed one can be tested.
  if (url === '') return { ok: false, reason: 'empty' };
  const input = { url, notificationType: LEGACY_WEBHOOK_TYPE[field] };
  const message = schemaErrorsOf(TestLegacyWebhookInput, input).url;
  return message === undefined ? { ok: true, input } : { ok: false, reason: 'invalid', message };
}

/** The server's reason the URL is unusable (a 400 naming `url`), or null for any other failure. */
export function urlErrorOf(error: unknown): string | null {
  return fieldErrorsOf(error).url ?? null;
}

/** A test's answer and the URL it was for. */
export type LegacyTest = { url: string; result: LegacyWebhookTestResult };

/** The answer while the field still holds the URL it was for; an edited URL has not been tested. */
export function currentResult(test: LegacyTest | null, typed: string): LegacyWebhookTestResult | null {
  return test !== null && test.url === typed.trim() ? test.result : null;
}
