import type { ComponentProps, ReactNode } from 'react';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { ErrorBanner } from '../../components/Banner';
import { RecordMeta } from '../../components/panel/RecordMeta';
import { RecordPanel } from '../../components/panel/RecordPanel';
import type { RecordEditor } from '../../components/panel/useRecordEditor';
import { AttachmentsSection, DropOverlay, useRecordFiles } from '../attachments';
import { CustomFieldInputs } from '../custom-fields';
import { TagPicker } from '../tags';
import { RecordTimeline } from '../timeline';

/** A saved contact, company or deal, as the sections under its fields need it. */
export interface SavedRecord {
  id: number;
  /** Its name (a deal's title): whose files these are, and what a dropped file is added to. */
  name: string;
  tagIds: readonly number[];
  createdAt: string;
  /** The second date under the form: Updated, or Won / Lost for a closed deal. */
  last: { label: string; at: string };
}

type PanelFrame = Pick<
  ComponentProps<typeof RecordPanel>,
  'label' | 'className' | 'badge' | 'title' | 'subtitle' | 'noun' | 'onClose'
>;

interface FieldedRecordPanelProps extends PanelFrame {
  kind: FieldedKind;
  editor: Pick<RecordEditor, 'record' | 'load' | 'dirty' | 'save' | 'sync' | 'changes' | 'custom'> & {
    form: { problem: string | null; saving: boolean };
  };
  /** The record as saved; null for a new one, or until it has loaded. */
  saved: SavedRecord | null;
  removal: { ask: () => void; deleting: boolean };
  /** The question before Delete, while it is being asked. */
  deleteDialog: ReactNode;
  /** The kind's own fields. */
  children: ReactNode;
  /** The kind's sections between its tags and its files (a company's people, its deals). */
  related?: ReactNode;
}

/**
 * The panel of a contact, company or deal: its own fields, then what every
 * such record has in the same order — custom fields, tags, files (dropped
 * anywhere on the panel), when it was made and changed, and its timeline.
 */
export function FieldedRecordPanel({
  kind,
  editor,
  saved,
  removal,
  deleteDialog,
  children,
  related,
  ...frame
}: FieldedRecordPanelProps) {
  const files = useRecordFiles(kind, saved?.id ?? null);
  return (
    <RecordPanel
      {...frame}
      editor={editor}
      uploading={files.queue.busy}
      busy={editor.form.saving || removal.deleting}
      onDelete={saved ? removal.ask : null}
      dropHandlers={files.drop.handlers}
      overlays={
        <>
          {files.drop.over && <DropOverlay recordName={saved?.name ?? null} />}
          {deleteDialog}
        </>
      }
    >
      {editor.form.problem && <ErrorBanner title="Not saved">{editor.form.problem}</ErrorBanner>}
      {children}
      <CustomFieldInputs form={editor.custom} />
      {saved && <TagPicker record={{ kind, id: saved.id }} tagIds={saved.tagIds} />}
      {related}
      {saved && <AttachmentsSection list={files.list} queue={files.queue} />}
      {saved && <RecordMeta createdAt={saved.createdAt} last={saved.last} />}
      {files.record && <RecordTimeline record={files.record} version={editor.changes + files.changes} />}
    </RecordPanel>
  );
}
