import { lazy, useState } from 'react';
import { useCall } from '../../api.ts';
import { HomeScreen } from '../home/HomeScreen.tsx';

// Shown once in a file's life: fetched only when a new file needs it.
const SetupScreen = lazy(async () => ({ default: (await import('./SetupScreen.tsx')).SetupScreen }));
const SKIPPED = 'twinning-setup-later';

/** Home, or on a new file nobody has set up yet, the set-up in its place (until done, or put off for this session). */
export function HomeOrSetup() {
  const info = useCall('app.info', {});
  const [later, setLater] = useState(() => sessionStorage.getItem(SKIPPED) === '1');
  if (info.data?.needsSetup && !later)
    return (
      <SetupScreen
        onLater={() => {
          sessionStorage.setItem(SKIPPED, '1');
          setLater(true);
        }}
      />
    );
  return <HomeScreen />;
}
