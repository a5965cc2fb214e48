import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from './secret-box.ts';

const key = randomBytes(32);

describe('secret box', () => {
  it('round-trips text, including multi-byte characters, and never repeats a ciphertext', () => {
    const box = createSecretBox(key);
    const plain = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=秘密-🔑';
    const a = box.seal(plain);
    const b = box.seal(plain);
    expect(a).not.toBe(b);
    expect(a).not.toContain('key=');
    expect(box.open(a)).toBe(plain);
    expect(box.open(b)).toBe(plain);
    expect(box.open(box.seal(''))).toBe('');
  });

  it.each([
    ['ciphertext', 4],
    ['tag', 3],
    ['iv', 2],
  ])('detects a changed %s', (_part, index) => {
    const box = createSecretBox(key);
    const parts = box.seal('top secret').split('.');
    const bytes = Buffer.from(parts[index] as string, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 1;
    parts[index] = bytes.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow(SecretBoxError);
  });

  it('refuses a value moved under another key id', () => {
    const box = createSecretBox(key);
    const other = createSecretBox(randomBytes(32), [key]);
    const parts = box.seal('x').split('.');
    parts[1] = other.keyId;
    expect(() => other.open(parts.join('.'))).toThrow(/failed authentication/);
  });

  it('refuses a value sealed with an unknown key, and garbage', () => {
    const sealed = createSecretBox(randomBytes(32)).seal('x');
    expect(() => createSecretBox(key).open(sealed)).toThrow(/unknown key/);
    expect(() => createSecretBox(key).open('plain text')).toThrow(/not a sealed secret/);
  });

  it('opens values sealed with a previous key during a rotation and marks them for resealing', () => {
    const oldKey = randomBytes(32);
    const sealedOld = createSecretBox(oldKey).seal('rotate me');
    const rotated = createSecretBox(key, [oldKey]);
    expect(rotated.open(sealedOld)).toBe('rotate me');
    expect(rotated.needsReseal(sealedOld)).toBe(true);
    const resealed = rotated.seal(rotated.open(sealedOld));
    expect(rotated.needsReseal(resealed)).toBe(false);
    expect(createSecretBox(key).open(resealed)).toBe('rotate me');
  });

  it('rejects a key of the wrong size', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
