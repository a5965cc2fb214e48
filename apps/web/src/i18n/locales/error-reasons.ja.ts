import type { errorReasonsEn } from './error-reasons.en.ts';

/** Each reason a service gives for a refusal, in 日本語 (error-reasons.en.ts). */
export const errorReasonsJa = {
  target: {
    not_found: 'この送信先はもう存在しません（削除された可能性があります）。ページを再読み込みしてください。',
  },
  delivery: {
    not_found: 'この ID の配信は見つかりません。ログから消えた可能性があります。リンクを確認してください。',
    notification_gone: 'この配信が運んでいた通知はもう保存されていません。',
    in_digest: 'この通知はダイジェストにまとめて送信されました。代わりにダイジェストの配信を再送してください。',
    in_progress: 'この配信はまだ処理中です。完了するまでお待ちください。',
    target_deleted: 'この配信の送信先は削除されているため、再送信できません。',
  },
  silence: {
    not_found: 'このサイレンスはもう存在しません。ページを再読み込みしてください。',
    already_ended: 'このサイレンスはすでに終了しています。',
    expired: 'このサイレンスはすでに期限切れです。',
  },
  api_key: {
    not_found: 'この API キーはもう存在しません。ページを再読み込みしてください。',
  },
  provider: {
    not_found: 'Herald はプロバイダー「{{id}}」を知りません。ハブがまだ報告していません。',
  },
  user: {
    not_found: 'Herald はユーザー「{{id}}」を知りません。ハブがまだ報告していません。',
  },
  legacy: {
    not_migratable: '従来の Webhook URL を送信先に変換できません。{{detail}}',
  },
  auth: {
    wrong_token: '管理者トークンが正しくありません。確認してもう一度お試しください。',
    admin_required: 'この操作には管理者のサインインが必要です。セッションが切れたか、まだサインインしていません。',
    hub_key_required: '有効なハブ API キーが必要です。',
    too_many_attempts: 'このアドレスからの誤った試行が多すぎます。{{retryAfterSeconds}} 秒後にもう一度お試しください。',
    cross_origin:
      '拒否しました：変更が別のサイト（{{origin}}）から送られました。ダッシュボード本来のアドレスで開いてください。',
  },
  database: {
    unavailable: 'Herald のデータベースは現在利用できません。数秒後にもう一度お試しください。',
  },
} satisfies typeof errorReasonsEn;
