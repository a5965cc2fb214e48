import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** ntfy's error codes (apps/server/src/senders/ntfy.ts; ntfy server/errors.go). */
export const NTFY_ERROR_HINTS: ErrorHints = {
  '40101': hint(
    {
      'zh-CN': ['未通过认证：访问令牌缺失或错误。', '在 ntfy 中生成访问令牌，填入目标。'],
      'zh-TW': ['未通過驗證：存取權杖缺少或錯誤。', '在 ntfy 中產生存取權杖，填入目標。'],
      en: [
        'Unauthorized: the access token is missing or wrong.',
        'Create an access token in ntfy and set it on the target.',
      ],
      ja: [
        '認証されませんでした（アクセストークンがないか誤り）。',
        'ntfy でアクセストークンを作成し、ターゲットに設定してください。',
      ],
      ru: [
        'Нет авторизации: токен доступа отсутствует или неверен.',
        'Создайте токен доступа в ntfy и укажите его в цели.',
      ],
    },
    'editTarget',
  ),
  '40301': hint(
    {
      'zh-CN': ['无权向该主题发布消息。', '为令牌所属用户授予该主题的写权限，或换用有权限的令牌。'],
      'zh-TW': ['無權向該主題發佈訊息。', '為權杖所屬使用者授予該主題的寫入權限，或改用有權限的權杖。'],
      en: [
        'Forbidden: the token may not publish to this topic.',
        'Give the token’s user write access to the topic, or use a token that has it.',
      ],
      ja: [
        'このトピックへの投稿が許可されていません。',
        'トークンのユーザーにトピックの書き込み権限を与えるか、権限のあるトークンを使ってください。',
      ],
      ru: [
        'Запрещено: токену нельзя публиковать в эту тему.',
        'Дайте пользователю токена право записи в тему или используйте другой токен.',
      ],
    },
    'editTarget',
  ),
  '41301': hint({
    'zh-CN': ['消息过大，超过 ntfy 服务器的上限。', '精简消息模板，或减少摘要中合并的条目。'],
    'zh-TW': ['訊息過大，超過 ntfy 伺服器的上限。', '精簡訊息範本，或減少摘要中合併的項目。'],
    en: [
      'The message is larger than the ntfy server allows.',
      'Shorten the message template, or let digests carry fewer items.',
    ],
    ja: [
      'メッセージが ntfy サーバーの上限を超えています。',
      'テンプレートを短くするか、まとめ通知の件数を減らしてください。',
    ],
    ru: ['Сообщение больше, чем разрешает сервер ntfy.', 'Сократите шаблон или уменьшите число пунктов в сводке.'],
  }),
  '42901': hint({
    'zh-CN': ['请求过多：超出 ntfy 的发送配额。', 'Herald 会自动等待后重发；可开启分组合并以减少条数。'],
    'zh-TW': ['請求過多：超出 ntfy 的傳送配額。', 'Herald 會自動等待後重送；可開啟分組合併以減少則數。'],
    en: [
      'Too many requests: over the ntfy server’s quota.',
      'Herald waits and sends again on its own; grouping alerts sends fewer messages.',
    ],
    ja: [
      'リクエストが多すぎます（ntfy の上限超過）。',
      'Herald が自動で待って再送します。グループ化で件数を減らせます。',
    ],
    ru: [
      'Слишком много запросов: превышена квота сервера ntfy.',
      'Herald сам подождёт и отправит снова; группировка уменьшит число сообщений.',
    ],
  }),
};
