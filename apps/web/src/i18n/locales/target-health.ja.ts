import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import { glossaryJa } from './glossary.ja.ts';
import type { targetHealthEn } from './target-health.en.ts';

/** 送信先の状態：送信先ページの列とカード、状態を示す点。 */
export const targetHealthJa = {
  health: '状態',
  lastDelivery: '最終配信',
  successRate: '成功率（24 時間）',
  lastError: '直近のエラー',
  state: glossaryJa.health,
  stateHint: {
    ok: '直近の配信またはテストが成功し、24 時間以内に配信があります',
    failing: '直近の配信またはテストが失敗しました',
    idle: '前回は成功しましたが、24 時間以内に配信がありません',
    untested: 'テストも配信もまだありません',
  },
  dotLabel: '{{name}} の状態：{{state}}',
  noDelivery: 'まだ配信なし',
  delivered: glossaryJa.statuses.delivered,
  failed: glossaryJa.statuses.failed,
  rateCounts: '{{finished}} 件中 {{delivered}} 件配信',
  noRate: '24 時間以内の配信なし',
  noError: 'エラーなし',
  code: 'コード {{code}}',
  failedDeliveries: '失敗した配信',
  failedDeliveriesOf: '{{name}} の失敗した配信',
  unavailable: '状態を取得できません',
} satisfies CatalogueOf<typeof targetHealthEn, PluralsOther>;
