import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** プロバイダー残高アラートのカードの日本語テキスト（通知ページ）。 */
export const providerBalanceCardJa = {
  rule: 'プロバイダーの残高がしきい値を下回ったときに 1 回、さらに低いレベルに達するごとに 1 回、しきい値以上までチャージされたときに 1 回通知します。ハブは hub.reportProviderBalance で残高を報告します。',
  defaultThreshold: '残高アラートの既定しきい値',
  defaultThresholdDescription:
    '各プロバイダー自身の通貨で指定します。独自のしきい値を報告するプロバイダーにはそちらを使います。空欄：そうしたプロバイダーだけに通知します。',
  noDefault: 'なし',
  levels: 'さらに低いレベル（しきい値に対する %）',
  levelsDescription:
    '高い順に、例：「50, 0」＝しきい値の半分、次に残高ゼロ。最大 5 つ。空欄ならしきい値のみで通知します。',
  levelsProblems: {
    notANumber: 'カンマ区切りのパーセントで入力してください（例：50, 0）。',
    outOfRange: '各レベルは 0 以上 100 未満です（100 % はしきい値そのものです）。',
    notDescending: '各レベルは前のレベルより低くしてください。',
    tooMany: 'レベルは最大 5 つです。',
  },
} satisfies Catalogue<PluralsOther>['notificationsPage']['providerBalance'];
