import type { DueReminder } from '../../shared/schemas/activity';
import { CrmError } from './errors';

/**
 * What the core needs from the desktop around it. Main hands in Electron's
 * shell and dialogs; tests hand in their own; the core never imports Electron.
 */
export interface DesktopServices {
  /** Opens a file in the system's default program for its type. */
  openWithSystem: (path: string) => Promise<void>;
  /** Asks the user where to save a file; undefined when they cancel. */
  chooseSaveLocation: (suggestedName: string) => Promise<string | undefined>;
  /** Asks the user for a folder (where backups go); undefined when they cancel. */
  chooseFolder: (title: string) => Promise<string | undefined>;
  /** Asks the user for a Rolodesk backup file to restore; undefined when they cancel. */
  chooseBackupFile: () => Promise<string | undefined>;
  /** Asks the user for a file to import (CSV, TSV, text, .xlsx, vCard); undefined when they cancel. */
  chooseImportFile: () => Promise<string | undefined>;
  /** Puts text on the clipboard (the recovery screen's error details). */
  copyText: (text: string) => void;
  /** The window's answer when closing or quitting waited for it: go ahead, or stay open. */
  answerClose: (close: boolean) => void;
  /** A desktop notification for a task that fell due (clicking it brings the window forward). */
  showReminder: (reminder: DueReminder) => void;
  /** Opens a message in the user's mail app; main refuses any link that is not mailto:. */
  openMailto: (url: string) => Promise<void>;
  /** Whether the system can keep a secret encrypted for this user (Electron's safeStorage). */
  secretsAvailable: () => Promise<boolean>;
  /** Keeps a secret (the SMTP password) encrypted, outside the database; refuses when secrets are not available. */
  saveSecret: (name: SecretName, text: string) => Promise<void>;
  /** A kept secret, or undefined when none is kept. */
  readSecret: (name: SecretName) => Promise<string | undefined>;
  removeSecret: (name: SecretName) => Promise<void>;
  /**
   * Asks the user, in a native dialog main shows, whether to go ahead with
   * something that cannot be undone. A request from the page alone never
   * destroys data: a compromised window cannot click this dialog.
   */
  confirmDestructive: (question: DestructiveQuestion) => Promise<boolean>;
  /** Quits and installs the update main downloaded; refuses in words when none is ready. Called after the install gate passed. */
  restartToUpdate: () => Promise<void>;
}

/** A native confirmation: what will happen, what will go, and the word on the button that does it. */
export interface DestructiveQuestion {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
}

/** The secrets the core keeps: a fixed list, so a name can never be a path. */
export const secretNames = ['smtp-password', 'backup-password'] as const;
export type SecretName = (typeof secretNames)[number];

const unavailable = (): never => {
  throw new CrmError('INTERNAL', 'Opening and saving files needs the Rolodesk window.');
};

/** For the command line and the benchmark, which have no windows to show. */
export const noDesktop: DesktopServices = {
  openWithSystem: unavailable,
  chooseSaveLocation: unavailable,
  chooseFolder: unavailable,
  chooseBackupFile: unavailable,
  chooseImportFile: unavailable,
  openMailto: unavailable,
  copyText: unavailable,
  answerClose: unavailable,
  // Nothing to show it in: the command line and the bench have no desktop.
  showReminder: () => undefined,
  // No system keychain here: nothing is kept, and saving says so.
  secretsAvailable: () => Promise.resolve(false),
  saveSecret: unavailable,
  readSecret: () => Promise.resolve(undefined),
  removeSecret: () => Promise.resolve(),
  confirmDestructive: unavailable,
  restartToUpdate: () => Promise.reject(new CrmError('NOT_FOUND', 'No update is ready to install.')),
};
