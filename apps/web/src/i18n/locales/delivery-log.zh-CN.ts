import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import type { deliveryLogEn } from './delivery-log.en.ts';

/** 发送记录的分组与错误说明（简体中文）。 */
export const deliveryLogZhCN = {
  sentTo_other: '发往 {{count}} 个推送目标',
  hintTitle: '含义',
  hintAction: '处理方法',
  hintCode: '错误码 {{code}}',
  editTarget: '编辑推送目标',
  editTargetNamed: '编辑推送目标“{{name}}”',
} satisfies CatalogueOf<typeof deliveryLogEn, PluralsOther>;
