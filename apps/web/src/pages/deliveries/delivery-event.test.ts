import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/locales/en.ts';
import { zhCN } from '../../i18n/locales/zh-CN.ts';
import { DELIVERY_EVENTS, eventLabelKey } from './delivery-event.ts';

describe('delivery events', () => {
  it('labels the events the server reports, in both languages', () => {
    for (const event of DELIVERY_EVENTS) {
      expect(eventLabelKey(event)).toBe(`deliveries.events.${event}`);
      expect(en.deliveries.events[event]).toBeTruthy();
      expect(zhCN.deliveries.events[event]).toBeTruthy();
    }
  });

  it('leaves an unknown or missing event unlabelled', () => {
    expect(eventLabelKey('exploded')).toBeNull();
    expect(eventLabelKey(null)).toBeNull();
  });
});
