import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { TestCert } from '../support/net-helpers.ts';
import { MimeError, mailboxOf, type ParsedMail, parseMail } from './email-mime.ts';

/**
 * A real SMTP server (nodemailer's smtp-server) on 127.0.0.1, strict like a submission server:
 * TLS from the first byte or STARTTLS before anything else, AUTH PLAIN/LOGIN checked, unknown
 * mailboxes refused with 550 5.1.1, SIZE enforced (552), and each message read as MIME: a
 * multipart/alternative with a UTF-8 text/plain and text/html part, ASCII headers, lines within
 * 998 characters, From matching the envelope sender and To naming every recipient (554 5.6.0 otherwise).
 */

/** Postfix's default message_size_limit. */
export const SMTP_MAX_MESSAGE_BYTES = 10_240_000;
/** RFC 5322 §2.1.1: a line is at most 998 characters before CRLF. */
export const SMTP_MAX_LINE = 998;

export type SmtpSecurity = 'starttls' | 'tls' | 'none';
export type SmtpStage = 'connect' | 'mail' | 'rcpt' | 'data';

/** A scripted answer at a stage of the next session that reaches it (4xx/5xx), or a dropped connection. */
export type SmtpFailure = { stage: SmtpStage; code: number; message?: string } | { stage: SmtpStage; drop: true };

export type FakeSmtpOptions = {
  /** Default `starttls`; `starttls` and `tls` need `cert`. */
  security?: SmtpSecurity;
  cert?: TestCert | undefined;
  /** Users and passwords; when given, AUTH is required before MAIL FROM. */
  users?: Record<string, string>;
  /** The AUTH mechanisms offered (default PLAIN and LOGIN). */
  authMethods?: Array<'PLAIN' | 'LOGIN'>;
  /** Mailboxes that exist (compared without case); others are refused with 550. */
  mailboxes: readonly string[];
  sizeLimit?: number;
};

export type ReceivedMail = {
  envelope: { from: string; to: string[] };
  /** The authenticated user, if any. */
  user: string | null;
  /** The session was encrypted (implicit TLS or after STARTTLS). */
  secure: boolean;
  raw: string;
  /** Null when the message could not be read as MIME. */
  message: ParsedMail | null;
  accepted: boolean;
  /** The reply the fake gave to the message (`250 …`, `554 …`). */
  answer: string;
};

export type FakeSmtp = {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly security: SmtpSecurity;
  /** Every message that reached the end of DATA. */
  readonly received: ReceivedMail[];
  readonly accepted: ReceivedMail[];
  /** Every refusal the fake answered, as `<stage>: <code> <text>`, scripted ones included. */
  readonly refusals: string[];
  /** Sessions opened (connections accepted). */
  readonly sessions: number;
  failNext(failure: SmtpFailure, times?: number): void;
  clearFailures(): void;
  waitForAccepted(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startFakeSmtp(o: FakeSmtpOptions): Promise<FakeSmtp> {
  const security = o.security ?? 'starttls';
  if (security !== 'none' && !o.cert) throw new Error(`a ${security} fake needs a certificate`);
  const mailboxes = new Set(o.mailboxes.map((m) => m.toLowerCase()));
  const received: ReceivedMail[] = [];
  const refusals: string[] = [];
  const script: SmtpFailure[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  let sessions = 0;

  /** Calls back with the scripted failure for this stage, if the next one is for it. */
  const scripted = (stage: SmtpStage, session: SMTPServerSession, cb: (err?: Error | null) => void): boolean => {
    const next = script[0];
    if (!next || next.stage !== stage) return false;
    script.shift();
    if ('drop' in next) {
      refusals.push(`${stage}: dropped`);
      for (const s of sockets) if (s.remotePort === session.remotePort) s.destroy();
      return true;
    }
    const text = next.message ?? `4.3.0 scripted failure at ${stage}`;
    refusals.push(`${stage}: ${next.code} ${text}`);
    cb(refusal(next.code, text));
    return true;
  };
  const refuse = (stage: SmtpStage, code: number, text: string, cb: (err?: Error | null) => void) => {
    refusals.push(`${stage}: ${code} ${text}`);
    cb(refusal(code, text));
  };

  const server = new SMTPServer({
    secure: security === 'tls',
    ...(o.cert ? { key: o.cert.key, cert: o.cert.cert } : {}),
    hideSTARTTLS: security !== 'starttls',
    authMethods: o.authMethods ?? ['PLAIN', 'LOGIN'],
    authOptional: !o.users,
    // hideSTARTTLS alone still answers a STARTTLS nobody was offered: refuse it (502) where there is none.
    disabledCommands: [...(o.users ? [] : ['AUTH']), ...(security === 'starttls' ? [] : ['STARTTLS'])],
    // AUTH only over TLS (the library refuses it on a plain session with 538).
    allowInsecureAuth: false,
    size: o.sizeLimit ?? SMTP_MAX_MESSAGE_BYTES,
    logger: false,
    onConnect(session, cb) {
      sessions++;
      if (!scripted('connect', session, cb)) cb();
    },
    onAuth(auth, _session, cb) {
      const expected = o.users?.[auth.username ?? ''];
      if (expected !== undefined && auth.password === expected) return cb(null, { user: auth.username });
      refusals.push(`auth: 535 5.7.8 Authentication credentials invalid (${auth.method} ${auth.username})`);
      cb(refusal(535, '5.7.8 Authentication credentials invalid'));
    },
    onMailFrom(address, session, cb) {
      if (scripted('mail', session, cb)) return;
      if (security === 'starttls' && !session.secure) {
        return refuse('mail', 530, '5.7.0 Must issue a STARTTLS command first', cb);
      }
      if (!address.address) return refuse('mail', 553, '5.1.7 An empty sender is for bounces only', cb);
      cb();
    },
    onRcptTo(address, session, cb) {
      if (scripted('rcpt', session, cb)) return;
      if (!mailboxes.has(address.address.toLowerCase())) {
        return refuse('rcpt', 550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`, cb);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const mail: ReceivedMail = {
          envelope,
          user: (session.user as string | undefined) ?? null,
          secure: session.secure,
          raw,
          message: null,
          accepted: false,
          answer: '',
        };
        received.push(mail);
        const answer = (err?: Error & { responseCode?: number }) => {
          mail.answer = err ? `${err.responseCode} ${err.message}` : `250 2.0.0 Ok: queued as F${received.length}`;
          cb(err, err ? undefined : `2.0.0 Ok: queued as F${received.length}`);
        };
        if (scripted('data', session, (err) => answer(err as Error & { responseCode: number }))) return;
        if (stream.sizeExceeded) {
          return refuse('data', 552, '5.3.4 Message size exceeds fixed maximum message size', (e) =>
            answer(e as never),
          );
        }
        const problem = checkMessage(raw, envelope, (m) => {
          mail.message = m;
        });
        if (problem)
          return refuse('data', 554, `5.6.0 Message content rejected: ${problem}`, (e) => answer(e as never));
        mail.accepted = true;
        answer();
        for (const w of waiters) w();
      });
    },
  });
  server.on('error', () => {}); // a client that drops mid-session is part of the tests
  const inner = (server as unknown as { server: import('node:net').Server }).server;
  inner.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (inner.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    security,
    received,
    get accepted() {
      return received.filter((m) => m.accepted);
    },
    refusals,
    get sessions() {
      return sessions;
    },
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) script.push(failure);
    },
    clearFailures() {
      script.length = 0;
    },
    waitForAccepted(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const done = received.filter((m) => m.accepted);
          if (done.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(done);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`only ${received.filter((m) => m.accepted).length} of ${n} mails arrived`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why a message would be refused, or null; hands the parsed message over when it can be read. */
function checkMessage(
  raw: string,
  envelope: { from: string; to: string[] },
  parsed: (m: ParsedMail) => void,
): string | null {
  const long = raw.split('\r\n').findIndex((l) => l.length > SMTP_MAX_LINE);
  if (long >= 0) return `line ${long + 1} is longer than ${SMTP_MAX_LINE} characters`;
  let m: ParsedMail;
  try {
    m = parseMail(raw);
  } catch (err) {
    if (err instanceof MimeError) return err.message;
    throw err;
  }
  parsed(m);
  if (m.headers.get('mime-version')?.[0] !== '1.0') return 'MIME-Version: 1.0 is missing';
  if (Number.isNaN(Date.parse(m.date))) return `Date ${m.date} is not a date`;
  if (!/^<[^<>@\s]+@[^<>@\s]+>$/.test(m.messageId)) return `Message-ID ${m.messageId} is not <id@domain>`;
  if (!m.subject.trim()) return 'the Subject is empty';
  if (mailboxOf(m.from) !== envelope.from.toLowerCase()) {
    return `From ${mailboxOf(m.from)} is not the envelope sender ${envelope.from}`;
  }
  // Herald sends no Bcc: every recipient of the envelope is named in To.
  const to = new Set(m.to.map(mailboxOf));
  const hidden = envelope.to.filter((a) => !to.has(a.toLowerCase()));
  if (hidden.length > 0) return `To (${[...to].join(', ')}) does not name ${hidden.join(', ')}`;
  if (m.type !== 'multipart/alternative') return `a ${m.type} message, expected multipart/alternative`;
  const types = m.parts.map((p) => p.type);
  if (types.join() !== 'text/plain,text/html') return `parts ${types.join(', ')}, expected text/plain then text/html`;
  if (m.parts.some((p) => !p.body.trim())) return 'an empty part';
  if (m.parts.some((p) => p.body.includes('\uFFFD'))) return 'a part is not valid UTF-8';
  return null;
}

/** The fake as the channel matrix reads it: messages that arrived, and every refusal. */
export const smtpChannelFake = (f: FakeSmtp) => ({
  accepted: () => f.accepted.length,
  refusals: () => [...f.refusals],
  close: () => f.close(),
});
