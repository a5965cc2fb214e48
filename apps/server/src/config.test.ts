import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const KEY_HEX = 'a'.repeat(64);
const KEY_B64 = Buffer.alloc(32, 7).toString('base64');

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.resolve('.data'),
      adminToken: undefined,
      secretKey: undefined,
      outboundAllowCidrs: [],
      telegramApiBaseUrl: 'https://api.telegram.org',
      publicUrl: undefined,
      logLevel: 'info',
      sessionTtlMs: 12 * 3_600_000,
      trustProxy: false,
      deliveryRetentionDays: 90,
      usageRetentionDays: 62,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@localhost:5432/herald',
      DATA_DIR: '/var/lib/herald',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      HERALD_SECRET_KEY: KEY_HEX,
      HERALD_SECRET_KEY_PREVIOUS: KEY_B64,
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8, ::1/128',
      TELEGRAM_API_BASE_URL: 'http://127.0.0.1:8081/',
      PUBLIC_URL: 'https://Herald.Example.com:443/',
      LOG_LEVEL: 'debug',
      TRUST_PROXY: 'false',
      DELIVERY_RETENTION_DAYS: '0',
      USAGE_RETENTION_DAYS: '35',
    });
    expect(c.deliveryRetentionDays).toBe(0);
    expect(c.usageRetentionDays).toBe(35);
    expect(c.port).toBe(8080);
    expect(c.secretKey?.equals(Buffer.from(KEY_HEX, 'hex'))).toBe(true);
    expect(c.previousSecretKeys).toHaveLength(1);
    expect(c.outboundAllowCidrs).toEqual(['127.0.0.0/8', '::1/128']);
    expect(c.telegramApiBaseUrl).toBe('http://127.0.0.1:8081');
    expect(c.trustProxy).toBe(false);
    expect(c.publicUrl).toBe('https://herald.example.com');
  });

  it('keeps PUBLIC_URL as the dashboard origin (a port kept, a trailing slash dropped)', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000/' }).publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ PUBLIC_URL: 'https://herald.example.com' }).publicUrl).toBe('https://herald.example.com');
  });

  it.each([
    ['herald.example.com', 'must be an http:// or https:// URL'],
    ['ftp://herald.example.com', 'must be an http:// or https:// URL'],
    ['https://admin:pw@herald.example.com', 'must not carry user:password@'],
    ['https://herald.example.com/herald', 'no path, ?query or #fragment'],
    ['https://herald.example.com/?from=alerts', 'no path, ?query or #fragment'],
    ['https://herald.example.com/#top', 'no path, ?query or #fragment'],
  ])('PUBLIC_URL=%s is refused: %s', (value, why) => {
    const msg = errorOf({ PUBLIC_URL: value });
    expect(msg).toMatch(/^\s+PUBLIC_URL: /m);
    expect(msg).toContain(why);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['ADMIN_TOKEN', 'short'],
    ['HERALD_SECRET_KEY', 'not-a-key'],
    ['HERALD_SECRET_KEY_PREVIOUS', `${KEY_HEX},nope`],
    ['OUTBOUND_ALLOW_CIDRS', '127.0.0.0/8,not-a-cidr'],
    ['TELEGRAM_API_BASE_URL', 'ftp://example.test'],
    ['PUBLIC_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_TTL_HOURS', '0'],
    ['TRUST_PROXY', 'maybe'],
    ['DELIVERY_RETENTION_DAYS', '-1'],
    ['USAGE_RETENTION_DAYS', '30'],
  ])('an invalid %s=%s stops with a message naming it', (name, value) => {
    expect(errorOf({ [name]: value })).toMatch(new RegExp(`^\\s+${name}: .+`, 'm'));
  });

  it('names every bad variable at once', () => {
    const msg = errorOf({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(msg).toContain('PORT:');
    expect(msg).toContain('LOG_LEVEL:');
  });

  it('requires ADMIN_TOKEN and HERALD_SECRET_KEY with an external database', () => {
    const msg = errorOf({ DATABASE_URL: 'postgres://localhost/herald' });
    expect(msg).toMatch(/ADMIN_TOKEN: is required when DATABASE_URL is set/);
    expect(msg).toMatch(/HERALD_SECRET_KEY: is required when DATABASE_URL is set/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
