// A hub's own code, as it would be written against the published package: copied into a fresh
// project with a default `tsc --init` tsconfig, type-checked there and run by node (test/packed.test.ts).
import {
  createHeraldClient,
  HERALD_ERRORS,
  type HeraldErrorCode,
  type HubInputs,
  type HubOutputs,
  heraldErrorOf,
  isRetryable,
  retryAfterSeconds,
  TRPCClientError,
} from '@herald/client';

/** The README's retry loop, word for word. */
async function withRetry<T>(call: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || attempt >= attempts) throw error;
      const waitSeconds = retryAfterSeconds(error);
      const ms = waitSeconds !== null ? waitSeconds * 1000 : Math.random() * Math.min(30_000, 500 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }
}

export type HubRun = {
  synced: HubOutputs['syncUsers'];
  recorded: HubOutputs['recordUsage'];
  refused: { code: HeraldErrorCode; retryable: boolean; status: number; issues: string[]; retryAgain: boolean };
};

export async function runHub(url: string, apiKey: string): Promise<HubRun> {
  const herald = createHeraldClient({ url, apiKey });

  const users: HubInputs['syncUsers']['users'] = [{ id: 'u_packed', name: 'Packed Alice', limitMonthlyUsd: 200 }];
  const synced = await withRetry(() => herald.hub.syncUsers.mutate({ users }));

  const record: HubInputs['recordUsage']['records'][number] = {
    requestId: 'req_packed_1',
    userId: 'u_packed',
    providerId: 'anthropic-1',
    costUsd: 0.25,
    inputTokens: 1200,
    outputTokens: 300,
  };
  const recorded = await herald.hub.recordUsage.mutate({ records: [record] });

  try {
    await herald.hub.recordUsage.mutate({ records: [{ ...record, requestId: 'req_packed_bad', costUsd: -1 }] });
    throw new Error('a negative cost was accepted');
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const answer = heraldErrorOf(error);
    if (!answer) throw error;
    return {
      synced,
      recorded,
      refused: {
        code: answer.code,
        retryable: answer.retryable,
        status: HERALD_ERRORS[answer.code].status,
        issues: (answer.issues ?? []).map((i) => i.path),
        retryAgain: isRetryable(error),
      },
    };
  }
}

// Never called: it only has to compile, which it does because each line is an error.
export async function typos(url: string, apiKey: string): Promise<void> {
  const herald = createHeraldClient({ url, apiKey });
  // @ts-expect-error a misspelt field is refused by the compiler, not silently dropped
  await herald.hub.syncUsers.mutate({ users: [{ id: 'u', name: 'U', limit5hUSD: 5 }] });
  // @ts-expect-error the cost is a number
  await herald.hub.recordUsage.mutate({ records: [{ requestId: 'r', userId: 'u', providerId: 'p', costUsd: '1' }] });
  // @ts-expect-error there is no such procedure
  await herald.hub.syncUser.mutate({ users: [] });
}
