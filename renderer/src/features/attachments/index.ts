// What other features may use of attachments; they import it from here, never from its files.
export { AttachmentsSection } from './AttachmentsSection';
export { DropOverlay } from './DropOverlay';
export { sendFile } from './sendFile';
export { useFileDrop } from './useFileDrop';
export { useRecordFiles } from './useRecordFiles';
