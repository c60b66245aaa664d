import '@mantine/charts/styles.css';
import { Grid } from '@mantine/core';
import { ActivityTimeline } from './ActivityTimeline';
import { ChartsPanel } from './ChartsPanel';

/** Charts and the recent-activity timeline; this view scrolls inside the page, the page does not. */
export function InsightsView({ onOpen }: { onOpen: (customerId: number) => void }) {
  return (
    <div className="pageView insightsView" data-testid="insights-page">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ChartsPanel />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ActivityTimeline onOpen={onOpen} />
        </Grid.Col>
      </Grid>
    </div>
  );
}
