import { z } from 'zod';
import { coded, ISSUE_CODE_PARAM, type IssueCode } from './issue-codes.ts';

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, and jsonb refuses a lone UTF-16
 * surrogate (a JavaScript string cut in the middle of an emoji). Every string an API
 * input carries is either refused with its field named, or cleaned where it is free text.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

export const NUL_MESSAGE = 'must not contain a NUL character (\\u0000)';
export const SURROGATE_MESSAGE = 'must be valid Unicode (it holds half of a surrogate pair)';

export const hasNul = (s: string): boolean => s.includes('\u0000');
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/** Replaces each half surrogate pair with U+FFFD, as any UTF-8 encoder does. */
export const repairSurrogates = (s: string): string => s.replace(LONE_SURROGATES, '\uFFFD');

/** Free text (an upstream error): NUL removed, cut to `max` UTF-16 units, never half a pair left. */
export function cleanText(s: string, max: number): string {
  return repairSurrogates(s.replaceAll('\u0000', '').slice(0, max));
}

/** A string stored as sent (an id, a URL, a cron): refused when PostgreSQL could not store it. */
export const Text = (message?: string) =>
  z
    .string(message)
    .refine((s) => !hasNul(s), coded('text.nul', NUL_MESSAGE))
    .refine((s) => !hasLoneSurrogate(s), coded('text.surrogate', SURROGATE_MESSAGE));

/** A display name from a hub: a NUL is refused, half a surrogate pair (a name cut by the hub) becomes U+FFFD. */
export const NameText = (message?: string) =>
  z
    .string(message)
    .refine((s) => !hasNul(s), coded('text.nul', NUL_MESSAGE))
    .transform(repairSurrogates);

/**
 * Bounds of a JSON value an admin writes (a custom template): far above any real template,
 * low enough that checking, rendering and storing it stay cheap and never recurse deeply.
 */
export const JSON_VALUE_MAX_DEPTH = 20;
export const JSON_VALUE_MAX_CHARS = 64 * 1024;

/** `params` carries the issue code (issue-codes.ts) and the bound it names, for a zod custom issue. */
export type JsonIssue = { path: PropertyKey[]; message: string; params: Record<string, string | number> };

const jsonIssue = (path: PropertyKey[], code: IssueCode, message: string, max?: number): JsonIssue => ({
  path,
  message,
  params: { [ISSUE_CODE_PARAM]: code, ...(max === undefined ? {} : { max }) },
});

/** The first reason a JSON value cannot be stored: too deep, too large, or a key or string PostgreSQL refuses. */
export function jsonValueIssue(value: unknown): JsonIssue | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  let chars = 0;
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (path.length > JSON_VALUE_MAX_DEPTH) {
      return jsonIssue(
        path.slice(0, JSON_VALUE_MAX_DEPTH),
        'json.too_deep',
        `nested deeper than ${JSON_VALUE_MAX_DEPTH} levels`,
        JSON_VALUE_MAX_DEPTH,
      );
    }
    if (typeof v === 'string') {
      chars += v.length;
      const bad = stringIssue(v);
      if (bad) return jsonIssue(path, bad.code, bad.message);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        chars += key.length;
        const bad = stringIssue(key);
        if (bad) return jsonIssue([...path, key], bad.code, `this key ${bad.message}`);
        stack.push({ value: child, path: [...path, Array.isArray(v) ? Number(key) : key] });
      }
    } else {
      chars += 8;
    }
    if (chars > JSON_VALUE_MAX_CHARS) {
      return jsonIssue(
        [],
        'json.too_large',
        `too large: at most ${JSON_VALUE_MAX_CHARS} characters of keys and text`,
        JSON_VALUE_MAX_CHARS,
      );
    }
  }
  return null;
}

function stringIssue(s: string): { code: IssueCode; message: string } | null {
  if (hasNul(s)) return { code: 'text.nul', message: NUL_MESSAGE };
  if (hasLoneSurrogate(s)) return { code: 'text.surrogate', message: SURROGATE_MESSAGE };
  return null;
}
