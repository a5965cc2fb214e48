import { describe, expect, it } from 'vitest';
import { parseLoginSearch } from './redirect.ts';

describe('parseLoginSearch', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(parseLoginSearch({ redirect: '/deliveries' })).toEqual({ redirect: '/deliveries' });
    expect(parseLoginSearch({ redirect: '/targets?x=1#a' })).toEqual({ redirect: '/targets?x=1#a' });
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
      expect(parseLoginSearch({ redirect }), String(redirect)).toEqual({ redirect: undefined });
    }
  });

  it('accepts no redirect at all', () => {
    expect(parseLoginSearch({})).toEqual({});
  });
});
