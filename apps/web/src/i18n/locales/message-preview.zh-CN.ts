import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** 消息预览（目标对话框、绑定编辑、投递详情）的简体中文文字。 */
export const messagePreviewZhCN = {
  title: '消息效果预览',
  type: '示例通知',
  language: '消息语言：{{language}}',
  view: '预览方式',
  asShown: '实际效果',
  json: '请求体（JSON）',
  truncated: '已按平台长度限制截短。',
  failed: '无法生成预览：{{message}}',
  subject: '主题',
  emailBody: '邮件正文',
  priority: '优先级 {{priority}}',
} satisfies Text['messagePreview'];
