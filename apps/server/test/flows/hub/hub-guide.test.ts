/**
 * docs/hub-guide.md's field tables are generated from the hub procedures' schemas
 * (scripts/hub-guide-fields.ts): the guide must match them, and cover every hub procedure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE_PATH, hubFieldBlocks, updateGuide } from '../../../../../scripts/hub-guide-fields.ts';

const guide = readFileSync(GUIDE_PATH, 'utf8');

describe('docs/hub-guide.md', () => {
  it('is up to date with the schemas (else: node scripts/hub-guide-fields.ts)', () => {
    const { text, problems } = updateGuide(guide);
    expect(problems).toEqual([]);
    expect(text === guide, 'docs/hub-guide.md is out of date: run node scripts/hub-guide-fields.ts').toBe(true);
  });

  it('has a table for every field of every hub procedure, with its limits and description', () => {
    const blocks = hubFieldBlocks();
    expect([...blocks.keys()]).toEqual(
      expect.arrayContaining([
        'hub.ping output',
        'hub.syncUsers input',
        'hub.recordUsage input',
        'hub.recordUsage output',
        'hub.reportCircuitBreaker input',
        'hub.reportCircuitBreaker output',
        'hub.reportProviderBalance input',
        'errors',
        'limits',
      ]),
    );
    const usage = blocks.get('hub.recordUsage input') ?? '';
    expect(usage).toContain(
      '| `records[].costUsd` | number | required | 0 to 1,000,000 | What the request cost, in US dollars',
    );
    expect(usage).toContain('| `records[].cacheReadInputTokens` | integer | default `0` | 0 to 100,000,000 |');
    expect(usage).toContain('| `records[].createdAt` | string (ISO 8601 date-time with offset) | optional |');
    expect(blocks.get('hub.reportCircuitBreaker input')).toContain('| `state` | `"closed"` | required |');
    expect(blocks.get('errors')).toContain('| `UNAVAILABLE` | 503 | **yes** |');
  });

  it('notices a stale table, a missing one and one for no procedure', () => {
    const stale = guide.replace('`records[].costUsd`', '`records[].costUSD`');
    expect(stale).not.toBe(guide);
    expect(updateGuide(stale).text).toBe(guide);

    const missing = guide.replace(/<!-- fields: hub\.syncUsers input -->[\s\S]*?<!-- \/fields -->/, '');
    expect(updateGuide(missing).problems).toEqual([
      'no table for hub.syncUsers input: add <!-- fields: hub.syncUsers input --> <!-- /fields --> to the guide',
    ]);

    const unknown = `${guide}\n<!-- fields: hub.sendFax input -->\n<!-- /fields -->\n`;
    expect(updateGuide(unknown).problems).toEqual([
      "a table for hub.sendFax input, which is not a hub procedure's (nor errors or limits)",
    ]);
  });
});
