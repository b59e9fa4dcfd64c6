import { CrmError } from '../errors';
import type { WireError } from './protocol';

/** Anything thrown, as data that crosses a thread. */
export function toWire(error: unknown): WireError {
  if (error instanceof CrmError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error again on the other side: a CrmError keeps its code, so callers handle it as before. */
export function fromWire(error: WireError): Error {
  if (error.code) return new CrmError(error.code as CrmError['code'], error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
