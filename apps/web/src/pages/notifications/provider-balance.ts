import type { Settings } from '@herald/core';
import { numberOf } from '../../components/grouping.ts';

/**
 * The balance alert's settings as its card edits them: the default threshold may be '' (no
 * default), and the lower levels are typed as percentages of the threshold ("50, 0") where the
 * settings keep fractions ([0.5, 0]).
 */
export type ProviderBalanceState = { defaultThreshold: number | string; levels: string };

/** The settings.update fields the card owns. */
export type ProviderBalancePatch = {
  providerBalanceDefaultThreshold: number | null;
  providerBalanceLevels: number[];
};

/** Why the typed levels cannot be sent, in words the card shows in the UI language. */
export type LevelsProblem = 'notANumber' | 'outOfRange' | 'notDescending' | 'tooMany';

const MAX_LEVELS = 5;

/** A stored fraction as the percentage shown (0.5 → 50, 0.125 → 12.5), without float noise. */
const percentOf = (fraction: number) => Math.round(fraction * 10_000) / 100;

export function providerBalanceState(settings: Settings): ProviderBalanceState {
  return {
    defaultThreshold: settings.providerBalanceDefaultThreshold ?? '',
    levels: settings.providerBalanceLevels.map(percentOf).join(', '),
  };
}

/**
 * The typed percentages as fractions, highest first, and what is wrong with them if anything.
 * Commas, spaces, the Chinese comma and 、 separate them; "%" signs are allowed. A word that is
 * not a number becomes NaN, so the shared schema refuses the patch too.
 */
export function parseLevels(text: string): { fractions: number[]; problem: LevelsProblem | null } {
  const words = text
    .split(/[\s,，、;；]+/)
    .map((w) => w.replace(/[%％]$/, ''))
    .filter(Boolean);
  const fractions = words.map((w) => (/^-?\d+(\.\d+)?$/.test(w) ? Math.round(Number(w) * 100) / 10_000 : Number.NaN));
  const problem: LevelsProblem | null = fractions.some(Number.isNaN)
    ? 'notANumber'
    : fractions.some((f) => f < 0 || f >= 1)
      ? 'outOfRange'
      : fractions.some((f, i) => i > 0 && !(f < (fractions[i - 1] as number)))
        ? 'notDescending'
        : fractions.length > MAX_LEVELS
          ? 'tooMany'
          : null;
  return { fractions, problem };
}

export function providerBalancePatch(state: ProviderBalanceState): ProviderBalancePatch {
  const threshold = typeof state.defaultThreshold === 'string' && state.defaultThreshold.trim() === '';
  return {
    providerBalanceDefaultThreshold: threshold ? null : numberOf(state.defaultThreshold),
    providerBalanceLevels: parseLevels(state.levels).fractions,
  };
}

/** The first server or schema error about the levels (`providerBalanceLevels` or one of its items). */
export function levelsError(errors: Record<string, string>): string | undefined {
  const key = Object.keys(errors).find((k) => k === 'providerBalanceLevels' || k.startsWith('providerBalanceLevels.'));
  return key === undefined ? undefined : errors[key];
}
