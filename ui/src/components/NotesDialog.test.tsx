import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerRow } from '../bindings';
import { NOTES_LIMIT, noteLength } from '../notes';
import { NotesDialog } from './NotesDialog';

const customer = { customer_id: 1, first_name: 'Ram', last_name: 'Thapa', notes: 'likes tea' } as CustomerRow;

function renderDialog() {
  const onSave = vi.fn();
  render(
    <MantineProvider>
      <NotesDialog customer={customer} onClose={() => {}} onSave={onSave} />
    </MantineProvider>,
  );
  const type = (value: string) => fireEvent.change(screen.getByTestId('notes-textarea'), { target: { value } });
  return { onSave, type, save: () => screen.getByTestId('notes-save') };
}

describe('NotesDialog', () => {
  it('shows a live counter and saves text at exactly the limit', () => {
    const { onSave, type, save } = renderDialog();
    expect(screen.getByTestId('notes-counter')).toHaveTextContent('9 / 10,000');
    type('a'.repeat(NOTES_LIMIT));
    expect(screen.getByTestId('notes-counter')).toHaveTextContent('10,000 / 10,000');
    expect(save()).toBeEnabled();
    fireEvent.click(save());
    expect(onSave).toHaveBeenCalledWith(customer, 'a'.repeat(NOTES_LIMIT));
  });

  it('refuses one character over the limit with a clear message, never truncating', () => {
    const { onSave, type, save } = renderDialog();
    type('a'.repeat(NOTES_LIMIT + 1));
    expect(save()).toBeDisabled();
    expect(screen.getByTestId('notes-too-long')).toHaveTextContent('at most 10,000 characters. Remove 1 to save');
    expect((screen.getByTestId('notes-textarea') as HTMLTextAreaElement).value).toHaveLength(NOTES_LIMIT + 1);
    fireEvent.click(save());
    expect(onSave).not.toHaveBeenCalled();
  });

  it('counts Devanagari by characters the user sees, not UTF-16 units', () => {
    expect(noteLength('𝒜')).toBe(1);
    expect(noteLength('सीता')).toBe(4);
  });
});
