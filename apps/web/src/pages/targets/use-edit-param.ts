import type { TargetView } from '@herald/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * `/targets?edit=<id>` (the delivery log's "Edit target"): once the list has loaded, opens that
 * target's dialog; `?edit=new` (the routing grid's "Add a target") opens the add dialog. Then drops
 * the parameter, so a reload or Back does not open it again.
 */
export function useEditParam(
  targets: readonly TargetView[] | undefined,
  edit: (target: TargetView) => void,
  create: () => void,
) {
  const navigate = useNavigate();
  const { edit: id } = useSearch({ strict: false }) as { edit?: unknown };
  useEffect(() => {
    if (typeof id !== 'string' || !targets) return;
    if (id === 'new') create();
    else {
      const target = targets.find((t) => t.id === id);
      if (target) edit(target);
    }
    void navigate({ to: '/targets', search: {}, replace: true });
  }, [id, targets, edit, create, navigate]);
}
