import type { errorReasonsEn } from './error-reasons.en.ts';

/** Each reason a service gives for a refusal, in 繁體中文 (error-reasons.en.ts). */
export const errorReasonsZhTW = {
  target: {
    not_found: '此目標已不存在，可能已被刪除。請重新整理頁面。',
  },
  delivery: {
    not_found: '找不到此 ID 的傳送紀錄，可能已從日誌中清除。請檢查連結。',
    notification_gone: '這筆紀錄所傳送的通知已不再保存。',
    in_digest: '此通知已合併在摘要中送出，請改為重新傳送該摘要的紀錄。',
    in_progress: '這筆紀錄仍在傳送中，請等它完成。',
    target_deleted: '這筆紀錄的目標已被刪除，無法重新傳送。',
  },
  silence: {
    not_found: '此靜默已不存在，請重新整理頁面。',
    already_ended: '此靜默已經結束。',
    expired: '此靜默已經到期。',
  },
  api_key: {
    not_found: '此 API 金鑰已不存在，請重新整理頁面。',
  },
  provider: {
    not_found: 'Herald 不認識供應商「{{id}}」：中轉站尚未回報它。',
  },
  user: {
    not_found: 'Herald 不認識使用者「{{id}}」：中轉站尚未回報此使用者。',
  },
  legacy: {
    not_migratable: '舊版 Webhook 網址無法轉換為目標。{{detail}}',
  },
  auth: {
    wrong_token: '管理員權杖錯誤，請檢查後再試一次。',
    admin_required: '此操作需要管理員登入：工作階段已失效或尚未登入。請重新登入。',
    hub_key_required: '需要有效的中轉站 API 金鑰。',
    too_many_attempts: '此位址的錯誤嘗試次數過多，請在 {{retryAfterSeconds}} 秒後再試。',
    cross_origin: '已拒絕：此變更來自其他網站（{{origin}}）。請透過控制台本身的網址開啟。',
  },
  database: {
    unavailable: 'Herald 的資料庫暫時無法使用，請過幾秒再試。',
  },
} satisfies typeof errorReasonsEn;
