import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets at rest with AES-256-GCM. A sealed value is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts), where keyId names the key
 * that sealed it, so values sealed with a previous key still open during a rotation.
 */
export type SecretBox = {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** True when the value was sealed with an older key and should be sealed again. */
  needsReseal(sealed: string): boolean;
  keyId: string;
};

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

const VERSION = 'v1';
const IV_BYTES = 12;

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export function createSecretBox(currentKey: Buffer, previousKeys: readonly Buffer[] = []): SecretBox {
  if (currentKey.length !== 32) throw new SecretBoxError('the secret key must be 32 bytes');
  const encKey = (k: Buffer) => Buffer.from(hkdfSync('sha256', k, Buffer.alloc(0), 'herald secrets at rest v1', 32));
  const keys = new Map<string, Buffer>();
  for (const k of [...previousKeys, currentKey]) keys.set(keyIdOf(k), encKey(k));
  const keyId = keyIdOf(currentKey);
  const current = keys.get(keyId) as Buffer;

  return {
    keyId,
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError('not a sealed secret');
      const [, id, iv, tag, ct] = parts as [string, string, string, string, string];
      const key = keys.get(id);
      if (!key) throw new SecretBoxError(`sealed with an unknown key (${id}); set HERALD_SECRET_KEY_PREVIOUS`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('sealed secret failed authentication (tampered or wrong key)');
      }
    },
    needsReseal(sealed) {
      return sealed.split('.')[1] !== keyId;
    },
  };
}

/** A separate key for signing session cookies, derived so one secret is all there is to manage. */
export function deriveCookieSecret(key: Buffer): string {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'herald session cookie v1', 32)).toString('base64url');
}
