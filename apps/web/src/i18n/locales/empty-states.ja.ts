import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 空の状態のボタン（空のリストを埋める操作）と Webhook URL の規則の日本語テキスト。 */
export const emptyStatesJa = {
  noMatchTitle: '該当するものはありません',
  targets: { action: '最初の送信先を追加' },
  apiKeys: { action: '最初のキーを作成' },
  silences: { action: 'サイレンスを作成' },
  deliveries: {
    toTargets: '送信先ページでテスト送信',
    toNotifications: '通知ページで振り分けを設定',
    showAll: 'すべての配信を表示',
  },
  routing: {
    addTarget: '送信先を追加する',
    howToBind: 'ルーティング表でスイッチをオンにするか、下で送信先を選んでください。',
  },
  overview: { connectHub: 'API キーでハブを接続' },
  urlRule:
    '{{platforms}}のアドレスは https:// で始める必要があります。それ以外のアドレス（このマシンや社内ネットワークのサービス）は http:// も使えます。',
} satisfies Catalogue<PluralsOther>['emptyStates'];
