import { Alert, Button, Center, Loader } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DeliveriesSearch,
  deliveriesHref,
  isFiltered,
  listFilters,
  timeWindow,
} from '../../components/deliveries-search.ts';
import { IconAlertCircle, IconSend } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { DeliveriesFilters } from './deliveries-filters.tsx';
import { DeliveriesTable } from './deliveries-table.tsx';
import { DeliveryDrawer } from './delivery-drawer.tsx';
import { pollInterval } from './poll.ts';

/** The delivery log: filters in the URL, newest first, more by cursor, details in a drawer. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = DeliveriesSearch.parse(useSearch({ strict: false }));
  const [openId, setOpenId] = useState<string | null>(null);
  // A preset is relative to when it was chosen (or the page opened), not to every render.
  const { range, from, to } = filters;
  const period = useMemo(() => timeWindow({ range, from, to }, Date.now()), [range, from, to]);
  const list = useInfiniteQuery(
    trpc.deliveries.list.infiniteQueryOptions(
      { limit: 50, ...listFilters(filters), ...period },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (query) =>
          pollInterval(query.state.data?.pages.flatMap((page) => page.items) ?? [], Date.now()),
      },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(filters);

  return (
    <>
      <PageHeader title={t('nav.deliveries')} description={t('pages.deliveries.description')} />
      <DeliveriesFilters
        value={filters}
        onChange={(next) => void navigate({ href: deliveriesHref(next), replace: true })}
      />

      {list.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {list.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')}>
          {t('deliveries.loadFailed', { message: messageOf(list.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void list.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {list.isSuccess && items.length === 0 && (
        <PagePlaceholder icon={IconSend} text={filtered ? t('deliveries.noMatch') : t('pages.deliveries.empty')} />
      )}
      {items.length > 0 && <DeliveriesTable deliveries={items} onOpen={setOpenId} />}
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('deliveries.loadMore')}
          </Button>
        </Center>
      )}

      <DeliveryDrawer deliveryId={openId} onOpen={setOpenId} onClose={() => setOpenId(null)} />
    </>
  );
}
