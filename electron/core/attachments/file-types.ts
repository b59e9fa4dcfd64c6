/** The kinds of file Rolodesk keeps, each with how people call it. */
export const allowedKinds = {
  png: { mime: 'image/png', label: 'a PNG image', extension: 'png', previewable: true },
  jpeg: { mime: 'image/jpeg', label: 'a JPEG image', extension: 'jpg', previewable: true },
  gif: { mime: 'image/gif', label: 'a GIF image', extension: 'gif', previewable: true },
  webp: { mime: 'image/webp', label: 'a WebP image', extension: 'webp', previewable: true },
  heic: { mime: 'image/heic', label: 'a HEIC photo', extension: 'heic', previewable: false },
  pdf: { mime: 'application/pdf', label: 'a PDF document', extension: 'pdf', previewable: true },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'a Word document', extension: 'docx', previewable: false },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'an Excel workbook', extension: 'xlsx', previewable: false },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'a PowerPoint presentation', extension: 'pptx', previewable: false },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'an OpenDocument text', extension: 'odt', previewable: false },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'an OpenDocument spreadsheet', extension: 'ods', previewable: false },
  text: { mime: 'text/plain', label: 'a plain text file', extension: 'txt', previewable: false },
  csv: { mime: 'text/csv', label: 'a CSV file', extension: 'csv', previewable: false },
  vcard: { mime: 'text/vcard', label: 'a vCard contact card', extension: 'vcf', previewable: false },
  eml: { mime: 'message/rfc822', label: 'an email message', extension: 'eml', previewable: false },
} as const;

export type AllowedKind = keyof typeof allowedKinds;

/** What a file's name promises, by extension. */
export const kindByExtension: Record<string, AllowedKind> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  heic: 'heic',
  heif: 'heic',
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  txt: 'text',
  text: 'text',
  md: 'text',
  log: 'text',
  csv: 'csv',
  tsv: 'csv',
  vcf: 'vcard',
  vcard: 'vcard',
  eml: 'eml',
};

/**
 * Names that run code or carry it when opened: refused by name before a byte
 * is read, and again by content whatever the name.
 */
export const refusedExtensions = new Set([
  'exe', 'com', 'scr', 'pif', 'msi', 'msp', 'msix', 'appx', 'dll', 'sys', 'cpl', 'ocx', 'drv', 'so', 'dylib', 'bin',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'hta', 'msc', 'reg',
  'scf', 'lnk', 'url', 'inf', 'gadget', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'tool', 'py', 'pyw', 'pl', 'rb',
  'php', 'jar', 'class', 'apk', 'app', 'appimage', 'deb', 'rpm', 'pkg', 'mpkg', 'run', 'action', 'workflow',
  'applescript', 'scpt', 'dmg', 'iso', 'img', 'vhd', 'vhdx', 'vmdk', 'zip', 'zipx', 'rar', '7z', 'tar', 'gz', 'tgz',
  'bz2', 'xz', 'cab', 'arj', 'lzh', 'ace', 'z', 'html', 'htm', 'xhtml', 'svg', 'svgz', 'xml', 'xsl', 'docm', 'xlsm',
  'pptm', 'dotm', 'xlam', 'ppam', 'chm', 'desktop', 'library-ms', 'settingcontent-ms',
]);

/** Names for what file-type detects that we refuse, so the message says what the file really is. */
export const refusedTypeLabels: Record<string, string> = {
  exe: 'a Windows program (EXE)',
  elf: 'a Linux program (ELF)',
  macho: 'a macOS program (Mach-O)',
  class: 'a Java program',
  jar: 'a Java program (JAR)',
  apk: 'an Android app (APK)',
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  gz: 'a GZIP archive',
  bz2: 'a BZIP2 archive',
  xz: 'an XZ archive',
  tar: 'a TAR archive',
  cab: 'a Windows cabinet archive (CAB)',
  cfb: 'a Windows installer or old-style Office file (CFB)',
  dmg: 'a disk image (DMG)',
  iso: 'a disk image (ISO)',
  deb: 'a Linux package (DEB)',
  rpm: 'a Linux package (RPM)',
  lnk: 'a Windows shortcut (LNK)',
  wasm: 'a WebAssembly program',
  swf: 'a Flash program',
  xml: 'an XML file',
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}
