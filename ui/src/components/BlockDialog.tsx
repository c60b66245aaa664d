import { Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CustomerRow } from '../bindings';
import { BLOCK_REASON_LIMIT, noteLength } from '../notes';

type Props = {
  customer: CustomerRow | null;
  onClose: () => void;
  onConfirm: (c: CustomerRow, block: boolean, reason: string | null) => void;
};

/** Confirms a block (with an optional reason) or an unblock. */
export function BlockDialog({ customer, onClose, onConfirm }: Props) {
  const blocking = customer ? !customer.is_blocked : true;
  const name = customer ? `${customer.first_name} ${customer.last_name}` : '';
  return (
    <Modal
      opened={customer !== null}
      onClose={onClose}
      title={blocking ? `Block ${name}?` : `Unblock ${name}?`}
      data-testid="block-dialog"
    >
      {customer && (
        <BlockForm key={customer.customer_id} customer={customer} blocking={blocking} onClose={onClose} onConfirm={onConfirm} />
      )}
    </Modal>
  );
}

function BlockForm({ customer, blocking, onClose, onConfirm }: { customer: CustomerRow; blocking: boolean } & Omit<Props, 'customer'>) {
  const [reason, setReason] = useState('');
  const tooLong = noteLength(reason.trim()) > BLOCK_REASON_LIMIT;
  const confirm = () => {
    if (tooLong) return;
    onConfirm(customer, blocking, blocking && reason.trim() ? reason.trim() : null);
    onClose();
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); confirm(); }}>
      <Text size="sm" c="dimmed">
        {blocking
          ? 'They stay in your book with their history; the block is sent to the marketplace on the next sync.'
          : 'They will be treated like any other customer again.'}
      </Text>
      {blocking && (
        <TextInput
          data-autofocus
          mt="md"
          label="Reason (optional)"
          placeholder="e.g. repeated no-shows"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tooLong ? `At most ${BLOCK_REASON_LIMIT} characters` : undefined}
          data-testid="block-reason"
        />
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} data-testid="block-cancel">
          Cancel
        </Button>
        <Button type="submit" disabled={tooLong} color={blocking ? 'red' : 'indigo'} data-testid={blocking ? 'confirm-block' : 'confirm-unblock'} data-autofocus={!blocking || undefined}>
          {blocking ? 'Block' : 'Unblock'}
        </Button>
      </Group>
    </form>
  );
}
