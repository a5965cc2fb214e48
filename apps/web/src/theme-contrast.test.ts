import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { theme } from './theme.ts';
import { contrast, contrastResolver, MIN_CONTRAST } from './theme-contrast.ts';

const full = mergeMantineTheme(DEFAULT_THEME, theme);
const vars = contrastResolver(full);
const palette = Object.keys(full.colors);
const WHITE = '#ffffff';

describe('contrast', () => {
  it('measures the WCAG ratio', () => {
    expect(contrast('#000000', WHITE)).toBeCloseTo(21, 5);
    expect(contrast('#868e96', WHITE)).toBeCloseTo(3.32, 2); // Mantine's dimmed, the figure
    expect(contrast('#4c6ef5', WHITE)).toBeCloseTo(4.32, 2); // indigo-6 under white text
  });
});

describe('contrastResolver', () => {
  it('puts dimmed text at AA on the light and dark surfaces', () => {
    for (const bg of [WHITE, full.colors.gray[0], full.colors.gray[1]]) {
      expect(contrast(vars.light['--mantine-color-dimmed'] ?? '', bg)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    for (const bg of [full.colors.dark[7], full.colors.dark[6], full.colors.dark[5]]) {
      expect(contrast(vars.dark['--mantine-color-dimmed'] ?? '', bg)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it.each(palette)('%s: white on filled, text and light-variant text all reach AA in both schemes', (name) => {
    const c = full.colors[name] ?? DEFAULT_THEME.colors.gray;
    expect(contrast(WHITE, vars.light[`--mantine-color-${name}-filled`] ?? '')).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(WHITE, vars.dark[`--mantine-color-${name}-filled`] ?? '')).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(vars.light[`--mantine-color-${name}-text`] ?? '', WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(vars.dark[`--mantine-color-${name}-text`] ?? '', full.colors.dark[7])).toBeGreaterThanOrEqual(
      MIN_CONTRAST,
    );
    expect(contrast(vars.light[`--mantine-color-${name}-light-color`] ?? '', c[1])).toBeGreaterThanOrEqual(
      MIN_CONTRAST,
    );
  });

  it('keeps the primary shade white text reads on, and red error text readable', () => {
    const shade = full.primaryShade as { light: number; dark: number };
    expect(contrast(WHITE, full.colors.indigo[shade.light] ?? '')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(WHITE, full.colors.indigo[shade.dark] ?? '')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(vars.light['--mantine-color-error'] ?? '', WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(vars.dark['--mantine-color-error'] ?? '', full.colors.dark[7])).toBeGreaterThanOrEqual(
      MIN_CONTRAST,
    );
  });
});
