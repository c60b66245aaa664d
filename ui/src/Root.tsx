import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { App } from './App';
import { makeQueryClient } from './queryClient';
import { colorSchemeManager, theme } from './theme';

export function Root() {
  const [client] = useState(makeQueryClient);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <QueryClientProvider client={client}>
        <ModalsProvider>
          {/* At most three toasts on screen; a repeated one replaces its copy (toast.ts). */}
          <Notifications position="bottom-right" limit={3} />
          <App />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
