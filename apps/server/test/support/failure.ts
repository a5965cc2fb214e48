import { expect } from 'vitest';
import { TransportError } from '../../src/net/errors.ts';

/** Awaits a promise that must reject with a TransportError, and returns that error. */
export async function failure(p: Promise<unknown>): Promise<TransportError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TransportError);
  return err as TransportError;
}
