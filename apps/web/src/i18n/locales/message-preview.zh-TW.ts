import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** 訊息預覽（目標對話框、綁定編輯、傳送詳情）的繁體中文文字。 */
export const messagePreviewZhTW = {
  title: '訊息呈現預覽',
  type: '範例通知',
  language: '訊息語言：{{language}}',
  view: '預覽方式',
  asShown: '實際呈現',
  json: '請求本文（JSON）',
  truncated: '已依平台長度上限截短。',
  failed: '無法產生預覽：{{message}}',
  subject: '主旨',
  emailBody: '郵件內文',
  priority: '優先順序 {{priority}}',
} satisfies Text['messagePreview'];
