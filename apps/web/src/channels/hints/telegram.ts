import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** Telegram Bot API answers (apps/server/src/senders/telegram.ts): its error_code is the HTTP status. */
export const TELEGRAM_ERROR_HINTS: ErrorHints = {
  '400': hint(
    {
      'zh-CN': [
        '请求有误：常见为找不到聊天（Chat ID 错误）、话题不存在，或消息格式无法解析。',
        '核对目标的 Chat ID 与话题 ID；确认机器人已加入该聊天。',
      ],
      'zh-TW': [
        '請求有誤：常見為找不到聊天（聊天 ID 錯誤）、主題不存在，或訊息格式無法解析。',
        '核對目標的聊天 ID 與主題 ID；確認機器人已加入該聊天。',
      ],
      en: [
        'Bad request: usually “chat not found” (wrong chat id), a missing topic, or a message Telegram could not parse.',
        'Check the target’s chat id and topic id, and that the bot is in that chat.',
      ],
      ja: [
        '不正なリクエスト（多くはチャットが見つからない＝Chat ID 誤り、トピックがない、書式を解析できない）。',
        'ターゲットの Chat ID とトピック ID、ボットがチャットに参加しているかを確認してください。',
      ],
      ru: [
        'Неверный запрос: обычно «chat not found» (неверный chat id), нет темы или Telegram не разобрал разметку.',
        'Проверьте chat id и id темы в цели и что бот состоит в этом чате.',
      ],
    },
    'editTarget',
  ),
  '401': hint(
    {
      'zh-CN': ['Bot Token 无效。', '从 @BotFather 重新获取 Token 并更新目标。'],
      'zh-TW': ['Bot 權杖無效。', '從 @BotFather 重新取得權杖並更新目標。'],
      en: ['The bot token is not valid.', 'Get the token from @BotFather again and update the target.'],
      ja: ['ボットトークンが無効です。', '@BotFather でトークンを取得し直し、ターゲットを更新してください。'],
      ru: ['Токен бота недействителен.', 'Получите токен у @BotFather заново и обновите цель.'],
    },
    'editTarget',
  ),
  '403': hint({
    'zh-CN': [
      '机器人无权发言：被移出群组、被用户屏蔽，或在频道中不是管理员。',
      '把机器人重新加入聊天（频道需设为管理员），然后重发。',
    ],
    'zh-TW': [
      '機器人無權發言：被移出群組、被使用者封鎖，或在頻道中不是管理員。',
      '將機器人重新加入聊天（頻道需設為管理員），然後重送。',
    ],
    en: [
      'The bot may not post there: it was removed from the group, blocked by the user, or is not a channel admin.',
      'Add the bot to the chat again (as an admin for a channel), then resend.',
    ],
    ja: [
      'ボットが投稿できません（グループから削除、ユーザーにブロック、またはチャンネルの管理者でない）。',
      'ボットをチャットに追加し直し（チャンネルでは管理者に）、再送してください。',
    ],
    ru: [
      'Бот не может писать: его удалили из группы, заблокировали или он не админ канала.',
      'Снова добавьте бота в чат (в канал — администратором) и отправьте повторно.',
    ],
  }),
  '429': hint({
    'zh-CN': ['发送过于频繁：Telegram 要求等待后再发。', 'Herald 会按 Telegram 给出的时间等待后重发，无需操作。'],
    'zh-TW': ['傳送過於頻繁：Telegram 要求等待後再傳。', 'Herald 會依 Telegram 指定的時間等待後重送，無需操作。'],
    en: [
      'Too many requests: Telegram asked to wait.',
      'Herald waits as long as Telegram says and sends again; nothing to do.',
    ],
    ja: ['リクエストが多すぎます（Telegram が待機を要求）。', 'Herald が指定時間待って再送します。操作は不要です。'],
    ru: [
      'Слишком много запросов: Telegram попросил подождать.',
      'Herald подождёт указанное время и отправит снова, ничего делать не нужно.',
    ],
  }),
};
