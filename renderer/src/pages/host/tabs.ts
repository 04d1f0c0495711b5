// The host page's tabs as data: URL segment, label key, component. The tab in the URL is the one shown
// (#/hosts/<id>/<key>); pages add their row here.
import type { ComponentType } from 'react';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { OverviewTab } from './overview/overview-tab';
import { PowerTab } from './power/power-tab';
import { SensorsTab } from './sensors/sensors-tab';
import { EventsTab } from './events/events-tab';
import { InventoryTab } from './inventory/inventory-tab';

export interface HostTabProps {
  host: HostSummary;
}
export interface HostTab {
  key: string;
  /** i18n key of the tab's name */
  label: string;
  Component: ComponentType<HostTabProps>;
}

export const HOST_TABS: readonly HostTab[] = [
  { key: 'overview', label: 'host.tabs.overview', Component: OverviewTab },
  { key: 'power', label: 'host.tabs.power', Component: PowerTab },
  { key: 'sensors', label: 'host.tabs.sensors', Component: SensorsTab },
  { key: 'events', label: 'host.tabs.events', Component: EventsTab },
  { key: 'inventory', label: 'host.tabs.inventory', Component: InventoryTab },
];

export const DEFAULT_TAB = HOST_TABS[0]!.key;
