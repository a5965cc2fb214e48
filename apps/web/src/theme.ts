import { Badge, createTheme, Drawer, type MantineThemeOverride, Menu, Modal, mergeThemeOverrides } from '@mantine/core';

import './cjk-fonts.css';

/** System UI fonts, then the UI language's CJK faces (cjk-fonts.css; Simplified Chinese's if unset). */
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'var(--herald-cjk-fonts, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC")',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shades white text reads on at 4.5:1 (theme-contrast.ts sets the rest of the colours).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY, fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Uppercase only where the language has case (cjk-fonts.css sets none for Chinese and Japanese).
    Badge: Badge.extend({ styles: { root: { textTransform: 'var(--herald-badge-case, uppercase)' } } }),
    // Mantine focuses a role="presentation" placeholder with a tabindex inside role="menu" on open,
    // which axe reports (aria-required-children); without it the dropdown itself takes focus.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

/**
 * The theme with the texts it needs in the admin's language: every dialog's and drawer's close
 * button is named (an icon-only button has no name otherwise), here once rather than per dialog.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      },
    }),
  );
}
