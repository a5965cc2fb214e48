import type { ReactNode, SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number | string };

/** A 24×24 outline icon (Tabler-style strokes), decorative unless given a title by its parent. */
function Icon({ size = 20, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export type IconComponent = (props: IconProps) => ReactNode;

export const IconMegaphone: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M18 8a3 3 0 0 1 0 6" />
    <path d="M10 8v11a1 1 0 0 1 -1 1h-1a1 1 0 0 1 -1 -1v-5" />
    <path d="M12 8l4.524 -3.77a.9 .9 0 0 1 1.476 .692v12.156a.9 .9 0 0 1 -1.476 .692l-4.524 -3.77h-8a1 1 0 0 1 -1 -1v-4a1 1 0 0 1 1 -1h8" />
  </Icon>
);

export const IconDashboard: IconComponent = (p) => (
  <Icon {...p}>
    <rect x="4" y="4" width="6" height="8" rx="1" />
    <rect x="4" y="16" width="6" height="4" rx="1" />
    <rect x="14" y="12" width="6" height="8" rx="1" />
    <rect x="14" y="4" width="6" height="4" rx="1" />
  </Icon>
);

export const IconBell: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3h-16a4 4 0 0 0 2 -3v-3a7 7 0 0 1 4 -6" />
    <path d="M9 17v1a3 3 0 0 0 6 0v-1" />
  </Icon>
);

export const IconTarget: IconComponent = (p) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="1" />
    <circle cx="12" cy="12" r="5" />
    <circle cx="12" cy="12" r="9" />
  </Icon>
);

export const IconSend: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M10 14l11 -11" />
    <path d="M21 3l-6.5 18a.55 .55 0 0 1 -1 0l-3.5 -7l-7 -3.5a.55 .55 0 0 1 0 -1l18 -6.5" />
  </Icon>
);

export const IconKey: IconComponent = (p) => (
  <Icon {...p}>
    <circle cx="8" cy="15" r="4" />
    <path d="M10.85 12.15l8.15 -8.15" />
    <path d="M18 5l2 2" />
    <path d="M15 8l2 2" />
  </Icon>
);

export const IconAdjustments: IconComponent = (p) => (
  <Icon {...p}>
    <circle cx="14" cy="6" r="2" />
    <path d="M4 6h8" />
    <path d="M16 6h4" />
    <circle cx="8" cy="12" r="2" />
    <path d="M4 12h2" />
    <path d="M10 12h10" />
    <circle cx="17" cy="18" r="2" />
    <path d="M4 18h11" />
    <path d="M19 18h1" />
  </Icon>
);

export const IconSun: IconComponent = (p) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="4" />
    <path d="M3 12h1m8 -9v1m8 8h1m-9 8v1m-6.4 -15.4l.7 .7m12.1 -.7l-.7 .7m0 11.4l.7 .7m-12.1 -.7l-.7 .7" />
  </Icon>
);

export const IconMoon: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M12 3c.132 0 .263 0 .393 0a7.5 7.5 0 0 0 7.92 12.446a9 9 0 1 1 -8.313 -12.454z" />
  </Icon>
);

export const IconLogout: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M14 8v-2a2 2 0 0 0 -2 -2h-7a2 2 0 0 0 -2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2 -2v-2" />
    <path d="M9 12h12l-3 -3" />
    <path d="M18 15l3 -3" />
  </Icon>
);

export const IconLanguage: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M4 5h7" />
    <path d="M9 3v2c0 4.418 -2.239 8 -5 8" />
    <path d="M5 9c0 2.144 2.952 3.908 6.7 4" />
    <path d="M12 20l4 -9l4 9" />
    <path d="M19.1 18h-6.2" />
  </Icon>
);

export const IconCheck: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M5 12l5 5l10 -10" />
  </Icon>
);

export const IconChevronDown: IconComponent = (p) => (
  <Icon {...p}>
    <path d="M6 9l6 6l6 -6" />
  </Icon>
);

export const IconAlertCircle: IconComponent = (p) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 8v4" />
    <path d="M12 16h.01" />
  </Icon>
);
