import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App } from './App';
import { DatabaseGate } from './components/DatabaseGate';
import { colorSchemeManager, theme } from './theme';

export function Root({ client }: { client: QueryClient }) {
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <QueryClientProvider client={client}>
        <ModalsProvider>
          <Notifications position="bottom-right" limit={4} />
          <DatabaseGate>
            <App />
          </DatabaseGate>
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
