import { TRPCClientError } from '@trpc/client';
import type { z } from 'zod';

/** The server's field errors, keyed by their dotted path (e.g. `bindings.0.scheduleCron`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as Array<{ path: unknown; message: string }>) {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path);
    out[path] ??= issue.message;
  }
  return out;
}

/** What the server would answer for `value`: the shared schema's issues, keyed like `fieldErrorsOf`. */
export function schemaErrorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const checked = schema.safeParse(value);
  if (checked.success) return {};
  const out: Record<string, string> = {};
  for (const issue of checked.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}
