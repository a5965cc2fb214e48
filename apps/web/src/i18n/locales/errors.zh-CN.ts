import { errorReasonsZhCN } from './error-reasons.zh-CN.ts';
import type { errorsEn } from './errors.en.ts';

/** 服务器错误的简体中文文本：每个接口错误码、每个字段问题码，以及无法连接的情况。 */
export const errorsZhCN = {
  network: '无法连接到 Herald，请检查网络后重试。',
  generic: '出了点问题，请重试。',
  server: {
    INVALID_INPUT: '部分字段填写有误。',
    UNKNOWN_FIELD: '请求中包含 Herald 不认识的字段。',
    UNAUTHENTICATED: '登录已失效，请重新登录。',
    FORBIDDEN: '你没有执行此操作的权限。',
    NOT_FOUND: '该对象已不存在，请刷新页面。',
    METHOD_NOT_ALLOWED: '请求方式不正确，请刷新页面。',
    TIMEOUT: '请求超时，请重试。',
    CONFLICT: '该对象已被修改，请刷新页面后重试。',
    PRECONDITION_FAILED: '缺少所需的对象，例如目标已被删除。',
    PAYLOAD_TOO_LARGE: '一次提交的数据过多，请分批提交。',
    UNSUPPORTED_MEDIA_TYPE: '请求格式无法识别，请刷新页面。',
    RATE_LIMITED: '尝试次数过多，请稍后再试。',
    INTERNAL: 'Herald 内部出错。请重试；如果问题持续，请查看服务器日志。',
    UNAVAILABLE: 'Herald 或其数据库暂时不可用，请稍后再试。',
  },
  reason: errorReasonsZhCN,
  issue: {
    field: {
      required: '此项为必填。',
      invalid: '该值无效。',
      unknown: '无法识别此字段。',
      wrong_type: '该值的类型不正确。',
      not_allowed: '该值不在可选范围内。',
    },
    text: {
      too_short: '至少需要 {{min}} 个字符。',
      too_long: '最多 {{max}} 个字符。',
      one_line: '只能填写一行。',
      nul: '不能包含 NUL 字符。',
      surrogate: '包含损坏的字符（半个表情符号），请重新输入。',
    },
    number: {
      too_small: '不能小于 {{min}}。',
      too_large: '不能大于 {{max}}。',
      not_integer: '必须是整数。',
    },
    list: {
      too_few: '至少需要 {{min}} 项。',
      too_many: '最多 {{max}} 项。',
    },
    url: {
      invalid: '请输入完整的网址，例如 https://example.com/hook。',
      scheme: '网址必须以 http:// 或 https:// 开头。',
      credentials: '网址中不能包含用户名或密码（user:password@）。',
      https_required: '{{host}} 上的 Webhook 地址必须使用 https://。',
      unknown_platform: '{{host}} 不是企业微信、飞书、钉钉或 Telegram 的 Webhook 地址。',
      telegram_chat: 'Telegram 地址需要包含 /bot<token>/sendMessage 和 ?chat_id=<chat>。',
    },
    cron: {
      invalid: '计划格式无效。请填写五个字段：分 时 日 月 星期，例如 30 9 * * 1-5。',
      not_scheduled: '此类通知在事件发生时立即发送，不适用计划。',
    },
    timezone: { invalid: '请从列表中选择时区，例如 Asia/Shanghai 或 UTC。' },
    time: { hhmm: '请按 HH:mm 格式填写时间，例如 09:00。' },
    target: {
      missing: '该目标已不存在，请刷新页面。',
      bound_twice: '该目标已绑定过一次。',
    },
    json: {
      too_deep: '嵌套过深：最多 {{max}} 层。',
      too_large: '内容过大：键和文本合计最多 {{max}} 个字符。',
    },
    template: {
      not_object: '模板必须是 JSON 对象（用 { } 包裹）。',
      unknown_variable: '“{{name}}”不是此处可用的占位符，请从菜单中插入。',
      json_whole: 'json:{{name}} 占位符必须独占整个字符串，前后不能有其他内容。',
    },
  },
} satisfies typeof errorsEn;
