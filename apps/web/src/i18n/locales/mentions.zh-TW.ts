import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** 繫結的 @ 提醒（通知頁面的繫結編輯）的繁體中文文字。 */
export const mentionsZhTW = {
  people: '@ 提醒',
  peoplePlaceholder: '輸入後按 Enter',
  examples: '訊息要提醒的人，例如：{{examples}}',
  levels: '僅限等級',
  levelsPlaceholder: '所有等級',
  level: { info: '資訊', warning: '警告', error: '錯誤' },
  wechatNote:
    '企業微信的 markdown 訊息無法 @ 人：有提醒時改發純文字訊息（最多 2048 位元組），使用者 ID 放入 mentioned_list，手機號碼放入 mentioned_mobile_list。',
  dingtalkNote: '每個人也會以 @… 寫在訊息末尾：釘釘只提醒兩處都出現的人。',
  feishuNote: '自訂機器人依 open_id（ou_…）或 user_id 提醒；all 表示所有人。',
  telegramNote: '填寫 @使用者名稱；沒有使用者名稱的人填寫數字使用者 ID（後面可加顯示的名字）。',
  previewTitle: '含提醒的預覽',
  previewNobody: '此範例是{{level}}等級的訊息：依所選等級，不會提醒任何人。',
} satisfies Text['notificationsPage']['mentions'];
