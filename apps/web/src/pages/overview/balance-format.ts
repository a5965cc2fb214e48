/** How a provider balance row reads on the Overview: its money in its own currency, and its level's colour. */

/** `level` as the Overview gets it: "low", a share of the threshold such as "50%", "zero", or null. */
export type BalanceLevelKind = 'ok' | 'none' | 'low' | 'part' | 'zero';

export function balanceLevelKind(level: string | null, threshold: number | null): BalanceLevelKind {
  if (threshold === null) return 'none';
  if (level === null) return 'ok';
  if (level === 'low' || level === 'zero') return level;
  return 'part';
}

export const LEVEL_COLOR: Record<BalanceLevelKind, string> = {
  ok: 'teal',
  none: 'gray',
  low: 'yellow',
  part: 'orange',
  zero: 'red',
};

/** Money in the account's own currency in the UI language (`-3.20 CN¥`, `1 234,50 €`). */
export function formatMoney(language: string, value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    // Not a code Intl knows: the number and the code as the hub sent it.
    return `${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}
