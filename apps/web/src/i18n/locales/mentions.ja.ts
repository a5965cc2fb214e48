import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** バインディングのメンション（通知ページのバインディング編集）の日本語テキスト。 */
export const mentionsJa = {
  people: 'メンション',
  peoplePlaceholder: '入力して Enter',
  examples: 'メッセージで通知する相手。例：{{examples}}',
  levels: '対象レベルのみ',
  levelsPlaceholder: 'すべてのレベル',
  level: { info: '情報', warning: '警告', error: 'エラー' },
  wechatNote:
    'WeCom の markdown ではメンションできません。メンションがあるとプレーンテキスト（最大 2048 バイト）で送り、ユーザー ID を mentioned_list、携帯番号を mentioned_mobile_list に入れます。',
  dingtalkNote: '各相手はメッセージ末尾にも @… と書かれます。DingTalk は両方に書かれた相手だけに通知します。',
  feishuNote: 'カスタムボットは open_id（ou_…）または user_id でメンションします。all は全員です。',
  telegramNote: '@ユーザー名、またはユーザー名のない人は数値のユーザー ID（後ろに表示名を付けられます）。',
  previewTitle: 'メンション付きプレビュー',
  previewNobody: 'このサンプルは{{level}}レベルのメッセージです。選んだレベルでは誰にもメンションしません。',
} satisfies Text['notificationsPage']['mentions'];
