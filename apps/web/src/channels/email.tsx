import { IconMail } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { EMAIL_ERROR_HINTS } from './hints/email.ts';
import { EmailPreview } from './previews/email.tsx';
import type { ChannelUi } from './types.ts';

const HOST = 'smtp.example.com';
const FROM = 'Herald <alerts@example.com>';
const TO = 'ops@example.com\noncall@example.com';

/** Email over SMTP: the server, how the connection is encrypted, the login, and who sends to whom. */
export const emailUi: ChannelUi<'email'> = {
  text: {
    'zh-CN': {
      name: '电子邮件',
      fields: {
        smtpHost: {
          label: 'SMTP 服务器',
          description: '发信服务器的主机名或 IP，不含协议和端口。',
          placeholder: HOST,
          invalid: '应为主机名或 IP 地址，例如 smtp.example.com（不含 smtp:// 和端口）',
        },
        smtpPort: {
          label: '端口',
          description: 'STARTTLS 通常用 587，SSL/TLS 用 465，不加密用 25。',
          placeholder: '587',
          invalid: '应为 1 到 65535 之间的整数',
        },
        smtpSecurity: {
          label: '加密方式',
          description: '选择 STARTTLS 时，服务器必须支持升级加密，否则不会发送。',
          choices: { starttls: 'STARTTLS（推荐）', tls: 'SSL/TLS（连接即加密）', none: '不加密' },
        },
        smtpUser: { label: '用户名', description: '可选：服务器要求登录时填写，通常是邮箱地址。' },
        smtpPassword: { label: '密码', description: '填写用户名时必填；很多邮箱需使用“授权码”或应用专用密码。' },
        emailFrom: {
          label: '发件人',
          description: '邮箱地址，或“名称 <地址>”的形式。',
          placeholder: FROM,
          invalid: '应为邮箱地址，例如 alerts@example.com 或 Herald <alerts@example.com>',
        },
        emailTo: {
          label: '收件人',
          description: '每行一个邮箱地址，最多 50 个。',
          placeholder: TO,
          invalid: '每行应为一个邮箱地址，例如 ops@example.com',
        },
      },
    },
    'zh-TW': {
      name: '電子郵件',
      fields: {
        smtpHost: {
          label: 'SMTP 伺服器',
          description: '寄信伺服器的主機名稱或 IP，不含通訊協定與連接埠。',
          placeholder: HOST,
          invalid: '應為主機名稱或 IP 位址，例如 smtp.example.com（不含 smtp:// 與連接埠）',
        },
        smtpPort: {
          label: '連接埠',
          description: 'STARTTLS 通常用 587，SSL/TLS 用 465，不加密用 25。',
          placeholder: '587',
          invalid: '應為 1 到 65535 之間的整數',
        },
        smtpSecurity: {
          label: '加密方式',
          description: '選擇 STARTTLS 時，伺服器必須支援升級加密，否則不會寄出。',
          choices: { starttls: 'STARTTLS（建議）', tls: 'SSL/TLS（連線即加密）', none: '不加密' },
        },
        smtpUser: { label: '使用者名稱', description: '選填：伺服器要求登入時填寫，通常是電子郵件地址。' },
        smtpPassword: { label: '密碼', description: '填寫使用者名稱時必填；許多信箱需使用應用程式密碼。' },
        emailFrom: {
          label: '寄件者',
          description: '電子郵件地址，或「名稱 <地址>」的形式。',
          placeholder: FROM,
          invalid: '應為電子郵件地址，例如 alerts@example.com 或 Herald <alerts@example.com>',
        },
        emailTo: {
          label: '收件者',
          description: '每行一個電子郵件地址，最多 50 個。',
          placeholder: TO,
          invalid: '每行應為一個電子郵件地址，例如 ops@example.com',
        },
      },
    },
    en: {
      name: 'Email',
      fields: {
        smtpHost: {
          label: 'SMTP server',
          description: 'The mail server’s host name or IP address, without a scheme or port.',
          placeholder: HOST,
          invalid: 'Must be a host name or IP address such as smtp.example.com (no smtp://, no port)',
        },
        smtpPort: {
          label: 'Port',
          description: 'Usually 587 for STARTTLS, 465 for SSL/TLS, 25 unencrypted.',
          placeholder: '587',
          invalid: 'Must be a whole number from 1 to 65535',
        },
        smtpSecurity: {
          label: 'Encryption',
          description: 'With STARTTLS the server must offer the upgrade, or nothing is sent.',
          choices: { starttls: 'STARTTLS (recommended)', tls: 'SSL/TLS (encrypted from the start)', none: 'None' },
        },
        smtpUser: { label: 'User name', description: 'Optional: when the server asks for a login; often the address.' },
        smtpPassword: {
          label: 'Password',
          description: 'Required with a user name. Many providers want an app password here.',
        },
        emailFrom: {
          label: 'From',
          description: 'An address, or Name <address>.',
          placeholder: FROM,
          invalid: 'Must be an address such as alerts@example.com or Herald <alerts@example.com>',
        },
        emailTo: {
          label: 'To',
          description: 'One address per line, up to 50.',
          placeholder: TO,
          invalid: 'Each line must be an address such as ops@example.com',
        },
      },
    },
    ja: {
      name: 'メール',
      fields: {
        smtpHost: {
          label: 'SMTP サーバー',
          description: '送信サーバーのホスト名または IP アドレス（スキームとポートは不要）。',
          placeholder: HOST,
          invalid: 'smtp.example.com のようなホスト名か IP アドレスを入力してください（smtp:// やポートは不要）。',
        },
        smtpPort: {
          label: 'ポート',
          description: '通常、STARTTLS は 587、SSL/TLS は 465、暗号化なしは 25 です。',
          placeholder: '587',
          invalid: '1〜65535 の整数を入力してください。',
        },
        smtpSecurity: {
          label: '暗号化',
          description: 'STARTTLS を選んだ場合、サーバーが暗号化への切り替えに対応していなければ送信しません。',
          choices: { starttls: 'STARTTLS（推奨）', tls: 'SSL/TLS（接続時から暗号化）', none: 'なし' },
        },
        smtpUser: {
          label: 'ユーザー名',
          description: '任意：サーバーがログインを求める場合。多くはメールアドレスです。',
        },
        smtpPassword: {
          label: 'パスワード',
          description: 'ユーザー名を入れた場合は必須です。アプリパスワードが必要なサービスも多くあります。',
        },
        emailFrom: {
          label: '差出人',
          description: 'メールアドレス、または「名前 <アドレス>」の形式。',
          placeholder: FROM,
          invalid: 'alerts@example.com や Herald <alerts@example.com> の形式で入力してください。',
        },
        emailTo: {
          label: '宛先',
          description: '1 行に 1 アドレス、最大 50 件。',
          placeholder: TO,
          invalid: '各行は ops@example.com のようなメールアドレスにしてください。',
        },
      },
    },
    ru: {
      name: 'Эл. почта',
      fields: {
        smtpHost: {
          label: 'SMTP-сервер',
          description: 'Имя хоста или IP-адрес почтового сервера, без схемы и порта.',
          placeholder: HOST,
          invalid: 'Нужно имя хоста или IP-адрес, например smtp.example.com (без smtp:// и порта)',
        },
        smtpPort: {
          label: 'Порт',
          description: 'Обычно 587 для STARTTLS, 465 для SSL/TLS, 25 без шифрования.',
          placeholder: '587',
          invalid: 'Нужно целое число от 1 до 65535',
        },
        smtpSecurity: {
          label: 'Шифрование',
          description: 'При STARTTLS сервер обязан перейти на шифрование, иначе письмо не отправится.',
          choices: { starttls: 'STARTTLS (рекомендуется)', tls: 'SSL/TLS (шифрование сразу)', none: 'Без шифрования' },
        },
        smtpUser: {
          label: 'Имя пользователя',
          description: 'Необязательно: если сервер требует входа. Обычно это адрес почты.',
        },
        smtpPassword: {
          label: 'Пароль',
          description: 'Обязателен, если указано имя пользователя. Многим почтовым сервисам нужен пароль приложения.',
        },
        emailFrom: {
          label: 'Отправитель',
          description: 'Адрес или «Имя <адрес>».',
          placeholder: FROM,
          invalid: 'Нужен адрес, например alerts@example.com или Herald <alerts@example.com>',
        },
        emailTo: {
          label: 'Получатели',
          description: 'По одному адресу в строке, не больше 50.',
          placeholder: TO,
          invalid: 'В каждой строке должен быть адрес, например ops@example.com',
        },
      },
    },
  },
  icon: decorative(IconMail),
  color: 'orange',
  Preview: EmailPreview,
  errorHints: EMAIL_ERROR_HINTS,
  defaults: { smtpPort: '587', smtpSecurity: 'starttls' },
};
