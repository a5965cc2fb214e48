import { SECRET_FIELD_NAMES } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { captureLogs } from '../test/herald.ts';
import { createLogger, REDACTED, redactText } from './logger.ts';

describe('logger', () => {
  it('redacts secret fields at any of the first three levels and request credentials', () => {
    const logs = captureLogs();
    const log = createLogger('info', logs.stream);
    log.info(
      {
        token: 'tok-1',
        webhookUrl: 'https://x/?key=abc',
        target: { dingtalkSecret: 'SEC-2', telegramBotToken: '123:abc', nested: { secret: 'deep-3' } },
        req: { headers: { authorization: 'Bearer hrld_zzz', cookie: 'herald_session=s', host: 'h' } },
      },
      'hello',
    );
    const line = logs.raw.join('\n');
    for (const secret of ['tok-1', 'key=abc', 'SEC-2', '123:abc', 'deep-3', 'hrld_zzz', 'herald_session=s']) {
      expect(line).not.toContain(secret);
    }
    expect(logs.lines[0]).toMatchObject({
      level: 'info',
      msg: 'hello',
      token: REDACTED,
      req: { headers: { host: 'h' } },
    });
  });

  it("redacts every channel's secret fields, as the channel registry names them", () => {
    const logs = captureLogs();
    const log = createLogger('info', logs.stream);
    const values = Object.fromEntries(SECRET_FIELD_NAMES.map((f, i) => [f, `secret-value-${i}`]));
    log.info({ target: values }, 'all secrets');
    expect(SECRET_FIELD_NAMES.length).toBeGreaterThan(4);
    for (const v of Object.values(values)) expect(logs.raw.join('\n')).not.toContain(v);
  });

  it('masks credentials inside free text', () => {
    const text =
      'POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY123&debug=1 via http://user:pass@127.0.0.1:8080 ' +
      'https://api.telegram.org/bot123456:AA-bb_cc/sendMessage Authorization: Bearer hrld_abc.def and secret s3cr3t!';
    const out = redactText(text, ['s3cr3t!']);
    for (const s of ['KEY123', 'user:pass', '123456:AA-bb_cc', 'hrld_abc.def', 's3cr3t!']) expect(out).not.toContain(s);
    expect(out).toContain('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=');
  });
});
