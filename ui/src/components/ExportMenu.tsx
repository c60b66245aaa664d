import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFilter, IconUsers } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ListView } from '../App';
import { commands } from '../bindings';
import type { ExportFilter } from '../bindings';
import { fileName, formatCount } from '../format';
import { toast } from '../toast';

export function ExportMenu({ view }: { view: ListView }) {
  const exportCsv = useMutation({
    mutationFn: (filter: ExportFilter) => commands.exportCsv(filter),
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
  const currentView: ExportFilter = { search: view.search || undefined, status: view.status ?? undefined };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={exportCsv.isPending}
          data-testid="export-button"
        >
          Export CSV
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconUsers size={16} />} data-testid="export-all" onClick={() => exportCsv.mutate({})}>
          All customers
        </Menu.Item>
        <Menu.Item leftSection={<IconFilter size={16} />} data-testid="export-view" onClick={() => exportCsv.mutate(currentView)}>
          Current view (search and filter)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
