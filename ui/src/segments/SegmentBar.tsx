import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { memo } from 'react';
import type { ListView } from '../App';
import type { Segment, ViewQuery } from '../bindings';
import { formatCount } from '../format';
import { LapsedSetting } from './LapsedSetting';
import { SEGMENTS, SEGMENT_LABEL, segmentHelp } from './segmentInfo';
import { useLapsedDays, useSegmentCounts } from './useSegmentData';
import { ViewsMenu } from './ViewsMenu';
import './segments.css';

type Props = { view: ListView; onSegment: (s: Segment | null) => void; onApplyView: (q: ViewQuery) => void };

/**
 * Who to call (docs/rules.md §10): one chip per segment with its count. A chip filters the
 * list, together with the search, status and tags; clicking the selected one clears it.
 */
export const SegmentBar = memo(function SegmentBar({ view, onSegment, onApplyView }: Props) {
  const counts = useSegmentCounts().data;
  const lapsedDays = useLapsedDays().data;
  return (
    // One line at every size and count (six-digit counts at 100,000 customers wrapped it):
    // the chips scroll sideways when the window is too narrow (segments.css, .segmentBar); the
    // lapsed setting and the views menu stay at the right end, outside the scrolling part.
    <Group gap={6} wrap="nowrap" className="segmentRow">
      <Group gap={6} wrap="nowrap" role="group" aria-label="Segments" data-testid="segment-bar" className="segmentBar">
        <Text size="xs" c="dimmed" fw={600} mr={2}>
          Segments
        </Text>
        {SEGMENTS.map((s) => {
          const active = view.segment === s;
          return (
            <Tooltip key={s} label={`${segmentHelp(s, lapsedDays)} ${active ? 'Click again to clear.' : 'Click to list them.'}`} multiline w={280} withArrow openDelay={300}>
              <Button
                size="compact-sm"
                radius="xl"
                variant={active ? 'filled' : 'default'}
                fw={active ? 600 : 500}
                aria-pressed={active}
                rightSection={active ? <IconX size={12} aria-label="Clear the segment" /> : undefined}
                onClick={() => onSegment(active ? null : s)}
                data-testid={`segment-${s}`}
                data-active={active || undefined}
              >
                {SEGMENT_LABEL[s]}
                <Text span size="xs" ml={6} className="num" c={active ? undefined : 'dimmed'} data-testid={`segment-count-${s}`}>
                  {counts == null ? '–' : formatCount(counts[s])}
                </Text>
              </Button>
            </Tooltip>
          );
        })}
      </Group>
      <Group gap={6} wrap="nowrap" className="segmentViews">
        <LapsedSetting days={lapsedDays} />
        <ViewsMenu view={view} onApply={onApplyView} />
      </Group>
    </Group>
  );
});
