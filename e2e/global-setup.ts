import { type FullConfig, request } from '@playwright/test';
import { signInViaApi } from './fixtures/auth.ts';
import { BASE_URL, SIGNED_IN_STATE } from './fixtures/env.ts';

/** Runs after the server is up: one admin session that most tests reuse. */
export default async function globalSetup(_config: FullConfig): Promise<void> {
  const api = await request.newContext({ baseURL: BASE_URL });
  try {
    await signInViaApi(api);
    await api.storageState({ path: SIGNED_IN_STATE });
  } finally {
    await api.dispose();
  }
}
