/**
 * The low-balance rule for an upstream provider's account: a level is its threshold, then lower
 * levels as fractions of it (by default half, then zero). A crossing starts when the balance
 * falls under the threshold and ends when it is back at or above it. Within a crossing each
 * level is alerted once, and only a level lower than any alerted before it alerts again. Pure:
 * the server decides with it and the dashboard shows the same level names.
 */

/** The lower levels by default: half the threshold, then zero. */
export const BALANCE_LEVELS_DEFAULT: readonly number[] = [0.5, 0];
/** More lower levels than this would be a message per small dip, not an alert. */
export const BALANCE_LEVELS_MAX = 5;
/** Balances and thresholds beyond this are a unit mistake in the hub, not money. */
export const BALANCE_MAX = 1_000_000_000_000;

/** `low` is the threshold itself, `zero` an empty account, others their share of the threshold ("50%"). */
export type BalanceLevel = { name: string; fraction: number; amount: number };

export function balanceLevelName(fraction: number): string {
  if (fraction >= 1) return 'low';
  if (fraction <= 0) return 'zero';
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** The threshold, then each lower level, highest first. */
export function balanceLevels(threshold: number, fractions: readonly number[]): BalanceLevel[] {
  return [1, ...fractions].map((fraction) => ({
    name: balanceLevelName(fraction),
    fraction,
    amount: threshold * fraction,
  }));
}

/** Under the level's amount; a zero level is reached at zero too (the account is empty). */
export const reachesLevel = (balance: number, amount: number): boolean =>
  amount > 0 ? balance < amount : balance <= 0;

/** The lowest level the balance has reached, or null when it is at or above the threshold. */
export function deepestLevel(balance: number, levels: readonly BalanceLevel[]): BalanceLevel | null {
  let found: BalanceLevel | null = null;
  for (const level of levels) if (reachesLevel(balance, level.amount)) found = level;
  return found;
}

export type BalanceInput = {
  balance: number;
  /** The provider's own threshold, else the settings' default; null: none, so no alert. */
  threshold: number | null;
  fractions: readonly number[];
  /** The lowest level (as a fraction) already alerted in the current crossing; null outside one. */
  alertedFraction: number | null;
};

export type BalanceDecision = {
  /** alert: a new, lower level was reached; recover: an alerted crossing ended; none: nothing to say. */
  kind: 'alert' | 'recover' | 'none';
  /** The lowest level the balance is at now (null: at or above the threshold, or no threshold). */
  level: BalanceLevel | null;
  /** What the state keeps as the lowest alerted level afterwards. */
  alertedFraction: number | null;
};

export function decideBalance(input: BalanceInput): BalanceDecision {
  if (input.threshold === null) return { kind: 'none', level: null, alertedFraction: null };
  const level = deepestLevel(input.balance, balanceLevels(input.threshold, input.fractions));
  if (level === null) {
    return { kind: input.alertedFraction === null ? 'none' : 'recover', level: null, alertedFraction: null };
  }
  if (input.alertedFraction === null || level.fraction < input.alertedFraction) {
    return { kind: 'alert', level, alertedFraction: level.fraction };
  }
  return { kind: 'none', level, alertedFraction: input.alertedFraction };
}
