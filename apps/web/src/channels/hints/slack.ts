import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** Slack incoming-webhook error words (apps/server/src/senders/slack.ts). */
export const SLACK_ERROR_HINTS: ErrorHints = {
  invalid_payload: hint({
    'zh-CN': ['Slack 无法解析消息体。', '检查消息模板中的字段；若用的是默认模板，请报告此问题。'],
    'zh-TW': ['Slack 無法解析訊息內容。', '檢查訊息範本中的欄位；若使用預設範本，請回報此問題。'],
    en: [
      'Slack could not read the message body.',
      'Check the fields of the message template; with the default template, report it as a bug.',
    ],
    ja: [
      'Slack がメッセージ本文を読めませんでした。',
      'テンプレートの項目を確認してください。既定のテンプレートなら不具合として報告してください。',
    ],
    ru: [
      'Slack не смог разобрать тело сообщения.',
      'Проверьте поля шаблона; если шаблон стандартный, сообщите об ошибке.',
    ],
  }),
  channel_is_archived: hint(
    {
      'zh-CN': ['该 Webhook 对应的频道已归档。', '取消归档该频道，或为其他频道创建新的 Webhook 并更新目标。'],
      'zh-TW': ['此 Webhook 對應的頻道已封存。', '取消封存該頻道，或為其他頻道建立新的 Webhook 並更新目標。'],
      en: [
        'The webhook’s channel is archived.',
        'Unarchive the channel, or create a webhook for another channel and update the target.',
      ],
      ja: [
        'Webhook のチャンネルはアーカイブされています。',
        'アーカイブを解除するか、別チャンネルの Webhook を作ってターゲットを更新してください。',
      ],
      ru: [
        'Канал вебхука архивирован.',
        'Разархивируйте канал или создайте вебхук для другого канала и обновите цель.',
      ],
    },
    'editTarget',
  ),
  channel_not_found: hint(
    {
      'zh-CN': ['找不到该 Webhook 对应的频道（可能已被删除）。', '为现有频道创建新的 Webhook 并更新目标。'],
      'zh-TW': ['找不到此 Webhook 對應的頻道（可能已被刪除）。', '為現有頻道建立新的 Webhook 並更新目標。'],
      en: [
        'The webhook’s channel was not found (it may be deleted).',
        'Create a webhook for an existing channel and update the target.',
      ],
      ja: [
        'Webhook のチャンネルが見つかりません（削除された可能性）。',
        '既存のチャンネルの Webhook を作り、ターゲットを更新してください。',
      ],
      ru: ['Канал вебхука не найден (возможно, удалён).', 'Создайте вебхук для существующего канала и обновите цель.'],
    },
    'editTarget',
  ),
  no_service: hint(
    {
      'zh-CN': ['该 Webhook 已被停用或删除。', '在 Slack 中重新创建 Incoming Webhook，并更新目标的地址。'],
      'zh-TW': ['此 Webhook 已停用或刪除。', '在 Slack 中重新建立 Incoming Webhook，並更新目標的網址。'],
      en: [
        'The webhook is disabled or was removed.',
        'Create a new incoming webhook in Slack and update the target’s URL.',
      ],
      ja: [
        'Webhook が無効化または削除されています。',
        'Slack で Incoming Webhook を作り直し、ターゲットの URL を更新してください。',
      ],
      ru: ['Вебхук отключён или удалён.', 'Создайте новый incoming webhook в Slack и обновите URL цели.'],
    },
    'editTarget',
  ),
  action_prohibited: hint({
    'zh-CN': ['工作区管理员限制了向该频道发消息。', '请 Slack 工作区管理员放开限制，或换一个频道。'],
    'zh-TW': ['工作區管理員限制了對該頻道發訊息。', '請 Slack 工作區管理員解除限制，或改用其他頻道。'],
    en: [
      'A workspace admin restricted posting to this channel.',
      'Ask the Slack workspace admin to lift it, or use another channel.',
    ],
    ja: [
      'ワークスペース管理者がこのチャンネルへの投稿を制限しています。',
      'Slack の管理者に解除を依頼するか、別のチャンネルを使ってください。',
    ],
    ru: [
      'Администратор рабочей области запретил публикации в этот канал.',
      'Попросите администратора Slack снять запрет или используйте другой канал.',
    ],
  }),
  posting_to_general_channel_denied: hint({
    'zh-CN': ['只有管理员可以在 #general 发消息。', '改用其他频道的 Webhook，或请管理员调整权限。'],
    'zh-TW': ['只有管理員可以在 #general 發訊息。', '改用其他頻道的 Webhook，或請管理員調整權限。'],
    en: [
      'Only admins may post in #general.',
      'Use a webhook for another channel, or ask an admin to change the permission.',
    ],
    ja: [
      '#general には管理者しか投稿できません。',
      '別チャンネルの Webhook を使うか、管理者に権限変更を依頼してください。',
    ],
    ru: [
      'В #general могут писать только администраторы.',
      'Используйте вебхук другого канала или попросите администратора изменить права.',
    ],
  }),
};
