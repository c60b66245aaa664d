import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerRow } from '../bindings';
import { NOTES_LIMIT, noteLength } from '../notes';
import { NotesDialog } from './NotesDialog';

const customer = { customer_id: 1, first_name: 'Ram', last_name: 'Thapa', notes: 'likes tea' } as CustomerRow;

function renderDialog() {
  const onSave = vi.fn();
  const onClose = vi.fn();
  render(
    <MantineProvider>
      <NotesDialog customer={customer} onClose={onClose} onSave={onSave} />
    </MantineProvider>,
  );
  const type = (value: string) => fireEvent.change(screen.getByTestId('notes-textarea'), { target: { value } });
  return { onSave, onClose, type, save: () => screen.getByTestId('notes-save') };
}

// Mantine listens on window; the key goes to whatever has the focus, as in the app.
const esc = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
const closeButton = () => screen.getByTestId('notes-dialog').ownerDocument.querySelector('.mantine-Modal-close') as HTMLElement;

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

  it('closes at once when nothing was changed', () => {
    const { onClose } = renderDialog();
    esc();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Discard changes?')).not.toBeInTheDocument();
  });

  it('asks before Esc throws away typed notes; "Keep editing" keeps them', async () => {
    const { onClose, type } = renderDialog();
    type('likes tea, no sugar');
    esc();
    expect(await screen.findByText('Discard changes?')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('discard-keep'));
    await waitFor(() => expect(screen.queryByText('Discard changes?')).not.toBeInTheDocument());
    expect(screen.getByTestId('notes-textarea')).toHaveValue('likes tea, no sugar');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Esc on the confirm means keep editing, not close both', async () => {
    const { onClose, type } = renderDialog();
    type('changed');
    esc();
    await screen.findByText('Discard changes?');
    esc();
    await waitFor(() => expect(screen.queryByText('Discard changes?')).not.toBeInTheDocument());
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('notes-textarea')).toHaveValue('changed');
  });

  it('asks on Cancel and on the X too, and "Discard" closes without saving', async () => {
    const { onClose, onSave, type } = renderDialog();
    type('changed');
    fireEvent.click(screen.getByTestId('notes-cancel'));
    expect(await screen.findByText('Discard changes?')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('discard-keep'));
    await waitFor(() => expect(screen.queryByText('Discard changes?')).not.toBeInTheDocument());
    fireEvent.click(closeButton());
    expect(await screen.findByText('Discard changes?')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('discard-confirm-button'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();
  });
});
