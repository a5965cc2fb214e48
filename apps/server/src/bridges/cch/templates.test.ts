import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CCH_TEMPLATES, CCH_TYPES } from './templates.ts';

const DOC = readFileSync(new URL('../../../../../docs/cch-bridge.md', import.meta.url), 'utf8');

/** The JSON block under `#### <type>` in docs/cch-bridge.md. */
function documented(type: string): unknown {
  const section = DOC.split(`\n#### ${type}\n`)[1];
  const block = section && /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error(`docs/cch-bridge.md has no JSON block under #### ${type}`);
  return JSON.parse(block);
}

describe('the templates docs/cch-bridge.md tells CCH admins to paste', () => {
  it.each(CCH_TYPES)('%s is the one the bridge reads', (type) => {
    expect(documented(type)).toEqual(CCH_TEMPLATES[type]);
  });

  it('are JSON objects of strings only: CCH fills placeholders in strings, nothing else', () => {
    for (const type of CCH_TYPES) {
      for (const value of Object.values(CCH_TEMPLATES[type])) expect(typeof value).toBe('string');
    }
  });
});
