import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** キャッシュヒット率異常アラートの日本語テキスト：通知ページのカードと概要ページのパネル。 */
export const cacheHitRateCardJa = {
  baselineRule:
    'ベースライン：過去の日、今日のここまで、直前のウィンドウの順に見て、同じ種類（対象またはすべて）でリクエスト数が足りる最初のサンプルを使います。',
  anomalyRule:
    '異常：ヒット率が下限を下回ったとき、またはベースラインからの低下が絶対低下幅と相対低下率の両方に達したとき。',
  windowMode: 'ウィンドウ',
  windowModeDescription:
    '現在のヒット率を集計する期間です。自動ではチェック間隔で決まります：5 分以下 → 5 分、30 以下 → 30 分、60 以下 → 1 時間、それより長い → 1.5 時間。',
  windowNow: '現在は {{window}} です。',
  windows: {
    auto: '自動',
    '5m': '5 分',
    '30m': '30 分',
    '1h': '1 時間',
    '90m': '1.5 時間',
  },
  checkInterval: 'チェック間隔（分）',
  checkIntervalDescription: '1–1440。独自の Cron がない送信先は、この間隔でチェックされます。',
  lookbackDays: '過去の参照日数',
  lookbackDaysDescription: '1–90。今日より前の、過去のベースラインに使う日数（丸一日単位）です。',
  cooldownMinutes: 'クールダウン（分）',
  cooldownMinutesDescription:
    '0–1440、0 でクールダウンなし。同じプロバイダー × モデルは送信先ごとにクールダウン中 1 回だけ通知し、繰り返しは抑制数に数えます。',
  absMinPercent: 'ヒット率の下限（%）',
  absMinPercentDescription: '0–100 %。ヒット率がこの下限を下回ると、ベースラインの有無にかかわらず異常です。',
  dropAbsPercent: '絶対低下幅（ポイント）',
  dropAbsPercentDescription: '0–100。ベースラインから何ポイント下がる必要があるか：60 % → 45 % なら 15 ポイントです。',
  dropRelPercent: '相対低下率（ベースラインに対する %）',
  dropRelPercentDescription: '0–100 %。低下幅がベースラインに占める割合：60 % → 45 % なら 25 % です。',
  minEligibleRequests: '対象リクエストの最小数',
  minEligibleRequestsDescription:
    '1–100000。対象リクエストとは、同じセッション内でキャッシュ TTL 以内に続いたリクエストです。足りなければ全リクエストを使い、それでも足りなければその組み合わせを飛ばします。',
  minEligibleTokens: '対象トークンの最小数',
  minEligibleTokensDescription:
    '0–2147483647。サンプルに必要な入力トークン数（通常入力、キャッシュ書き込み、キャッシュ読み取りの合計）です。',
  topN: '上位 N 件',
  topNDescription: '1–100。1 回のチェックで通知する異常の上限で、低下の大きいものから選びます。',
} satisfies Text['notificationsPage']['cacheHitRate'];

export const cacheHitRateOverviewJa = {
  title: 'キャッシュヒット率',
  description: 'アラートの現在のウィンドウでのプロバイダー × モデルごとのヒット率と、比較するベースラインです。',
  window: '{{window}} のウィンドウ：{{start}} – {{end}}',
  providerModel: 'プロバイダー / モデル',
  current: '現在',
  baseline: 'ベースライン',
  change: '変化',
  anomaly: '異常',
  points: '{{value}} ポイント',
  unknownProvider: 'プロバイダー #{{id}}',
  kinds: {
    eligible: '対象',
    overall: 'すべて',
  },
  sources: {
    historical: '過去',
    today: '今日',
    prev: '直前のウィンドウ',
  },
  sample: '{{kind}} · リクエスト {{requests}} · トークン {{tokens}}',
  noBaseline: 'ベースラインなし',
  noBaselineHint: '下限だけで判定します',
  noModel:
    '現在のウィンドウにモデル付きの利用記録がありません。ここにヒット率を表示するには、ハブが各利用記録で model を送り、後続リクエストを対象として数えるために sessionId と requestSequence も送る必要があります。',
  noSample:
    'このウィンドウに利用記録はありますが、アラートの最小サンプルに達したプロバイダー × モデルはまだありません。',
} satisfies Text['overviewPage']['cacheRates'];
