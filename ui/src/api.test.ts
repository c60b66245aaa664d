import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, api } from './api';

describe('api', () => {
  afterEach(() => clearMocks());

  it('lists every command it wraps, once', () => {
    expect(new Set(COMMANDS).size).toBe(COMMANDS.length);
    expect(COMMANDS).toHaveLength(Object.keys(api).length);
  });

  it('sends the Rust command names with camelCase arguments and rejects with the ErrorPayload', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      if (cmd === 'export_csv') throw { code: 'storage', message: 'disk full' };
      return null;
    });
    await api.getCustomer(5, 2, 10);
    await api.signIn('https://x', 'a@b', 'pw');
    await expect(api.exportCsv({ status: 'blocked' })).rejects.toEqual({ code: 'storage', message: 'disk full' });
    expect(seen).toEqual([
      ['get_customer', { customerId: 5, page: 2, pageSize: 10 }],
      ['sign_in', { baseUrl: 'https://x', email: 'a@b', password: 'pw' }],
      ['export_csv', { filter: { status: 'blocked' } }],
    ]);
    for (const [cmd] of seen) expect(COMMANDS).toContain(cmd);
  });
});
