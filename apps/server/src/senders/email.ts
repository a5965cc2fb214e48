import type { JsonObject } from '@herald/core';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { TransportError, type Via } from '../net/index.ts';
import {
  SenderConfigError,
  type SendTargetOf,
  type TransportAnswer,
  type TransportChannelSender,
  type TransportContext,
  type Verdict,
} from './sender.ts';

/** What nodemailer rejects with: its own code (EAUTH, ESOCKET…) and the server's reply, when there was one. */
export type SmtpFailure = Error & {
  code?: string | undefined;
  originalCode?: string | undefined;
  responseCode?: number | undefined;
  response?: string | undefined;
  command?: string | undefined;
};

/** The server's refusals of a login: 530 authentication required, 534 mechanism too weak, 535 bad credentials. */
const AUTH_CODES = [530, 534, 535];
/** Mailbox unavailable, user not local, name not allowed, transaction failed: the same message fails again. */
const REFUSED_CODES = [550, 551, 553, 554];
/** A certificate the system does not trust, or one for another name: configuration, not chance. */
const CERT_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;
/** Nodemailer's codes for a refused setup: no STARTTLS offered, no AUTH, a bad envelope or message. */
const PERMANENT_CODES = ['ETLS', 'EAUTH', 'EENVELOPE', 'EMESSAGE', 'ECONFIG'];

/**
 * An SMTP failure, classified: 4xx and connection trouble are retried (servers throttle with
 * 421/450/451/452); 5xx, a refused login, an untrusted certificate or a refused setup are not.
 */
export function smtpVerdict(err: SmtpFailure | TransportError): Verdict & { ok: false } {
  if (err instanceof TransportError) {
    const permanent = ['policy', 'request', 'tls'].includes(err.kind);
    return { ok: false, class: permanent ? 'permanent' : 'retryable', code: err.kind, message: err.message };
  }
  const reply = err.responseCode;
  if (reply !== undefined) {
    const message = `${err.command ? `${err.command}: ` : ''}${err.response ?? err.message}`;
    if (AUTH_CODES.includes(reply))
      return { ok: false, class: 'permanent', code: reply, message: `login refused: ${message}` };
    if (reply >= 400 && reply < 500) return { ok: false, class: 'retryable', code: reply, message };
    if (REFUSED_CODES.includes(reply) || reply >= 500) return { ok: false, class: 'permanent', code: reply, message };
  }
  const code = err.code ?? 'ESOCKET';
  if (CERT_ERROR.test(err.originalCode ?? '') || CERT_ERROR.test(err.message)) {
    return { ok: false, class: 'permanent', code: 'tls', message: `TLS: ${err.message}` };
  }
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || code === 'EABORT') {
    return {
      ok: false,
      class: 'retryable',
      code: 'timeout',
      message: `the send was stopped before the server answered`,
    };
  }
  return { ok: false, class: PERMANENT_CODES.includes(code) ? 'permanent' : 'retryable', code, message: err.message };
}

/** The reply code at the start of an SMTP answer ("250 2.0.0 Ok"), or null. */
export const replyCode = (response: string | undefined): number | null => {
  const m = /^(\d{3})/.exec(response ?? '');
  return m ? Number(m[1]) : null;
};

/** Stable per delivery, so a retried attempt is recognisable as the same mail. */
export function messageIdOf(deliveryId: string, from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim() || 'herald.invalid';
  return `<${deliveryId.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}>`;
}

function partsOf(body: JsonObject): { subject: string; text: string; html: string } {
  const { subject, text, html } = body;
  if (typeof subject !== 'string' || typeof text !== 'string' || typeof html !== 'string') {
    throw new SenderConfigError('body: an email needs a subject, a text part and an HTML part');
  }
  return { subject, text, html };
}

function need<V>(value: V | null | undefined, field: string): V {
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) {
    throw new SenderConfigError(`${field}: required for an email target`);
  }
  return value;
}

function settingsOf(t: SendTargetOf<'email'>) {
  const host = need(t.smtpHost, 'smtpHost').trim();
  const from = need(t.emailFrom, 'emailFrom').trim();
  const port = need(t.smtpPort, 'smtpPort');
  const security = need(t.smtpSecurity, 'smtpSecurity');
  if (!t.emailTo?.length) throw new SenderConfigError('emailTo: at least one recipient is required');
  const user = t.smtpUser?.trim() || null;
  if (user && !t.smtpPassword) throw new SenderConfigError('smtpPassword: required when a user is set');
  return { host, port, security, from, to: t.emailTo, user, password: t.smtpPassword };
}

/**
 * Email over SMTP with nodemailer, on a socket Herald's connector opened (policy-checked, through
 * the target's SOCKS proxy): one multipart/alternative message, text and HTML from one model.
 */
export const emailSender: TransportChannelSender<'email'> = {
  channel: 'email',
  transport: 'own',
  async attempt(target, body, ctx: TransportContext): Promise<TransportAnswer> {
    const s = settingsOf(target);
    const parts = partsOf(body);
    let via: Via | null = null;
    const getSocket: SMTPTransport.Options['getSocket'] = (_options, callback) => {
      ctx
        .openSocket({
          host: s.host,
          port: s.port,
          proxyUrl: target.proxyUrl,
          proxyFallbackToDirect: target.proxyFallbackToDirect,
          connectTimeoutMs: ctx.connectTimeoutMs,
        })
        .then(
          (opened) => {
            via = opened.via;
            // Merged into the connection's options: TLS (implicit or STARTTLS) trusts what the client trusts.
            callback(null, { connection: opened.socket, tls: { ...opened.tls, minVersion: 'TLSv1.2' } });
          },
          (err: Error) => callback(err, false),
        );
    };
    const transport = createTransport({
      host: s.host,
      port: s.port,
      // tls: TLS from the first byte; starttls: the upgrade is required, never skipped; none: plain.
      secure: s.security === 'tls',
      requireTLS: s.security === 'starttls',
      ignoreTLS: s.security === 'none',
      ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' }, forceAuth: true } : {}),
      connectionTimeout: ctx.connectTimeoutMs,
      greetingTimeout: ctx.connectTimeoutMs,
      socketTimeout: ctx.totalTimeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      getSocket,
    });
    const signal = ctx.signal
      ? AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.totalTimeoutMs)])
      : AbortSignal.timeout(ctx.totalTimeoutMs);
    const mail: Mail.Options & { signal: AbortSignal } = {
      from: s.from,
      to: s.to,
      subject: parts.subject,
      text: parts.text,
      html: parts.html,
      messageId: messageIdOf(ctx.messageId, s.from),
      date: ctx.now,
      // RFC 3834: no auto-replies (vacation notices) to a machine's mail.
      headers: { 'Auto-Submitted': 'auto-generated' },
      signal,
    };
    try {
      const info = (await transport.sendMail(mail)) as SMTPTransport.SentMessageInfo & {
        messageSize?: number;
        rejectedErrors?: SmtpFailure[];
      };
      const bytes = info.messageSize ?? 0;
      const refused = info.rejectedErrors ?? [];
      if (refused.length > 0) {
        // Some got it: sending again would repeat it to them, so this is final, and says who missed it.
        const who = refused.map((r) => `${(r as { recipient?: string }).recipient ?? '?'}: ${r.response ?? r.message}`);
        const message = `delivered to ${info.accepted.length} of ${s.to.length} recipients; refused ${who.join('; ')}`;
        const code = refused[0]?.responseCode ?? replyCode(info.response) ?? undefined;
        const verdict: Verdict = { ok: false, class: 'permanent', message, ...(code ? { code } : {}) };
        return { verdict, status: code ?? null, response: `${info.response}\n${who.join('\n')}`, via, bytes };
      }
      return { verdict: { ok: true }, status: replyCode(info.response), response: info.response, via, bytes };
    } catch (err) {
      const failure = err as SmtpFailure | TransportError;
      const response = failure instanceof TransportError ? null : (failure.response ?? null);
      const status = failure instanceof TransportError ? null : (failure.responseCode ?? null);
      return { verdict: smtpVerdict(failure), status, response, via, bytes: 0 };
    } finally {
      transport.close();
    }
  },
  secretsOf: (t) => {
    const password = t.smtpPassword ?? '';
    const user = t.smtpUser ?? '';
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    // AUTH PLAIN and LOGIN send these encodings; a server that echoes one must not leak it.
    return password ? [password, b64(password), b64(`\0${user}\0${password}`)] : [];
  },
};
