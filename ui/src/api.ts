// The one typed wrapper around the Tauri commands and events. Every call into Rust goes
// through here; argument names are camelCase because Tauri 2 converts them.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { ActivityPage } from './bindings/core/ActivityPage';
import type { ActivityQuery } from './bindings/core/ActivityQuery';
import type { Charts } from './bindings/core/Charts';
import type { CustomerDetail } from './bindings/core/CustomerDetail';
import type { CustomerPage } from './bindings/core/CustomerPage';
import type { CustomerQuery } from './bindings/core/CustomerQuery';
import type { CustomerRow } from './bindings/core/CustomerRow';
import type { ExportFilter } from './bindings/core/ExportFilter';
import type { ExportReport } from './bindings/core/ExportReport';
import type { RelationEdit } from './bindings/core/RelationEdit';
import type { Stats } from './bindings/core/Stats';
import type { SyncProgress } from './bindings/core/SyncProgress';
import type { SyncReport } from './bindings/core/SyncReport';
import type { SyncStatus } from './bindings/core/SyncStatus';
import type { AppInfo } from './types';

/** Every command the UI calls; a Rust test cross-checks this list against the shell. */
export const COMMANDS = [
  'app_info',
  'list_customers',
  'get_stats',
  'get_charts',
  'list_activity',
  'get_customer',
  'edit_relation',
  'export_csv',
  'sync_status',
  'sign_in',
  'sign_out',
  'sync_now',
  'cancel_sync',
] as const;

export type Command = (typeof COMMANDS)[number];

export const EVENTS = { dataChanged: 'data-changed', syncProgress: 'sync-progress' } as const;

function call<T>(cmd: Command, args?: Record<string, unknown>): Promise<T> {
  return invoke<T>(cmd, args);
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  listCustomers: (query: CustomerQuery) => call<CustomerPage>('list_customers', { query }),
  getStats: () => call<Stats>('get_stats'),
  getCharts: () => call<Charts>('get_charts'),
  listActivity: (query: ActivityQuery) => call<ActivityPage>('list_activity', { query }),
  getCustomer: (customerId: number, page: number, pageSize: number) =>
    call<CustomerDetail>('get_customer', { customerId, page, pageSize }),
  editRelation: (customerId: number, edit: RelationEdit) =>
    call<CustomerRow>('edit_relation', { customerId, edit }),
  /** `null` when the user cancelled the save dialog. */
  exportCsv: (filter: ExportFilter) => call<ExportReport | null>('export_csv', { filter }),
  syncStatus: () => call<SyncStatus>('sync_status'),
  signIn: (baseUrl: string, email: string, password: string) =>
    call<SyncStatus>('sign_in', { baseUrl, email, password }),
  signOut: () => call<SyncStatus>('sign_out'),
  syncNow: (full: boolean) => call<SyncReport>('sync_now', { full }),
  cancelSync: () => call<null>('cancel_sync'),
};

export function onDataChanged(handler: () => void): Promise<UnlistenFn> {
  return listen(EVENTS.dataChanged, () => handler());
}

export function onSyncProgress(handler: (p: SyncProgress) => void): Promise<UnlistenFn> {
  return listen<SyncProgress>(EVENTS.syncProgress, (e) => handler(e.payload));
}
