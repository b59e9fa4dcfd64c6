import type { RolodeskApp } from './app';

/**
 * Lets the test act on calls from the page to one channel before the core
 * answers them: slow them down, or change the world first (what another
 * window would do at that moment). Returns the log of every channel called
 * from then on.
 */
export function beforeCalls(
  app: RolodeskApp,
  channel: string,
  act: (input: unknown) => Promise<void> | void,
): string[] {
  const core = app.core;
  const answer = core.dispatch.bind(core);
  const called: string[] = [];
  core.dispatch = async (name, input) => {
    called.push(String(name));
    if (name === channel) await act(input);
    return answer(name, input);
  };
  return called;
}
