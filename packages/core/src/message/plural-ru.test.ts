import { describe, expect, it } from 'vitest';
import { ruCount, ruForm } from './plural-ru.ts';

const REQUESTS = ['запрос', 'запроса', 'запросов'] as const;

describe('ruForm', () => {
  it.each([
    [0, 'запросов'],
    [1, 'запрос'],
    [2, 'запроса'],
    [4, 'запроса'],
    [5, 'запросов'],
    [11, 'запросов'],
    [12, 'запросов'],
    [14, 'запросов'],
    [21, 'запрос'],
    [22, 'запроса'],
    [25, 'запросов'],
    [101, 'запрос'],
    [111, 'запросов'],
    [1.5, 'запроса'],
  ])('%s → %s', (n, form) => {
    expect(ruForm(n, REQUESTS)).toBe(form);
  });
});

describe('ruCount', () => {
  it('puts the count before its noun, shown as given', () => {
    expect(ruCount(3, REQUESTS)).toBe('3 запроса');
    expect(ruCount(3495, REQUESTS, '3,495')).toBe('3,495 запросов');
  });
});
