// The host page's tabs as data: URL segment, label key, component. The tab in the URL is the one shown
// (#/hosts/<id>/<key>); pages add their row here.
import type { ComponentType } from 'react';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { OverviewTab } from './overview/overview-tab';

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
];

export const DEFAULT_TAB = HOST_TABS[0]!.key;
