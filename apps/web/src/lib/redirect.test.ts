import { describe, expect, it } from 'vitest';
import { LoginSearch } from './redirect.ts';

describe('LoginSearch', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(LoginSearch.parse({ redirect: '/deliveries' })).toEqual({ redirect: '/deliveries' });
    expect(LoginSearch.parse({ redirect: '/targets?x=1#a' })).toEqual({ redirect: '/targets?x=1#a' });
  });

  it('drops anything that could leave the site or loop back to login', () => {
    for (const redirect of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'deliveries',
      '/login',
      '/login?redirect=/x',
      42,
      ['/a'],
    ]) {
      expect(LoginSearch.parse({ redirect }), String(redirect)).toEqual({ redirect: undefined });
    }
  });

  it('accepts no redirect at all', () => {
    expect(LoginSearch.parse({})).toEqual({});
  });
});
