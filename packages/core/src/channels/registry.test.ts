import { describe, expect, it } from 'vitest';
import { CHANNEL_TYPES } from '../domain.ts';
import { channelConfigSchema } from '../schemas/targets.ts';
import { isSecretKind } from './fields.ts';
import { CHANNEL_FIELDS, CHANNEL_PACE, CHANNELS, channelOf, SECRET_FIELD_NAMES } from './index.ts';

/** What the rest of Herald derives from the registry relies on these. */
describe('channel registry', () => {
  it('has one definition per channel type, under its own id', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual([...CHANNEL_TYPES].sort());
    for (const type of CHANNEL_TYPES) expect(CHANNELS[type].type).toBe(type);
  });

  it('a field name shared by channels means the same thing in each (same kind)', () => {
    for (const type of CHANNEL_TYPES) {
      for (const [name, spec] of Object.entries(channelOf(type).fields)) {
        expect(CHANNEL_FIELDS.get(name as never)?.kind, `${type}.${name}`).toBe(spec.kind);
      }
    }
  });

  it('names every secret field for sealing and redaction, and no other', () => {
    const secret = [...CHANNEL_FIELDS].filter(([, s]) => isSecretKind(s.kind)).map(([n]) => n);
    expect([...SECRET_FIELD_NAMES].sort()).toEqual(secret.sort());
    expect(SECRET_FIELD_NAMES).toContain('webhookUrl');
    expect(SECRET_FIELD_NAMES).not.toContain('telegramChatId');
  });

  it('gives each channel a pace for its preview settings, and schemas that refuse a missing required field', () => {
    for (const type of CHANNEL_TYPES) {
      const def = channelOf(type);
      expect(CHANNEL_PACE[type](def.previewConfig).limits).toBeInstanceOf(Array);
      const required = Object.entries(def.fields).filter(([, s]) => !s.schema.safeParse(undefined).success);
      const r = channelConfigSchema(type).safeParse({ name: 'n', providerType: type });
      expect(r.success, type).toBe(required.length === 0);
      const missing = (r.error?.issues ?? []).map((i) => String(i.path[0]));
      expect(missing.sort(), type).toEqual(required.map(([n]) => n).sort());
    }
  });
});
