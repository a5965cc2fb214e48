import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 概要ページのプロバイダー残高パネルの日本語テキスト。 */
export const providerBalanceOverviewJa = {
  title: 'プロバイダー残高',
  description: 'ハブが最後に報告したアップストリームの残高です。しきい値に対して低い順に並びます。',
  empty: 'まだ残高の報告はありません。ハブは hub.reportProviderBalance で報告します。',
  threshold: 'しきい値 {{amount}}',
  noThreshold: 'しきい値なし',
  reportedAt: '報告：<at/>',
  levels: {
    ok: '正常',
    none: '通知なし',
    low: '残高不足',
    part: '{{percent}} 未満',
    zero: '残高ゼロ',
  },
} satisfies Catalogue<PluralsOther>['overviewPage']['balances'];
