import type { ErrorCode, ErrorPayload, FieldIssue } from '../../shared/errors';

/** An error the core means the user to see, with a stable code. */
export class CrmError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldIssue[] },
  ) {
    super(message);
    this.name = 'CrmError';
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

const sqliteCodes: Record<string, { code: ErrorCode; message: string }> = {
  SQLITE_CORRUPT: {
    code: 'DATABASE_CORRUPT',
    message: 'The Rolodesk database file is damaged, so Rolodesk stops using it and shows how to get your data back.',
  },
  SQLITE_NOTADB: {
    code: 'DATABASE_CORRUPT',
    message:
      'The Rolodesk database file is not one Rolodesk can read, so Rolodesk stops using it and shows how to get your data back.',
  },
  SQLITE_FULL: {
    code: 'DISK_FULL',
    message: 'The disk is full, so the change was not saved. Free some space and try again; nothing was lost.',
  },
};

/** Maps a known SQLite failure to a CrmError the user can act on; other errors are returned as they are. */
export function fromSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const known = sqliteCodes[code] ?? (code.startsWith('SQLITE_CORRUPT') ? sqliteCodes.SQLITE_CORRUPT : undefined);
    if (known) return new CrmError(known.code, known.message);
  }
  return error;
}

/** The words of a VALIDATION error that names its fields; dispatch and the core's own checks both use it. */
export function validationError(fields: FieldIssue[]): ErrorPayload {
  const summary = fields.map((issue) => `${issue.field}: ${issue.message}`).join(' ');
  return { code: 'VALIDATION', message: `Please check the highlighted fields. ${summary}`, details: { fields } };
}
