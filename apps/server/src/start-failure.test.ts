import { describe, expect, it } from 'vitest';
import { explainStartFailure, StartError } from './start-failure.ts';

const where = { host: '127.0.0.1', port: 3000 };

describe('explainStartFailure', () => {
  it('gives a reason for any thrown value, even none at all', () => {
    expect(explainStartFailure(undefined, where).reason).toBe('startup was aborted without an error (undefined)');
    expect(explainStartFailure(null, where).reason).toBe('startup was aborted without an error (null)');
    expect(explainStartFailure('disk full', where).reason).toBe('disk full');
    expect(explainStartFailure({ status: 7 }, where).reason).toBe('{ status: 7 }');
    expect(explainStartFailure(new Error(''), where).reason).toBe('Error');
  });

  it('names the port and what to do when it is taken', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), {
      code: 'EADDRINUSE',
    });
    expect(explainStartFailure(err, where)).toEqual({
      reason: 'port 3000 on 127.0.0.1 is already in use (EADDRINUSE)',
      hint: 'stop whatever listens on 127.0.0.1:3000 (an earlier Herald still running?) or set PORT to a free port',
    });
  });

  it('keeps the hint and the detail of a recognised failure, and the causes of any other', () => {
    expect(explainStartFailure(new StartError('stale lock', 'remove it', 'FATAL: lock'), where)).toEqual({
      reason: 'stale lock',
      hint: 'remove it',
      detail: 'FATAL: lock',
    });
    expect(explainStartFailure(new Error('migration failed', { cause: new Error('relation exists') }), where)).toEqual({
      reason: 'migration failed',
      detail: 'relation exists',
    });
  });

  it('says the database cannot be reached, and what to check', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(explainStartFailure(err, where)).toEqual({
      reason: 'cannot reach the database: connect ECONNREFUSED 127.0.0.1:5432',
      hint: 'check DATABASE_URL and that its PostgreSQL is running and accepts connections from here',
    });
  });
});
