import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFilter, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { ListView } from '../App';
import { commands } from '../bindings';
import type { ExportFilter, ExportReport } from '../bindings';
import { fileName, formatCount } from '../format';
import { toast } from '../toast';

type Format = 'csv' | 'xlsx';

const RUN: Record<Format, (filter: ExportFilter) => Promise<ExportReport | null>> = {
  csv: (filter) => commands.exportCsv(filter),
  xlsx: (filter) => commands.exportXlsx(filter),
};

/**
 * `getView` is read when an item is chosen, so the header does not re-render on every search
 * keystroke. The command opens the native save dialog and returns `null` if it is cancelled.
 */
export function ExportMenu({ getView }: { getView: () => Pick<ListView, 'search' | 'status' | 'tags' | 'segment'> }) {
  // Plain state rather than a mutation: the button is busy exactly while the command runs and
  // is released in `finally` — on success, on a cancelled dialog (null) and on any error.
  const [busy, setBusy] = useState(false);
  const run = (format: Format, current: boolean) => async () => {
    if (busy) return;
    const view = getView();
    const filter: ExportFilter = current
      ? { search: view.search || undefined, status: view.status ?? undefined, ...(view.tags.length ? { tags: view.tags } : {}), ...(view.segment ? { segment: view.segment } : {}) }
      : {};
    setBusy(true);
    try {
      const report = await RUN[format](filter);
      // null = the user closed the save dialog; that is a choice, not an error.
      if (report === null) toast.info('Export cancelled', 'Nothing was saved.');
      else toast.success(`Exported ${formatCount(report.rows)} ${report.rows === 1 ? 'customer' : 'customers'}`, `Saved as ${fileName(report.path)}`);
    } catch (err) {
      toast.error('Nothing was exported.', err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          // Disabled, not spinning: while the command runs the save dialog is usually what is open.
          disabled={busy}
          aria-busy={busy}
          data-busy={busy}
          data-testid="export-button"
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export to CSV</Menu.Label>
        <Menu.Item leftSection={<IconUsers size={16} />} data-testid="export-all" onClick={run('csv', false)}>
          All customers
        </Menu.Item>
        <Menu.Item leftSection={<IconFilter size={16} />} data-testid="export-view" onClick={run('csv', true)}>
          Current view (search, filters and segment)
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>Export to Excel (.xlsx)</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} data-testid="export-xlsx-all" onClick={run('xlsx', false)}>
          All customers
        </Menu.Item>
        <Menu.Item leftSection={<IconFilter size={16} />} data-testid="export-xlsx-view" onClick={run('xlsx', true)}>
          Current view (search, filters and segment)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
