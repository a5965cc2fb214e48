import { describe, expect, it } from 'vitest';
import { timeZoneOptions } from './timezone-select.tsx';

describe('timeZoneOptions', () => {
  it('lists the IANA zones, UTC included', () => {
    const zones = timeZoneOptions();
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('UTC');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('keeps a stored zone the browser does not list, first', () => {
    expect(timeZoneOptions('Etc/Legacy-Zone')[0]).toBe('Etc/Legacy-Zone');
    expect(timeZoneOptions('Asia/Shanghai').filter((z) => z === 'Asia/Shanghai')).toHaveLength(1);
  });
});
