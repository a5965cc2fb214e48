import type { TargetView } from '@herald/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * `/targets?edit=<id>` (the delivery log's "Edit target"): once the list has loaded, opens that
 * target's dialog and drops the parameter, so a reload or Back does not open it again.
 */
export function useEditParam(targets: readonly TargetView[] | undefined, edit: (target: TargetView) => void) {
  const navigate = useNavigate();
  const { edit: id } = useSearch({ strict: false }) as { edit?: unknown };
  useEffect(() => {
    if (typeof id !== 'string' || !targets) return;
    const target = targets.find((t) => t.id === id);
    if (target) edit(target);
    void navigate({ to: '/targets', search: {}, replace: true });
  }, [id, targets, edit, navigate]);
}
