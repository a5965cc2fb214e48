import { describe, expect, it } from 'vitest';
import { TransportError } from '../net/index.ts';
import { emailSender, messageIdOf, replyCode, type SmtpFailure, smtpVerdict } from './email.ts';
import type { SendTargetOf, TransportContext } from './sender.ts';

const smtpError = (patch: Partial<SmtpFailure>): SmtpFailure => Object.assign(new Error(patch.message ?? 'x'), patch);
const reply = (code: number, command = 'RCPT TO') =>
  smtpVerdict(smtpError({ code: 'EENVELOPE', responseCode: code, response: `${code} text`, command }));

describe('smtpVerdict', () => {
  it.each([421, 450, 451, 452, 454])('%i is retryable (a server throttling or busy)', (code) => {
    expect(reply(code)).toEqual({ ok: false, class: 'retryable', code, message: `RCPT TO: ${code} text` });
  });

  it.each([550, 551, 553, 554, 552, 500])('%i is permanent', (code) => {
    expect(reply(code)).toMatchObject({ ok: false, class: 'permanent', code });
  });

  it.each([530, 534, 535])('%i is a refused login: permanent', (code) => {
    expect(reply(code, 'AUTH PLAIN')).toEqual({
      ok: false,
      class: 'permanent',
      code,
      message: `login refused: AUTH PLAIN: ${code} text`,
    });
  });

  it('connection trouble is retryable; a bad certificate or a refused setup is not', () => {
    const cls = (e: Partial<SmtpFailure>) => {
      const v = smtpVerdict(smtpError(e));
      return `${v.class} ${v.code}`;
    };
    expect(cls({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' })).toBe('retryable ECONNECTION');
    expect(cls({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toBe('retryable ETIMEDOUT');
    expect(cls({ code: 'ESOCKET', originalCode: 'ECONNRESET' })).toBe('retryable ESOCKET');
    expect(cls({ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).toBe('permanent tls');
    expect(cls({ code: 'ESOCKET', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID' })).toBe('permanent tls');
    expect(cls({ code: 'EAUTH', message: 'Missing credentials for "PLAIN"' })).toBe('permanent EAUTH');
    expect(cls({ code: 'ETLS', message: 'Error upgrading connection with STARTTLS' })).toBe('permanent ETLS');
    expect(smtpVerdict(Object.assign(new Error('aborted'), { name: 'TimeoutError' }))).toMatchObject({
      class: 'retryable',
      code: 'timeout',
    });
  });

  it('judges the connector own failures by kind', () => {
    const t = (kind: 'policy' | 'dns' | 'connect' | 'proxy' | 'request') =>
      smtpVerdict(new TransportError({ kind, stage: 'local', message: kind, delivered: false, via: 'direct' })).class;
    expect([t('policy'), t('request'), t('dns'), t('connect'), t('proxy')]).toEqual([
      'permanent',
      'permanent',
      'retryable',
      'retryable',
      'retryable',
    ]);
  });
});

describe('email sender details', () => {
  it('reads the reply code, and makes the Message-ID from the delivery and the sender domain', () => {
    expect(replyCode('250 2.0.0 Ok: queued as 1')).toBe(250);
    expect(replyCode('garbage')).toBeNull();
    expect(messageIdOf('dlv_7Hq2', 'Herald <alerts@example.com>')).toBe('<dlv_7Hq2@example.com>');
    expect(messageIdOf('a b<c>@d', 'alerts@mail.example.com')).toBe('<a_b_c__d@mail.example.com>');
  });

  it('keeps the password and its AUTH encodings secret', () => {
    const secrets = emailSender.secretsOf({ channel: 'email', smtpUser: 'alerts', smtpPassword: 'pw-1234' });
    expect(secrets).toEqual([
      'pw-1234',
      Buffer.from('pw-1234').toString('base64'),
      Buffer.from('\0alerts\0pw-1234').toString('base64'),
    ]);
    expect(emailSender.secretsOf({ channel: 'email' })).toEqual([]);
  });

  it('a target missing a setting fails before any connection, naming the field', async () => {
    let opened = 0;
    const ctx = {
      messageId: 'm',
      now: new Date(0),
      telegramApiBaseUrl: '',
      connectTimeoutMs: 1_000,
      totalTimeoutMs: 1_000,
      openSocket: async () => {
        opened++;
        throw new Error('unreachable');
      },
    } satisfies TransportContext;
    const body = { subject: 's', text: 't', html: '<p>h</p>' };
    const base: SendTargetOf<'email'> = {
      channel: 'email',
      smtpHost: 'smtp.example.com',
      smtpPort: 587,
      smtpSecurity: 'starttls',
      emailFrom: 'a@example.com',
      emailTo: ['b@example.com'],
    };
    await expect(emailSender.attempt({ ...base, smtpHost: null }, body, ctx)).rejects.toThrow(/^smtpHost: required/);
    await expect(emailSender.attempt({ ...base, emailTo: [] }, body, ctx)).rejects.toThrow(/^emailTo: at least one/);
    await expect(emailSender.attempt({ ...base, smtpUser: 'u' }, body, ctx)).rejects.toThrow(
      /^smtpPassword: required when a user is set/,
    );
    await expect(emailSender.attempt(base, { subject: 's' }, ctx)).rejects.toThrow(/^body: an email needs/);
    expect(opened).toBe(0);
  });
});
