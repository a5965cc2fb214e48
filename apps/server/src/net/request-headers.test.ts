import { describe, expect, it } from 'vitest';
import { buildRequestHeaders } from './request-headers.ts';

describe('buildRequestHeaders', () => {
  it('starts from JSON and the user agent; callers add headers or replace those two', () => {
    expect(buildRequestHeaders(undefined, 'Herald/1.0.0')).toEqual({
      'content-type': 'application/json',
      'user-agent': 'Herald/1.0.0',
    });
    expect(buildRequestHeaders({ 'Content-Type': 'application/json; charset=utf-8', 'X-Sign': 'abc' }, 'H')).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'H',
      'x-sign': 'abc',
    });
  });

  it('refuses Host, Content-Length and hop-by-hop headers, listing every one', () => {
    const all = {
      Host: 'x',
      'content-length': '1',
      Connection: 'close',
      'Keep-Alive': '1',
      'Proxy-Connection': 'x',
      'Proxy-Authorization': 'Basic x',
      'Proxy-Authenticate': 'x',
      TE: 'trailers',
      Trailer: 'x',
      'Transfer-Encoding': 'chunked',
      Upgrade: 'h2c',
    };
    expect(() => buildRequestHeaders(all, 'H')).toThrow(
      'headers that may not be set: host, content-length, connection, keep-alive, proxy-connection, proxy-authorization, proxy-authenticate, te, trailer, transfer-encoding, upgrade',
    );
  });

  it('refuses malformed names and values without echoing values', () => {
    expect(() => buildRequestHeaders({ 'Bad Name': 'v' }, 'H')).toThrow('invalid name "Bad Name"');
    expect(() => buildRequestHeaders({ 'X-Key': 'secret\nX-Evil: 1' }, 'H')).toThrow(/^invalid value for x-key$/);
    expect(() => buildRequestHeaders({ 'X-Key': 'a\0b', Host: 'h' }, 'H')).toThrow(
      'headers that may not be set: host; invalid value for x-key',
    );
  });
});
