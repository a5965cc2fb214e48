import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** Discord's JSON error codes (apps/server/src/senders/discord.ts). */
export const DISCORD_ERROR_HINTS: ErrorHints = {
  '50035': hint(
    {
      'zh-CN': [
        '消息字段无效：内容过长、用户名不被允许，或线程 ID 有误。',
        '检查目标的用户名与线程 ID，并精简消息模板。',
      ],
      'zh-TW': [
        '訊息欄位無效：內容過長、使用者名稱不被允許，或討論串 ID 有誤。',
        '檢查目標的使用者名稱與討論串 ID，並精簡訊息範本。',
      ],
      en: [
        'Invalid form body: a field is too long, the username is not allowed, or the thread id is wrong.',
        'Check the target’s username and thread id, and shorten the message template.',
      ],
      ja: [
        'フォーム本文が無効です（長すぎる項目、許可されないユーザー名、スレッド ID の誤り）。',
        'ターゲットのユーザー名とスレッド ID を確認し、テンプレートを短くしてください。',
      ],
      ru: [
        'Неверное тело формы: поле слишком длинное, имя запрещено или неверный id ветки.',
        'Проверьте имя пользователя и id ветки в цели и сократите шаблон.',
      ],
    },
    'editTarget',
  ),
  '10015': hint(
    {
      'zh-CN': ['Webhook 不存在：已在 Discord 中被删除。', '在频道设置中新建 Webhook，并更新目标的地址。'],
      'zh-TW': ['Webhook 不存在：已在 Discord 中刪除。', '在頻道設定中新建 Webhook，並更新目標的網址。'],
      en: [
        'Unknown webhook: it was deleted in Discord.',
        'Create a new webhook in the channel’s settings and update the target’s URL.',
      ],
      ja: [
        'Webhook が存在しません（Discord で削除済み）。',
        'チャンネル設定で Webhook を作り直し、ターゲットの URL を更新してください。',
      ],
      ru: [
        'Вебхук не найден: его удалили в Discord.',
        'Создайте новый вебхук в настройках канала и обновите URL цели.',
      ],
    },
    'editTarget',
  ),
  '50027': hint(
    {
      'zh-CN': ['Webhook 令牌无效：地址被重新生成或复制不完整。', '重新复制完整的 Webhook 地址并更新目标。'],
      'zh-TW': ['Webhook 權杖無效：網址已重新產生或複製不完整。', '重新複製完整的 Webhook 網址並更新目標。'],
      en: [
        'Invalid webhook token: the URL was regenerated or copied incompletely.',
        'Copy the whole webhook URL again and update the target.',
      ],
      ja: [
        'Webhook トークンが無効です（URL が再生成された、またはコピーが不完全）。',
        'Webhook URL 全体をコピーし直し、ターゲットを更新してください。',
      ],
      ru: [
        'Неверный токен вебхука: URL перевыпущен или скопирован не полностью.',
        'Скопируйте URL вебхука целиком и обновите цель.',
      ],
    },
    'editTarget',
  ),
  '10003': hint(
    {
      'zh-CN': ['频道或线程不存在。', '检查目标的线程 ID，或为现有频道新建 Webhook。'],
      'zh-TW': ['頻道或討論串不存在。', '檢查目標的討論串 ID，或為現有頻道新建 Webhook。'],
      en: ['Unknown channel or thread.', 'Check the target’s thread id, or create a webhook for an existing channel.'],
      ja: [
        'チャンネルまたはスレッドが存在しません。',
        'ターゲットのスレッド ID を確認するか、既存チャンネルの Webhook を作ってください。',
      ],
      ru: ['Канал или ветка не найдены.', 'Проверьте id ветки в цели или создайте вебхук для существующего канала.'],
    },
    'editTarget',
  ),
  '50013': hint({
    'zh-CN': ['Webhook 缺少在该频道发言的权限。', '在 Discord 中为 Webhook 所在频道授予发送消息权限。'],
    'zh-TW': ['Webhook 缺少在該頻道發言的權限。', '在 Discord 中為 Webhook 所在頻道授予傳送訊息權限。'],
    en: [
      'The webhook lacks permission to post in the channel.',
      'Grant the channel’s send-messages permission in Discord.',
    ],
    ja: ['Webhook にチャンネルへの投稿権限がありません。', 'Discord でチャンネルの送信権限を付与してください。'],
    ru: ['У вебхука нет права писать в канал.', 'Выдайте право отправки сообщений в настройках канала Discord.'],
  }),
};
