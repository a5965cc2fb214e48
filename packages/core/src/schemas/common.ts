import { z } from 'zod';
import { webhookUrlProblem } from '../channels/detect.ts';
import type { NotificationType } from '../domain.ts';
import { isTimeZone } from '../message/format.ts';
import { checkTemplate } from '../template/render.ts';
import { coded, HHMM_PATTERN, ONE_LINE_PATTERN } from './issue-codes.ts';
import { jsonValueIssue, Text } from './text.ts';

/** A secret as the API shows it: whether it is set, and a few characters to recognise it by. */
export const SecretState = z.object({ set: z.boolean(), hint: z.string().nullable() });
export type SecretState = z.infer<typeof SecretState>;

export const TimeZone = Text()
  .trim()
  .min(1, 'a time zone is required')
  .max(64, 'at most 64 characters')
  .refine(isTimeZone, coded('timezone.invalid', 'must be an IANA time zone such as Asia/Shanghai or UTC'));

export const HHMM = z.string().regex(HHMM_PATTERN, 'must be a time of day as HH:mm, e.g. 09:00');

/** A signing secret, token or password an admin pastes. */
export const SecretText = Text().trim().min(1, 'must not be empty').max(512, 'at most 512 characters');

/** A webhook URL under the one rule legacy URLs share (channels/detect.ts `webhookUrlProblem`). */
export const HttpUrl = Text()
  .trim()
  .max(2048, 'at most 2048 characters')
  .superRefine((v, ctx) => {
    const problem = webhookUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', ...coded(problem.issue, problem.error, problem.params) });
  });

const PROXY_SCHEMES = ['http:', 'https:', 'socks5:', 'socks5h:', 'socks4:', 'socks4a:'];
export const ProxyUrl = Text()
  .trim()
  .max(1024, 'at most 1024 characters')
  .refine((v) => URL.canParse(v), 'must be a URL such as socks5://127.0.0.1:1080')
  .refine(
    (v) => !URL.canParse(v) || PROXY_SCHEMES.includes(new URL(v).protocol),
    'the scheme must be http://, https://, socks5://, socks5h://, socks4:// or socks4a://',
  )
  .refine((v) => !URL.canParse(v) || new URL(v).hostname !== '', 'needs a host')
  .refine(
    (v) => !URL.canParse(v) || /:\d+$/.test(new URL(v).host) || new URL(v).protocol.startsWith('http'),
    'a SOCKS proxy needs a port, e.g. socks5://host:1080',
  )
  .refine(
    (v) => !URL.canParse(v) || !/^socks4a?:$/.test(new URL(v).protocol) || new URL(v).password === '',
    'SOCKS4 has no password: give only a user id, e.g. socks4://user@host:1080',
  );

/** A JSON object an admin writes, within the bounds of `jsonValueIssue`, naming the bad key or value. */
export const TemplateJson = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const issue = jsonValueIssue(value);
  if (issue) ctx.addIssue({ code: 'custom', ...issue });
});

/** A custom-webhook template: a JSON object whose placeholders all exist (for the type, if given). */
export function templateSchema(type?: NotificationType) {
  return z.record(z.string(), z.unknown()).superRefine((tpl, ctx) => {
    const bounds = jsonValueIssue(tpl);
    if (bounds) {
      ctx.addIssue({ code: 'custom', ...bounds });
      return;
    }
    for (const p of checkTemplate(tpl, type)) {
      ctx.addIssue({
        code: 'custom',
        ...coded(p.code, p.placeholder ? `${p.placeholder}: ${p.problem}` : p.problem, p.params),
        path: p.path ? p.path.split(/\.|\[(\d+)\]/).filter(Boolean) : [],
      });
    }
  });
}

/** Headers a custom target may set: never ones that change how the request is framed or routed. */
export const FORBIDDEN_HEADERS = [
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const CustomHeaders = z
  .record(
    // Checked below, so the error names the header and says why (zod's own says "Invalid key in record").
    z.string(),
    Text().max(4096, 'at most 4096 characters').regex(ONE_LINE_PATTERN, 'must be one line'),
  )
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (!HEADER_NAME.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `${JSON.stringify(name)} is not a valid header name (letters, digits and !#$%&'*+.^_\`|~- only)`,
        });
      } else if (FORBIDDEN_HEADERS.includes(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} cannot be set: Herald controls it` });
      }
    }
    if (Object.keys(headers).length > 50) ctx.addIssue({ code: 'custom', message: 'at most 50 headers' });
  });
