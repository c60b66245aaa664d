import { Group, MultiSelect, Text, Tooltip } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import { formatCount } from '../../format';
import { useTags } from '../../hooks/useBookQueries';

const ALL_OF = 'Customers with all of these tags';

/** Filter by tags, all-of (docs/rules.md §9); hidden while the book has no tags. */
export const TagFilter = memo(function TagFilter({ tags, onTags }: { tags: string[]; onTags: (t: string[]) => void }) {
  const q = useTags();
  const { data, counts } = useMemo(() => {
    const known = q.data ?? [];
    // A selected tag nobody has any more stays listed, so it can be removed.
    const missing = tags.filter((t) => !known.some((k) => k.tag === t));
    const counts = new Map(known.map((t) => [t.tag, t.count]));
    return { data: [...known.map((t) => t.tag), ...missing], counts };
  }, [q.data, tags]);
  if (data.length === 0) return null;
  return (
    <Tooltip label={ALL_OF} openDelay={300}>
      <MultiSelect
        aria-label={ALL_OF}
        placeholder={tags.length ? undefined : 'Tags: all of…'}
        leftSection={<IconTags size={16} />}
        data={data}
        value={tags}
        onChange={onTags}
        renderOption={({ option }) => (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
            <span>{option.label}</span>
            <Text span size="xs" c="dimmed" className="num">
              {formatCount(counts.get(option.value) ?? 0)}
            </Text>
          </Group>
        )}
        searchable
        clearable
        nothingFoundMessage="No such tag"
        w={tags.length ? Math.min(440, 130 + 84 * tags.length) : 170}
        maxDropdownHeight={280}
        // The search field would otherwise keep 100 px and push the pills onto a second line.
        styles={{ inputField: { minWidth: 24 } }}
        comboboxProps={{ withinPortal: true, width: 240, position: 'bottom-start' }}
        data-testid="tag-filter"
      />
    </Tooltip>
  );
});
