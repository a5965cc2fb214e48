import type { TargetView } from '@herald/core';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { readField } from '../../channels/field-values.ts';
import { resources } from '../../i18n/resources.ts';
import {
  buildInput,
  errorsFromIssues,
  type FormText,
  initialValues,
  plainConfigOfValues,
  type TargetFormValues,
  validateTarget,
} from './target-form-values.ts';

function formText(language: 'en' | 'ru'): FormText {
  const i18n = createInstance();
  void i18n.init({ resources, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return { t: i18n.t, language };
}
const en = formText('en');

const form = (patch: Partial<TargetFormValues> & { fields?: Record<string, string> }): TargetFormValues => {
  const base = initialValues(null);
  return { ...base, name: 'Ops', ...patch, fields: { ...base.fields, ...patch.fields } };
};

/** A stored Telegram target as the API shows it: secrets only as set/hint. */
const storedTelegram = {
  id: '5d0e4c56-43a4-4cb3-9a5f-3c2a5f0b1e7d',
  name: 'Ops chat',
  providerType: 'telegram',
  isEnabled: true,
  proxyUrl: { set: false, hint: null },
  proxyFallbackToDirect: false,
  pacePerMinute: null,
  telegramBotToken: { set: true, hint: 'wxyz' },
  telegramChatId: '-1001234567890',
  telegramTopicId: 42,
} as unknown as TargetView;

describe('the target form on create', () => {
  it('sends a required secret left empty as "" so the shared schema names it', () => {
    const result = validateTarget(form({ providerType: 'telegram' }), false, en);
    expect(result).toEqual({
      ok: false,
      errors: {
        telegramBotToken: 'Must look like 123456789:AA… (from @BotFather).',
        telegramChatId: 'Must be a numeric chat id or @channelname.',
      },
    });
    expect(buildInput(form({ providerType: 'wechat' }), false, en).input).toMatchObject({ webhookUrl: '' });
  });

  it('leaves an optional secret left empty out, and sends the channel’s fields by kind', () => {
    const result = validateTarget(
      form({
        providerType: 'telegram',
        fields: {
          telegramBotToken: ' 123456789:AAAAAAAAAAAAAAAAAAAAAAAA ',
          telegramChatId: '@ops_room',
          telegramTopicId: '7',
        },
      }),
      false,
      en,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        providerType: 'telegram',
        name: 'Ops',
        proxyFallbackToDirect: false,
        isEnabled: true,
        telegramBotToken: '123456789:AAAAAAAAAAAAAAAAAAAAAAAA',
        telegramChatId: '@ops_room',
        telegramTopicId: 7,
      },
    });
    const feishu = buildInput(
      form({ providerType: 'feishu', fields: { webhookUrl: 'https://open.feishu.cn/x' } }),
      false,
      en,
    );
    expect(feishu.input).not.toHaveProperty('feishuSecret');
  });

  it('sends only the chosen channel’s fields, whatever was typed for another', () => {
    const values = form({
      providerType: 'wechat',
      fields: { webhookUrl: 'https://qyapi.weixin.qq.com/x', telegramChatId: '1' },
    });
    expect(Object.keys(buildInput(values, false, en).input).sort()).toEqual(
      ['isEnabled', 'name', 'providerType', 'proxyFallbackToDirect', 'webhookUrl'].sort(),
    );
  });

  it('says why a number is not one, in the channel’s words for that field', () => {
    const values = form({ providerType: 'telegram', fields: { telegramTopicId: 'twelve' } });
    expect(buildInput(values, false, en).errors).toEqual({ telegramTopicId: 'A topic id is a positive whole number.' });
    expect(buildInput(values, false, formText('ru')).errors).toEqual({
      telegramTopicId: 'ID темы — целое положительное число.',
    });
  });

  it('says which URL rule a refused URL breaks, in the form’s language', () => {
    const result = validateTarget(form({ providerType: 'dingtalk', fields: { webhookUrl: 'not a url' } }), false, en);
    expect(result).toEqual({
      ok: false,
      errors: { webhookUrl: 'Enter a full URL, such as https://example.com/hook.' },
    });
    const insecure = form({ providerType: 'dingtalk', fields: { webhookUrl: 'http://oapi.dingtalk.com/robot/send' } });
    expect(validateTarget(insecure, false, formText('ru'))).toEqual({
      ok: false,
      errors: { webhookUrl: 'Адреса вебхуков на oapi.dingtalk.com должны использовать https://.' },
    });
  });

  it('parses the custom template and headers, and names a header line that is not Name: value', () => {
    const values = form({
      providerType: 'custom',
      fields: { webhookUrl: 'https://hooks.example.com/in', customHeaders: 'X-Api-Key: k1\n\nX-Team: ops' },
    });
    const built = buildInput(values, false, en);
    expect(built.errors).toEqual({});
    expect(built.input.customTemplate).toMatchObject({ title: '{{title}}' });
    expect(built.input.customHeaders).toEqual({ 'X-Api-Key': 'k1', 'X-Team': 'ops' });

    const bad = buildInput(
      form({ providerType: 'custom', fields: { customTemplate: '{"a":', customHeaders: 'X-Ok: 1\nno colon' } }),
      false,
      en,
    );
    expect(bad.errors.customHeaders).toBe('Invalid headers: line 2 is not Name: value');
    expect(bad.errors.customTemplate).toMatch(/^Not valid JSON: /);
  });
});

describe('the target form on edit', () => {
  it('starts from the stored settings, never a secret', () => {
    const values = initialValues(storedTelegram);
    expect(values.fields).toMatchObject({
      telegramBotToken: '',
      telegramChatId: '-1001234567890',
      telegramTopicId: '42',
    });
    expect(plainConfigOfValues(values)).toEqual({ telegramChatId: '-1001234567890', telegramTopicId: 42 });
  });

  it('keeps a secret left empty (left out), sends a cleared one as null and an emptied optional setting as null', () => {
    const values = initialValues(storedTelegram);
    values.fields.telegramTopicId = '';
    const kept = validateTarget(values, true, en);
    expect(kept.ok && kept.input).toEqual({
      providerType: 'telegram',
      name: 'Ops chat',
      proxyFallbackToDirect: false,
      isEnabled: true,
      pacePerMinute: null,
      telegramChatId: '-1001234567890',
      telegramTopicId: null,
    });

    const feishu = {
      ...storedTelegram,
      providerType: 'feishu',
      feishuSecret: { set: true, hint: 'cret' },
    } as TargetView;
    const cleared = { ...initialValues(feishu), cleared: { feishuSecret: true, proxyUrl: true } };
    const patch = validateTarget(cleared, true, en);
    expect(patch.ok && patch.input).toMatchObject({ feishuSecret: null, proxyUrl: null });
    expect(patch.ok && patch.input).not.toHaveProperty('webhookUrl');
  });
});

describe('an email target: a number, a choice and a list', () => {
  const email = (fields: Record<string, string>) =>
    form({
      providerType: 'email',
      fields: {
        smtpHost: 'smtp.example.com',
        smtpPort: '587',
        smtpSecurity: 'starttls',
        emailFrom: 'Herald <alerts@example.com>',
        emailTo: ' ops@example.com \n\n  \noncall@example.com\n',
        ...fields,
      },
    });

  it('sends the list as its non-empty lines and the port as a number', () => {
    const result = validateTarget(email({}), false, en);
    expect(result.ok && result.input).toMatchObject({
      smtpPort: 587,
      smtpSecurity: 'starttls',
      emailTo: ['ops@example.com', 'oncall@example.com'],
    });
    expect(result.ok && result.input).not.toHaveProperty('smtpPassword');
  });

  it('says why in the channel’s words: a port that is no number, a list without an entry', () => {
    const result = validateTarget(email({ smtpPort: '58x', emailTo: '\n \n' }), false, en);
    expect(result).toEqual({
      ok: false,
      errors: {
        smtpPort: 'Must be a whole number from 1 to 65535',
        emailTo: 'Each line must be an address such as ops@example.com',
      },
    });
  });

  it('names the password on create when a user is given without one (the channel’s check across fields)', () => {
    const result = validateTarget(email({ smtpUser: 'alerts' }), false, en);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual(['smtpPassword']);
  });

  it('on edit leaves that check to the server, which knows whether a password is stored', () => {
    const stored = {
      ...storedTelegram,
      providerType: 'email',
      smtpHost: 'smtp.example.com',
      smtpPort: 587,
      smtpSecurity: 'starttls',
      smtpUser: 'alerts',
      smtpPassword: { set: true, hint: 'word' },
      emailFrom: 'alerts@example.com',
      emailTo: ['ops@example.com', 'oncall@example.com'],
    } as unknown as TargetView;
    const values = initialValues(stored);
    expect(values.fields.emailTo).toBe('ops@example.com\noncall@example.com');
    const result = validateTarget(values, true, en);
    expect(result.ok && result.input).toMatchObject({
      smtpUser: 'alerts',
      emailTo: ['ops@example.com', 'oncall@example.com'],
    });
    expect(result.ok && result.input).not.toHaveProperty('smtpPassword');
  });
});

describe('reading a list', () => {
  it('keeps one entry per non-empty line, and nothing is undefined', () => {
    expect(readField('list', ' a \n\n b ')).toEqual({ value: ['a', 'b'] });
    expect(readField('list', ' \n ')).toEqual({ value: undefined });
  });
});

describe('errors from the server', () => {
  it('are grouped by field and worded like the form’s own', () => {
    const errors = errorsFromIssues(
      'custom',
      [
        { path: 'customTemplate.title', message: 'unknown placeholder {{nope}}' },
        { path: 'signingSecret', message: 'must be a Standard Webhooks secret' },
        { path: 'name', message: 'a name is required' },
        { path: 'pacePerMinute', message: 'too fast' },
      ],
      en,
    );
    expect(errors).toEqual({
      // Without a code, the server's English stays out: the text says the value is invalid, at its path.
      customTemplate: 'Template problems: title: This value is not valid.',
      signingSecret: 'Must be whsec_ followed by base64.',
      name: 'Enter a name (at most 100 characters).',
      pacePerMinute: 'A whole number of messages per minute from 1 to 600, or empty for the platform’s pace.',
    });
  });
});
