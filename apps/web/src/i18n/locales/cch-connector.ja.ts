import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** Claude Code Hub ヘルスコネクタ（設定ページ）の日本語テキスト。 */
export const cchConnectorJa = {
  title: 'Claude Code Hub ヘルスコネクタ',
  description:
    '任意。Herald が Claude Code Hub の各プロバイダーのブレーカー状態を定期的に読み取り、独自のアラートと、CCH が送らない復旧メッセージをサーキットブレーカーのバインディングへ送ります。これがなくても CCH の Webhook は使えます（docs/cch-bridge.md を参照）。',
  enabled: 'Claude Code Hub をポーリングする',
  baseUrl: 'CCH のアドレス',
  baseUrlDescription:
    'CCH の公開アドレス（例: https://cch.example.com）。Herald はそこの /api/v1/providers/health を呼び出します。',
  token: 'CCH 管理者トークン',
  tokenDescription: 'CCH の ADMIN_TOKEN、または管理者の API キー。暗号化して保存し、再表示しません。',
  interval: 'ポーリング間隔（秒）',
  intervalDescription: '{{min}}〜{{max}} 秒。',
  save: 'コネクタを保存',
  saved: 'コネクタを保存しました。',
  saveFailed: 'コネクタを保存できませんでした: {{message}}',
  loadFailed: 'コネクタを読み込めませんでした: {{message}}',
  test: 'テスト',
  testFailed: 'テストを実行できませんでした: {{message}}',
  testOk: 'CCH が {{ms}} ミリ秒で応答しました',
  testNotOk: 'CCH を読み取れませんでした',
  testProviders: 'プロバイダー {{providers}} 件、うちブレーカーが閉じていないもの {{notClosed}} 件。',
  neverPolled: 'まだポーリングしていません。',
  lastPollOk:
    '前回のポーリング（<at/>）: プロバイダー {{providers}} 件、うちブレーカーが閉じていないもの {{notClosed}} 件。',
  lastPollFailed: '前回のポーリング（<at/>）は失敗しました: {{error}}',
} satisfies Catalogue<PluralsOther>['cchConnector'];
