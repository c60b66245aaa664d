import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFilter, IconUsers } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
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

export function ExportMenu({ view }: { view: ListView }) {
  const exportFile = useMutation({
    mutationFn: ({ format, filter }: { format: Format; filter: ExportFilter }) => RUN[format](filter),
    onSuccess: (report) => {
      // null = the user closed the save dialog; that is a choice, not an error.
      if (report === null) toast.info('Export cancelled');
      else
        toast.success(
          `Exported ${formatCount(report.rows)} ${report.rows === 1 ? 'customer' : 'customers'}`,
          `Saved ${fileName(report.path)}`,
        );
    },
    onError: (err) => toast.error('Export failed', err),
  });
  const currentView: ExportFilter = { search: view.search || undefined, status: view.status ?? undefined, ...(view.tags.length ? { tags: view.tags } : {}), ...(view.segment ? { segment: view.segment } : {}) };
  const run = (format: Format, filter: ExportFilter) => () => exportFile.mutate({ format, filter });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={exportFile.isPending}
          data-testid="export-button"
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export to CSV</Menu.Label>
        <Menu.Item leftSection={<IconUsers size={16} />} data-testid="export-all" onClick={run('csv', {})}>
          All customers
        </Menu.Item>
        <Menu.Item leftSection={<IconFilter size={16} />} data-testid="export-view" onClick={run('csv', currentView)}>
          Current view (search, filters and segment)
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>Export to Excel (.xlsx)</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} data-testid="export-xlsx-all" onClick={run('xlsx', {})}>
          All customers
        </Menu.Item>
        <Menu.Item leftSection={<IconFilter size={16} />} data-testid="export-xlsx-view" onClick={run('xlsx', currentView)}>
          Current view (search, filters and segment)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
