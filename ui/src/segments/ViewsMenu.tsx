import { ActionIcon, Badge, Button, Group, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconBookmark, IconBookmarkPlus, IconCheck, IconChevronDown, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ListView } from '../App';
import type { SavedView, ViewQuery } from '../bindings';
import { formatCount } from '../format';
import { toast } from '../toast';
import { useDeleteView, useRenameView, useSaveView, useSavedViews } from './useSegmentData';
import { describeView, sameView, toViewQuery } from './viewQuery';
import { ViewNameModal } from './ViewNameModal';

type Prompt = { kind: 'save' } | { kind: 'rename'; view: SavedView } | null;

/** Saved views (docs/rules.md §10): save the current list, apply, rename, delete; each with its live count. */
export function ViewsMenu({ view, onApply }: { view: ListView; onApply: (q: ViewQuery) => void }) {
  const [opened, setOpened] = useState(false);
  const [prompt, setPrompt] = useState<Prompt>(null);
  const views = useSavedViews();
  const save = useSaveView();
  const rename = useRenameView();
  const remove = useDeleteView();
  const current = toViewQuery(view);
  const list = views.data ?? [];

  const confirmDelete = (v: SavedView) =>
    modals.openConfirmModal({
      title: `Delete the view “${v.name}”?`,
      children: <Text size="sm">The customers stay as they are; only the saved filter goes.</Text>,
      labels: { confirm: 'Delete view', cancel: 'Keep it' },
      confirmProps: { color: 'red', 'data-testid': 'view-delete-confirm' } as Record<string, string>,
      onConfirm: () => remove.mutate(v.id, { onSuccess: () => toast.success(`View “${v.name}” deleted`), onError: (e) => toast.error('Could not delete the view', e) }),
    });

  return (
    <>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" width={340}>
        <Popover.Target>
          <Button size="compact-sm" variant="light" leftSection={<IconBookmark size={14} />} rightSection={<IconChevronDown size={12} />} onClick={() => setOpened((o) => !o)} data-testid="views-button">
            Views{list.length > 0 ? ` (${formatCount(list.length)})` : ''}
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Stack gap={4}>
            <Button variant="subtle" justify="flex-start" leftSection={<IconBookmarkPlus size={16} />} onClick={() => (setOpened(false), setPrompt({ kind: 'save' }))} data-testid="view-save">
              Save view…
            </Button>
            {list.length === 0 ? (
              <Text size="xs" c="dimmed" px="xs" pb={4}>
                No saved views yet. Set a search, status, tags, segment and sort, then save them under a name.
              </Text>
            ) : (
              <ScrollArea.Autosize mah={300}>
                <Stack gap={2} data-testid="views-list">
                  {list.map((v) => (
                    <Group key={v.id} gap={4} wrap="nowrap" className="viewRow" data-testid="view-item">
                      <UnstyledButton className="viewApply" onClick={() => (setOpened(false), onApply(v.query))} data-testid="view-apply" title={describeView(v.query)}>
                        <Group gap={6} wrap="nowrap">
                          {sameView(v.query, view) ? <IconCheck size={14} color="var(--mantine-color-indigo-6)" /> : <span style={{ width: 14 }} />}
                          <div style={{ minWidth: 0, flex: 1 }}>
                            <Text size="sm" fw={500} className="truncate">
                              {v.name}
                            </Text>
                            <Text size="xs" c="dimmed" className="truncate">
                              {describeView(v.query)}
                            </Text>
                          </div>
                          <Badge variant="light" color="gray" size="sm" className="num" data-testid="view-count">
                            {formatCount(v.count)}
                          </Badge>
                        </Group>
                      </UnstyledButton>
                      <Tooltip label="Rename">
                        <ActionIcon variant="subtle" color="gray" aria-label={`Rename ${v.name}`} onClick={() => (setOpened(false), setPrompt({ kind: 'rename', view: v }))} data-testid="view-rename">
                          <IconPencil size={15} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete">
                        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${v.name}`} onClick={() => (setOpened(false), confirmDelete(v))} data-testid="view-delete">
                          <IconTrash size={15} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {prompt?.kind === 'save' && (
        <ViewNameModal
          title="Save this view"
          description={`Shows: ${describeView(current)}`}
          initialName=""
          confirmLabel="Save view"
          onClose={() => setPrompt(null)}
          onSubmit={async (name) => {
            const v = await save.mutateAsync({ name, query: current });
            toast.success(`View “${v.name}” saved`, `${formatCount(v.count)} ${v.count === 1 ? 'customer' : 'customers'} now`);
          }}
        />
      )}
      {prompt?.kind === 'rename' && (
        <ViewNameModal
          title="Rename the view"
          description={`Shows: ${describeView(prompt.view.query)}`}
          initialName={prompt.view.name}
          confirmLabel="Rename"
          onClose={() => setPrompt(null)}
          onSubmit={async (name) => {
            const v = await rename.mutateAsync({ id: prompt.view.id, name });
            toast.success(`View renamed to “${v.name}”`);
          }}
        />
      )}
    </>
  );
}
