import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** Microsoft Teams Workflows trigger errors (apps/server/src/senders/teams.ts). */
export const TEAMS_ERROR_HINTS: ErrorHints = {
  InvalidRequestContent: hint({
    'zh-CN': [
      '工作流不接受这条消息的内容格式。',
      '确认工作流以“收到 Teams Webhook 请求时”触发，并发送自适应卡片到聊天或频道。',
    ],
    'zh-TW': [
      '工作流程不接受此訊息的內容格式。',
      '確認工作流程以「收到 Teams Webhook 要求時」觸發，並將調適型卡片張貼到聊天或頻道。',
    ],
    en: [
      'The workflow did not accept the message’s content.',
      'Make sure the workflow starts with “When a Teams webhook request is received” and posts an adaptive card.',
    ],
    ja: [
      'ワークフローがメッセージの内容を受け付けませんでした。',
      'ワークフローが「Teams Webhook 要求を受信したとき」で始まり、アダプティブ カードを投稿するか確認してください。',
    ],
    ru: [
      'Рабочий процесс не принял содержимое сообщения.',
      'Проверьте, что процесс начинается с «When a Teams webhook request is received» и публикует адаптивную карточку.',
    ],
  }),
  DirectApiAuthorizationRequired: hint(
    {
      'zh-CN': [
        '工作流地址缺少签名参数（sig），或要求登录验证。',
        '从工作流触发器重新复制完整地址（含 sig=…），并更新目标。',
      ],
      'zh-TW': [
        '工作流程網址缺少簽章參數（sig），或要求登入驗證。',
        '從工作流程觸發程序重新複製完整網址（含 sig=…），並更新目標。',
      ],
      en: [
        'The workflow URL lacks its signature (sig) or requires sign-in.',
        'Copy the whole URL (with sig=…) from the workflow’s trigger again and update the target.',
      ],
      ja: [
        'ワークフロー URL に署名（sig）がないか、サインインが必要です。',
        'トリガーから URL 全体（sig=… を含む）をコピーし直し、ターゲットを更新してください。',
      ],
      ru: [
        'В URL процесса нет подписи (sig) или требуется вход.',
        'Скопируйте URL целиком (с sig=…) из триггера процесса и обновите цель.',
      ],
    },
    'editTarget',
  ),
  WorkflowTriggerIsNotEnabled: hint({
    'zh-CN': ['工作流已关闭。', '在 Power Automate 中打开该工作流，然后重发。'],
    'zh-TW': ['工作流程已關閉。', '在 Power Automate 中開啟該工作流程，然後重送。'],
    en: ['The workflow is turned off.', 'Turn it on in Power Automate, then resend.'],
    ja: ['ワークフローがオフになっています。', 'Power Automate でオンにしてから再送してください。'],
    ru: ['Рабочий процесс выключен.', 'Включите его в Power Automate и отправьте повторно.'],
  }),
};
