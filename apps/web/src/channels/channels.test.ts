import { CHANNEL_TYPES, channelConfigSchema, channelOf } from '@herald/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { readField, templateProblems } from './field-values.ts';
import { CHANNEL_UI, channelName, channelUi, fieldTextOf } from './index.ts';

describe('the dashboard’s channel registry', () => {
  it('has a unit for every channel of the core', () => {
    expect(Object.keys(CHANNEL_UI).sort()).toEqual([...CHANNEL_TYPES].sort());
  });

  for (const type of CHANNEL_TYPES) {
    describe(type, () => {
      const fields = Object.entries(channelOf(type).fields);

      it('names the channel and labels every field in every language', () => {
        for (const { code } of LANGUAGES) {
          expect(channelName(type, code).trim(), code).not.toBe('');
          for (const [name] of fields) {
            const text = channelUi(type).text[code].fields[name];
            expect(text?.label.trim(), `${code} ${name}`).toBeTruthy();
          }
        }
      });

      it('draws a template or headers field in a fields component of its own', () => {
        const needsOwn = fields.some(([, spec]) => spec.kind === 'template' || spec.kind === 'headers');
        if (needsOwn) expect(channelUi(type).Fields).toBeDefined();
      });

      it('starts a new target with text its schema reads', () => {
        for (const [name, text] of Object.entries(channelUi(type).defaults ?? {})) {
          const spec = channelOf(type).fields[name];
          if (!spec || text === undefined) continue;
          const read = readField(spec.kind, text);
          expect(read, name).toHaveProperty('value');
          const value = 'value' in read ? read.value : undefined;
          const schema = (channelConfigSchema(type).shape as Record<string, z.ZodType>)[name];
          expect(schema?.safeParse(value).success, name).toBe(true);
        }
      });
    });
  }

  it('labels a field the unit has no words for by its API name', () => {
    expect(fieldTextOf('wechat', 'telegramChatId', 'en')).toEqual({ label: 'telegramChatId' });
  });

  it('gives the custom webhook a sample template without problems', () => {
    const text = channelUi('custom').defaults?.customTemplate ?? '';
    const read = readField('template', text);
    expect('value' in read && templateProblems(read.value as Record<string, unknown>)).toEqual([]);
  });
});
