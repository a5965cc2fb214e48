/** A few characters to recognise a secret by, never enough to use it. */
export function secretHint(value: string): string {
  const v = value.trim();
  return v.length > 12 ? `…${v.slice(-4)}` : '…';
}

/** `https://qyapi.weixin.qq.com/…a1b2`: the host tells which hook it is, the tail which key. */
export function urlHint(value: string): string {
  try {
    const u = new URL(value);
    return `${u.protocol}//${u.host}/${secretHint(value)}`;
  } catch {
    return secretHint(value);
  }
}

/** `socks5://***@127.0.0.1:1080`: where the proxy is, without its credentials. */
export function proxyHint(value: string): string {
  try {
    const u = new URL(value);
    return `${u.protocol}//${u.username || u.password ? '***@' : ''}${u.host}`;
  } catch {
    return secretHint(value);
  }
}
