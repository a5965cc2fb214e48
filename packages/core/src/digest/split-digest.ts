import { CHANNELS } from '../channels/index.ts';
import type { RenderedNotification } from '../render-notification.ts';
import { digestRows } from './build-digest.ts';
import { contextOf, type DigestInput, renderDigestRows } from './render-digest.ts';
import type { DigestPart } from './types.ts';

export type DigestSplit = { items: number[]; rendered: RenderedNotification };

/**
 * Splits items into parts whose rendering each fits the channel's size limit, every item named in
 * exactly one part, in order. Parts are packed greedily; only an item too large on its own is
 * shortened (by the channel's fitting, with its notice). No items, no parts.
 */
export function splitDigest(input: DigestInput): DigestSplit[] {
  const n = input.items.length;
  if (n === 0) return [];
  const ctx = contextOf(input);
  const rows = digestRows(input.type, input.items, ctx);
  const render = (start: number, end: number, part?: DigestPart) =>
    renderDigestRows({ ...input, items: input.items.slice(start, end) }, rows.slice(start, end), ctx, part);
  const limit = CHANNELS[input.channel].limit;
  if (!limit) return [{ items: range(0, n), rendered: render(0, n) }];

  // Every renderer shows each row's text whole, in at least as many units as the text has
  // (escaping and UTF-8 only add): parts whose rows alone exceed the limit are refused unrendered.
  const textSums = [0];
  for (const r of rows) textSums.push((textSums.at(-1) as number) + r.primary.length + (r.secondary?.length ?? 0));
  const tooBig = (start: number, end: number) => (textSums[end] as number) - (textSums[start] as number) > limit.max;

  if (!tooBig(0, n)) {
    const all = render(0, n);
    if (!all.truncated) return [{ items: range(0, n), rendered: all }];
  }
  // Packed under the longest title a part can get, "(n/n)", so numbering never pushes one over.
  const widest: DigestPart = { index: n, total: n };
  const fits = (start: number, count: number) =>
    !tooBig(start, start + count) && !render(start, start + count, widest).truncated;
  const bounds: Array<[start: number, end: number]> = [];
  let guess = 1;
  for (let start = 0; start < n; ) {
    const count = largestFit(n - start, guess, (count) => fits(start, count));
    bounds.push([start, start + count]);
    start += count;
    guess = count;
  }
  return bounds.map(([start, end], i) => ({
    items: range(start, end),
    rendered: render(start, end, bounds.length > 1 ? { index: i + 1, total: bounds.length } : undefined),
  }));
}

/**
 * The most of `left` items that fit, at least 1 (one that does not fit alone is shortened).
 * Searches outward from the last part's size in doubling steps, then bisects: parts of similar
 * rows cost two or three renders each.
 */
function largestFit(left: number, guess: number, fits: (count: number) => boolean): number {
  let lo = 0; // fits (0: none known to)
  let hi = left + 1; // does not fit
  const first = Math.min(Math.max(1, guess), left);
  if (fits(first)) {
    lo = first;
    for (let step = 1; lo < left; step *= 2) {
      const probe = Math.min(lo + step, left);
      if (!fits(probe)) {
        hi = probe;
        break;
      }
      lo = probe;
    }
  } else {
    hi = first;
    for (let step = 1; hi > 1; step *= 2) {
      const probe = Math.max(hi - step, 1);
      if (fits(probe)) {
        lo = probe;
        break;
      }
      hi = probe;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.max(1, lo);
}

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);
