import { Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CustomerRow } from '../bindings';
import { formatCount } from '../format';
import { NOTES_LIMIT, noteLength } from '../notes';
import { DiscardConfirm } from './DiscardConfirm';

type Props = { customer: CustomerRow | null; onClose: () => void; onSave: (c: CustomerRow, notes: string) => void };

export function NotesDialog({ customer, onClose, onSave }: Props) {
  // The text lives here (not in the form) so that every way of closing — Esc, the X, a click
  // outside, Cancel — can see unsaved changes and ask first.
  const [draft, setDraft] = useState<{ id: number; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const text = customer && draft?.id === customer.customer_id ? draft.text : (customer?.notes ?? '');
  const dirty = customer !== null && text !== customer.notes;
  const close = () => {
    setConfirming(false);
    setDraft(null);
    onClose();
  };
  // The confirm opens after the current event: Mantine hands Esc to every open modal's window
  // listener in turn, and the confirm's (registered after this one) would take the same Esc
  // as its own "Keep editing" and close at once.
  const requestClose = () => (dirty ? setTimeout(() => setConfirming(true)) : close());
  return (
    <>
      <Modal
        opened={customer !== null}
        onClose={requestClose}
        // While the confirm is up, Esc belongs to it (Mantine lets every open modal see Esc).
        closeOnEscape={!confirming}
        title={customer ? `Notes — ${customer.first_name} ${customer.last_name}` : 'Notes'}
        size="lg"
        data-testid="notes-dialog"
        data-dirty={dirty}
      >
        {customer && (
          <NotesForm
            customer={customer}
            text={text}
            onText={(t) => setDraft({ id: customer.customer_id, text: t })}
            onCancel={requestClose}
            onSave={() => {
              onSave(customer, text);
              close();
            }}
          />
        )}
      </Modal>
      <DiscardConfirm opened={confirming} what="the notes" onKeep={() => setConfirming(false)} onDiscard={close} />
    </>
  );
}

type FormProps = { customer: CustomerRow; text: string; onText: (t: string) => void; onCancel: () => void; onSave: () => void };

function NotesForm({ customer, text, onText, onCancel, onSave }: FormProps) {
  const length = noteLength(text);
  const over = length > NOTES_LIMIT;
  const unchanged = text === customer.notes;
  return (
    <>
      <Textarea
        data-autofocus
        data-testid="notes-textarea"
        aria-label="Notes"
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={16}
        placeholder="Private notes: preferences, allergies, gate code… Only you see these."
        error={over ? ' ' : undefined}
      />
      <Group justify="space-between" mt={6} wrap="nowrap" align="flex-start">
        {over ? (
          <Text size="sm" c="red" data-testid="notes-too-long">
            Notes can be at most {formatCount(NOTES_LIMIT)} characters. Remove {formatCount(length - NOTES_LIMIT)} to save.
          </Text>
        ) : (
          <span />
        )}
        <Text size="xs" c={over ? 'red' : 'dimmed'} className="num" data-testid="notes-counter" style={{ whiteSpace: 'nowrap' }}>
          {formatCount(length)} / {formatCount(NOTES_LIMIT)}
        </Text>
      </Group>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel} data-testid="notes-cancel">
          Cancel
        </Button>
        <Button data-testid="notes-save" disabled={over || unchanged} onClick={onSave}>
          Save notes
        </Button>
      </Group>
    </>
  );
}
