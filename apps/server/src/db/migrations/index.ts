import type { Migration } from 'kysely/migration';
import * as createAuth from './2026_11_28_0000_create_auth.ts';
import * as createConfiguration from './2026_11_28_1200_create_configuration.ts';
import * as createHubData from './2026_11_28_1800_create_hub_data.ts';
import * as createDeliveries from './2026_11_28_1810_create_deliveries.ts';
import * as createAlertState from './2026_11_28_1820_create_alert_state.ts';
import * as indexNotificationType from './2026_11_28_1830_index_notification_type.ts';
import * as indexDeliveryNotification from './2026_11_28_1840_index_delivery_notification.ts';
import * as createAuthFailure from './2026_12_06_0900_create_auth_failure.ts';
import * as deliveryLease from './2026_12_06_1000_delivery_lease.ts';
import * as incidents from './2026_12_06_1100_incidents.ts';
import * as endpointBreakers from './2026_12_06_1200_endpoint_breakers.ts';
import * as usageCacheFields from './2026_12_06_1300_usage_cache_fields.ts';
import * as cacheAlertCooldown from './2026_12_06_1310_cache_alert_cooldown.ts';
import * as cacheAlertSettings from './2026_12_06_1320_cache_alert_settings.ts';
import * as cacheHitRateType from './2026_12_06_1330_cache_hit_rate_type.ts';
import * as usageCacheDaily from './2026_12_06_1335_usage_cache_daily.ts';
import * as providerBalance from './2026_12_06_1400_provider_balance.ts';
import * as targetChannelFields from './2026_12_06_1500_target_channel_fields.ts';
import * as bindingMentions from './2026_12_06_1510_binding_mentions.ts';
import * as cchConnector from './2026_12_06_1600_cch_connector.ts';
import * as deliveryTargetFailedIdx from './2026_12_06_1700_delivery_target_failed_idx.ts';
import * as deliveryRenderedLocale from './2026_12_06_1800_delivery_rendered_locale.ts';

/** Every migration, in order. Names are timestamps; never edit a shipped one. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0000_create_auth': createAuth,
  '2026_11_28_1200_create_configuration': createConfiguration,
  '2026_11_28_1800_create_hub_data': createHubData,
  '2026_11_28_1810_create_deliveries': createDeliveries,
  '2026_11_28_1820_create_alert_state': createAlertState,
  '2026_11_28_1830_index_notification_type': indexNotificationType,
  '2026_11_28_1840_index_delivery_notification': indexDeliveryNotification,
  '2026_12_06_0900_create_auth_failure': createAuthFailure,
  '2026_12_06_1000_delivery_lease': deliveryLease,
  '2026_12_06_1100_incidents': incidents,
  '2026_12_06_1200_endpoint_breakers': endpointBreakers,
  '2026_12_06_1300_usage_cache_fields': usageCacheFields,
  '2026_12_06_1310_cache_alert_cooldown': cacheAlertCooldown,
  '2026_12_06_1320_cache_alert_settings': cacheAlertSettings,
  '2026_12_06_1330_cache_hit_rate_type': cacheHitRateType,
  '2026_12_06_1335_usage_cache_daily': usageCacheDaily,
  '2026_12_06_1400_provider_balance': providerBalance,
  '2026_12_06_1500_target_channel_fields': targetChannelFields,
  '2026_12_06_1510_binding_mentions': bindingMentions,
  '2026_12_06_1600_cch_connector': cchConnector,
  '2026_12_06_1700_delivery_target_failed_idx': deliveryTargetFailedIdx,
  '2026_12_06_1800_delivery_rendered_locale': deliveryRenderedLocale,
};
