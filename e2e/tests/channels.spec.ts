/**
 * Each newer channel through the dashboard as an admin uses it: pick the channel, fill exactly
 * its fields (labels and choices from the channel's own unit), save, send a test and see it
 * delivered to that channel's strict fake (the one the server's channel matrix uses).
 */

import { expect, type Locator } from '@playwright/test';
import { CHANNEL_FAKES, type ChannelFake } from '../../apps/server/test/fake-platforms/channels.ts';
import { channelText } from '../../apps/web/src/channels/index.ts';
import { type ChannelType, channelOf } from '../../packages/core/src/index.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.use({ storageState: SIGNED_IN_STATE });

const NEW_CHANNELS = ['slack', 'discord', 'teams', 'email', 'ntfy'] as const satisfies readonly ChannelType[];

/** Types a field's value the way its kind is typed in the form. */
async function fill(form: Locator, channel: ChannelType, field: string, value: unknown) {
  const spec = channelOf(channel).fields[field];
  const text = channelText(channel, 'en').fields[field];
  if (!spec || !text) throw new Error(`${channel}.${field} is not a field of the channel`);
  const label = new RegExp(`^${text.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
  if (spec.kind === 'choice') {
    const choice = text.choices?.[String(value)] ?? String(value);
    await form.getByRole('combobox', { name: label }).click();
    await form.page().getByRole('option', { name: choice, exact: true }).click();
  } else if (spec.kind === 'list') {
    await form.getByLabel(label).fill((value as string[]).join('\n'));
  } else if (spec.kind === 'boolean') {
    if (value) await form.getByLabel(label).check();
  } else {
    await form.getByLabel(label).fill(String(value));
  }
}

for (const channel of NEW_CHANNELS) {
  test(`a ${channel} target is added with its own fields and its test is delivered`, async ({ page }) => {
    test.setTimeout(60_000);
    const fake = (await CHANNEL_FAKES[channel]()) as ChannelFake<ChannelType>;
    const name = `E2E ${channel} ${Date.now().toString(36)}`;
    const channelName = channelText(channel, 'en').name;
    try {
      await page.goto('/targets');
      await page.getByRole('button', { name: 'Add target' }).click();
      const form = page.getByRole('dialog', { name: 'Add a target' });
      await form.getByRole('radiogroup', { name: 'Channel' }).getByText(channelName, { exact: true }).click();
      await form.getByLabel(/^Name/).fill(name);
      for (const [field, value] of Object.entries(fake.fields)) {
        if (value !== undefined && value !== null) await fill(form, channel, field, value);
      }
      await form.getByRole('button', { name: 'Add target' }).click();
      await expect(form).toBeHidden();

      const row = page.getByRole('row', { name: new RegExp(name) });
      await expect(row).toContainText(channelName);
      await row.getByRole('button', { name: `Test ${name}` }).click();
      const testDialog = page.getByRole('dialog', { name: `Test “${name}”` });
      await testDialog.getByRole('button', { name: 'Send test' }).click();
      await expect(testDialog.getByRole('status', { name: 'Result' })).toContainText(/Delivered in \d+ ms/);
      expect(fake.refusals()).toEqual([]);
      expect(fake.accepted()).toBe(1);
    } finally {
      await fake.close();
    }
  });
}
