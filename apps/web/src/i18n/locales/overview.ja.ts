import type { Catalogue, PluralsOther } from '../catalogue.ts';
import { cacheHitRateOverviewJa } from './cache-hit-rate.ja.ts';
import { glossaryJa } from './glossary.ja.ts';
import { providerBalanceOverviewJa } from './provider-balance-overview.ja.ts';

/** 概要ページの日本語テキスト。 */
export const overviewJa = {
  cacheRates: cacheHitRateOverviewJa,
  balances: providerBalanceOverviewJa,
  loadFailed: '概要を読み込めませんでした：{{message}}',
  refreshFailed: '概要を更新できませんでした。<at/>時点のデータを表示しています。',
  updatedAt: '更新：<at/> · 時刻は {{timezone}}',
  switchedOff: '通知はオフです。Herald はハブからの報告を記録しますが、何も送信しません。',
  switchOn: 'オンにする',
  refresh: '更新',
  today: {
    title: '今日',
    delivered: glossaryJa.statuses.delivered,
    failed: glossaryJa.statuses.failed,
    pending: glossaryJa.statuses.pending,
    skipped: glossaryJa.statuses.skipped,
    deliveredHint: 'プラットフォームが受け付けたメッセージ',
    failedHint: 'すべての再試行のあとに断念したもの',
    pendingHint: 'キュー待ち、送信中、再試行待ち',
    skippedHint: '送信しなかったもの（オフまたは送信先なし）',
  },
  chart: {
    title: '過去 7 日間',
    description: '日ごとの配信数（結果別）です。',
    open: '配信を表示：',
    empty:
      '過去 7 日間に配信はありません。ハブがイベントを報告すると、日ごとのメッセージ数がここにグラフで表示されます。',
  },
  failing: {
    title: '失敗している送信先',
    description: '直近の配信または接続テストが失敗した、有効な送信先です。',
    empty: '有効な送信先はすべて正常に配信しています。メッセージやテストが失敗した送信先はここに表示されます。',
    failures24h_other: '24 時間で {{count}} 件失敗',
    lastFailedAt: '最終失敗：<at/>',
    testFailed: 'テスト失敗',
    noError: 'エラーメッセージなし',
    viewFailures: '{{name}} の失敗した配信を表示',
  },
  spenders: {
    title: '今日の利用額上位',
    description: '今日 0 時以降のコストが多いユーザーです。',
    totalCost: '今日の全ユーザー合計：{{cost}}',
    user: 'ユーザー',
    requests: 'リクエスト数',
    cost: 'コスト',
    tokens: 'トークン数',
    empty:
      '今日の利用はまだ記録されていません。ハブから利用状況が報告されると、利用額の多いユーザーがここに表示されます。',
  },
  quotas: {
    usersTitle: 'ユーザーの上限',
    providersTitle: 'プロバイダーの上限',
    description: '各上限に対する利用額です。利用率の高い順に表示します。',
    usersEmpty: '利用上限が設定されたユーザーはいません。ハブから同期された上限の利用状況がここに表示されます。',
    providersEmpty:
      '利用上限が設定されたプロバイダーはありません。ハブから同期された上限の利用状況がここに表示されます。',
    periods: {
      '5h': '5 時間',
      weekly: '週',
      monthly: '月',
    },
    usage: '{{spend}} / {{limit}}',
    percent: '{{percent}} %',
    barLabel: '{{name}}、{{period}}：{{limit}} のうち {{spend}}',
  },
  breakers: {
    title: 'サーキットブレーカー（過去 24 時間）',
    description: 'ハブがローテーションから外したプロバイダーと、アラートの配信状況です。',
    empty: '過去 24 時間に作動したサーキットブレーカーはありません。',
    failuresCount_other: '{{count}} 回の失敗',
    at: '遮断日時',
    retryAt: '再試行予定',
    outcome: 'アラートの配信',
    delivered: '配信済み {{count}}',
    failed: '失敗 {{count}}',
    pending: '待機中 {{count}}',
    notSent: '未送信',
  },
} satisfies Catalogue<PluralsOther>['overviewPage'];
