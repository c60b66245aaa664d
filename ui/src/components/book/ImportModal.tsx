import { Alert, Button, Group, Loader, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { toErrorPayload } from '../../errors';
import { fileName, formatCount } from '../../format';
import { ImportPreviewBody } from './ImportPreviewBody';
import { validRows, type ImportFlow } from './useImportFlow';

export function ImportModal({ flow }: { flow: ImportFlow }) {
  const { state, run } = flow;
  return (
    <Modal opened={state.step !== 'idle'} onClose={flow.close} title="Import a client list" size={980} data-testid="import-dialog">
      {state.step === 'loading' && (
        <Group gap="sm" py="lg" data-testid="import-loading">
          <Loader size="sm" />
          <Text size="sm">Reading {fileName(state.path)}…</Text>
        </Group>
      )}
      {state.step === 'error' && (
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This file cannot be imported" data-testid="import-file-error">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {state.error.message}
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={flow.close}>
              Cancel
            </Button>
            <Button onClick={flow.pick} data-autofocus data-testid="import-choose-another">
              Choose another file
            </Button>
          </Group>
        </Stack>
      )}
      {state.step === 'preview' && (
        <Stack gap="md">
          <ImportPreviewBody preview={state.preview} />
          {run.isError && (
            <Alert color="red" variant="light" title="Nothing was imported" data-testid="import-run-error">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {toErrorPayload(run.error).message}
              </Text>
            </Alert>
          )}
          <ImportButtons flow={flow} />
        </Stack>
      )}
    </Modal>
  );
}

function ImportButtons({ flow }: { flow: ImportFlow }) {
  const { state, run } = flow;
  if (state.step !== 'preview') return null;
  const { report } = state.preview;
  const invalid = report.invalid.length;
  const valid = validRows(report);
  const go = (skipInvalid: boolean) => () => run.mutate({ path: state.path, skipInvalid });
  return (
    <Group justify="space-between">
      <Button variant="subtle" onClick={flow.pick} data-testid="import-choose-another">
        Choose another file
      </Button>
      <Group gap="sm">
        <Button variant="default" onClick={flow.close} data-testid="import-cancel">
          Cancel
        </Button>
        <Tooltip label="Fix the invalid rows in the file, or import only the valid ones" disabled={invalid === 0}>
          {/* A wrapper, so the tooltip shows on a disabled button. */}
          <span>
            <Button disabled={invalid > 0 || valid === 0} loading={run.isPending && !run.variables?.skipInvalid} onClick={go(false)} data-autofocus={invalid === 0 || undefined} data-testid="import-run">
              Import
            </Button>
          </span>
        </Tooltip>
        {invalid > 0 && valid > 0 && (
          <Button color="orange" loading={run.isPending && run.variables?.skipInvalid} onClick={go(true)} data-autofocus data-testid="import-run-valid">
            Import the {formatCount(valid)} valid {valid === 1 ? 'row' : 'rows'}
          </Button>
        )}
      </Group>
    </Group>
  );
}
