import { errorReasonsJa } from './error-reasons.ja.ts';
import type { errorsEn } from './errors.en.ts';

/** サーバーエラーの日本語テキスト：API のエラーコード、項目ごとの問題コード、接続できない場合。 */
export const errorsJa = {
  network: 'Herald に接続できません。接続を確認して、もう一度お試しください。',
  generic: '問題が発生しました。もう一度お試しください。',
  server: {
    INVALID_INPUT: '入力内容に誤りがあります。',
    UNKNOWN_FIELD: 'Herald が認識できない項目がリクエストに含まれています。',
    UNAUTHENTICATED: 'セッションが切れました。もう一度サインインしてください。',
    FORBIDDEN: 'この操作を行う権限がありません。',
    NOT_FOUND: '対象はすでに存在しません。ページを再読み込みしてください。',
    METHOD_NOT_ALLOWED: 'リクエストの送り方が正しくありません。ページを再読み込みしてください。',
    TIMEOUT: 'リクエストがタイムアウトしました。もう一度お試しください。',
    CONFLICT: '対象はその間に変更されました。ページを再読み込みしてからお試しください。',
    PRECONDITION_FAILED: '必要なものが見つかりません（例：削除された送信先）。',
    PAYLOAD_TOO_LARGE: '一度に送るデータが多すぎます。分けて送ってください。',
    UNSUPPORTED_MEDIA_TYPE: 'Herald が読めない形式で送信されました。ページを再読み込みしてください。',
    RATE_LIMITED: '試行回数が多すぎます。しばらく待ってからお試しください。',
    INTERNAL: 'Herald で内部エラーが発生しました。もう一度お試しください。続く場合はサーバーログを確認してください。',
    UNAVAILABLE: 'Herald またはそのデータベースが現在利用できません。しばらくしてからお試しください。',
  },
  reason: errorReasonsJa,
  issue: {
    field: {
      required: '必須項目です。',
      invalid: 'この値は無効です。',
      unknown: 'この項目は認識できません。',
      wrong_type: 'この値の型が正しくありません。',
      not_allowed: 'この値は選択肢にありません。',
    },
    text: {
      too_short: '{{min}} 文字以上で入力してください。',
      too_long: '{{max}} 文字以内で入力してください。',
      one_line: '1 行で入力してください。',
      nul: 'NUL 文字は使えません。',
      surrogate: '壊れた文字（絵文字の半分）が含まれています。入力し直してください。',
    },
    number: {
      too_small: '{{min}} 以上にしてください。',
      too_large: '{{max}} 以下にしてください。',
      not_integer: '整数で入力してください。',
    },
    list: {
      too_few: '{{min}} 件以上追加してください。',
      too_many: '{{max}} 件までです。',
    },
    url: {
      invalid: 'https://example.com/hook のような完全な URL を入力してください。',
      scheme: 'URL は http:// または https:// で始めてください。',
      credentials: 'URL にユーザー名やパスワード（user:password@）を含めないでください。',
      https_required: '{{host}} の Webhook URL は https:// を使う必要があります。',
      unknown_platform: '{{host}} は WeCom・Feishu・DingTalk・Telegram の Webhook アドレスではありません。',
      telegram_chat: 'Telegram の URL には /bot<token>/sendMessage と ?chat_id=<chat> が必要です。',
    },
    cron: {
      invalid:
        'スケジュールの形式が正しくありません。分 時 日 月 曜日 の 5 項目で入力してください（例：30 9 * * 1-5）。',
      not_scheduled: 'この通知は発生時にすぐ送信されるため、スケジュールは使えません。',
    },
    timezone: { invalid: '一覧からタイムゾーンを選んでください（例：Asia/Shanghai、UTC）。' },
    time: { hhmm: '時刻は HH:mm の形式で入力してください（例：09:00）。' },
    target: {
      missing: 'この送信先はすでに存在しません。ページを再読み込みしてください。',
      bound_twice: 'この送信先はすでに一度バインドされています。',
    },
    json: {
      too_deep: '入れ子が深すぎます（最大 {{max}} 階層）。',
      too_large: '大きすぎます。キーとテキストは合計 {{max}} 文字までです。',
    },
    template: {
      not_object: 'テンプレートは { } で囲んだ JSON オブジェクトにしてください。',
      unknown_variable: '「{{name}}」はここで使えるプレースホルダーではありません。メニューから挿入してください。',
      json_whole: 'json:{{name}} プレースホルダーは前後に何も付けず、文字列全体にしてください。',
    },
  },
} satisfies typeof errorsEn;
