import type { ErrorPayload } from './errors';

/**
 * The envelope every IPC reply travels in: Electron keeps nothing of a thrown
 * Error but its message, so errors cross the boundary as data.
 */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
