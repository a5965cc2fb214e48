import {
  IconLayoutDashboard,
  type IconProps,
  IconSpeakerphone,
  IconAdjustments as TablerAdjustments,
  IconAlertCircle as TablerAlertCircle,
  IconApi as TablerApi,
  IconBell as TablerBell,
  IconBellOff as TablerBellOff,
  IconCheck as TablerCheck,
  IconChevronDown as TablerChevronDown,
  IconHistory as TablerHistory,
  type Icon as TablerIcon,
  IconKey as TablerKey,
  IconLanguage as TablerLanguage,
  IconLogout as TablerLogout,
  IconMoon as TablerMoon,
  IconSend as TablerSend,
  IconSun as TablerSun,
  IconTarget as TablerTarget,
  IconX as TablerX,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';

export type IconComponent = (props: IconProps) => ReactNode;

/** Tabler's outline icons, decorative: the text beside or the control's label names them. */
export function decorative(TheIcon: TablerIcon): IconComponent {
  return (props) => <TheIcon size={20} stroke={1.75} aria-hidden="true" focusable="false" {...props} />;
}

export const IconMegaphone = decorative(IconSpeakerphone);
export const IconDashboard = decorative(IconLayoutDashboard);
export const IconBell = decorative(TablerBell);
export const IconBellOff = decorative(TablerBellOff);
export const IconTarget = decorative(TablerTarget);
export const IconSend = decorative(TablerSend);
export const IconKey = decorative(TablerKey);
export const IconApi = decorative(TablerApi);
export const IconAdjustments = decorative(TablerAdjustments);
export const IconSun = decorative(TablerSun);
export const IconMoon = decorative(TablerMoon);
export const IconLogout = decorative(TablerLogout);
export const IconLanguage = decorative(TablerLanguage);
export const IconCheck = decorative(TablerCheck);
export const IconChevronDown = decorative(TablerChevronDown);
export const IconAlertCircle = decorative(TablerAlertCircle);
export const IconX = decorative(TablerX);
export const IconHistory = decorative(TablerHistory);
