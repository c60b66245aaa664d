import { Button, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { memo } from 'react';
import { useAppInfo } from '../hooks/useAppInfo';
import { useSampleBook } from '../hooks/useSampleBook';

/**
 * One slim line about the sample data. Hidden in windows under 720 px high (app.css), where
 * the rows need the room; the header's "Sample data" badge and "Sign in" stay.
 */
function DemoBannerImpl({ onSignIn }: { onSignIn: () => void }) {
  const { data } = useAppInfo();
  const { leave } = useSampleBook();
  if (!data?.demo) return null;
  return (
    <div className="demoBanner" data-testid="demo-banner" role="note">
      <IconFlask size={18} className="noShrink" aria-hidden />
      <Text size="sm" className="truncate" style={{ flex: 1 }}>
        <b>Sample data.</b> These customers are made up so you can try Clientele. Sign in to bring in your marketplace customers, or start your own book.
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => leave.mutate()}
        loading={leave.isPending}
        data-testid="demo-leave"
        className="noShrink"
      >
        Start my own book
      </Button>
      <Button size="compact-sm" variant="filled" color="violet" onClick={onSignIn} data-testid="demo-sign-in" className="noShrink">
        Sign in
      </Button>
    </div>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const DemoBanner = memo(DemoBannerImpl);
