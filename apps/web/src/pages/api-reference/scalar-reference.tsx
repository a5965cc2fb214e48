import { createApiReference } from '@scalar/api-reference';
import '@scalar/api-reference/style.css';
import { useEffect, useRef } from 'react';
import type { Language } from '../../i18n/languages.ts';
import { referenceConfiguration } from './reference-configuration.ts';

type Props = { dark: boolean; language: Language };

/** Scalar's reference (a Vue app) mounted into this element, following the dashboard's scheme and language. */
export function ScalarReference({ dark, language }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<ReturnType<typeof createApiReference> | null>(null);
  /** The scheme and language Scalar shows now, so a render that changes neither leaves it alone. */
  const shown = useRef('');
  const wanted = `${dark}|${language}`;

  useEffect(() => {
    if (!host.current) return;
    instance.current = createApiReference(
      host.current,
      referenceConfiguration({ dark, language, origin: window.location.origin }),
    );
    shown.current = wanted;
    return () => {
      instance.current?.destroy();
      instance.current = null;
    };
    // Mounted once; later changes go through updateConfiguration below.
  }, []);

  useEffect(() => {
    if (!instance.current || shown.current === wanted) return;
    instance.current.updateConfiguration(referenceConfiguration({ dark, language, origin: window.location.origin }));
    shown.current = wanted;
  }, [wanted, dark, language]);

  // The document is the API's own, in English, and mostly code: not for a page translator.
  return <div ref={host} translate="no" />;
}
