/** Stable machine codes for every error that crosses the IPC boundary. */
export const errorCodes = [
  'VALIDATION',
  /** What the request was based on changed meanwhile (a record since its form was filled, a trash entry since its preview): refused, nothing changed. */
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'ALREADY_OPEN',
  'SCHEMA_TOO_NEW',
  'DATABASE_CORRUPT',
  'DISK_FULL',
  'FILE_REFUSED',
  'BACKUP_INVALID',
  'CANCELLED',
  /** The backup is encrypted: the answer asks for its password (or says the one given does not open it). */
  'PASSWORD_REQUIRED',
  'STORAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One field that failed validation, named by its path ("name", "patch.email"). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldIssue[] };
}
