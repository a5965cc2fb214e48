import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** Claude Code Hub 健康连接器的简体中文文本（设置页面）。 */
export const cchConnectorZhCN = {
  title: 'Claude Code Hub 健康连接器',
  description:
    '可选。Herald 定期读取 Claude Code Hub 中每个供应商的熔断器状态，发送自己的告警，以及 CCH 从不发送的恢复消息，发往熔断告警的绑定。不启用它，CCH 的 Webhook 同样可用（见 docs/cch-bridge.md）。',
  enabled: '轮询 Claude Code Hub',
  baseUrl: 'CCH 地址',
  baseUrlDescription: 'CCH 的访问地址，例如 https://cch.example.com；Herald 会调用其中的 /api/v1/providers/health。',
  token: 'CCH 管理员令牌',
  tokenDescription: 'CCH 的 ADMIN_TOKEN 或管理员的 API Key。加密保存，之后不再显示。',
  interval: '轮询间隔（秒）',
  intervalDescription: '{{min}} 到 {{max}} 秒。',
  save: '保存连接器',
  saved: '连接器已保存。',
  saveFailed: '无法保存连接器：{{message}}',
  loadFailed: '无法加载连接器：{{message}}',
  test: '测试',
  testFailed: '无法执行测试：{{message}}',
  testOk: 'CCH 在 {{ms}} 毫秒内应答',
  testNotOk: '无法读取 CCH',
  testProviders: '{{providers}} 个供应商，其中 {{notClosed}} 个熔断器未闭合。',
  neverPolled: '尚未轮询。',
  lastPollOk: '上次轮询（<at/>）：{{providers}} 个供应商，其中 {{notClosed}} 个熔断器未闭合。',
  lastPollFailed: '上次轮询（<at/>）失败：{{error}}',
} satisfies Catalogue<PluralsOther>['cchConnector'];
