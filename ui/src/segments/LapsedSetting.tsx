import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useState } from 'react';
import { toErrorPayload } from '../errors';
import { toast } from '../toast';
import { fieldMessage } from './segmentInfo';
import { useSetLapsedDays } from './useSegmentData';

/**
 * The lapsed setting (1–3650 days). The input does not clamp: the core decides, and its
 * refusal is shown on the field.
 */
export function LapsedSetting({ days }: { days: number | undefined }) {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const save = useSetLapsedDays();
  const open = () => {
    setValue(days ?? '');
    setError(null);
    setOpened(true);
  };
  const submit = () => {
    if (typeof value !== 'number') return setError('Enter a number of days');
    save.mutate(value, {
      onSuccess: (d) => {
        setOpened(false);
        toast.success(`Lapsed now means ${d}+ days since the last visit`);
      },
      onError: (e) => setError(fieldMessage(toErrorPayload(e).message, 'lapsed_days')),
    });
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          fw={500}
          c="dimmed"
          leftSection={<IconAdjustmentsHorizontal size={14} />}
          onClick={() => (opened ? setOpened(false) : open())}
          title="Change after how many days without a visit a customer counts as lapsed"
          data-testid="lapsed-setting"
        >
          Lapsed after {days == null ? '…' : `${days} days`}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs" w={250}>
            <NumberInput
              label="Lapsed after (days)"
              description="No visit booked and the last visit at least this many days ago. 1 to 3650."
              value={value}
              onChange={(v) => {
                setValue(v);
                setError(null);
              }}
              allowDecimal={false}
              clampBehavior="none"
              error={error}
              data-autofocus
              data-testid="lapsed-input"
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={save.isPending} data-testid="lapsed-save">
                Save
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              At risk does not use this: it compares with each customer’s own rhythm.
            </Text>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
