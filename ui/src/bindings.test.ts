import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, LIMITS } from './bindings';

// The generated bindings are the whole IPC surface: these check what they put on the wire.
describe('generated commands', () => {
  afterEach(() => clearMocks());

  it('send the Rust command names with camelCase arguments and reject with the ErrorPayload', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      if (cmd === 'export_csv') throw { code: 'storage', message: 'disk full' };
      return null;
    });
    await commands.getCustomer(5, 2, 10);
    await commands.signIn('https://x', 'a@b', 'pw');
    await expect(commands.exportCsv({ status: 'blocked' })).rejects.toEqual({ code: 'storage', message: 'disk full' });
    expect(seen).toEqual([
      ['get_customer', { customerId: 5, page: 2, pageSize: 10 }],
      ['sign_in', { baseUrl: 'https://x', email: 'a@b', password: 'pw' }],
      ['export_csv', { filter: { status: 'blocked' } }],
    ]);
  });

  it('carry the core limits', () => {
    expect(LIMITS.notes_chars).toBe(10_000);
    expect(LIMITS.block_reason_chars).toBe(500);
  });
});
