import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 空状态的操作按钮（填满空列表的那一步）和 Webhook 地址规则的中文文本。 */
export const emptyStatesZhCN = {
  noMatchTitle: '没有匹配的内容',
  targets: { action: '添加第一个推送目标' },
  apiKeys: { action: '创建第一个密钥' },
  silences: { action: '创建静默' },
  deliveries: {
    toTargets: '去推送目标页发送测试',
    toNotifications: '去通知页设置路由',
    showAll: '显示全部发送记录',
  },
  routing: {
    addTarget: '添加推送目标',
    howToBind: '在路由表中打开对应开关，或在下方选择一个目标。',
  },
  overview: { connectHub: '用 API 密钥接入中转站' },
  urlRule: '{{platforms}}的地址必须以 https:// 开头；其他地址（本机或内网的服务）也可以使用 http://。',
} satisfies Catalogue<PluralsOther>['emptyStates'];
