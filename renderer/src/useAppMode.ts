import { useEffect, useState } from 'react';
import { invoke, onEvent } from './api';

export interface AppMode {
  /** recovery: the database was found damaged. null until app.info answers. */
  mode: 'normal' | 'recovery' | null;
  /** App version for the sidebar footer; empty until app.info answers. */
  version: string;
  /** Goes up each time the data is replaced (a restore, starting empty), so everything showing it is built afresh. */
  generation: number;
}

/** What the window should be: the app, or the recovery screen; and which generation of the data it shows. */
export function useAppMode(): AppMode {
  const [mode, setMode] = useState<AppMode['mode']>(null);
  const [version, setVersion] = useState('');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    const ask = () =>
      invoke('app.info', {}).then(
        (info) => {
          if (!current) return;
          setVersion(info.version);
          setMode(info.mode);
        },
        // Without an answer, show the app: its own screens say what they cannot reach.
        () => current && setMode((known) => known ?? 'normal'),
      );
    void ask();
    const stops = [
      onEvent('data.damaged', () => setMode('recovery')),
      onEvent('data.restored', () => {
        setGeneration((previous) => previous + 1);
        void ask();
      }),
    ];
    return () => {
      current = false;
      stops.forEach((stop) => stop());
    };
  }, []);

  return { mode, version, generation };
}
