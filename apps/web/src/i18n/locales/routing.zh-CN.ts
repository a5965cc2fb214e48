import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import type { routingEn } from './routing.en.ts';

/** 通知页的路由表、未保存更改栏和离开提示。 */
export const routingZhCN = {
  gridTitle: '路由',
  gridDescription: '哪个目标接收哪种通知。选择一种类型以编辑它的设置和绑定。',
  target: '推送目标',
  route: '将{{type}}发送到 {{target}}',
  editType: '编辑{{type}}',
  selected: '正在编辑',
  noTargets: '还没有目标：请先在“推送目标”页添加。',
  legacyNote: '旧版模式下每种类型发送到各自的 Webhook 地址；切换到多目标模式后才能按目标路由。',
  unsaved: '未保存的更改',
  unsavedCount_other: '{{count}} 项更改未保存',
  discard: '放弃更改',
  leaveTitle: '不保存就离开？',
  leaveBody: '本页的更改尚未保存，离开后将会丢失。',
  stay: '留在本页',
  leave: '放弃并离开',
} satisfies CatalogueOf<typeof routingEn, PluralsOther>;
