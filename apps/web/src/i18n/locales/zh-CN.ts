import type { Translation } from './en.ts';

/** 简体中文界面文本。键必须与 en.ts 完全一致（类型检查与单元测试都会核对）。 */
export const zhCN: Translation = {
  app: {
    name: 'Herald',
    documentTitle: '{{page}} · Herald',
  },
  language: {
    label: '语言',
  },
  colorScheme: {
    toDark: '切换到深色模式',
    toLight: '切换到浅色模式',
  },
  header: {
    openNavigation: '打开导航',
    closeNavigation: '关闭导航',
    logout: '退出登录',
    logoutFailed: '退出登录失败：{{message}}',
  },
  nav: {
    label: '主导航',
    overview: '概览',
    notifications: '通知',
    targets: '推送目标',
    deliveries: '发送记录',
    apiKeys: 'API 密钥',
    settings: '设置',
  },
  login: {
    documentTitle: '登录',
    title: '登录 Herald',
    subtitle: '为你的 AI API 中转站发送通知',
    tokenLabel: '管理员令牌',
    showToken: '显示令牌',
    tokenDescription: '服务器运行时使用的 ADMIN_TOKEN。如果它是自动生成的，服务器会在首次启动时打印一次。',
    submit: '登录',
    errorTitle: '无法登录',
    tokenRequired: '请输入管理员令牌。',
    tokenTooLong: '管理员令牌最多 512 个字符。',
    wrongToken: '管理员令牌错误，请检查后重试。',
    tooManyAttempts: '尝试次数过多，请等待一分钟后再试。',
    networkError: '无法连接 Herald 服务器，请确认它正在运行。',
    unexpectedError: '登录失败：{{message}}',
  },
  session: {
    expiredTitle: '已退出登录',
    expired: '你的会话已结束，请重新登录后继续。',
  },
  pages: {
    overview: {
      description: '一眼看清发送状况：通知是否开启、最近的发送与失败，以及需要关注的推送目标。',
      empty: '还没有发送过任何消息。中转站上报事件后，动态会显示在这里。',
    },
    notifications: {
      description:
        '开启或关闭每种通知（熔断告警、成本预警、每日排行榜），选择接收的推送目标，设置发送时间，并预览实际消息内容。',
      empty: '通知类型及其绑定会列在这里。',
    },
    targets: {
      description:
        'Herald 发送消息的群聊：企业微信、飞书、钉钉、Telegram 和自定义 Webhook。可添加目标、发送测试消息并查看最近一次结果。',
      empty: '还没有推送目标。添加的目标会列在这里。',
    },
    deliveries: {
      description: '发送日志：每条消息发往每个目标的状态、尝试次数、耗时和平台的响应。失败的消息可以在这里重新发送。',
      empty: '还没有发送记录。Herald 发送的每条消息都会记录在这里。',
    },
    apiKeys: {
      description: '你的 AI API 中转站向 Herald 上报事件时使用的密钥。新密钥只显示一次；不再使用的密钥请吊销。',
      empty: '还没有 API 密钥。创建的密钥会列在这里。',
    },
    settings: {
      description: '全局开关、消息语言、时区、成本预警阈值与检查间隔，以及每日排行榜的发送时间。',
      empty: '设置会在这里编辑。',
    },
  },
  apiKeys: {
    create: '创建 API 密钥',
    tableLabel: 'API 密钥',
    name: '名称',
    key: '密钥',
    created: '创建时间',
    lastUsed: '最近使用',
    status: '状态',
    actions: '操作',
    never: '从未使用',
    active: '有效',
    revokedStatus: '已吊销',
    revoke: '吊销',
    revokeNamed: '吊销 {{name}}',
    loadFailed: '无法加载 API 密钥：{{message}}',
    createTitle: '创建 API 密钥',
    nameDescription: '哪个中转站会使用它，方便以后区分不同的密钥。',
    nameRequired: '请输入密钥名称。',
    nameTooLong: '最多 {{max}} 个字符。',
    createSubmit: '创建密钥',
    createFailed: '无法创建密钥：{{message}}',
    createdTitle: '复制新的 API 密钥',
    createdWarning: '密钥只会显示这一次。请立即把它填入中转站的配置。',
    newKey: '新的 API 密钥',
    copy: '复制',
    copied: '已复制',
    done: '完成',
    revokeTitle: '吊销 API 密钥',
    revokeConfirm: '确定吊销“{{name}}”吗？使用此密钥的中转站将从现在起被拒绝。此操作无法撤销。',
    revokeFailed: '无法吊销密钥：{{message}}',
    revokedNotice: '已吊销 API 密钥“{{name}}”。',
  },
  placeholder: {
    title: '暂无内容',
  },
  notFound: {
    title: '页面不存在',
    description: '这个地址没有对应的页面。',
    backHome: '返回概览',
  },
  common: {
    close: '关闭',
    cancel: '取消',
  },
  error: {
    title: '出错了',
    retry: '重试',
  },
};
