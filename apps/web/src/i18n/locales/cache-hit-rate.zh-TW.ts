import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** 快取命中率異常警示的繁體中文文字：通知頁面的卡片與概覽頁面的面板。 */
export const cacheHitRateCardZhTW = {
  baselineRule:
    '基準：依序取歷史天數、今日至今、上一個時間窗，第一個請求數足夠且種類相同（可命中或全部）的樣本即為基準。',
  anomalyRule: '異常：命中率低於絕對下限，或比基準的降幅同時達到絕對降幅門檻與相對降幅門檻。',
  windowMode: '時間窗',
  windowModeDescription:
    '目前命中率涵蓋的時長。自動模式依檢查間隔選擇：不超過 5 分鐘 → 5 分鐘，不超過 30 → 30 分鐘，不超過 60 → 1 小時，更長 → 1.5 小時。',
  windowNow: '目前為 {{window}}。',
  windows: {
    auto: '自動',
    '5m': '5 分鐘',
    '30m': '30 分鐘',
    '1h': '1 小時',
    '90m': '1.5 小時',
  },
  checkInterval: '檢查間隔（分鐘）',
  checkIntervalDescription: '1–1440。沒有自訂 Cron 的目標依此間隔檢查。',
  lookbackDays: '歷史回溯天數',
  lookbackDaysDescription: '1–90。今天之前用作歷史基準的完整天數。',
  cooldownMinutes: '冷卻時間（分鐘）',
  cooldownMinutesDescription:
    '0–1440，0 表示不冷卻。同一供應商 × 模型在冷卻期間對每個目標只警示一次，重複的計入抑制數量。',
  absMinPercent: '絕對下限（absMin，%）',
  absMinPercentDescription: '0–100 %。命中率低於此下限即為異常，不論是否有基準。',
  dropAbsPercent: '絕對降幅門檻（dropAbs，百分點）',
  dropAbsPercentDescription: '0–100。命中率至少要比基準低多少：60 % → 45 % 為 15 個百分點。',
  dropRelPercent: '相對降幅門檻（dropRel，%）',
  dropRelPercentDescription: '0–100 %。降幅占基準的比例：60 % → 45 % 為 25 %。',
  minEligibleRequests: '最少可命中請求數',
  minEligibleRequestsDescription:
    '1–100000。可命中請求指同一工作階段中、在快取 TTL 內的後續請求；不足時改用全部請求，仍不足則略過該組合。',
  minEligibleTokens: '最少可命中 Token 數',
  minEligibleTokensDescription: '0–2147483647。一個樣本所需的輸入 Token 數（一般輸入、快取寫入與快取讀取的總和）。',
  topN: '前 N 名',
  topNDescription: '1–100。每次檢查最多警示的異常數，降幅最大的優先。',
} satisfies Text['notificationsPage']['cacheHitRate'];

export const cacheHitRateOverviewZhTW = {
  title: '快取命中率',
  description: '警示目前時間窗內每個供應商 × 模型的命中率，以及與之比較的基準。',
  window: '{{window}}時間窗：{{start}} – {{end}}',
  providerModel: '供應商 / 模型',
  current: '目前',
  baseline: '基準',
  change: '變化',
  anomaly: '異常',
  points: '{{value}} 個百分點',
  unknownProvider: '供應商 #{{id}}',
  kinds: {
    eligible: '可命中',
    overall: '全部',
  },
  sources: {
    historical: '歷史',
    today: '今日',
    prev: '上一個時間窗',
  },
  sample: '{{kind}} · 請求 {{requests}} · Token {{tokens}}',
  noBaseline: '無基準',
  noBaselineHint: '僅依絕對下限判斷',
  noModel:
    '目前時間窗內沒有帶模型的用量。若要在此顯示命中率，中轉站須在每筆用量紀錄中傳送 model，並傳送 sessionId 與 requestSequence，後續請求才算可命中。',
  noSample: '此時間窗已有用量，但尚無供應商 × 模型達到警示的最小樣本。',
} satisfies Text['overviewPage']['cacheRates'];
