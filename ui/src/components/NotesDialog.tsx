import { Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CustomerRow } from '../bindings';
import { formatCount } from '../format';
import { NOTES_LIMIT, noteLength } from '../notes';

type Props = { customer: CustomerRow | null; onClose: () => void; onSave: (c: CustomerRow, notes: string) => void };

export function NotesDialog({ customer, onClose, onSave }: Props) {
  return (
    <Modal
      opened={customer !== null}
      onClose={onClose}
      title={customer ? `Notes — ${customer.first_name} ${customer.last_name}` : 'Notes'}
      size="lg"
      data-testid="notes-dialog"
    >
      {/* Keyed so each opening starts from the customer's saved notes. */}
      {customer && <NotesForm key={customer.customer_id} customer={customer} onClose={onClose} onSave={onSave} />}
    </Modal>
  );
}

function NotesForm({ customer, onClose, onSave }: { customer: CustomerRow } & Omit<Props, 'customer'>) {
  const [text, setText] = useState(customer.notes);
  const length = noteLength(text);
  const over = length > NOTES_LIMIT;
  const unchanged = text === customer.notes;
  return (
    <>
      <Textarea
        data-autofocus
        data-testid="notes-textarea"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
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
        <Button variant="default" onClick={onClose} data-testid="notes-cancel">
          Cancel
        </Button>
        <Button
          data-testid="notes-save"
          disabled={over || unchanged}
          onClick={() => {
            onSave(customer, text);
            onClose();
          }}
        >
          Save notes
        </Button>
      </Group>
    </>
  );
}
