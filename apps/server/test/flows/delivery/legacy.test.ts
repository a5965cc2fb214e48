import { sampleData } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotification } from '../../../src/engine/enqueue.ts';
import { type FakeTelegram, startFakeTelegram } from '../../fake-platforms/index.ts';
import { type DeliveryHerald, logged, settled, startDeliveryHerald } from './support.ts';

/** Legacy mode: one URL per type in the settings (a Telegram one reaches the fake Bot API). */
const TOKEN = '555666777:AAE-legacy-delivery-token';
const CHAT = '-100555';
let tg: FakeTelegram;
let h: DeliveryHerald;

beforeAll(async () => {
  tg = await startFakeTelegram({ token: TOKEN, chats: { [CHAT]: { type: 'supergroup', topics: [9] } } });
  h = await startDeliveryHerald({ env: { TELEGRAM_API_BASE_URL: tg.apiBaseUrl } });
  await h.api('settings.update', {
    enabled: true,
    useLegacyMode: true,
    circuitBreakerEnabled: true,
    circuitBreakerWebhook: `https://api.telegram.org/bot${TOKEN}/sendMessage?chat_id=${CHAT}&message_thread_id=9`,
  });
});
afterAll(async () => {
  await h?.close();
  await tg?.close();
});

describe('legacy mode', () => {
  it("delivers to the type's URL (chat and topic from it), a row without a target, no secret stored", async () => {
    const { deliveryIds } = await h.enqueue();
    expect(deliveryIds).toHaveLength(1);
    const row = await settled(h, deliveryIds[0] as string);
    expect(row).toMatchObject({ status: 'delivered', target_id: null, binding_id: null, channel: 'telegram' });
    const [message] = tg.messages;
    expect(message).toMatchObject({ chat: { id: Number(CHAT) }, message_thread_id: 9 });
    expect(row.rendered_body).toMatchObject({ chat_id: CHAT, message_thread_id: 9 });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    const listed = await h.api('deliveries.list', {});
    expect(listed.items[0]).toMatchObject({ id: row.id, targetId: null, channel: 'telegram', status: 'delivered' });
  });

  it('a type without a URL sends nothing and says why', async () => {
    expect(await h.enqueue({ type: 'cost_alert' })).toEqual({ notificationId: null, deliveryIds: [] });
    expect(logged(h, 'notification_not_sent').at(-1)).toMatchObject({ reason: expect.stringMatching(/cost_alert/) });
  });

  it('the URL removed before the job runs: skipped', async () => {
    const result = await h.db.transaction().execute(async (trx) => {
      const r = await enqueueNotification(h.deps, trx, {
        type: 'circuit_breaker',
        data: sampleData('circuit_breaker', new Date()),
        source: 'hub',
      });
      await trx.updateTable('settings').set({ circuit_breaker_webhook: null }).execute();
      return r;
    });
    const row = await settled(h, result.deliveryIds[0] as string);
    expect(row).toMatchObject({ status: 'skipped', error: 'the legacy circuit_breaker webhook URL was removed' });
  });
});
