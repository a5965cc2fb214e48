import { describe, expect, it } from 'vitest';
import {
  buildSilenceInput,
  durationMinutes,
  INITIAL_SILENCE,
  serverSilenceErrors,
  silenceFieldOf,
} from './silence-form.ts';

describe('the new-silence form', () => {
  it('builds each kind of matcher with a preset duration and a trimmed reason', () => {
    expect(buildSilenceInput({ ...INITIAL_SILENCE, id: ' openai-main ', reason: ' upstream outage ' })).toEqual({
      ok: true,
      input: {
        matcher: { kind: 'provider', providerId: 'openai-main' },
        durationMinutes: 60,
        reason: 'upstream outage',
      },
    });
    const user = buildSilenceInput({ ...INITIAL_SILENCE, kind: 'user', id: 'u-42', duration: '1d' });
    expect(user).toMatchObject({
      ok: true,
      input: { matcher: { kind: 'user', userId: 'u-42' }, durationMinutes: 1440 },
    });
    const type = buildSilenceInput({
      ...INITIAL_SILENCE,
      kind: 'type',
      notificationType: 'cost_alert',
      duration: 'custom',
      customMinutes: '90',
    });
    expect(type).toMatchObject({
      ok: true,
      input: { matcher: { kind: 'type', notificationType: 'cost_alert' }, durationMinutes: 90, reason: '' },
    });
  });

  it('names the fields the server would refuse', () => {
    expect(buildSilenceInput({ ...INITIAL_SILENCE, id: '   ' })).toEqual({ ok: false, fields: ['matcher'] });
    expect(buildSilenceInput({ ...INITIAL_SILENCE, kind: 'type' })).toEqual({ ok: false, fields: ['matcher'] });
    for (const customMinutes of ['', '0', '1.5', 30 * 24 * 60 + 1]) {
      expect(
        buildSilenceInput({ ...INITIAL_SILENCE, id: 'p', duration: 'custom', customMinutes }),
        String(customMinutes),
      ).toEqual({ ok: false, fields: ['durationMinutes'] });
    }
    expect(buildSilenceInput({ ...INITIAL_SILENCE, id: 'p', reason: 'x'.repeat(201) })).toEqual({
      ok: false,
      fields: ['reason'],
    });
  });

  it('reads durations and server issue paths', () => {
    expect(durationMinutes({ ...INITIAL_SILENCE, duration: '4h', customMinutes: '5' })).toBe(240);
    expect(durationMinutes({ ...INITIAL_SILENCE, duration: 'custom', customMinutes: 45 })).toBe(45);
    expect(silenceFieldOf('matcher.userId')).toBe('matcher');
    expect(silenceFieldOf('durationMinutes')).toBe('durationMinutes');
    expect(silenceFieldOf('')).toBeNull();
  });
});

describe('a refusal from the server', () => {
  it('lands at the field its issues name, by the issue’s path', () => {
    expect(serverSilenceErrors({ durationMinutes: 'at least 1 minute' })).toEqual({
      durationMinutes: 'at least 1 minute',
    });
    expect(serverSilenceErrors({ 'matcher.providerId': 'required' })).toEqual({ matcher: 'required' });
  });

  it('stays unplaced when it names no field of the form', () => {
    expect(serverSilenceErrors({})).toEqual({});
    expect(serverSilenceErrors({ id: 'no silence x' })).toEqual({});
  });
});
