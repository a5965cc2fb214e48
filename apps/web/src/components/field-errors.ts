import { TRPCClientError } from '@trpc/client';
import type { z } from 'zod';
import { type IssueLike, issueText } from '../lib/errors.ts';

/** The server's field errors in the admin's language, keyed by their dotted path (e.g. `bindings.0.scheduleCron`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as Array<IssueLike & { path: unknown }>) {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path);
    out[path] ??= issueText(issue);
  }
  return out;
}

/** What the server would answer for `value`: the shared schema's issues, keyed like `fieldErrorsOf`. */
export function schemaErrorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const checked = schema.safeParse(value);
  if (checked.success) return {};
  const out: Record<string, string> = {};
  for (const issue of checked.error.issues) out[issue.path.join('.')] ??= issueText(issue);
  return out;
}
