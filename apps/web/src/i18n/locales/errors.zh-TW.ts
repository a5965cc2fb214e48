import { errorReasonsZhTW } from './error-reasons.zh-TW.ts';
import type { errorsEn } from './errors.en.ts';

/** 伺服器錯誤的繁體中文文字：每個介面錯誤碼、每個欄位問題碼，以及無法連線的情況。 */
export const errorsZhTW = {
  network: '無法連線到 Herald，請檢查網路後重試。',
  generic: '發生問題，請重試。',
  server: {
    INVALID_INPUT: '部分欄位填寫有誤。',
    UNKNOWN_FIELD: '請求中包含 Herald 無法辨識的欄位。',
    UNAUTHENTICATED: '登入已失效，請重新登入。',
    FORBIDDEN: '你沒有執行此操作的權限。',
    NOT_FOUND: '該物件已不存在，請重新整理頁面。',
    METHOD_NOT_ALLOWED: '請求方式不正確，請重新整理頁面。',
    TIMEOUT: '請求逾時，請重試。',
    CONFLICT: '該物件已被修改，請重新整理頁面後重試。',
    PRECONDITION_FAILED: '缺少所需的物件，例如目標已被刪除。',
    PAYLOAD_TOO_LARGE: '一次送出的資料過多，請分批送出。',
    UNSUPPORTED_MEDIA_TYPE: '無法辨識請求格式，請重新整理頁面。',
    RATE_LIMITED: '嘗試次數過多，請稍後再試。',
    INTERNAL: 'Herald 內部發生錯誤。請重試；若問題持續，請查看伺服器日誌。',
    UNAVAILABLE: 'Herald 或其資料庫暫時無法使用，請稍後再試。',
  },
  reason: errorReasonsZhTW,
  issue: {
    field: {
      required: '此欄為必填。',
      invalid: '此值無效。',
      unknown: '無法辨識此欄位。',
      wrong_type: '此值的類型不正確。',
      not_allowed: '此值不在可選範圍內。',
    },
    text: {
      too_short: '至少需要 {{min}} 個字元。',
      too_long: '最多 {{max}} 個字元。',
      one_line: '只能填寫一行。',
      nul: '不能包含 NUL 字元。',
      surrogate: '包含損壞的字元（半個表情符號），請重新輸入。',
    },
    number: {
      too_small: '不能小於 {{min}}。',
      too_large: '不能大於 {{max}}。',
      not_integer: '必須是整數。',
    },
    list: {
      too_few: '至少需要 {{min}} 項。',
      too_many: '最多 {{max}} 項。',
    },
    url: {
      invalid: '請輸入完整的網址，例如 https://example.com/hook。',
      scheme: '網址必須以 http:// 或 https:// 開頭。',
      credentials: '網址中不能包含使用者名稱或密碼（user:password@）。',
      https_required: '{{host}} 上的 Webhook 網址必須使用 https://。',
      unknown_platform: '{{host}} 不是企業微信、飛書、釘釘或 Telegram 的 Webhook 網址。',
      telegram_chat: 'Telegram 網址需要包含 /bot<token>/sendMessage 和 ?chat_id=<chat>。',
    },
    cron: {
      invalid: '排程格式無效。請填寫五個欄位：分 時 日 月 星期，例如 30 9 * * 1-5。',
      not_scheduled: '此類通知在事件發生時立即傳送，不適用排程。',
    },
    timezone: { invalid: '請從清單中選擇時區，例如 Asia/Shanghai 或 UTC。' },
    time: { hhmm: '請依 HH:mm 格式填寫時間，例如 09:00。' },
    target: {
      missing: '該目標已不存在，請重新整理頁面。',
      bound_twice: '此目標已綁定過一次。',
    },
    json: {
      too_deep: '巢狀層級過深：最多 {{max}} 層。',
      too_large: '內容過大：鍵與文字合計最多 {{max}} 個字元。',
    },
    template: {
      not_object: '範本必須是 JSON 物件（以 { } 包住）。',
      unknown_variable: '「{{name}}」不是此處可用的預留位置，請從選單插入。',
      json_whole: 'json:{{name}} 預留位置必須獨佔整個字串，前後不能有其他內容。',
    },
  },
} satisfies typeof errorsEn;
