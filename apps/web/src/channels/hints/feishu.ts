import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/** Feishu's known error codes (apps/server/src/senders/feishu.ts). */
export const FEISHU_ERROR_HINTS: ErrorHints = {
  '19021': hint(
    {
      'zh-CN': [
        '签名校验失败：签名密钥错误，或服务器时间与标准时间相差超过 1 小时。',
        '核对目标的签名密钥与机器人“签名校验”中的一致，并检查服务器时钟。',
      ],
      'zh-TW': [
        '簽章驗證失敗：簽章密鑰錯誤，或伺服器時間與標準時間相差超過 1 小時。',
        '核對目標的簽章密鑰與機器人「簽章驗證」中的一致，並檢查伺服器時鐘。',
      ],
      en: [
        'Signature check failed: the signing secret is wrong, or the server clock is more than an hour off.',
        'Make the target’s signing secret match the robot’s “Signature verification”, and check the server clock.',
      ],
      ja: [
        '署名検証に失敗しました（署名シークレットの誤り、またはサーバー時刻が 1 時間以上ずれている）。',
        'ターゲットの署名シークレットをボットの「署名検証」と一致させ、サーバー時刻も確認してください。',
      ],
      ru: [
        'Проверка подписи не пройдена: неверный секрет или часы сервера расходятся больше чем на час.',
        'Сверьте секрет подписи цели с «Проверкой подписи» бота и проверьте часы сервера.',
      ],
    },
    'editTarget',
  ),
  '9499': hint({
    'zh-CN': [
      '飞书拒绝了请求：请求过于频繁，或参数有误。',
      '若是限流，Herald 会自动等待重发；否则请检查消息模板中的字段。',
    ],
    'zh-TW': [
      '飛書拒絕了請求：請求過於頻繁，或參數有誤。',
      '若是限流，Herald 會自動等待重送；否則請檢查訊息範本中的欄位。',
    ],
    en: [
      'Feishu refused the request: too many requests, or a bad parameter.',
      'For a rate limit Herald waits and resends; otherwise check the fields of the message template.',
    ],
    ja: [
      'Feishu がリクエストを拒否しました（頻度超過またはパラメータ誤り）。',
      '頻度制限なら Herald が待って再送します。そうでなければテンプレートの項目を確認してください。',
    ],
    ru: [
      'Feishu отклонил запрос: слишком часто или неверный параметр.',
      'При лимите Herald подождёт и повторит; иначе проверьте поля шаблона сообщения.',
    ],
  }),
  '11232': hint({
    'zh-CN': [
      '触发飞书流控：机器人发送频率超限（每分钟 100 条、每秒 5 条）。',
      'Herald 会自动等待后重发；可开启分组合并以减少条数。',
    ],
    'zh-TW': [
      '觸發飛書流量控制：機器人傳送頻率超限（每分鐘 100 則、每秒 5 則）。',
      'Herald 會自動等待後重送；可開啟分組合併以減少則數。',
    ],
    en: [
      'Feishu’s flow control: the robot sent too often (100 a minute, 5 a second).',
      'Herald waits and sends again on its own; grouping alerts sends fewer messages.',
    ],
    ja: [
      'Feishu の流量制御（毎分 100 件・毎秒 5 件まで）。',
      'Herald が自動で待って再送します。グループ化で件数を減らせます。',
    ],
    ru: [
      'Ограничение потока Feishu: бот отправляет слишком часто (100 в минуту, 5 в секунду).',
      'Herald сам подождёт и отправит снова; группировка уменьшит число сообщений.',
    ],
  }),
};
