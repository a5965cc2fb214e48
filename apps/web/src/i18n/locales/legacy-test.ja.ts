import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** レガシー URL のテスト（通知ページ、レガシーモード）の日本語テキスト。 */
export const legacyTestJa = {
  button: 'テスト',
  buttonLabel: '{{type}} をテスト',
  hint: '入力した URL に、保存せずにサンプルメッセージを送信します。',
  empty: 'テストする URL を入力してください。保存済みの URL はブラウザーに返されません。',
  resultLabel: '{{type}} のテスト結果',
  platform: '検出したプラットフォーム：',
  failed: 'テストを実行できませんでした：{{message}}',
} satisfies Catalogue<PluralsOther>['notificationsPage']['legacyTest'];
