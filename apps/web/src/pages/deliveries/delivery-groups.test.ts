import type { DeliverySummary } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { groupByNotification } from './delivery-groups.ts';

const item = (id: string, notificationId: string) => ({ id, notificationId }) as DeliverySummary;

describe('groupByNotification', () => {
  it('keeps each notification’s deliveries together, in the order the log lists them', () => {
    const groups = groupByNotification([item('d4', 'n2'), item('d3', 'n2'), item('d2', 'n1'), item('d1', 'n2')]);
    expect(groups.map((g) => [g.notificationId, g.deliveries.map((d) => d.id)])).toEqual([
      ['n2', ['d4', 'd3', 'd1']],
      ['n1', ['d2']],
    ]);
  });

  it('has no group for an empty log', () => {
    expect(groupByNotification([])).toEqual([]);
  });
});
