// Installs the fake backend behind Tauri's IPC. Loaded only outside Tauri (see main.tsx).
// URL switches for screenshots and manual checks: ?count=N, ?empty, ?signedin, ?failedits, ?slow=ms.
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { MockBackend } from './backend';

type Args = Record<string, never>;

export function installMockBackend(): void {
  const params = new URLSearchParams(window.location.search);
  const backend = new MockBackend({
    count: params.has('empty') ? 0 : Number(params.get('count') ?? 400),
    signedIn: params.has('signedin'),
    failEdits: params.has('failedits'),
  });
  const latency = Number(params.get('slow') ?? 120);
  const changed = () => void emit('data-changed', null);

  const handle = async (cmd: string, a: Args): Promise<unknown> => {
    switch (cmd) {
      case 'app_info':
        return { db_path: '/home/demo/.local/share/clientele/clientele.db', demo: !backend.sync.signed_in, currency: 'NPR', version: '0.1.0-mock', default_export_name: 'customers.csv' };
      case 'list_customers': return backend.listCustomers(a.query);
      case 'get_stats': return backend.stats();
      case 'get_charts': return backend.charts();
      case 'list_activity': return backend.listActivity(a.query);
      case 'get_customer': return backend.getCustomer(a.customerId, a.page, a.pageSize);
      case 'edit_relation': return backend.edit(a.customerId, a.edit);
      case 'export_csv': {
        const rows = a.filter && (a.filter as { search?: string; status?: string }).search !== undefined || (a.filter as { status?: string })?.status
          ? backend.listCustomers({ ...(a.filter as object), page: 1, page_size: 1 }).count
          : backend.customers.length;
        return { path: `/home/demo/Documents/customers-${new Date().toISOString().slice(0, 10)}.csv`, rows, bytes: rows * 180 };
      }
      case 'sync_status': return backend.sync;
      case 'sign_in':
        if (a.password !== 'demo') throw { code: 'unauthorized', message: 'Wrong email or password. (Mock: the password is "demo".)' };
        backend.sync = { ...backend.sync, signed_in: true, base_url: a.baseUrl, email: a.email };
        return backend.sync;
      case 'sign_out':
        backend.sync = { ...backend.sync, signed_in: false, email: null, base_url: null };
        return backend.sync;
      case 'sync_now': {
        const report = await backend.runSync((p) => void emit('sync-progress', p));
        changed();
        return report;
      }
      case 'cancel_sync': backend.cancel(); return null;
      default: throw { code: 'not_found', message: `Mock backend has no command ${cmd}` };
    }
  };

  mockIPC(
    async (cmd, payload) => {
      await new Promise((res) => setTimeout(res, latency));
      const answer = await handle(cmd, (payload ?? {}) as Args);
      // For scripts/keystroke.mjs: when the list answer is handed back (the "IPC" is done).
      if (cmd === 'list_customers') (window as { __listAnsweredAt?: number }).__listAnsweredAt = performance.now();
      return answer;
    },
    { shouldMockEvents: true },
  );
}
