import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** SMTP reply codes (apps/server/src/senders/email.ts). */
export const EMAIL_ERROR_HINTS: ErrorHints = {
  '535': hint(
    {
      'zh-CN': [
        'SMTP 登录失败：用户名或密码（授权码）错误。',
        '核对目标的 SMTP 用户名与密码；很多邮箱要求使用授权码而非登录密码。',
      ],
      'zh-TW': [
        'SMTP 登入失敗：使用者名稱或密碼（應用程式密碼）錯誤。',
        '核對目標的 SMTP 使用者名稱與密碼；許多信箱要求使用應用程式密碼。',
      ],
      en: [
        'SMTP login failed: wrong username or password.',
        'Check the target’s SMTP username and password; many providers need an app password.',
      ],
      ja: [
        'SMTP ログインに失敗しました（ユーザー名またはパスワードの誤り）。',
        'ターゲットの SMTP ユーザー名とパスワードを確認してください。アプリパスワードが必要な場合があります。',
      ],
      ru: [
        'Вход SMTP не удался: неверное имя или пароль.',
        'Проверьте имя и пароль SMTP в цели; многим почтовым службам нужен пароль приложения.',
      ],
    },
    'editTarget',
  ),
  '530': hint(
    {
      'zh-CN': ['SMTP 服务器要求先登录（或先启用 TLS）。', '在目标中填写 SMTP 用户名和密码，并确认加密方式。'],
      'zh-TW': ['SMTP 伺服器要求先登入（或先啟用 TLS）。', '在目標中填寫 SMTP 使用者名稱與密碼，並確認加密方式。'],
      en: [
        'The SMTP server requires a login (or TLS) first.',
        'Set the SMTP username and password on the target and check its security setting.',
      ],
      ja: [
        'SMTP サーバーがログイン（または TLS）を要求しています。',
        'ターゲットに SMTP ユーザー名とパスワードを設定し、暗号化設定を確認してください。',
      ],
      ru: [
        'SMTP-сервер требует сначала войти (или включить TLS).',
        'Укажите в цели имя и пароль SMTP и проверьте режим шифрования.',
      ],
    },
    'editTarget',
  ),
  '550': hint(
    {
      'zh-CN': ['收件人被拒绝：邮箱不存在或不可用。', '检查目标中的收件人地址。'],
      'zh-TW': ['收件者被拒絕：信箱不存在或無法使用。', '檢查目標中的收件者位址。'],
      en: [
        'Recipient refused: the mailbox does not exist or is unavailable.',
        'Check the recipient addresses on the target.',
      ],
      ja: [
        '受信者が拒否されました（メールボックスが存在しないか利用不可）。',
        'ターゲットの宛先アドレスを確認してください。',
      ],
      ru: ['Получатель отклонён: ящика нет или он недоступен.', 'Проверьте адреса получателей в цели.'],
    },
    'editTarget',
  ),
  '554': hint({
    'zh-CN': [
      '邮件被拒收（常见为被判为垃圾邮件或发件人未授权）。',
      '确认发件地址属于该 SMTP 账号，并检查域名的 SPF/DKIM 设置。',
    ],
    'zh-TW': [
      '郵件被拒收（常見為被判定為垃圾郵件或寄件者未授權）。',
      '確認寄件位址屬於該 SMTP 帳號，並檢查網域的 SPF/DKIM 設定。',
    ],
    en: [
      'The message was rejected (often as spam, or the sender is not allowed).',
      'Make sure the From address belongs to the SMTP account, and check the domain’s SPF/DKIM.',
    ],
    ja: [
      'メールが拒否されました（迷惑メール判定や送信者の不許可が多い）。',
      '差出人アドレスが SMTP アカウントのものか、ドメインの SPF/DKIM を確認してください。',
    ],
    ru: [
      'Письмо отклонено (часто как спам или отправитель не разрешён).',
      'Проверьте, что адрес отправителя принадлежит SMTP-аккаунту, и настройки SPF/DKIM домена.',
    ],
  }),
  '421': hint({
    'zh-CN': ['SMTP 服务器暂时不可用。', 'Herald 会自动重试，无需操作。'],
    'zh-TW': ['SMTP 伺服器暫時無法使用。', 'Herald 會自動重試，無需操作。'],
    en: ['The SMTP server is temporarily unavailable.', 'Herald retries on its own; nothing to do.'],
    ja: ['SMTP サーバーが一時的に利用できません。', 'Herald が自動で再試行します。操作は不要です。'],
    ru: ['SMTP-сервер временно недоступен.', 'Herald повторит сам, ничего делать не нужно.'],
  }),
};
