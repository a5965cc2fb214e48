import { describe, expect, it } from 'vitest';
import { unitSuffix } from './unit-suffix.ts';

describe('unitSuffix', () => {
  it('is the unit as each UI language writes it after a number', () => {
    expect(unitSuffix('en', 'second')).toBe(' sec');
    expect(unitSuffix('zh-CN', 'second')).toBe('秒');
    expect(unitSuffix('zh-TW', 'second')).toBe(' 秒');
    expect(unitSuffix('ja', 'second')).toBe(' 秒');
    expect(unitSuffix('ru', 'second')).toBe(' с');
    expect(unitSuffix('ru', 'minute')).toBe(' мин');
  });
});
