import { Alert, Button, Center, Loader, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  DeliveriesSearch,
  deliveriesHref,
  isFiltered,
  listFilters,
  timeWindow,
} from '../../components/deliveries-search.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconAlertCircle, IconBell, IconSend, IconTarget } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { DeliveriesFilters } from './deliveries-filters.tsx';
import { DeliveriesTable } from './deliveries-table.tsx';
import { DeliveryCards } from './delivery-cards.tsx';
import { DeliveryDrawer } from './delivery-drawer.tsx';
import { groupByNotification } from './delivery-groups.ts';
import { pollInterval } from './poll.ts';

/** The open delivery (`?delivery=<id>`): its own URL, so Back closes it and it can be linked. */
const OpenDelivery = z.object({ delivery: z.uuid().optional().catch(undefined) });

/** The delivery log: filters in the URL, newest first, more by cursor, details in a drawer (also in the URL). */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const router = useRouter();
  const theme = useMantineTheme();
  // Read at once (not after a first render), so a phone never draws the table first.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const search = useSearch({ strict: false });
  const filters = DeliveriesSearch.parse(search);
  const openId = OpenDelivery.parse(search).delivery ?? null;
  // Whether this page pushed the drawer's entry: then closing goes back to it instead of adding one.
  const pushed = useRef(false);
  const setDelivery = (id: string | null, replace: boolean) =>
    void navigate({ to: '/deliveries', search: (prev) => ({ ...prev, delivery: id ?? undefined }), replace });
  const open = (id: string) => {
    // From the list a new entry (Back closes the drawer); within the drawer the same one.
    if (openId === null) pushed.current = true;
    setDelivery(id, openId !== null);
  };
  const close = () => {
    if (pushed.current) {
      pushed.current = false;
      router.history.back();
    } else setDelivery(null, true);
  };
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
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const groups = useMemo(() => groupByNotification(items), [items]);
  const filtered = isFiltered(filters);
  // Bumped by the empty state's "show all": the filters forget a range being typed, as their own clear does.
  const [filtersKey, setFiltersKey] = useState(0);
  const showAll = () => {
    setFiltersKey((n) => n + 1);
    void navigate({ href: deliveriesHref({}), replace: true });
  };

  return (
    <>
      <PageHeader title={t('nav.deliveries')} description={t('pages.deliveries.description')} />
      <DeliveriesFilters
        key={filtersKey}
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
        <EmptyState
          icon={IconSend}
          title={filtered ? t('emptyStates.noMatchTitle') : undefined}
          text={filtered ? t('deliveries.noMatch') : t('pages.deliveries.empty')}
          action={
            filtered ? (
              <Button variant="default" onClick={showAll}>
                {t('emptyStates.deliveries.showAll')}
              </Button>
            ) : (
              <>
                <Button component={Link} to="/targets" leftSection={<IconTarget size={18} />}>
                  {t('emptyStates.deliveries.toTargets')}
                </Button>
                <Button component={Link} to="/notifications" variant="default" leftSection={<IconBell size={18} />}>
                  {t('emptyStates.deliveries.toNotifications')}
                </Button>
              </>
            )
          }
        />
      )}
      {items.length > 0 &&
        (wide ? <DeliveriesTable groups={groups} onOpen={open} /> : <DeliveryCards groups={groups} onOpen={open} />)}
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('deliveries.loadMore')}
          </Button>
        </Center>
      )}

      <DeliveryDrawer
        deliveryId={openId}
        onOpen={open}
        onClose={close}
        // A link out of the drawer replaces its URL: nothing to go back to then.
        onLeave={() => {
          pushed.current = false;
        }}
      />
    </>
  );
}
