import type { errorReasonsEn } from './error-reasons.en.ts';

/** Each reason a service gives for a refusal, in 简体中文 (error-reasons.en.ts). */
export const errorReasonsZhCN = {
  target: {
    not_found: '该目标已不存在，可能已被删除。请刷新页面。',
  },
  delivery: {
    not_found: '找不到此 ID 对应的发送记录，可能已从日志中清除。请检查链接。',
    notification_gone: '这条记录所发送的通知已不再保存。',
    in_digest: '此通知已合并在摘要中发出，请改为重新发送该摘要的记录。',
    in_progress: '这条记录仍在发送中，请等它结束。',
    target_deleted: '这条记录的目标已被删除，无法重新发送。',
  },
  silence: {
    not_found: '该静默已不存在，请刷新页面。',
    already_ended: '该静默已经结束。',
    expired: '该静默已经到期。',
  },
  api_key: {
    not_found: '该 API 密钥已不存在，请刷新页面。',
  },
  provider: {
    not_found: 'Herald 不认识供应商“{{id}}”：中转站尚未上报它。',
  },
  user: {
    not_found: 'Herald 不认识用户“{{id}}”：中转站尚未上报该用户。',
  },
  legacy: {
    not_migratable: '旧版 Webhook 地址无法转换为目标。{{detail}}',
  },
  auth: {
    wrong_token: '管理员令牌错误，请检查后重试。',
    admin_required: '此操作需要管理员登录：会话已失效或尚未登录。请重新登录。',
    hub_key_required: '需要有效的中转站 API 密钥。',
    too_many_attempts: '此地址的错误尝试次数过多，请在 {{retryAfterSeconds}} 秒后重试。',
    cross_origin: '已拒绝：该修改来自其他网站（{{origin}}）。请通过控制台自己的地址打开。',
  },
  database: {
    unavailable: 'Herald 的数据库暂时不可用，请过几秒再试。',
  },
} satisfies typeof errorReasonsEn;
