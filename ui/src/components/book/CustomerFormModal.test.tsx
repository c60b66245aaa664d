import { fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsOf, mockCommands, renderBook, row } from '../../test/renderBook';
import { CustomerFormModal } from './CustomerFormModal';

function renderAdd(answers: Record<string, unknown> = {}) {
  const calls = mockCommands({ list_tags: [{ tag: 'VIP', count: 3 }], ...answers });
  const onAdded = vi.fn();
  const onClose = vi.fn();
  renderBook(<CustomerFormModal target={{ mode: 'add' }} onClose={onClose} onAdded={onAdded} />);
  const type = (field: string, value: string) => fireEvent.change(screen.getByTestId(`customer-${field}`), { target: { value } });
  const save = () => fireEvent.click(screen.getByTestId('customer-save'));
  /** The error Mantine shows under a field: the element its aria-describedby points at. */
  const errorOf = (field: string) => {
    const input = screen.getByTestId(`customer-${field}`);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
    return ids.length ? document.getElementById(ids[0])?.textContent ?? null : null;
  };
  return { calls, onAdded, onClose, type, save, errorOf };
}

describe('Add customer form', () => {
  afterEach(() => clearMocks());

  it('checks the fields as the core does and sends nothing while one is wrong', async () => {
    const { calls, type, save, errorOf } = renderAdd();
    type('email', 'sita.example.com');
    type('phone', '98-12');
    save();
    expect(errorOf('first-name')).toBe('A first name is needed');
    expect(errorOf('email')).toMatch(/needs an @ and a dot after it/);
    expect(errorOf('phone')).toBe('7 to 15 digits (now 4)');
    type('first-name', 'x'.repeat(101));
    type('email', 'sita@example');
    type('phone', '+977 98 12abc');
    expect(errorOf('first-name')).toBe('At most 100 characters (now 101)');
    expect(errorOf('email')).toMatch(/needs an @ and a dot/);
    expect(errorOf('phone')).toMatch(/Only digits, spaces, dashes, dots, brackets/);
    // The limits themselves pass: 100 characters, 7 digits after removing separators and a leading +.
    type('first-name', 'x'.repeat(100));
    type('email', 'sita@example.com');
    type('phone', '+(01) 23-4.5 6');
    expect(errorOf('first-name')).toBeNull();
    expect(errorOf('email')).toBeNull();
    expect(errorOf('phone')).toBeNull();
    await waitFor(() => expect(callsOf(calls, 'list_tags')).toHaveLength(1));
    expect(callsOf(calls, 'add_customer')).toEqual([]);
  });

  it('shows the core’s refusal on the field it names, and clears it when that field changes', async () => {
    const { calls, type, save, errorOf, onAdded } = renderAdd({
      add_customer: () => {
        throw { code: 'invalid_input', message: 'phone: "9801234567890123" must be 7 to 15 digits (spaces, dashes, dots, brackets and a leading + allowed)' };
      },
    });
    type('first-name', 'Sita');
    type('phone', '980 123 4567');
    save();
    await waitFor(() => expect(errorOf('phone')).toMatch(/^"9801234567890123" must be 7 to 15 digits/));
    expect(errorOf('first-name')).toBeNull();
    expect(screen.queryByTestId('customer-form-error')).toBeNull();
    expect(callsOf(calls, 'add_customer')).toEqual([{ customer: { first_name: 'Sita', last_name: null, email: null, phone: '980 123 4567', city: null, notes: null, tags: [] } }]);
    type('phone', '980 123 4568');
    expect(errorOf('phone')).toBeNull();
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('a refusal naming no field of the form is shown under the form', async () => {
    const { type, save } = renderAdd({ add_customer: () => Promise.reject({ code: 'storage', message: 'database is locked' }) });
    type('first-name', 'Sita');
    save();
    expect(await screen.findByTestId('customer-form-error')).toHaveTextContent('database is locked');
  });

  it('on success says "Added <name>" and opens the new customer', async () => {
    const { type, onAdded, onClose } = renderAdd({ add_customer: row({ customer_id: -4, source: 'local', first_name: 'Sita', last_name: 'Rai' }) });
    type('first-name', ' Sita ');
    type('last-name', 'Rai');
    fireEvent.submit(screen.getByTestId('customer-first-name').closest('form')!);
    expect(await screen.findByText('Added Sita Rai')).toBeInTheDocument();
    expect(onAdded).toHaveBeenCalledWith(-4);
    expect(onClose).toHaveBeenCalled();
  });
});
