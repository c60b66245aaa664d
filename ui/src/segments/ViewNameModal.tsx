import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { toErrorPayload } from '../errors';
import { fieldMessage } from './segmentInfo';

type Props = {
  title: string;
  /** What the view shows, under the name. */
  description: string;
  initialName: string;
  confirmLabel: string;
  onClose: () => void;
  /** Saves; a refusal is shown on the name field (the core checks empty and taken names). */
  onSubmit: (name: string) => Promise<unknown>;
};

/** The name prompt for saving and renaming a view. Mounted only while open, so it starts fresh. */
export function ViewNameModal({ title, description, initialName, confirmLabel, onClose, onSubmit }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(name);
      onClose();
    } catch (e) {
      setError(fieldMessage(toErrorPayload(e).message, 'name'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} size="sm" data-testid="view-name-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="view-name-description">
            {description}
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. Lapsed regulars"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            data-testid="view-name-input"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} data-testid="view-name-save">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
