/**
 * Where the renderer finds a stored file: a path on its own origin
 * (app://rolodesk/files/<sha256> in the app), so it never holds a file-system path.
 */
export function fileUrl(sha256: string): string {
  return `files/${sha256}`;
}

export const filesPathPattern = /^\/files\/([0-9a-f]{64})$/;
