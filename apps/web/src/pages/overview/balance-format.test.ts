import { describe, expect, it } from 'vitest';
import { balanceLevelKind, formatMoney } from './balance-format.ts';

describe('provider balances on the Overview', () => {
  it('a level by kind: no threshold, fine, low, a share of it, used up', () => {
    expect(balanceLevelKind(null, null)).toBe('none');
    expect(balanceLevelKind(null, 100)).toBe('ok');
    expect(balanceLevelKind('low', 100)).toBe('low');
    expect(balanceLevelKind('50%', 100)).toBe('part');
    expect(balanceLevelKind('zero', 0)).toBe('zero');
  });

  it('money in the account’s own currency, in the UI language', () => {
    expect(formatMoney('en', 1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney('en', -3.2, 'EUR')).toBe('-€3.20');
    expect(formatMoney('ja', 100, 'JPY')).toBe('￥100');
    expect(formatMoney('en', 5, 'XYZ')).toMatch(/^XYZ\s5\.00$/);
  });
});
