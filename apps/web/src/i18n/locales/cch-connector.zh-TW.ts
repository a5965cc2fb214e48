import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** Claude Code Hub 健康連接器的繁體中文文字（設定頁面）。 */
export const cchConnectorZhTW = {
  title: 'Claude Code Hub 健康連接器',
  description:
    '選用。Herald 定期讀取 Claude Code Hub 中每個供應商的熔斷器狀態，發送自己的警示，以及 CCH 從不發送的恢復訊息，發往熔斷警示的綁定。不啟用它，CCH 的 Webhook 同樣可用（見 docs/cch-bridge.md）。',
  enabled: '輪詢 Claude Code Hub',
  baseUrl: 'CCH 位址',
  baseUrlDescription: 'CCH 的存取位址，例如 https://cch.example.com；Herald 會呼叫其中的 /api/v1/providers/health。',
  token: 'CCH 管理員權杖',
  tokenDescription: 'CCH 的 ADMIN_TOKEN 或管理員的 API Key。加密儲存，之後不再顯示。',
  interval: '輪詢間隔（秒）',
  intervalDescription: '{{min}} 到 {{max}} 秒。',
  save: '儲存連接器',
  saved: '連接器已儲存。',
  saveFailed: '無法儲存連接器：{{message}}',
  loadFailed: '無法載入連接器：{{message}}',
  test: '測試',
  testFailed: '無法執行測試：{{message}}',
  testOk: 'CCH 在 {{ms}} 毫秒內回應',
  testNotOk: '無法讀取 CCH',
  testProviders: '{{providers}} 個供應商，其中 {{notClosed}} 個熔斷器未閉合。',
  neverPolled: '尚未輪詢。',
  lastPollOk: '上次輪詢（<at/>）：{{providers}} 個供應商，其中 {{notClosed}} 個熔斷器未閉合。',
  lastPollFailed: '上次輪詢（<at/>）失敗：{{error}}',
} satisfies Catalogue<PluralsOther>['cchConnector'];
