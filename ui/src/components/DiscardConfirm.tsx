import { Button, Group, Modal, Text } from '@mantine/core';

type Props = { opened: boolean; what: string; onKeep: () => void; onDiscard: () => void };

/**
 * "Discard changes?" over a dialog with unsaved edits. Esc, the X and a click outside mean
 * "Keep editing"; "Keep editing" has the focus, so Enter never throws work away.
 */
export function DiscardConfirm({ opened, what, onKeep, onDiscard }: Props) {
  return (
    <Modal opened={opened} onClose={onKeep} title="Discard changes?" size="sm" centered zIndex={400} data-testid="discard-confirm">
      <Text size="sm">Your changes to {what} have not been saved. If you discard them, they are gone.</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onKeep} data-autofocus data-testid="discard-keep">
          Keep editing
        </Button>
        <Button color="red" onClick={onDiscard} data-testid="discard-confirm-button">
          Discard
        </Button>
      </Group>
    </Modal>
  );
}
