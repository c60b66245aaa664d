// Installs the fake backend in place of the generated commands. Loaded only outside Tauri
// (see main.tsx). `Commands` is the generated file's own type, so the mock answers every
// command with exactly its Rust signature and a command added in Rust fails the type check
// here until the mock answers it.
// URL switches for screenshots and manual checks: ?count=N, ?empty, ?signedin, ?failedits, ?slow=ms,
// ?import=errors|clean|broken|cancel (which sample file the import's open dialog "picks").
import { mockIPC } from '@tauri-apps/api/mocks';
import { commands, DEFAULTS, events, type ExportFilter, type Scope } from '../bindings';
import { MockBackend } from './backend';
import * as book from './book';
import * as importFiles from './importFiles';
import * as segments from './segments';
import * as merge from './merge';
import { backupCommands } from './backups';

type Commands = typeof commands;

/** The mock does not re-derive which scopes an edit touches (clientele::relations::changes); it names them all. */
const EDIT_SCOPES: Scope[] = ['customers', 'stats', 'charts', 'activity', 'sync'];
/** What the shell announces after every book command (clientele::book::changes). */
const BOOK_SCOPES: Scope[] = ['customers', 'stats', 'charts', 'activity'];

export function installMockBackend(): void {
  const params = new URLSearchParams(window.location.search);
  const backend = new MockBackend({
    count: params.has('empty') ? 0 : Number(params.get('count') ?? 400),
    signedIn: params.has('signedin'),
    failEdits: params.has('failedits'),
  });
  const latency = Number(params.get('slow') ?? 120);
  const changed = (scopes: Scope[]) => void events.dataChanged.emit({ scopes });
  /** A book command: answer, then announce the change as the shell does. */
  const write = <T,>(run: () => T): Promise<T> => {
    const result = run();
    changed(BOOK_SCOPES);
    return Promise.resolve(result);
  };
  const exportedRows = (filter: ExportFilter) =>
    filter.search !== undefined || filter.status || filter.tags?.length ? backend.listCustomers({ ...filter, page: 1, page_size: 1 }).count : backend.stats().total_customers;

  const importKind = params.get('import') ?? 'errors';
  const mock: Commands = {
    appInfo: async () => ({
      db_path: '/home/demo/.local/share/clientele/clientele.db',
      demo: !backend.sync.signed_in,
      currency: DEFAULTS.currency,
      version: '0.1.0-mock',
      default_export_name: 'customers.csv',
    }),
    listCustomers: async (query) => {
      const page = backend.listCustomers(query);
      // For scripts/keystroke.mjs: when the list answer is handed back (the "IPC" is done).
      (window as { __listAnsweredAt?: number }).__listAnsweredAt = performance.now();
      return page;
    },
    // The mock has one book: switching is only announced.
    openSample: async () => {
      changed(['customers', 'stats', 'charts', 'activity', 'sync']);
      return null;
    },
    leaveSample: async () => {
      changed(['customers', 'stats', 'charts', 'activity', 'sync']);
      return null;
    },
    getStats: async () => backend.stats(),
    getCharts: async (range) => segments.charts(backend, range),
    listActivity: async (query) => backend.listActivity(query),
    getCustomer: async (customerId, page, pageSize) => backend.getCustomer(customerId, page, pageSize),
    ...backupCommands(params, () => backend.customers.length, changed),
    editRelation: async (customerId, edit) => {
      const row = backend.edit(customerId, edit);
      changed(EDIT_SCOPES);
      return row;
    },
    exportCsv: async (filter) => {
      const rows = exportedRows(filter);
      return { path: `/home/demo/Documents/customers-${new Date().toISOString().slice(0, 10)}.csv`, rows, bytes: rows * 180 };
    },
    exportXlsx: async (filter) => {
      const rows = exportedRows(filter);
      return { path: `/home/demo/Documents/customers-${new Date().toISOString().slice(0, 10)}.xlsx`, rows, bytes: 6000 + rows * 90 };
    },
    syncStatus: async () => backend.sync,
    signIn: async (baseUrl, email, password) => {
      if (password !== 'demo') throw { code: 'unauthorized', message: 'Wrong email or password. (Mock: the password is "demo".)' };
      backend.sync = { ...backend.sync, signed_in: true, base_url: baseUrl, email };
      changed(['customers', 'stats', 'charts', 'activity', 'sync', 'app']);
      return backend.sync;
    },
    signOut: async () => {
      backend.sync = { ...backend.sync, signed_in: false, email: null, base_url: null };
      changed(['sync']);
      return backend.sync;
    },
    syncNow: async () => {
      const report = await backend.runSync((p) => void events.syncProgressed.emit(p));
      changed(['customers', 'stats', 'charts', 'activity', 'sync']);
      return report;
    },
    cancelSync: async () => {
      backend.cancel();
      return null;
    },
    addCustomer: (customer) => write(() => book.addCustomer(backend, customer)),
    editCustomer: (customerId, edit) => write(() => book.editCustomer(backend, customerId, edit)),
    setArchived: (customerId, archived) => write(() => book.setArchived(backend, customerId, archived)),
    listTags: async () => book.listTags(backend),
    addVisit: (customerId, visit) => write(() => book.addVisit(backend, customerId, visit)),
    editVisit: (bookingId, edit) => write(() => book.editVisit(backend, bookingId, edit)),
    deleteVisit: (bookingId) => write(() => book.deleteVisit(backend, bookingId)),
    listDuplicates: async (limit) => merge.listDuplicates(backend, limit),
    mergeCustomers: (keepId, otherId) => write(() => merge.mergeCustomers(backend, keepId, otherId)),
    unmergeCustomer: (customerId) => write(() => merge.unmergeCustomer(backend, customerId)),
    // The import's open dialog cannot run in a browser: ?import= says which sample file it "picks".
    pickImportFile: async () => importFiles.pickImportFile(importKind),
    previewImport: async (path) => importFiles.previewImport(backend, path),
    importCustomers: (path, skipInvalid) => write(() => importFiles.importCustomers(backend, path, skipInvalid)),
    segmentCounts: async () => segments.segmentCounts(backend),
    lapsedDays: async () => backend.lapsedDays,
    setLapsedDays: async (days) => {
      const d = segments.setLapsedDays(backend, days);
      changed(['customers']);
      return d;
    },
    listViews: async () => segments.listViews(backend),
    saveView: async (name, query) => {
      const v = segments.saveView(backend, name, query);
      changed(['customers']);
      return v;
    },
    renameView: async (id, name) => {
      const v = segments.renameView(backend, id, name);
      changed(['customers']);
      return v;
    },
    deleteView: async (id) => {
      const r = segments.deleteView(backend, id);
      changed(['customers']);
      return r;
    },
  };

  const delay = (answers: object) =>
    Object.fromEntries(
      Object.entries(answers).map(([name, answer]) => [
        name,
        async (...args: unknown[]) => {
          await new Promise((res) => setTimeout(res, latency));
          return (answer as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    );
  Object.assign(commands, delay(mock));
  // Events (data-changed, sync progress) go through Tauri's mocked event bus.
  mockIPC(
    (cmd) => {
      throw { code: 'not_found', message: `Mock backend has no command ${cmd}` };
    },
    { shouldMockEvents: true },
  );
}
