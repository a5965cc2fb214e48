import type { z } from 'zod';

/** Marks an issue as an unknown field, so the API can answer UNKNOWN_FIELD (schemas/errors.ts). */
export const UNKNOWN_FIELD_PARAM = 'heraldUnknownField';

/** True for an issue `strict()` raised for a field the schema does not know. */
export function isUnknownFieldIssue(issue: { code?: string; params?: Record<string, unknown> }): boolean {
  return issue.code === 'custom' && issue.params?.[UNKNOWN_FIELD_PARAM] === true;
}

/** Case, `_` and `-` do not count: `limit5hUSD` and `limit_5h_usd` are both `limit5hUsd`. */
const normalized = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/** Edits (insert, delete, substitute, swap two neighbours) between two strings. */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  // One flat table, row i at i * width: d(i, j) = edits between a's first i and b's first j characters.
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known key closest to `key`, if it is close enough to be a typo (about one edit in three characters). */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = normalized(key);
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const other = normalized(candidate);
    const distance = editDistance(wanted, other);
    // A one-letter key is never "close" to another one-letter key: that is a different key.
    const allowed = Math.min(3, Math.max(1, Math.floor(other.length / 3)), other.length - 1);
    if (distance <= allowed && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/** Why a field is refused: the close key when there is one, else every key the object takes. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const close = closestKey(key, known);
  return close
    ? `unknown field (did you mean \`${close}\`?)`
    : `unknown field (the fields are ${known.map((k) => `\`${k}\``).join(', ')})`;
}

/**
 * The object, refusing fields it does not know: one issue per field, at the field's own path,
 * saying which known field was probably meant. A typo (`limit5hUSD`) must not pass as "no limit".
 * Strict (not strip), so its JSON Schema says `additionalProperties: false` too.
 */
export function strict<Shape extends z.core.$ZodShape>(
  schema: z.ZodObject<Shape, z.core.$ZodObjectConfig>,
): z.ZodObject<Shape, z.core.$strict> {
  const known = Object.keys(schema.shape);
  return schema.strict().superRefine(
    (_value, ctx) => {
      // zod reports this object's unknown keys as one issue with no path (a nested object's
      // already has its key in the path, split by its own check): one issue per key instead.
      const at = ctx.issues.findIndex((i) => i.code === 'unrecognized_keys' && !i.path?.length);
      const own = ctx.issues[at];
      if (own?.code !== 'unrecognized_keys') return;
      const input = typeof own.input === 'object' && own.input !== null ? (own.input as Record<string, unknown>) : {};
      ctx.issues.splice(
        at,
        1,
        ...own.keys.map(
          (key): z.core.$ZodRawIssue => ({
            code: 'custom',
            path: [key],
            message: unknownFieldMessage(key, known),
            input: input[key],
            params: { [UNKNOWN_FIELD_PARAM]: true },
            continue: true,
          }),
        ),
      );
    },
    // Runs even when other fields are bad, so one answer names every problem.
    { when: () => true },
  );
}
