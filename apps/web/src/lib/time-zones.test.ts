import { describe, expect, it } from 'vitest';
import { cityOf, formatOffset, matchesZone, offsetMinutes, timeZoneIds, zoneOptions } from './time-zones.ts';

const WINTER = Date.parse('2026-11-28T04:00:00Z');
const SUMMER = Date.parse('2026-07-01T04:00:00Z');

const find = (query: string, at = WINTER) =>
  zoneOptions(timeZoneIds(), at)
    .filter((option) => matchesZone(option, query))
    .map((option) => option.zone);

describe('timeZoneIds', () => {
  it('lists the IANA zones once each, UTC included, under their current names', () => {
    const zones = timeZoneIds();
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('keeps a stored zone the browser does not list', () => {
    expect(timeZoneIds('Etc/Legacy-Zone')).toContain('Etc/Legacy-Zone');
    expect(timeZoneIds('Asia/Shanghai').filter((z) => z === 'Asia/Shanghai')).toHaveLength(1);
  });
});

describe('offsets', () => {
  it('reads the offset at the given moment, daylight saving included', () => {
    expect(offsetMinutes('Asia/Shanghai', WINTER)).toBe(480);
    expect(offsetMinutes('America/New_York', WINTER)).toBe(-300);
    expect(offsetMinutes('America/New_York', SUMMER)).toBe(-240);
    expect(offsetMinutes('Asia/Kolkata', WINTER)).toBe(330);
    expect(offsetMinutes('UTC', WINTER)).toBe(0);
    expect(offsetMinutes('Nowhere/Atlantis', WINTER)).toBeNull();
  });

  it('writes them as UTC±hh:mm', () => {
    expect(formatOffset(480)).toBe('UTC+08:00');
    expect(formatOffset(-210)).toBe('UTC-03:30');
    expect(formatOffset(0)).toBe('UTC+00:00');
    expect(formatOffset(345)).toBe('UTC+05:45');
  });
});

describe('zoneOptions', () => {
  it('labels each zone with its offset and city, sorted by offset then city', () => {
    const options = zoneOptions(['Asia/Tokyo', 'America/New_York', 'Asia/Shanghai', 'Asia/Hong_Kong', 'UTC'], WINTER);
    expect(options.map((o) => o.label)).toEqual([
      '(UTC-05:00) New York — America/New_York',
      '(UTC+00:00) UTC',
      '(UTC+08:00) Hong Kong — Asia/Hong_Kong',
      '(UTC+08:00) Shanghai — Asia/Shanghai',
      '(UTC+09:00) Tokyo — Asia/Tokyo',
    ]);
  });

  it('puts a zone the browser does not know last, without an offset', () => {
    const options = zoneOptions(['Nowhere/Atlantis', 'Asia/Tokyo'], WINTER);
    expect(options.map((o) => o.label)).toEqual(['(UTC+09:00) Tokyo — Asia/Tokyo', 'Atlantis — Nowhere/Atlantis']);
  });

  it('names the place after the last part of the id', () => {
    expect(cityOf('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(cityOf('UTC')).toBe('UTC');
  });
});

describe('matchesZone', () => {
  it('finds cities with spaces or underscores, in any case', () => {
    expect(find('new york')).toEqual(['America/New_York']);
    expect(find('New_York')).toEqual(['America/New_York']);
    expect(find('kolkata')).toEqual(['Asia/Kolkata']);
    expect(find('buenos')).toEqual(['America/Argentina/Buenos_Aires']);
  });

  it('finds the IANA id', () => {
    expect(find('asia/shang')).toEqual(['Asia/Shanghai']);
    expect(find('Europe/')).toContain('Europe/Berlin');
  });

  it('finds zones by offset, with or without UTC in front', () => {
    const plusEight = find('+8');
    expect(plusEight).toContain('Asia/Shanghai');
    expect(plusEight).toContain('Australia/Perth');
    expect(plusEight).not.toContain('Asia/Tokyo');
    expect(find('UTC+08')).toEqual(plusEight);
    expect(find('utc+8:00')).not.toContain('Australia/Eucla');
    expect(find('+08:45')).toEqual(['Australia/Eucla']);
    expect(find('+0530')).toEqual(['Asia/Colombo', 'Asia/Kolkata']);
  });

  it('reads offsets at the moment given: New York is -5 in winter, -4 in summer', () => {
    expect(find('-5', WINTER)).toContain('America/New_York');
    expect(find('-4', WINTER)).not.toContain('America/New_York');
    expect(find('UTC-4', SUMMER)).toContain('America/New_York');
    expect(find('−3:30', WINTER)).toEqual(['America/St_Johns']);
  });
});
