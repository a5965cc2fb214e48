/** Formatting shared by every message, in a given IANA zone. Pure: Intl only. */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    dateTimeFormat(zone);
    return true;
  } catch {
    return false;
  }
}

function parts(iso: string | Date, timeZone: string): Record<string, string> {
  const date = new Date(iso);
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  return Object.fromEntries(
    dateTimeFormat(zone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
}

/** `2026/01/15 14:30:00` in the zone (an unknown zone falls back to UTC). */
export function formatDateTime(iso: string | Date, timeZone: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * `2026-01-15 14:30 (Asia/Shanghai)`: a time as a message shows it, naming its zone so a reader
 * elsewhere is not misled (an unknown zone falls back to UTC and says so).
 */
export function formatLocalTime(iso: string | Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const p = parts(iso, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (${zone})`;
}

/** `2026-01-15`: the calendar date in the zone. */
export function formatDate(iso: string | Date, timeZone: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** What costs, quotas and spend reported by a hub are in (its billing currency). */
export const COST_CURRENCY = 'USD';

/**
 * `1,234.50 USD`: every amount in every message and language reads the same way — grouped, two to
 * four decimals (the precision hubs bill in), then its ISO 4217 code. A code, not a symbol: `$`
 * and `¥` each stand for several currencies. Costs a hub reports are in USD.
 */
export function formatAmount(value: number, currency: string): string {
  return `${formatAmountNumber(value)} ${currency}`;
}

/** `1,234.50`: an amount without its code, for a pair that names it once (`92.50 / 100.00 USD`). */
export function formatAmountNumber(value: number): string {
  // By hand rather than Intl.NumberFormat: digests format thousands of amounts per render.
  const [whole = '0', decimals = ''] = Math.abs(value).toFixed(4).split('.');
  // Four decimals, trailing zeros dropped down to two: 12.3400 → 12.34, 6.1250 → 6.125.
  const amount = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals.replace(/0{1,2}$/, '')}`;
  // No "-0.00": a sign only on an amount that still shows.
  return value < 0 && /[1-9]/.test(amount) ? `-${amount}` : amount;
}

/** `15,000` */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `1.23M`, `4.56K`, `999` */
export function formatTokens(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(2)}M`;
  if (value >= 1_000) return `${(value / 1_000).toFixed(2)}K`;
  return formatCount(value);
}

/** Usage ratio to one decimal, e.g. 92.5. Empty quota → null. */
export function usagePercent(current: number, limit: number): number | null {
  if (!(limit > 0)) return null;
  // EPSILON keeps 85.55 from rounding down to 85.5 through binary representation.
  return Math.round((current / limit) * 1000 * (1 + Number.EPSILON)) / 10;
}

/** 🔴 at 90 % and above, 🟡 at 80 %, 🟢 below (the spec's usage indicator). */
export function usageIndicator(percent: number): '🔴' | '🟡' | '🟢' {
  if (percent >= 90) return '🔴';
  if (percent >= 80) return '🟡';
  return '🟢';
}
