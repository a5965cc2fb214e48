import { errorReasonsEn } from './error-reasons.en.ts';

/** English text for server errors: each API code, each field issue code (core issue-codes.ts), and no answer at all. */
export const errorsEn = {
  network: 'Herald could not be reached. Check the connection and try again.',
  generic: 'Something went wrong. Try again.',
  server: {
    INVALID_INPUT: 'Some fields are not valid.',
    UNKNOWN_FIELD: 'The request has a field Herald does not know.',
    UNAUTHENTICATED: 'Your session has ended. Sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'It no longer exists. Reload the page.',
    METHOD_NOT_ALLOWED: 'The request was sent the wrong way. Reload the page.',
    TIMEOUT: 'The request took too long. Try again.',
    CONFLICT: 'It was changed in the meantime. Reload the page and try again.',
    PRECONDITION_FAILED: 'Something this needs is missing, for example a deleted target.',
    PAYLOAD_TOO_LARGE: 'Too much data at once. Send less.',
    UNSUPPORTED_MEDIA_TYPE: 'The request was sent in a format Herald does not read. Reload the page.',
    RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
    INTERNAL: 'Herald hit an internal error. Try again; if it persists, check the server log.',
    UNAVAILABLE: 'Herald or its database is unavailable right now. Try again shortly.',
  },
  reason: errorReasonsEn,
  issue: {
    field: {
      required: 'Required.',
      invalid: 'This value is not valid.',
      unknown: 'This field is not recognised.',
      wrong_type: 'This value has the wrong type.',
      not_allowed: 'This value is not one of the choices.',
    },
    text: {
      too_short: 'Use at least {{min}} characters.',
      too_long: 'Use at most {{max}} characters.',
      one_line: 'Must be a single line.',
      nul: 'Must not contain a NUL character.',
      surrogate: 'Contains a broken character (half of an emoji). Type it again.',
    },
    number: {
      too_small: 'Must be {{min}} or more.',
      too_large: 'Must be {{max}} or less.',
      not_integer: 'Must be a whole number.',
    },
    list: {
      too_few: 'Add at least {{min}}.',
      too_many: 'At most {{max}} allowed.',
    },
    url: {
      invalid: 'Enter a full URL, such as https://example.com/hook.',
      scheme: 'The URL must start with http:// or https://.',
      credentials: 'The URL must not contain a user name or password (user:password@).',
      https_required: 'Webhook URLs on {{host}} must use https://.',
      unknown_platform: '{{host}} is not a WeCom, Feishu, DingTalk or Telegram webhook address.',
      telegram_chat: 'A Telegram URL needs /bot<token>/sendMessage and ?chat_id=<chat>.',
    },
    cron: {
      invalid: 'Not a valid schedule. Use five fields: minute hour day month weekday, e.g. 30 9 * * 1-5.',
      not_scheduled: 'This notification is sent when it happens; a schedule does not apply.',
    },
    timezone: { invalid: 'Choose a time zone from the list, such as Asia/Shanghai or UTC.' },
    time: { hhmm: 'Enter a time as HH:mm, e.g. 09:00.' },
    target: {
      missing: 'This target no longer exists. Reload the page.',
      bound_twice: 'This target is already bound here once.',
    },
    json: {
      too_deep: 'Nested too deeply: at most {{max}} levels.',
      too_large: 'Too large: at most {{max}} characters of keys and text.',
    },
    template: {
      not_object: 'The template must be a JSON object, in { }.',
      unknown_variable: '“{{name}}” is not a placeholder Herald knows here. Insert one from the menu.',
      json_whole: 'A json:{{name}} placeholder must be the whole string, with nothing around it.',
    },
  },
};
