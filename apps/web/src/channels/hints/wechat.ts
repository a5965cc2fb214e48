import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** WeCom's known error codes (apps/server/src/senders/wechat.ts). */
export const WECHAT_ERROR_HINTS: ErrorHints = {
  '93000': hint(
    {
      'zh-CN': [
        'Webhook 地址中的 key 无效：机器人可能已被移除，或地址复制不完整。',
        '在群里重新复制机器人的 Webhook 地址，并更新目标。',
      ],
      'zh-TW': [
        'Webhook 網址中的 key 無效：機器人可能已被移除，或網址複製不完整。',
        '在群組中重新複製機器人的 Webhook 網址，並更新目標。',
      ],
      en: [
        'The key in the webhook URL is not valid: the robot may have been removed, or the URL was copied incompletely.',
        'Copy the robot’s webhook URL from the group again and update the target.',
      ],
      ja: [
        'Webhook URL の key が無効です（ボットが削除されたか、URL のコピーが不完全）。',
        'グループからボットの Webhook URL をコピーし直し、ターゲットを更新してください。',
      ],
      ru: [
        'Ключ в URL вебхука недействителен: бота удалили или URL скопирован не полностью.',
        'Скопируйте URL вебхука бота из группы заново и обновите цель.',
      ],
    },
    'editTarget',
  ),
  '40058': hint({
    'zh-CN': ['消息内容不合规：通常是超过 4096 字节的长度限制。', '精简消息模板，或减少摘要中合并的条目。'],
    'zh-TW': ['訊息內容不符規定：通常是超過 4096 位元組的長度限制。', '精簡訊息範本，或減少摘要中合併的項目。'],
    en: [
      'WeCom refused the content: usually longer than its 4096-byte limit.',
      'Shorten the message template, or let digests carry fewer items.',
    ],
    ja: [
      'WeCom が内容を拒否しました（多くは 4096 バイトの上限超過）。',
      'テンプレートを短くするか、まとめ通知の件数を減らしてください。',
    ],
    ru: [
      'WeCom отклонил содержимое: обычно превышен лимит 4096 байт.',
      'Сократите шаблон сообщения или уменьшите число пунктов в сводке.',
    ],
  }),
  '45009': hint({
    'zh-CN': [
      '发送过于频繁：每个机器人每分钟最多 20 条。',
      'Herald 会按平台限速自动等待后重发；可开启分组合并以减少条数。',
    ],
    'zh-TW': [
      '傳送過於頻繁：每個機器人每分鐘最多 20 則。',
      'Herald 會依平台限速自動等待後重送；可開啟分組合併以減少則數。',
    ],
    en: [
      'Too many messages: a robot takes at most 20 a minute.',
      'Herald waits and sends again on its own; grouping alerts sends fewer messages.',
    ],
    ja: [
      '送信が多すぎます（ボットごとに毎分 20 件まで）。',
      'Herald が自動で待って再送します。グループ化で件数を減らせます。',
    ],
    ru: [
      'Слишком много сообщений: боту можно не более 20 в минуту.',
      'Herald сам подождёт и отправит снова; группировка уменьшит число сообщений.',
    ],
  }),
  '-1': hint({
    'zh-CN': ['企业微信系统繁忙。', 'Herald 会自动重试，无需操作。'],
    'zh-TW': ['企業微信系統忙碌。', 'Herald 會自動重試，無需操作。'],
    en: ['WeCom was busy.', 'Herald retries on its own; nothing to do.'],
    ja: ['WeCom が混み合っていました。', 'Herald が自動で再試行します。操作は不要です。'],
    ru: ['WeCom был перегружен.', 'Herald повторит сам, ничего делать не нужно.'],
  }),
};
