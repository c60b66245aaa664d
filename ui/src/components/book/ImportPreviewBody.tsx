import { Alert, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconFileText } from '@tabler/icons-react';
import { formatCount } from '../../format';
import type { Field, ImportPreview, RowAction } from '../../bindings';
import { validRows } from './useImportFlow';

const FIELD_LABEL: Record<Field, string> = {
  name: 'name', first_name: 'first name', last_name: 'last name', email: 'email', phone: 'phone', city: 'city', notes: 'notes', tags: 'tags',
};

const ACTION: Record<RowAction, { label: string; color: string }> = {
  add: { label: 'Add', color: 'teal' },
  match: { label: 'Update', color: 'blue' },
  unchanged: { label: 'Unchanged', color: 'gray' },
};

function Count({ n, label, color, testId }: { n: number; label: string; color?: string; testId: string }) {
  return (
    <Paper className="card" p="sm" radius="md" data-testid={testId}>
      <Text fw={700} size="xl" className="num" c={n > 0 ? color : 'dimmed'}>
        {formatCount(n)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

export function ImportPreviewBody({ preview }: { preview: ImportPreview }) {
  const { report, rows, columns } = preview;
  const mapped = columns.filter((c) => c.field !== null);
  const valid = validRows(report);
  return (
    <Stack gap="md" data-testid="import-preview">
      <Group gap="xs">
        <IconFileText size={18} />
        <Text fw={600} data-testid="import-file-name">
          {preview.file_name}
        </Text>
      </Group>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Columns
        </Text>
        <Group gap={6} data-testid="import-columns">
          {mapped.map((c) => (
            <Badge key={c.header} variant="light" tt="none" fw={500} maw="none" rightSection={null}>
              <Group gap={4} wrap="nowrap">
                {c.header} <IconArrowRight size={12} /> {FIELD_LABEL[c.field!]}
              </Group>
            </Badge>
          ))}
        </Group>
        {report.ignored_columns.length > 0 && (
          <Text size="xs" c="dimmed" mt={6} data-testid="import-ignored">
            Ignored: {report.ignored_columns.join(', ')}
          </Text>
        )}
      </div>
      <SimpleGrid cols={4} spacing="sm">
        <Count n={report.added} label="to add" color="teal" testId="import-count-add" />
        <Count n={report.matched} label="to update" color="blue" testId="import-count-match" />
        <Count n={report.unchanged} label="unchanged" testId="import-count-unchanged" />
        <Count n={report.invalid.length} label="invalid" color="red" testId="import-count-invalid" />
      </SimpleGrid>
      {report.invalid.length > 0 && (
        <Alert color="red" variant="light" title={`${formatCount(report.invalid.length)} ${report.invalid.length === 1 ? 'row cannot' : 'rows cannot'} be imported`} data-testid="import-invalid">
          <ScrollArea.Autosize mah={120}>
            <Stack gap={2}>
              {report.invalid.map((r) => (
                <Text key={r.line} size="sm" data-testid="import-invalid-row">
                  <b>Line {r.line}:</b> {r.message}
                </Text>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Alert>
      )}
      <div>
        <Text size="xs" c="dimmed" mb={4}>
          {rows.length < valid ? `The first ${formatCount(rows.length)} of ${formatCount(valid)} valid rows` : `${formatCount(valid)} valid ${valid === 1 ? 'row' : 'rows'}`}
        </Text>
        <ScrollArea.Autosize mah={240} type="auto" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
          <Table fz="sm" verticalSpacing={4} stickyHeader data-testid="import-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>City</Table.Th>
                <Table.Th>Tags</Table.Th>
                <Table.Th>Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.line} data-testid="import-row">
                  <Table.Td className="num" c="dimmed">{r.line}</Table.Td>
                  <Table.Td>{`${r.first_name} ${r.last_name}`.trim()}</Table.Td>
                  <Table.Td>{r.email ?? '—'}</Table.Td>
                  <Table.Td className="num">{r.phone ?? '—'}</Table.Td>
                  <Table.Td>{r.city ?? '—'}</Table.Td>
                  <Table.Td>{r.tags.join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={ACTION[r.action].color}>
                      {ACTION[r.action].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </div>
    </Stack>
  );
}
