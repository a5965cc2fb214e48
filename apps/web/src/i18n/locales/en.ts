/** English UI text. The key set here is the contract: zh-CN must have exactly the same keys. */
export const en = {
  app: {
    name: 'Herald',
    documentTitle: '{{page}} · Herald',
  },
  language: {
    label: 'Language',
  },
  colorScheme: {
    toDark: 'Switch to dark mode',
    toLight: 'Switch to light mode',
  },
  header: {
    openNavigation: 'Open navigation',
    closeNavigation: 'Close navigation',
    logout: 'Log out',
    logoutFailed: 'Could not log out: {{message}}',
  },
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    notifications: 'Notifications',
    targets: 'Targets',
    deliveries: 'Deliveries',
    apiKeys: 'API keys',
    settings: 'Settings',
  },
  login: {
    documentTitle: 'Sign in',
    title: 'Sign in to Herald',
    subtitle: 'Notifications for your AI API hub',
    tokenLabel: 'Admin token',
    showToken: 'Show token',
    tokenDescription:
      'The ADMIN_TOKEN the server runs with. When it was generated, the server printed it once at first start.',
    submit: 'Sign in',
    errorTitle: 'Could not sign in',
    tokenRequired: 'Enter the admin token.',
    tokenTooLong: 'The admin token is at most 512 characters.',
    wrongToken: 'Wrong admin token. Check it and try again.',
    tooManyAttempts: 'Too many attempts. Wait a minute, then try again.',
    networkError: 'Could not reach the Herald server. Check that it is running.',
    unexpectedError: 'Sign-in failed: {{message}}',
  },
  session: {
    expiredTitle: 'Signed out',
    expired: 'Your session has ended. Sign in again to continue.',
  },
  pages: {
    overview: {
      description:
        'The state of delivery at a glance: whether notifications are on, recent deliveries and failures, and targets that need attention.',
      empty: 'Nothing has been delivered yet. Activity will show up here once your hub reports events.',
    },
    notifications: {
      description:
        'Turn each notification type on or off (circuit breaker, cost alert, daily leaderboard), choose the targets that receive it, set schedules and preview the exact message.',
      empty: 'Notification types and their bindings will be listed here.',
    },
    targets: {
      description:
        'The chats Herald sends to: WeCom, Feishu, DingTalk, Telegram and custom webhooks. Add targets, send a test message and see the last result.',
      empty: 'No targets yet. Targets you add will be listed here.',
    },
    deliveries: {
      description:
        'The delivery log: every message sent to every target with its status, attempts, latency and the platform’s answer. Failed messages can be resent from here.',
      empty: 'No deliveries yet. Every message Herald sends will be recorded here.',
    },
    apiKeys: {
      description:
        'Keys your AI API hub uses to report events to Herald. A new key is shown only once; revoke keys you no longer use.',
      empty: 'No API keys yet. Keys you create will be listed here.',
    },
    settings: {
      description:
        'Global switches, message language, time zone, the cost-alert threshold and check interval, and the time of the daily leaderboard.',
      empty: 'Settings will be edited here.',
    },
  },
  apiKeys: {
    create: 'Create API key',
    tableLabel: 'API keys',
    name: 'Name',
    key: 'Key',
    created: 'Created',
    lastUsed: 'Last used',
    status: 'Status',
    actions: 'Actions',
    never: 'Never',
    active: 'Active',
    revokedStatus: 'Revoked',
    revoke: 'Revoke',
    revokeNamed: 'Revoke {{name}}',
    loadFailed: 'Could not load the API keys: {{message}}',
    createTitle: 'Create an API key',
    nameDescription: 'Which hub will use it, so you can tell keys apart later.',
    nameRequired: 'Enter a name for the key.',
    nameTooLong: 'At most {{max}} characters.',
    createSubmit: 'Create key',
    createFailed: 'Could not create the key: {{message}}',
    createdTitle: 'Copy your new API key',
    createdWarning: 'This is the only time the key is shown. Put it in your hub’s configuration now.',
    newKey: 'New API key',
    copy: 'Copy',
    copied: 'Copied',
    done: 'Done',
    revokeTitle: 'Revoke API key',
    revokeConfirm: 'Revoke “{{name}}”? A hub using this key is refused from now on. This cannot be undone.',
    revokeFailed: 'Could not revoke the key: {{message}}',
    revokedNotice: 'API key “{{name}}” revoked.',
  },
  placeholder: {
    title: 'Nothing to show yet',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address.',
    backHome: 'Back to the overview',
  },
  common: {
    close: 'Close',
    cancel: 'Cancel',
  },
  error: {
    title: 'Something went wrong',
    retry: 'Try again',
  },
};

export type Translation = typeof en;
