/** 旧版 Webhook 地址测试的简体中文文本（通知页面，旧版模式）。 */
export const legacyTestZhCN = {
  button: '测试',
  buttonLabel: '测试{{type}}',
  hint: '向当前输入的地址发送一条示例消息，不会保存该地址。',
  empty: '请输入要测试的地址：已保存的地址不会回传到浏览器。',
  resultLabel: '{{type}}的测试结果',
  platform: '识别的平台：',
  failed: '无法执行测试：{{message}}',
};
