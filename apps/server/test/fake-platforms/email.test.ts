import type { JsonObject } from '@herald/core';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import type { HttpClient } from '../../src/net/index.ts';
import type { Clock } from '../../src/senders/clock.ts';
import { emailSender } from '../../src/senders/email.ts';
import { sendToTarget } from '../../src/senders/send.ts';
import type { SendTargetOf, TransportContext } from '../../src/senders/sender.ts';
import { closeAfterEach, fakeLookup, makeCert, testClient } from '../support/net-helpers.ts';
import { startHttpProxy, startSocksProxy } from '../support/proxies.ts';
import { recordingClock } from '../support/recording-clock.ts';
import { type FakeSmtp, type FakeSmtpOptions, startFakeSmtp } from './email.ts';
import { every, NOW, render } from './support.ts';

// Made at test time with openssl; the TLS cases are skipped where there is none.
const cert = makeCert(['smtp.test', 'localhost']);
const later = closeAfterEach();
const USERS = { alerts: 'correct horse battery staple' };
const TO = ['ops@example.test', 'oncall@example.test'];
const lookup = fakeLookup({ 'smtp.test': ['127.0.0.1'] });

type Body = { subject: string; text: string; html: string };

async function smtp(o: Partial<FakeSmtpOptions> = {}): Promise<FakeSmtp> {
  return later(await startFakeSmtp({ cert: cert ?? undefined, users: USERS, mailboxes: TO, ...o }));
}

/** A client that trusts the test certificate and resolves smtp.test to loopback. */
const trusting = (allow = ['127.0.0.0/8']) => testClient({ allow, lookup, tls: { ca: cert?.cert ?? '' } });

function target(f: FakeSmtp, patch: Partial<SendTargetOf<'email'>> = {}): SendTargetOf<'email'> {
  return {
    id: 't-email',
    channel: 'email',
    smtpHost: 'smtp.test',
    smtpPort: f.port,
    smtpSecurity: f.security,
    smtpUser: 'alerts',
    smtpPassword: USERS.alerts,
    emailFrom: 'Herald Alerts <alerts@example.test>',
    emailTo: TO,
    ...patch,
  };
}

const ctx = (client: HttpClient, patch: Partial<TransportContext> = {}): TransportContext => ({
  messageId: 'dlv_7Hq2',
  now: NOW,
  telegramApiBaseUrl: '',
  openSocket: client.openSocket,
  connectTimeoutMs: 2_000,
  totalTimeoutMs: 5_000,
  ...patch,
});

const crlf = (s: string) => s.replace(/\r\n/g, '\n');

describe.skipIf(!cert)('email to a real SMTP server', () => {
  it('STARTTLS + AUTH PLAIN: every type in every language arrives with both parts, subject, From and To', async () => {
    const f = await smtp();
    const client = trusting();
    for (const [type, locale] of every) {
      const body = render('email', type, locale) as Body & JsonObject;
      const a = await emailSender.attempt(target(f), body, ctx(client));
      expect(a.verdict, `${type} ${locale}`).toEqual({ ok: true });
      expect(a).toMatchObject({ status: 250, via: 'direct' });
      expect(a.response).toMatch(/^250 2\.0\.0 Ok: queued as F\d+$/);
      expect(a.bytes).toBeGreaterThan(body.html.length);
      const mail = f.received.at(-1);
      expect(mail).toMatchObject({ accepted: true, secure: true, user: 'alerts' });
      const m = mail?.message;
      expect(m?.subject).toBe(body.subject);
      expect(m?.from).toBe('Herald Alerts <alerts@example.test>');
      expect(m?.to).toEqual(TO);
      expect(mail?.envelope).toEqual({ from: 'alerts@example.test', to: TO });
      expect(m?.type).toBe('multipart/alternative');
      expect(m?.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
      expect(crlf(m?.parts[0]?.body ?? '')).toBe(body.text);
      expect(crlf(m?.parts[1]?.body ?? '')).toBe(body.html);
    }
    expect(f.refusals).toEqual([]);
    expect(f.accepted).toHaveLength(every.length);
  });

  it('sets a Message-ID stable per delivery, the attempt time as Date, and asks for no auto-replies', async () => {
    const f = await smtp();
    const client = trusting();
    const later1 = new Date(NOW.getTime() + 60_000);
    await emailSender.attempt(target(f), render('email'), ctx(client));
    await emailSender.attempt(target(f), render('email'), ctx(client, { now: later1 }));
    const [a, b] = f.received.map((m) => m.message);
    expect(a?.messageId).toBe('<dlv_7Hq2@example.test>');
    expect(b?.messageId).toBe(a?.messageId);
    expect(new Date(a?.date ?? '').toISOString()).toBe(NOW.toISOString());
    expect(new Date(b?.date ?? '').toISOString()).toBe(later1.toISOString());
    expect(a?.headers.get('auto-submitted')).toEqual(['auto-generated']);
  });

  it('AUTH LOGIN when that is all the server offers; implicit TLS on its own port', async () => {
    const login = await smtp({ authMethods: ['LOGIN'] });
    expect((await emailSender.attempt(target(login), render('email'), ctx(trusting()))).verdict).toEqual({ ok: true });
    expect(login.accepted[0]).toMatchObject({ user: 'alerts', secure: true });

    const tls = await smtp({ security: 'tls' });
    const a = await emailSender.attempt(target(tls), render('email', 'cost_alert', 'ja'), ctx(trusting()));
    expect(a.verdict).toEqual({ ok: true });
    expect(tls.accepted[0]).toMatchObject({ user: 'alerts', secure: true });
  });

  it('no AUTH and no TLS where the target says none', async () => {
    const f = await smtp({ security: 'none', users: undefined });
    const plain = target(f, { smtpUser: null, smtpPassword: null });
    expect((await emailSender.attempt(plain, render('email'), ctx(trusting()))).verdict).toEqual({ ok: true });
    expect(f.accepted[0]).toMatchObject({ user: null, secure: false });
  });

  it('starttls requires the upgrade: a server without STARTTLS gets no password and no message', async () => {
    const f = await smtp({ security: 'none' });
    const a = await emailSender.attempt(target(f, { smtpSecurity: 'starttls' }), render('email'), ctx(trusting()));
    expect(a.verdict).toMatchObject({ ok: false, class: 'permanent', code: 500 });
    expect(a.verdict.ok ? '' : a.verdict.message).toMatch(/^STARTTLS: 500 /);
    expect(f.received).toEqual([]);
    expect(f.refusals.filter((r) => r.startsWith('auth'))).toEqual([]);
  });

  it('a wrong password is a permanent 535, with the reply recorded and the password nowhere', async () => {
    const f = await smtp();
    const t = target(f, { smtpPassword: 'wrong-password-123' });
    const deps = sendDeps(trusting());
    const r = await sendToTarget(deps, t, render('email'), { messageId: 'dlv_1' });
    expect(r).toMatchObject({ ok: false, failureClass: 'permanent', statusCode: 535 });
    expect(r.attempts).toHaveLength(1);
    expect(r.error).toMatch(/^login refused: AUTH PLAIN: 535 5\.7\.8 Authentication credentials invalid$/);
    expect(r.responseExcerpt).toBe('535 5.7.8 Authentication credentials invalid');
    expect(JSON.stringify(r)).not.toContain('wrong-password-123');
    expect(f.received).toEqual([]);
  });

  it('unknown mailboxes are refused with 550: all of them is permanent, some of them too (the others got it)', async () => {
    const f = await smtp();
    const client = trusting();
    const none = await emailSender.attempt(
      target(f, { emailTo: ['nobody@example.test'] }),
      render('email'),
      ctx(client),
    );
    expect(none.verdict).toMatchObject({ ok: false, class: 'permanent', code: 550 });
    expect(none.status).toBe(550);
    expect(none.response).toMatch(/^550 5\.1\.1 <nobody@example\.test>: Recipient address rejected: User unknown/);

    const some = await emailSender.attempt(
      target(f, { emailTo: ['ops@example.test', 'nobody@example.test'] }),
      render('email'),
      ctx(client),
    );
    expect(some.verdict).toMatchObject({ ok: false, class: 'permanent', code: 550 });
    expect(some.verdict.ok ? '' : some.verdict.message).toMatch(
      /^delivered to 1 of 2 recipients; refused nobody@example\.test: 550 5\.1\.1/,
    );
    expect(f.accepted.map((m) => m.envelope.to)).toEqual([['ops@example.test']]);
  });

  it.each([
    [{ stage: 'connect', code: 421, message: '4.7.0 Too many connections, try later' }, 'retryable', 421],
    [{ stage: 'mail', code: 450, message: '4.2.0 Mailbox busy' }, 'retryable', 450],
    [{ stage: 'rcpt', code: 452, message: '4.5.3 Too many recipients' }, 'retryable', 452],
    [{ stage: 'data', code: 451, message: '4.3.0 Local error in processing' }, 'retryable', 451],
    [{ stage: 'data', code: 554, message: '5.7.1 Message rejected as spam' }, 'permanent', 554],
    [{ stage: 'mail', code: 553, message: '5.7.1 Sender address rejected: not owned by user' }, 'permanent', 553],
    [{ stage: 'mail', drop: true }, 'retryable', null],
  ] as const)('%o → %s', async (failure, cls, code) => {
    const f = await smtp();
    f.failNext(failure);
    const { clock, waits } = fakeClock();
    // One recipient: a refusal of some recipients only is final whatever its code (the others got it).
    const one = target(f, { emailTo: ['ops@example.test'] });
    const r = await sendToTarget(sendDeps(trusting(), clock), one, render('email'), { messageId: 'dlv_2' });
    expect(r.attempts[0]).toMatchObject({ outcome: cls, statusCode: code });
    // A retryable failure is tried again after 1 s and then arrives; a permanent one is final.
    expect(r.ok).toBe(cls === 'retryable');
    expect(waits).toEqual(cls === 'retryable' ? [1_000] : []);
    expect(f.accepted).toHaveLength(cls === 'retryable' ? 1 : 0);
  });

  it('a message over the server SIZE limit is a permanent 552', async () => {
    const f = await smtp({ sizeLimit: 4_000 });
    const a = await emailSender.attempt(target(f), render('email', 'daily_leaderboard'), ctx(trusting()));
    expect(a.verdict).toMatchObject({ ok: false, class: 'permanent', code: 552 });
  });

  it('an untrusted certificate is permanent and nothing is sent', async () => {
    const f = await smtp();
    const untrusting = testClient({ allow: ['127.0.0.0/8'], lookup });
    const a = await emailSender.attempt(target(f), render('email'), ctx(untrusting));
    expect(a.verdict).toMatchObject({ ok: false, class: 'permanent', code: 'tls' });
    expect(f.received).toEqual([]);
  });

  it('obeys the outbound policy: loopback refused unless allowed, and no connection made', async () => {
    const f = await smtp();
    const strict = testClient({ allow: [], lookup, tls: { ca: cert?.cert ?? '' } });
    const a = await emailSender.attempt(target(f), render('email'), ctx(strict));
    expect(a.verdict).toMatchObject({ ok: false, class: 'permanent', code: 'policy' });
    expect(a.verdict.ok ? '' : a.verdict.message).toMatch(/smtp\.test.*127\.0\.0\.1/);
    expect(f.sessions).toBe(0);
  });

  it('goes through the target SOCKS proxy, which is handed the checked address; an HTTP proxy is refused', async () => {
    const f = await smtp();
    const socks = later(await startSocksProxy());
    const viaSocks = target(f, { proxyUrl: socks.url('socks5') });
    const a = await emailSender.attempt(viaSocks, render('email'), ctx(trusting()));
    expect(a).toMatchObject({ verdict: { ok: true }, via: 'proxy' });
    expect(socks.destinations).toEqual([`127.0.0.1:${f.port}`]);

    const http = later(await startHttpProxy());
    const viaHttp = await emailSender.attempt(target(f, { proxyUrl: http.url }), render('email'), ctx(trusting()));
    expect(viaHttp.verdict).toMatchObject({ ok: false, class: 'permanent', code: 'request' });
    expect(viaHttp.verdict.ok ? '' : viaHttp.verdict.message).toMatch(/SOCKS proxies only/);
    expect(http.connects).toEqual([]);
  });

  it('falls back to a direct connection when the proxy is down and the target allows it', async () => {
    const f = await smtp();
    const dead = 'socks5://127.0.0.1:9';
    const refused = await emailSender.attempt(target(f, { proxyUrl: dead }), render('email'), ctx(trusting()));
    expect(refused.verdict).toMatchObject({ ok: false, class: 'retryable', code: 'proxy' });
    const fallback = target(f, { proxyUrl: dead, proxyFallbackToDirect: true });
    const a = await emailSender.attempt(fallback, render('email'), ctx(trusting()));
    expect(a).toMatchObject({ verdict: { ok: true }, via: 'direct' });
  });
});

describe.skipIf(!cert)('the fake SMTP server is strict with any client', () => {
  const mailer = (f: FakeSmtp) =>
    createTransport({
      host: '127.0.0.1',
      port: f.port,
      requireTLS: true,
      tls: { ca: cert?.cert ?? '', servername: 'smtp.test' },
      auth: { user: 'alerts', pass: USERS.alerts },
    });
  const refusedWith = async (p: Promise<unknown>) => {
    const err = (await p.then(
      () => null,
      (e: unknown) => e,
    )) as { responseCode?: number; response?: string } | null;
    return err && `${err.responseCode} ${err.response}`;
  };

  it('refuses a message without an HTML part, a header From other than the sender, and overlong lines', async () => {
    const f = await smtp();
    const m = mailer(f);
    const base = { from: 'alerts@example.test', to: TO, subject: 'Hi' };
    expect(await refusedWith(m.sendMail({ ...base, text: 'only text' }))).toMatch(
      /^554 554 5\.6\.0 Message content rejected: a text\/plain message, expected multipart\/alternative/,
    );
    expect(
      await refusedWith(
        m.sendMail({ ...base, envelope: { from: 'other@example.test', to: TO }, text: 't', html: '<p>h</p>' }),
      ),
    ).toMatch(/From alerts@example\.test is not the envelope sender other@example\.test/);
    const raw = `From: alerts@example.test\r\nTo: ops@example.test\r\nSubject: x\r\n\r\n${'a'.repeat(999)}\r\n`;
    expect(
      await refusedWith(m.sendMail({ envelope: { from: 'alerts@example.test', to: ['ops@example.test'] }, raw })),
    ).toMatch(/line 5 is longer than 998 characters/);
    expect(await refusedWith(m.sendMail({ ...base, text: 't', html: '<p>h</p>' }))).toBeNull();
    expect(f.refusals).toHaveLength(3);
    expect(f.accepted).toHaveLength(1);
  });

  it('refuses MAIL before STARTTLS and AUTH on a plain session', async () => {
    const f = await smtp();
    const plain = createTransport({ host: '127.0.0.1', port: f.port, ignoreTLS: true });
    expect(await refusedWith(plain.sendMail({ from: 'alerts@example.test', to: TO, text: 't' }))).toMatch(/^530 /);
    expect(f.received).toEqual([]);
  });
});

const fakeClock = () => recordingClock(NOW);

function sendDeps(http: HttpClient, clock: Clock = fakeClock().clock) {
  return {
    http,
    clock,
    logger: createLogger('silent'),
    telegramApiBaseUrl: '',
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 5_000,
  };
}
