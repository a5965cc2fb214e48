import { NOTIFICATION_TYPES, type NotificationType } from '@herald/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';

/** `?type=` read back: a known type, else the first (an old or mistyped link still opens the page). */
export function typeOfSearch(value: unknown): NotificationType {
  return NOTIFICATION_TYPES.find((type) => type === value) ?? NOTIFICATION_TYPES[0];
}

/**
 * The type whose settings and bindings are shown lives in the URL (`?type=cost_alert`), so a
 * link or a reload opens the same one. Picking another replaces the entry: Back leaves the page.
 */
export function useSelectedType(): [NotificationType, (type: NotificationType) => void] {
  const search = useSearch({ strict: false }) as { type?: unknown };
  const navigate = useNavigate();
  const select = useCallback(
    (type: NotificationType) => {
      void navigate({ to: '.', search: (prev) => ({ ...prev, type }), replace: true });
    },
    [navigate],
  );
  return [typeOfSearch(search.type), select];
}
