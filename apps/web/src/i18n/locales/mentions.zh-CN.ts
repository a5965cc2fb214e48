import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** 绑定的 @ 提醒（通知页面的绑定编辑）的简体中文文字。 */
export const mentionsZhCN = {
  people: '@ 提醒',
  peoplePlaceholder: '输入后按回车',
  examples: '消息要提醒的人，例如：{{examples}}',
  levels: '仅限级别',
  levelsPlaceholder: '所有级别',
  level: { info: '信息', warning: '警告', error: '错误' },
  wechatNote:
    '企业微信的 markdown 消息无法 @ 人：有提醒时改发纯文本消息（最多 2048 字节），用户 ID 放入 mentioned_list，手机号放入 mentioned_mobile_list。',
  dingtalkNote: '每个人也会以 @… 写在消息末尾：钉钉只提醒两处都出现的人。',
  feishuNote: '自定义机器人按 open_id（ou_…）或 user_id 提醒；all 表示所有人。',
  telegramNote: '填写 @用户名；没有用户名的人填写数字用户 ID（后面可加显示的名字）。',
  previewTitle: '带提醒的预览',
  previewNobody: '此示例是{{level}}级别的消息：按所选级别，不会提醒任何人。',
} satisfies Text['notificationsPage']['mentions'];
