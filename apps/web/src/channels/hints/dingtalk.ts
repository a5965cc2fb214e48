import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** DingTalk's known error codes (apps/server/src/senders/dingtalk.ts). */
export const DINGTALK_ERROR_HINTS: ErrorHints = {
  '310000': hint(
    {
      'zh-CN': [
        '机器人安全设置未通过：签名不匹配（签名密钥错误）、缺少自定义关键词，或 IP 不在白名单内。',
        '核对目标的签名密钥与机器人“加签”中的一致；若用关键词或 IP 白名单，请相应调整。',
      ],
      'zh-TW': [
        '機器人安全設定未通過：簽章不符（簽章密鑰錯誤）、缺少自訂關鍵字，或 IP 不在白名單內。',
        '核對目標的簽章密鑰與機器人「加簽」中的一致；若使用關鍵字或 IP 白名單，請相應調整。',
      ],
      en: [
        'The robot’s security check failed: the signature did not match (wrong signing secret), a required keyword is missing, or the IP is not allowed.',
        'Make the target’s signing secret match the robot’s “Additional signature”; if the robot uses keywords or an IP allowlist, adjust those.',
      ],
      ja: [
        'ボットのセキュリティ設定で拒否されました（署名不一致＝署名シークレットの誤り、キーワード不足、または IP 制限）。',
        'ターゲットの署名シークレットをボットの「署名」と一致させてください。キーワードや IP 制限を使う場合はそちらも調整します。',
      ],
      ru: [
        'Проверка безопасности бота не пройдена: подпись не совпала (неверный секрет), нет ключевого слова или IP не разрешён.',
        'Сверьте секрет подписи цели с настройкой «Подпись» бота; если бот требует ключевые слова или список IP, поправьте их.',
      ],
    },
    'editTarget',
  ),
  '130101': hint({
    'zh-CN': ['发送过快：每个机器人每分钟最多 20 条。', 'Herald 会自动等待后重发；可开启分组合并以减少条数。'],
    'zh-TW': ['傳送過快：每個機器人每分鐘最多 20 則。', 'Herald 會自動等待後重送；可開啟分組合併以減少則數。'],
    en: [
      'Sending too fast: a robot takes at most 20 messages a minute.',
      'Herald waits and sends again on its own; grouping alerts sends fewer messages.',
    ],
    ja: [
      '送信が速すぎます（ボットごとに毎分 20 件まで）。',
      'Herald が自動で待って再送します。グループ化で件数を減らせます。',
    ],
    ru: [
      'Слишком частая отправка: боту можно не более 20 сообщений в минуту.',
      'Herald сам подождёт и отправит снова; группировка уменьшит число сообщений.',
    ],
  }),
  '460101': hint({
    'zh-CN': ['消息体过大，超过钉钉的 20000 字节上限。', '精简消息模板，或减少摘要中合并的条目。'],
    'zh-TW': ['訊息內容過大，超過釘釘的 20000 位元組上限。', '精簡訊息範本，或減少摘要中合併的項目。'],
    en: [
      'The message is larger than DingTalk’s 20,000-byte limit.',
      'Shorten the message template, or let digests carry fewer items.',
    ],
    ja: [
      'メッセージが DingTalk の上限 20,000 バイトを超えています。',
      'テンプレートを短くするか、まとめ通知の件数を減らしてください。',
    ],
    ru: ['Сообщение больше лимита DingTalk в 20 000 байт.', 'Сократите шаблон или уменьшите число пунктов в сводке.'],
  }),
  '-1': hint({
    'zh-CN': ['钉钉系统繁忙。', 'Herald 会自动重试，无需操作。'],
    'zh-TW': ['釘釘系統忙碌。', 'Herald 會自動重試，無需操作。'],
    en: ['DingTalk was busy.', 'Herald retries on its own; nothing to do.'],
    ja: ['DingTalk が混み合っていました。', 'Herald が自動で再試行します。操作は不要です。'],
    ru: ['DingTalk был перегружен.', 'Herald повторит сам, ничего делать не нужно.'],
  }),
};
