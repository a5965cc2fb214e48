/** What went wrong, in words a sender can map to retry/fallback decisions and an admin can read. */
export type TransportErrorKind =
  | 'request' // the caller's input: bad URL, scheme, header, proxy URL
  | 'policy' // an address refused by the outbound policy
  | 'dns' // the name did not resolve
  | 'connect' // TCP connect failed (refused, unreachable)
  | 'timeout'
  | 'reset' // the connection dropped after it was set up
  | 'tls'
  | 'proxy' // the proxy failed: unreachable, refused the tunnel, rejected credentials
  | 'redirect' // the platform answered with a redirect, which is never followed
  | 'protocol'; // the answer was not valid HTTP

/** Where it went wrong: before any network use, talking to the proxy, or talking to the platform. */
export type TransportStage = 'local' | 'proxy' | 'target';

export type Via = 'proxy' | 'direct';

export type TransportErrorInit = {
  kind: TransportErrorKind;
  stage: TransportStage;
  message: string;
  delivered: boolean;
  via: Via;
  code?: string | undefined;
  status?: number | undefined;
  proxyError?: TransportError | undefined;
};

/**
 * A failed send. `delivered` is false only when the request bytes were certainly never sent
 * (policy, DNS, connect, proxy handshake, connect timeout): then sending again cannot
 * double-deliver. The message never holds URL paths, queries or credentials.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly kind: TransportErrorKind;
  readonly stage: TransportStage;
  readonly delivered: boolean;
  readonly via: Via;
  /** The system or library code behind it (ECONNREFUSED, UND_ERR_SOCKET...), when there is one. */
  readonly code: string | undefined;
  /** The HTTP status, for `redirect`. */
  readonly status: number | undefined;
  /** The earlier failure through the proxy, when this is the direct fallback's failure. */
  readonly proxyError: TransportError | undefined;

  constructor(init: TransportErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.stage = init.stage;
    this.delivered = init.delivered;
    this.via = init.via;
    this.code = init.code;
    this.status = init.status;
    this.proxyError = init.proxyError;
  }
}

/**
 * Thrown inside the connector, before undici writes a byte: undici hands it unchanged to the
 * request, which is how a failure is known to be undelivered.
 */
export class ConnectFailure extends Error {
  override readonly name = 'ConnectFailure';
  // Not undici's UND_ERR_SOCKET/UND_ERR_INFO, which would make it retry the connect forever.
  readonly code = 'HERALD_CONNECT_FAILURE';
  readonly kind: TransportErrorKind;
  readonly stage: TransportStage;
  readonly sysCode: string | undefined;

  constructor(kind: TransportErrorKind, stage: TransportStage, message: string, sysCode?: string) {
    super(message);
    this.kind = kind;
    this.stage = stage;
    this.sysCode = sysCode;
  }
}

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
