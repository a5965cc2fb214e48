import { describe, expect, it } from 'vitest';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { buildDigestMessage } from './build-digest.ts';

const now = new Date('2026-01-15T06:30:00Z');
const ctx = { locale: 'ru' as const, timezone: 'Asia/Shanghai', now };
const breaker = (i: number, extra: object = {}) => ({
  providerId: String(i),
  providerName: `P${i}`,
  failureCount: i,
  retryAt: '2026-01-15T07:00:00Z',
  ...extra,
});
const cost = (i: number, extra: object = {}) => ({
  targetType: 'user',
  targetId: String(i),
  targetName: `U${i}`,
  currentCost: 120,
  quotaLimit: 100,
  threshold: 1,
  period: 'weekly',
  ...extra,
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Counts in Russian digests take the noun form their number needs (1 / 2–4 / 5+). */
describe('Russian digest counts', () => {
  it.each([
    [1, 'Сработал предохранитель: 1 провайдер'],
    [2, 'Сработали предохранители: 2 провайдера'],
    [5, 'Сработали предохранители: 5 провайдеров'],
    [21, 'Сработали предохранители: 21 провайдер'],
  ])('%i opened breakers: "%s"', (n, title) => {
    expect(
      buildDigestMessage(
        'circuit_breaker',
        range(n).map((i) => breaker(i)),
        ctx,
      ).title,
    ).toBe(title);
  });

  it('names each event with its count, and each row its failures', () => {
    const m = buildDigestMessage(
      'circuit_breaker',
      [
        breaker(1),
        breaker(2),
        breaker(5, { event: 'recovered', openedAt: '2026-01-15T06:00:00Z', closedAt: '2026-01-15T06:21:00Z' }),
      ],
      ctx,
    );
    expect(m.title).toBe('Предохранители провайдеров: 2 срабатывания · 1 восстановление');
    const text = sectionsAsPlainText(m);
    expect(text).toContain('1 ошибка подряд');
    expect(text).toContain('2 ошибки подряд');
    expect(text).toContain('восстановлен через 21 мин');
  });

  it('counts users and providers of cost alerts', () => {
    const items = [cost(1), cost(2), cost(3), cost(4, { targetType: 'provider' })];
    expect(buildDigestMessage('cost_alert', items, ctx).title).toBe('3 пользователя и 1 провайдер: лимит превышен');
    expect(
      buildDigestMessage(
        'cost_alert',
        range(5).map((i) => cost(i)),
        ctx,
      ).title,
    ).toBe('5 пользователей: лимит превышен');
  });
});
