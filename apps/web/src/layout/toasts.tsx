import { Notifications } from '@mantine/notifications';
import type { CSSProperties } from 'react';
import { NAVBAR_WIDTH } from './shell-size.ts';
import classes from './toasts.module.css';

/**
 * Where every toast shows: bottom left beside the navbar (full width at the bottom on a phone), so
 * none covers the header or a right-hand drawer's buttons. Narrower than Mantine's 440 px, so one
 * stays left of a centred dialog's buttons at 1280 px.
 */
export function Toasts() {
  return (
    <Notifications
      position="bottom-left"
      containerWidth={360}
      classNames={{ root: classes.root }}
      style={{ '--herald-navbar-width': `${NAVBAR_WIDTH}px` } as CSSProperties}
    />
  );
}
