import { CACHE_WINDOW_MODES, type ResolvedWindowMode } from '@herald/core';

/** The numbers and times of the cache hit-rate panel in the UI language and the admin's time zone. */
export type CacheRateFormat = ReturnType<typeof cacheRateFormat>;

export function cacheRateFormat(language: string, timeZone: string) {
  // One decimal, as the alert's message shows rates.
  const rate = new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const points = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const integer = new Intl.NumberFormat(language);
  const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone });
  return {
    rate: (ratio: number) => rate.format(ratio),
    /** A change of rate in percentage points, signed: -0.5 → "-50.0". */
    points: (delta: number) => points.format(Math.round(delta * 1000) / 10),
    integer: (n: number) => integer.format(n),
    compact: (n: number) => compact.format(n),
    /** A window's ends; the end without its date when both fall on the same local day. */
    range: (startIso: string, endIso: string) => {
      const start = new Date(startIso);
      const end = new Date(endIso);
      const sameDay = day.format(start) === day.format(end);
      return { start: dateTime.format(start), end: sameDay ? time.format(end) : dateTime.format(end) };
    },
  };
}

/** A window mode the catalogue names (the server sends it as a plain string). */
export function isWindowMode(mode: string): mode is ResolvedWindowMode {
  return mode !== 'auto' && (CACHE_WINDOW_MODES as readonly string[]).includes(mode);
}
