import { ActionIcon, Badge, Button, Group, Kbd, Menu, Tooltip } from '@mantine/core';
import { IconChevronDown, IconCopy, IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { memo, useEffect, useState } from 'react';
import { formatCount } from '../../format';
import { useDuplicates } from '../../hooks/useBookQueries';
import { useBookActions } from './bookActionsContext';

const DUPLICATES_AFTER_MS = 1500;

/** The list's book actions: duplicates (when there are any), add a customer, import a list. */
export const BookBar = memo(function BookBar() {
  const a = useBookActions();
  // Looking for duplicates reads the whole book (~0.3 s at 100,000 customers): not while
  // the first rows are still on their way.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setSettled(true), DUPLICATES_AFTER_MS);
    return () => clearTimeout(t);
  }, []);
  const groups = useDuplicates(0, settled).data?.group_count ?? 0;
  return (
    // In the toolbar's first row; narrow windows show the icons alone (app.css, .bookBarLabel).
    <Group gap="xs" wrap="nowrap">
      {groups > 0 && (
        <Tooltip label="Cards that look like the same person">
          <Button
            variant="light"
            color="orange"
            leftSection={<IconCopy size={16} />}
            rightSection={<Badge size="xs" circle={groups < 10} color="orange" data-testid="duplicates-count">{formatCount(groups)}</Badge>}
            onClick={a.showDuplicates}
            data-testid="duplicates-button"
            aria-label="Duplicates"
          >
            <span className="bookBarLabel">Duplicates</span>
          </Button>
        </Tooltip>
      )}
      <Group gap={0} wrap="nowrap">
        <Tooltip label={<>Add a customer by hand <Kbd size="xs">N</Kbd></>}>
          <Button leftSection={<IconUserPlus size={16} />} onClick={a.addCustomer} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }} data-testid="add-customer" aria-keyshortcuts="n" aria-label="Add customer">
            <span className="bookBarLabel">Add customer</span>
          </Button>
        </Tooltip>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon size={36} aria-label="More ways to add customers" style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-indigo-4)' }} data-testid="add-menu">
              <IconChevronDown size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconFileImport size={16} />} onClick={a.importList} data-testid="import-list">
              Import a list (CSV)…
            </Menu.Item>
            <Menu.Item leftSection={<IconCopy size={16} />} onClick={a.showDuplicates} data-testid="menu-duplicates">
              Find duplicates
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
});
