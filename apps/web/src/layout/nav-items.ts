import type { LinkProps } from '@tanstack/react-router';
import {
  IconAdjustments,
  IconApi,
  IconBell,
  IconBellOff,
  type IconComponent,
  IconDashboard,
  IconKey,
  IconSend,
  IconTarget,
} from '../components/icons.tsx';

export type NavItem = {
  to: NonNullable<LinkProps['to']>;
  /** Also the key of the page's title under `nav.*`. */
  key: 'overview' | 'notifications' | 'targets' | 'deliveries' | 'silences' | 'apiKeys' | 'apiReference' | 'settings';
  icon: IconComponent;
};

/** The navbar, top to bottom. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', key: 'overview', icon: IconDashboard },
  { to: '/notifications', key: 'notifications', icon: IconBell },
  { to: '/targets', key: 'targets', icon: IconTarget },
  { to: '/deliveries', key: 'deliveries', icon: IconSend },
  { to: '/silences', key: 'silences', icon: IconBellOff },
  { to: '/api-keys', key: 'apiKeys', icon: IconKey },
  { to: '/api-reference', key: 'apiReference', icon: IconApi },
  { to: '/settings', key: 'settings', icon: IconAdjustments },
];

/** `/` only matches itself; other items also match their sub-pages (`/targets/abc`). */
export function isActive(item: NavItem, pathname: string): boolean {
  if (item.to === '/') return pathname === '/';
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
