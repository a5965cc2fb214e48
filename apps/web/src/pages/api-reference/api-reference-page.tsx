import { Box, Center, Loader, useComputedColorScheme } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { currentLanguage } from '../../i18n/index.ts';

// Scalar (a Vue app, ~1.6 MB) loads only here, after the page's own header is on screen.
const ScalarReference = lazy(() => import('./scalar-reference.tsx').then((m) => ({ default: m.ScalarReference })));

/** The API reference: /openapi.json read by Scalar, bundled with the dashboard (nothing from a CDN). */
export function ApiReferencePage() {
  const { t, i18n } = useTranslation();
  const scheme = useComputedColorScheme('light');
  return (
    <>
      <PageHeader title={t('nav.apiReference')} description={t('pages.apiReference.description')} />
      <Box mx={{ base: 'calc(var(--mantine-spacing-md) * -1)' }}>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader />
            </Center>
          }
        >
          <ScalarReference
            dark={scheme === 'dark'}
            language={currentLanguage(i18n.resolvedLanguage ?? i18n.language)}
          />
        </Suspense>
      </Box>
    </>
  );
}
