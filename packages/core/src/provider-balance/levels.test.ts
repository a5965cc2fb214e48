import { describe, expect, it } from 'vitest';
import { balanceLevelName, balanceLevels, decideBalance, deepestLevel } from './levels.ts';

const fractions = [0.5, 0];
const decide = (balance: number, alertedFraction: number | null, threshold: number | null = 100) =>
  decideBalance({ balance, threshold, fractions, alertedFraction });

describe('balance levels', () => {
  it('the threshold, then half of it, then zero; named low, 50%, zero', () => {
    expect(balanceLevels(100, fractions)).toEqual([
      { name: 'low', fraction: 1, amount: 100 },
      { name: '50%', fraction: 0.5, amount: 50 },
      { name: 'zero', fraction: 0, amount: 0 },
    ]);
    expect(balanceLevelName(0.125)).toBe('12.5%');
    expect(balanceLevelName(1 / 3)).toBe('33.33%');
  });

  it('a level is reached under its amount; zero at zero too (an empty account)', () => {
    const levels = balanceLevels(100, fractions);
    expect(deepestLevel(100, levels)).toBeNull();
    expect(deepestLevel(99.99, levels)?.name).toBe('low');
    expect(deepestLevel(50, levels)?.name).toBe('low');
    expect(deepestLevel(49.99, levels)?.name).toBe('50%');
    expect(deepestLevel(0.01, levels)?.name).toBe('50%');
    expect(deepestLevel(0, levels)?.name).toBe('zero');
    expect(deepestLevel(-5, levels)?.name).toBe('zero');
  });

  it('a threshold of 0 alerts only an empty account', () => {
    const levels = balanceLevels(0, []);
    expect(deepestLevel(0.01, levels)).toBeNull();
    expect(deepestLevel(0, levels)?.name).toBe('low');
    expect(deepestLevel(0, balanceLevels(0, fractions))?.name).toBe('zero');
  });
});

describe('the decision: once per crossing, again only lower down', () => {
  it('falling under the threshold alerts low; staying there does not', () => {
    expect(decide(80, null)).toMatchObject({ kind: 'alert', level: { name: 'low' }, alertedFraction: 1 });
    expect(decide(70, 1)).toEqual({
      kind: 'none',
      level: expect.objectContaining({ name: 'low' }),
      alertedFraction: 1,
    });
  });

  it('each lower level alerts once; going back up within the crossing says nothing', () => {
    expect(decide(40, 1)).toMatchObject({ kind: 'alert', level: { name: '50%' }, alertedFraction: 0.5 });
    expect(decide(30, 0.5)).toMatchObject({ kind: 'none', alertedFraction: 0.5 });
    expect(decide(-1, 0.5)).toMatchObject({ kind: 'alert', level: { name: 'zero' }, alertedFraction: 0 });
    expect(decide(-9, 0)).toMatchObject({ kind: 'none', alertedFraction: 0 });
    // Back above half but still under the threshold: the crossing goes on, nothing again.
    expect(decide(60, 0)).toMatchObject({ kind: 'none', level: { name: 'low' }, alertedFraction: 0 });
    expect(decide(10, 0)).toMatchObject({ kind: 'none', alertedFraction: 0 });
  });

  it('a first report deep down alerts its lowest level only', () => {
    expect(decide(0, null)).toMatchObject({ kind: 'alert', level: { name: 'zero' }, alertedFraction: 0 });
  });

  it('at or above the threshold after an alert: one recovery, and the crossing is over', () => {
    expect(decide(100, 0)).toEqual({ kind: 'recover', level: null, alertedFraction: null });
    expect(decide(150, null)).toEqual({ kind: 'none', level: null, alertedFraction: null });
    expect(decide(99, null)).toMatchObject({ kind: 'alert', level: { name: 'low' } });
  });

  it('no threshold: never an alert, and any crossing ends quietly', () => {
    expect(decide(-100, null, null)).toEqual({ kind: 'none', level: null, alertedFraction: null });
    expect(decide(-100, 0.5, null)).toEqual({ kind: 'none', level: null, alertedFraction: null });
  });
});
