import { byStatus, clampHint, jsonOf } from './judge.ts';
import { type HttpChannelSender, requireField } from './sender.ts';

/** Telegram Bot API sendMessage: `ok: true` is success; 429 carries `parameters.retry_after` (seconds). */
export const telegramSender: HttpChannelSender<'telegram'> = {
  channel: 'telegram',
  prepare(target, body, { telegramApiBaseUrl }) {
    const token = requireField(target.telegramBotToken, 'telegramBotToken', 'telegram');
    return { url: `${telegramApiBaseUrl}/bot${token}/sendMessage`, headers: {}, body: JSON.stringify(body) };
  },
  judge(res) {
    const json = jsonOf(res);
    if (json?.ok === true && res.status < 300) return { ok: true };
    const description = typeof json?.description === 'string' ? json.description : `HTTP ${res.status}`;
    const code = typeof json?.error_code === 'number' ? json.error_code : res.status;
    const params = json?.parameters as { retry_after?: unknown } | undefined;
    if (code === 429 || res.status === 429) {
      const hint = typeof params?.retry_after === 'number' ? params.retry_after * 1000 : undefined;
      const clamped = clampHint(hint);
      return {
        ok: false,
        class: 'retryable',
        code: 429,
        message: description,
        rateLimited: true,
        ...(clamped !== undefined ? { retryAfterMs: clamped } : {}),
      };
    }
    if (res.status < 300) return { ok: false, class: 'permanent', code, message: `unexpected answer: ${description}` };
    const v = byStatus(res, `${code}: ${description}`);
    return v;
  },
  secretsOf: (t) => [t.telegramBotToken ?? ''],
};
