import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { App } from './App';
import { DatabaseGate } from './components/DatabaseGate';
import { makeQueryClient } from './queryClient';
import { colorSchemeManager, theme } from './theme';

export function Root() {
  const [client] = useState(makeQueryClient);
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
