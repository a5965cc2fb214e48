import { Anchor, type AnchorProps } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { type DeliveriesSearch, deliveriesHref } from './deliveries-search.ts';

type Props = AnchorProps & {
  filters: DeliveriesSearch;
  children: ReactNode;
  'aria-label'?: string;
  'data-testid'?: string;
  /** Called on an in-app navigation (e.g. to close the drawer the link is in). */
  onNavigate?: () => void;
};

/** A link to the delivery log with these filters: a real href (new tab works), navigated in-app on a plain click. */
export function DeliveriesLink({ filters, children, onNavigate, ...props }: Props) {
  const navigate = useNavigate();
  const href = deliveriesHref(filters);
  return (
    <Anchor
      {...props}
      href={href}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onNavigate?.();
        void navigate({ href });
      }}
    >
      {children}
    </Anchor>
  );
}
