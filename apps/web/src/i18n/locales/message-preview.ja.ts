import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** メッセージのプレビュー（ターゲットのダイアログ、バインディング編集、配信の詳細）の日本語テキスト。 */
export const messagePreviewJa = {
  title: 'メッセージの表示イメージ',
  type: 'サンプル通知',
  language: 'メッセージの言語：{{language}}',
  view: 'プレビューの表示',
  asShown: '表示イメージ',
  json: 'リクエスト本文（JSON）',
  truncated: 'プラットフォームの上限に合わせて短縮されました。',
  failed: 'プレビューを表示できません：{{message}}',
  subject: '件名',
  emailBody: 'メール本文',
  priority: '優先度 {{priority}}',
} satisfies Text['messagePreview'];
