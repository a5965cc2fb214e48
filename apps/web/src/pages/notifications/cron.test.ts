import { describe, expect, it } from 'vitest';
import { cronProblem, dailyCron, describeCron, nextRuns } from './cron.ts';

describe('cron helpers', () => {
  it('turns the type’s HH:mm into the daily cron the server schedules', () => {
    expect(dailyCron('09:30')).toBe('30 9 * * *');
    expect(dailyCron('00:00')).toBe('0 0 * * *');
    expect(dailyCron('24:00')).toBeNull();
    expect(dailyCron('9:30')).toBeNull();
  });

  it('describes a cron in each UI language', () => {
    expect(describeCron('30 9 * * 1-5', 'en')).toBe('At 09:30, Monday through Friday');
    expect(describeCron('30 9 * * 1-5', 'zh-CN')).toBe('在09:30, 星期一至星期五');
    expect(describeCron('30 9 * * 1-5', 'zh-TW')).toBe('在 09:30, 星期一 到 星期五');
    expect(describeCron('30 9 * * 1-5', 'ja')).toBe('次において実施09:30、月曜日 から 金曜日 まで');
    expect(describeCron('30 9 * * 1-5', 'ru')).toBe('В 09:30, с понедельника по пятницу');
    expect(describeCron('30 9 * * 1-5', 'fr')).toBe('At 09:30, Monday through Friday');
    expect(describeCron('0 18 * * *', 'en')).toBe('At 18:00');
    expect(describeCron('61 9 * * *', 'en')).toBeNull();
    expect(describeCron('* * *', 'en')).toBeNull();
  });

  it('finds problems the way the server does', () => {
    expect(cronProblem('30 9 * * 1-5', 'Asia/Shanghai')).toBeNull();
    expect(cronProblem('30 9 * *', 'UTC')).toBe('fields');
    expect(cronProblem('61 9 * * *', 'UTC')).toBe('invalid');
  });

  it('computes the next three runs in the given zone', () => {
    const from = new Date('2026-11-27T12:00:00Z'); // a Friday, 20:00 in Shanghai
    const runs = nextRuns('30 9 * * 1-5', 'Asia/Shanghai', 3, from);
    expect(runs?.map((d) => d.toISOString())).toEqual([
      '2026-11-30T01:30:00.000Z',
      '2026-12-01T01:30:00.000Z',
      '2026-12-02T01:30:00.000Z',
    ]);
    const utc = nextRuns('30 9 * * 1-5', 'UTC', 3, from);
    expect(utc?.[0]?.toISOString()).toBe('2026-11-30T09:30:00.000Z');
    expect(nextRuns('61 9 * * *', 'UTC')).toBeNull();
  });
});
