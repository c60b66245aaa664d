import { Button } from '@mantine/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../bindings';
import { callsOf, mockCommands, renderBook } from '../../test/renderBook';
import { ImportModal } from './ImportModal';
import { useImportFlow } from './useImportFlow';

function Harness() {
  const flow = useImportFlow();
  return (
    <>
      <Button onClick={flow.pick}>Import a list</Button>
      <ImportModal flow={flow} />
    </>
  );
}

const preview = (invalid: { line: number; message: string }[]): ImportPreview => ({
  file_name: 'clients.csv',
  columns: [
    { header: 'Full Name', field: 'name' },
    { header: 'E-mail', field: 'email' },
    { header: 'Birthday', field: null },
  ],
  rows: [
    { line: 2, first_name: 'Sunita', last_name: 'Rai', email: 'sunita@example.com', phone: null, city: null, tags: [], action: 'add' },
    { line: 3, first_name: 'Ram', last_name: 'Thapa', email: 'ram@example.com', phone: null, city: null, tags: ['VIP'], action: 'match' },
    { line: 5, first_name: 'Gita', last_name: 'KC', email: null, phone: null, city: null, tags: [], action: 'add' },
  ],
  report: { added: 2, matched: 1, unchanged: 0, invalid, ignored_columns: ['Birthday'] },
});

const open = async () => {
  fireEvent.click(screen.getByText('Import a list'));
  return screen.findByRole('dialog');
};

describe('Import a client list', () => {
  afterEach(() => clearMocks());

  it('lists every invalid line, disables Import and offers "Import the N valid rows"', async () => {
    const invalid = [
      { line: 4, message: 'email: "priya.at.example.com" is not an email address (it needs an @ and a dot after it)' },
      { line: 6, message: 'phone: "12345" must be 7 to 15 digits' },
    ];
    const calls = mockCommands({
      pick_import_file: '/home/me/clients.csv',
      preview_import: preview(invalid),
      import_customers: { ...preview(invalid).report },
    });
    renderBook(<Harness />);
    await open();
    expect(await screen.findByTestId('import-file-name')).toHaveTextContent('clients.csv');
    expect(screen.getByTestId('import-columns')).toHaveTextContent('Full Name');
    expect(screen.getByTestId('import-ignored')).toHaveTextContent('Ignored: Birthday');
    expect(screen.getAllByTestId('import-invalid-row').map((r) => r.textContent)).toEqual([
      'Line 4: email: "priya.at.example.com" is not an email address (it needs an @ and a dot after it)',
      'Line 6: phone: "12345" must be 7 to 15 digits',
    ]);
    expect(screen.getByTestId('import-count-invalid')).toHaveTextContent('2');
    expect(screen.getAllByTestId('import-row')).toHaveLength(3);
    expect(screen.getByTestId('import-run')).toBeDisabled();
    const skip = screen.getByTestId('import-run-valid');
    expect(skip).toHaveTextContent('Import the 3 valid rows');
    expect(callsOf(calls, 'preview_import')).toEqual([{ path: '/home/me/clients.csv' }]);
    fireEvent.click(skip);
    expect(await screen.findByText('Imported: 2 added, 1 updated')).toBeInTheDocument();
    expect(callsOf(calls, 'import_customers')).toEqual([{ path: '/home/me/clients.csv', skipInvalid: true }]);
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
  });

  it('a clean file imports with Import, and no "valid rows" button', async () => {
    const calls = mockCommands({ pick_import_file: '/home/me/clients.csv', preview_import: preview([]), import_customers: preview([]).report });
    renderBook(<Harness />);
    await open();
    const run = await screen.findByTestId('import-run');
    expect(run).toBeEnabled();
    expect(screen.queryByTestId('import-run-valid')).toBeNull();
    fireEvent.click(run);
    await waitFor(() => expect(callsOf(calls, 'import_customers')).toEqual([{ path: '/home/me/clients.csv', skipInvalid: false }]));
  });

  it('a file that cannot be read shows why, and "Choose another file" opens the dialog again', async () => {
    const calls = mockCommands({
      pick_import_file: '/home/me/clients.xlsx',
      preview_import: () => {
        throw { code: 'invalid_input', message: 'clients.xlsx is not UTF-8 text (a byte at offset 0 is not valid); save it as "CSV UTF-8" and import it again' };
      },
    });
    renderBook(<Harness />);
    await open();
    expect(await screen.findByTestId('import-file-error')).toHaveTextContent('is not UTF-8 text');
    expect(screen.queryByTestId('import-run')).toBeNull();
    fireEvent.click(screen.getByTestId('import-choose-another'));
    await waitFor(() => expect(callsOf(calls, 'pick_import_file')).toHaveLength(2));
  });

  it('a cancelled open dialog shows nothing', async () => {
    const calls = mockCommands({ pick_import_file: null });
    renderBook(<Harness />);
    fireEvent.click(screen.getByText('Import a list'));
    await waitFor(() => expect(callsOf(calls, 'pick_import_file')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByTestId('import-loading')).toBeNull();
    expect(callsOf(calls, 'preview_import')).toEqual([]);
  });
});
