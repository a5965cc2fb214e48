import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const secretKey = z
  .string()
  .refine((v) => decodeKey(v) !== null, 'must be 32 bytes encoded as base64 (44 characters) or hex (64 characters)');

const cidrList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every(isCidr), 'must be a comma-separated list of CIDRs such as 127.0.0.0/8,::1/128');

/**
 * Where people reach the dashboard: messages link to its pages. Only the origin (scheme, host,
 * port): the dashboard is served at the root, so a path, query or fragment would lead nowhere.
 */
const publicUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL')
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), 'must not carry user:password@')
  .refine(
    (v) => !URL.canParse(v) || (new URL(v).pathname === '/' && !new URL(v).search && !new URL(v).hash),
    "must be the dashboard's address alone, such as https://herald.example.com (no path, ?query or #fragment)",
  )
  .transform((v) => new URL(v).origin);

const EnvSchema = z.object({
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('.data'),
  ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(512, 'must be at most 512 characters')
    .optional(),
  HERALD_SECRET_KEY: secretKey.optional(),
  HERALD_SECRET_KEY_PREVIOUS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((k) => decodeKey(k) !== null), 'every key must be 32 bytes as base64 or hex')
    .optional(),
  OUTBOUND_ALLOW_CIDRS: cidrList.default([]),
  TELEGRAM_API_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
  PUBLIC_URL: publicUrl.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  SESSION_TTL_HOURS: integer(1, 24 * 30).default(12),
  WEBHOOK_CONNECT_TIMEOUT_MS: integer(100, 60_000).default(5_000),
  WEBHOOK_TIMEOUT_MS: integer(500, 120_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  DELIVERY_RETRY_DELAY_SECONDS: integer(1, 3600).default(60),
  DELIVERY_HEARTBEAT_SECONDS: integer(10, 3600).default(30),
  TRUST_PROXY: z.stringbool({ error: 'must be true or false' }).default(false),
  /** Days the delivery log is kept (0 = forever). */
  DELIVERY_RETENTION_DAYS: integer(0, 3650).default(90),
  /** Days raw usage records are kept (0 = forever); cost windows read up to a month back. */
  USAGE_RETENTION_DAYS: integer(0, 3650)
    .refine((d) => d === 0 || d >= 35, 'must be 0 (keep forever) or at least 35 (cost windows read a month back)')
    .default(62),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  secretKey: Buffer | undefined;
  previousSecretKeys: Buffer[];
  outboundAllowCidrs: string[];
  telegramApiBaseUrl: string;
  /** The dashboard's origin (`https://herald.example.com`); set, messages link to its pages. */
  publicUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  sessionTtlMs: number;
  webhookConnectTimeoutMs: number;
  webhookTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** The queue's first retry of a delivery; later ones double it, up to 4× (60, 120, 240 s). */
  deliveryRetryDelaySeconds: number;
  /** A delivery job whose worker stops beating this long is retried elsewhere (crash recovery). */
  deliveryHeartbeatSeconds: number;
  trustProxy: boolean;
  /** Finished deliveries older than this many days are deleted nightly; 0 keeps them. */
  deliveryRetentionDays: number;
  /** Raw usage records older than this many days are deleted nightly (the daily rollup stays); 0 keeps them. */
  usageRetentionDays: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The only reader of process.env: validates it and names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, emptyToUndefined(env[k])]));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `  ${name}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL) {
    const missing = (['ADMIN_TOKEN', 'HERALD_SECRET_KEY'] as const).filter((k) => !e[k]);
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n${missing
          .map((k) => `  ${k}: is required when DATABASE_URL is set (every server process must share it)`)
          .join('\n')}`,
      );
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    adminToken: e.ADMIN_TOKEN,
    secretKey: e.HERALD_SECRET_KEY ? (decodeKey(e.HERALD_SECRET_KEY) ?? undefined) : undefined,
    previousSecretKeys: (e.HERALD_SECRET_KEY_PREVIOUS ?? []).flatMap((k) => decodeKey(k) ?? []),
    outboundAllowCidrs: e.OUTBOUND_ALLOW_CIDRS,
    telegramApiBaseUrl: e.TELEGRAM_API_BASE_URL,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    webhookConnectTimeoutMs: e.WEBHOOK_CONNECT_TIMEOUT_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    deliveryRetryDelaySeconds: e.DELIVERY_RETRY_DELAY_SECONDS,
    deliveryHeartbeatSeconds: e.DELIVERY_HEARTBEAT_SECONDS,
    trustProxy: e.TRUST_PROXY,
    deliveryRetentionDays: e.DELIVERY_RETENTION_DAYS,
    usageRetentionDays: e.USAGE_RETENTION_DAYS,
  };
}

function emptyToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** A 32-byte key from 64 hex characters or base64; null when it is neither. */
export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const buf = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return buf.length === 32 ? buf : null;
  }
  return null;
}

function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}
