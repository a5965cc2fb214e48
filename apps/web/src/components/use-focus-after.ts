import { useEffect, useRef } from 'react';

// A button in its loading state is disabled, and a disabled element loses focus to <body>: a
// keyboard or screen-reader user is then thrown back to the top of the page. These hooks put
// focus where the action's outcome is. They only take focus that nothing else holds, so a user
// who moved on meanwhile is left alone.

const focusIsLost = () => document.activeElement === null || document.activeElement === document.body;

/** A ref to focus whenever `outcome` changes to something (a result panel, an error), if focus was lost. */
export function useFocusOnOutcome<T extends HTMLElement>(outcome: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (outcome !== undefined && outcome !== null && focusIsLost()) ref.current?.focus();
  }, [outcome]);
  return ref;
}

/** A ref to focus when `pending` turns false (the button that started it, enabled again), if focus was lost. */
export function useFocusWhenSettled<T extends HTMLElement>(pending: boolean) {
  const ref = useRef<T>(null);
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current && !pending && focusIsLost()) ref.current?.focus();
    wasPending.current = pending;
  }, [pending]);
  return ref;
}
