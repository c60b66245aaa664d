import { ActionIcon, Tooltip, useMantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';

const NEXT = { auto: 'light', light: 'dark', dark: 'auto' } as const;
const LABEL = { auto: 'Theme: follow system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** Cycles auto → light → dark; Mantine persists the choice and sets data-mantine-color-scheme. */
export function ThemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const Icon = colorScheme === 'auto' ? IconDeviceDesktop : colorScheme === 'light' ? IconSun : IconMoon;
  return (
    <Tooltip label={LABEL[colorScheme]}>
      <ActionIcon
        variant="default"
        size="lg"
        data-testid="theme-toggle"
        data-value={colorScheme}
        aria-label={LABEL[colorScheme]}
        onClick={() => setColorScheme(NEXT[colorScheme])}
      >
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
