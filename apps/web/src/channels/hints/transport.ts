import type { ErrorHints } from '../types.ts';
import { hint } from './hint.ts';

/**
 * Failures before the platform answered, the same for every channel: the server's transport
 * error kinds (apps/server/src/net/errors.ts), read from the logged message by `errorCodeOf`.
 */
export const TRANSPORT_ERROR_HINTS: ErrorHints = {
  dns: hint(
    {
      'zh-CN': [
        '域名解析失败：找不到该地址的服务器。',
        '检查目标地址中的域名是否拼写正确，以及 Herald 所在服务器的 DNS 是否可用。',
      ],
      'zh-TW': [
        '網域解析失敗：找不到該位址的伺服器。',
        '檢查目標位址中的網域是否拼寫正確，以及 Herald 所在伺服器的 DNS 是否可用。',
      ],
      en: [
        'The host name did not resolve: no server was found for the address.',
        'Check the host name in the target’s address and the DNS of the server Herald runs on.',
      ],
      ja: [
        'ホスト名を解決できませんでした。',
        'ターゲットのアドレスのホスト名と、Herald が動くサーバーの DNS を確認してください。',
      ],
      ru: [
        'Имя хоста не разрешилось: сервер по адресу не найден.',
        'Проверьте имя хоста в адресе цели и DNS сервера, на котором работает Herald.',
      ],
    },
    'editTarget',
  ),
  connect: hint({
    'zh-CN': ['无法建立连接：对方拒绝或网络不可达。', '确认平台服务可访问；如需代理，请在目标或设置中配置代理。'],
    'zh-TW': ['無法建立連線：對方拒絕或網路無法連線。', '確認平台服務可連線；若需要代理，請在目標或設定中設定代理。'],
    en: [
      'No connection could be made: refused or unreachable.',
      'Make sure the platform can be reached from Herald’s server; set a proxy on the target or in Settings if it needs one.',
    ],
    ja: [
      '接続できませんでした（拒否または到達不能）。',
      'Herald のサーバーからプラットフォームに届くか確認し、必要ならターゲットか設定でプロキシを設定してください。',
    ],
    ru: [
      'Соединение не установлено: отказ или узел недоступен.',
      'Убедитесь, что платформа доступна с сервера Herald; при необходимости задайте прокси в цели или в настройках.',
    ],
  }),
  tls: hint({
    'zh-CN': ['TLS 握手失败：证书无效、过期或与域名不符。', '检查地址是否正确；自建服务请更换有效证书。'],
    'zh-TW': ['TLS 交握失敗：憑證無效、過期或與網域不符。', '檢查位址是否正確；自架服務請更換有效憑證。'],
    en: [
      'The TLS handshake failed: the certificate is invalid, expired or for another name.',
      'Check the address; a self-hosted service needs a valid certificate.',
    ],
    ja: [
      'TLS ハンドシェイクに失敗しました（証明書が無効・期限切れ・名前不一致）。',
      'アドレスを確認してください。自前のサービスには有効な証明書が必要です。',
    ],
    ru: [
      'Ошибка TLS: сертификат недействителен, просрочен или выдан на другое имя.',
      'Проверьте адрес; самостоятельно размещённому сервису нужен действующий сертификат.',
    ],
  }),
  timeout: hint({
    'zh-CN': ['超时：平台在限定时间内没有应答。', 'Herald 会自动重试；若持续出现，请检查网络或代理。'],
    'zh-TW': ['逾時：平台在限定時間內沒有回應。', 'Herald 會自動重試；若持續發生，請檢查網路或代理。'],
    en: [
      'Timed out: the platform did not answer in time.',
      'Herald retries on its own; if it keeps happening, check the network or the proxy.',
    ],
    ja: [
      'タイムアウト：プラットフォームが時間内に応答しませんでした。',
      'Herald が自動で再試行します。続く場合はネットワークかプロキシを確認してください。',
    ],
    ru: [
      'Тайм-аут: платформа не ответила вовремя.',
      'Herald повторит сам; если это повторяется, проверьте сеть или прокси.',
    ],
  }),
  policy: hint(
    {
      'zh-CN': [
        '地址被出站策略拒绝（内网、回环等地址不允许）。',
        '改用公网地址，或由管理员把该网段加入 OUTBOUND_ALLOW_CIDRS。',
      ],
      'zh-TW': [
        '位址被對外連線政策拒絕（內網、回送等位址不允許）。',
        '改用公開位址，或由管理員將該網段加入 OUTBOUND_ALLOW_CIDRS。',
      ],
      en: [
        'The outbound policy refused the address (private, loopback and similar addresses are not allowed).',
        'Use a public address, or have the operator add the range to OUTBOUND_ALLOW_CIDRS.',
      ],
      ja: [
        '送信ポリシーがアドレスを拒否しました（プライベートやループバックは不可）。',
        '公開アドレスを使うか、運用者に OUTBOUND_ALLOW_CIDRS へ範囲を追加してもらってください。',
      ],
      ru: [
        'Политика исходящих соединений отклонила адрес (частные, loopback и подобные запрещены).',
        'Укажите публичный адрес или попросите администратора добавить диапазон в OUTBOUND_ALLOW_CIDRS.',
      ],
    },
    'editTarget',
  ),
  proxy: hint({
    'zh-CN': ['代理出错：无法连接代理，或代理拒绝了转发。', '检查代理地址、账号和密码；可开启“代理失败时直连”。'],
    'zh-TW': ['代理錯誤：無法連線代理，或代理拒絕轉送。', '檢查代理位址、帳號與密碼；可開啟「代理失敗時直接連線」。'],
    en: [
      'The proxy failed: unreachable, or it refused the tunnel.',
      'Check the proxy address and its credentials, or allow falling back to a direct connection.',
    ],
    ja: [
      'プロキシでエラー（到達不能、またはトンネルを拒否）。',
      'プロキシのアドレスと認証情報を確認するか、直接接続へのフォールバックを許可してください。',
    ],
    ru: [
      'Ошибка прокси: недоступен или отказал в туннеле.',
      'Проверьте адрес прокси и учётные данные или разрешите прямое подключение при сбое.',
    ],
  }),
  reset: hint({
    'zh-CN': ['连接在发送后被断开，消息可能已送达。', '先在群里确认是否收到，再决定是否重发。'],
    'zh-TW': ['連線在送出後被中斷，訊息可能已送達。', '先在群組中確認是否收到，再決定是否重送。'],
    en: [
      'The connection dropped after sending: the message may have arrived.',
      'Check the chat before you resend, to avoid a duplicate.',
    ],
    ja: [
      '送信後に接続が切れました。メッセージは届いている可能性があります。',
      '重複を避けるため、再送の前にチャットを確認してください。',
    ],
    ru: [
      'Соединение оборвалось после отправки: сообщение могло дойти.',
      'Проверьте чат перед повторной отправкой, чтобы не было дубля.',
    ],
  }),
  redirect: hint(
    {
      'zh-CN': ['平台返回了重定向，Herald 不会跟随。', '把目标地址更新为重定向后的正确地址。'],
      'zh-TW': ['平台回傳了重新導向，Herald 不會跟隨。', '將目標位址更新為重新導向後的正確位址。'],
      en: [
        'The platform answered with a redirect, which Herald never follows.',
        'Update the target’s address to the one it redirects to.',
      ],
      ja: [
        'プラットフォームがリダイレクトを返しました（Herald は追従しません）。',
        'ターゲットのアドレスをリダイレクト先に更新してください。',
      ],
      ru: [
        'Платформа ответила перенаправлением, Herald по нему не переходит.',
        'Обновите адрес цели на тот, куда ведёт перенаправление.',
      ],
    },
    'editTarget',
  ),
};
