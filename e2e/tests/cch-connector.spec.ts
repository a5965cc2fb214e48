import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.use({ storageState: SIGNED_IN_STATE });

const CCH_TOKEN = 'cch-admin-token-e2e-5b1d';

test('the Claude Code Hub connector is tested, saved with its token kept secret, and switched off again', async ({
  page,
  request,
}) => {
  // A stand-in for CCH's admin API: two providers, one breaker open.
  const cch = http.createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${CCH_TOKEN}` && req.url === '/api/v1/providers/health';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    const open = { circuitState: 'open', failureCount: 5, lastFailureTime: 1, circuitOpenUntil: 2 };
    const closed = { circuitState: 'closed', failureCount: 0, lastFailureTime: null, circuitOpenUntil: null };
    res.end(ok ? JSON.stringify({ '1': closed, '2': open }) : '{}');
  });
  await new Promise<void>((resolve) => cch.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(cch.address() as AddressInfo).port}`;
  try {
    await page.goto('/settings');
    await expect(pageTitle(page, 'Settings')).toBeVisible();
    await page.getByLabel('CCH address').fill(url);
    await page.getByLabel('CCH admin token').fill('wrong-token');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByText('CCH refused the token (HTTP 401)')).toBeVisible();

    await page.getByLabel('CCH admin token').fill(CCH_TOKEN);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByText('2 providers, 1 with a breaker not closed.')).toBeVisible();

    await page.getByLabel('Poll Claude Code Hub').check();
    await page.getByRole('button', { name: 'Save connector' }).click();
    await expect(page.getByText('Connector saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('CCH address')).toHaveValue(url);
    await expect(page.getByLabel('CCH admin token')).toHaveValue('');
    await expect(page.getByLabel('CCH admin token')).toHaveAttribute('placeholder', /…5b1d/);

    const stored = await request.get('/trpc/cch.connector.get', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const text = await stored.text();
    expect(text).not.toContain(CCH_TOKEN);
    expect(JSON.parse(text)).toMatchObject({ result: { data: { enabled: true, token: { set: true } } } });
  } finally {
    // Switched off again, so no later spec's server keeps polling a stand-in that is gone.
    await request.post('/trpc/cch.connector.set', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      data: { enabled: false },
    });
    await new Promise((resolve) => cch.close(resolve));
  }
});
