import { type CSSVariablesResolver, DEFAULT_THEME, darken, type MantineColorsTuple } from '@mantine/core';

// WCAG 2.1 AA asks 4.5:1 for normal text. Mantine's defaults miss it in places (dimmed #868e96
// on white is 3.32:1, white on indigo-6 4.32:1, teal-9 on teal-1 4.32:1), so every colour
// variable that carries text is picked here by measured contrast rather than by shade number.

/** A little above 4.5:1, so rounding and anti-aliasing never tip a pair under it. */
export const MIN_CONTRAST = 4.6;

const WHITE = '#ffffff';
const LIGHT_BACKGROUNDS = [WHITE, DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]];
const DARK = DEFAULT_THEME.colors.dark;
/** Body, cards/paper and hovered rows in the dark scheme. */
const DARK_BACKGROUNDS = [DARK[7], DARK[6], DARK[5]];

function channels(color: string): [number, number, number] {
  const hex = color.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const n = Number.parseInt(full, 16);
  if (!/^[0-9a-f]{6}$/i.test(full)) {
    const rgb = color.match(/[\d.]+/g)?.map(Number);
    if (!rgb || rgb.length < 3) throw new Error(`not a colour: ${color}`);
    return [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0];
  }
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two opaque colours (hex or rgb()). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first candidate readable on every background; else the last, darkened/lightened by `shift` until it is. */
export function firstReadable(candidates: string[], backgrounds: string[], shift: (c: string, step: number) => string) {
  const readable = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= MIN_CONTRAST);
  const found = candidates.find(readable);
  if (found) return found;
  const last = candidates[candidates.length - 1] ?? '#000000';
  for (let step = 1; step <= 10; step++) {
    const shifted = shift(last, step / 10);
    if (readable(shifted)) return shifted;
  }
  throw new Error(`no readable shade near ${last}`);
}

const toDarker = (c: string, amount: number) => darken(c, amount);
const toLighter = (c: string, amount: number) => {
  const [r, g, b] = channels(c).map((v) => Math.round(v + (255 - v) * amount)) as [number, number, number];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
};

/** Per palette colour: its filled background under white text, its text colour, its light-variant text. */
function colorVariables(name: string, c: MantineColorsTuple) {
  const darkLight = darken(c[9], 0.5); // Mantine's dark "light" variant background
  const lightFilled = firstReadable([c[6], c[7], c[8], c[9]], [WHITE], toDarker);
  const darkFilled = firstReadable([c[8], c[9]], [WHITE], toDarker);
  return {
    light: {
      [`--mantine-color-${name}-filled`]: lightFilled,
      [`--mantine-color-${name}-filled-hover`]: darken(lightFilled, 0.1),
      [`--mantine-color-${name}-text`]: firstReadable([c[7], c[8], c[9]], LIGHT_BACKGROUNDS, toDarker),
      [`--mantine-color-${name}-light-color`]: firstReadable([c[9]], [c[1], c[0], WHITE], toDarker),
    },
    dark: {
      [`--mantine-color-${name}-filled`]: darkFilled,
      [`--mantine-color-${name}-filled-hover`]: darken(darkFilled, 0.1),
      [`--mantine-color-${name}-text`]: firstReadable([c[4], c[3], c[2]], DARK_BACKGROUNDS, toLighter),
      [`--mantine-color-${name}-light-color`]: firstReadable([c[0]], [darkLight], toLighter),
    },
  };
}

/** Mantine's variables, with every text-bearing colour at AA contrast in both schemes. */
export const contrastResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const [name, tuple] of Object.entries(theme.colors)) {
    if (!Array.isArray(tuple)) continue; // virtual colours resolve to a real one
    const vars = colorVariables(name, tuple as MantineColorsTuple);
    Object.assign(light, vars.light);
    Object.assign(dark, vars.dark);
  }
  const gray = theme.colors.gray;
  const primary = theme.colors[theme.primaryColor] as MantineColorsTuple;
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': firstReadable([gray[6], '#6c737a', '#646b72', gray[7]], LIGHT_BACKGROUNDS, toDarker),
      '--mantine-color-anchor': light[`--mantine-color-${theme.primaryColor}-text`] ?? primary[8],
      '--mantine-color-error': light['--mantine-color-red-text'] ?? theme.colors.red[9],
    },
    dark: {
      ...dark,
      '--mantine-color-dimmed': firstReadable([DARK[2], '#999999', '#a3a3a3', DARK[1]], DARK_BACKGROUNDS, toLighter),
      '--mantine-color-anchor': dark[`--mantine-color-${theme.primaryColor}-text`] ?? primary[3],
      '--mantine-color-error': dark['--mantine-color-red-text'] ?? theme.colors.red[4],
    },
  };
};
