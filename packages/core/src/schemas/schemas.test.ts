import { describe, expect, it } from 'vitest';
import { ApiKeyIdInput, CreateApiKeyInput } from './api-keys.ts';
import { LoginInput } from './auth.ts';

const issuesOf = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('shared schemas', () => {
  it('trim names and tokens', () => {
    expect(CreateApiKeyInput.parse({ name: '  hub  ' })).toEqual({ name: 'hub' });
    expect(LoginInput.parse({ token: ' t ' })).toEqual({ token: 't' });
  });

  it('say which field is wrong and why', () => {
    expect(issuesOf(CreateApiKeyInput.safeParse({ name: ' ' }))).toEqual([
      'name: a name is required so the key can be told apart later',
    ]);
    expect(issuesOf(CreateApiKeyInput.safeParse({ name: 'x'.repeat(101) }))).toEqual(['name: at most 100 characters']);
    expect(issuesOf(LoginInput.safeParse({ token: '' }))).toEqual(['token: the admin token is required']);
    expect(issuesOf(ApiKeyIdInput.safeParse({ id: '1' }))).toEqual(['id: id must be a UUID']);
  });
});
