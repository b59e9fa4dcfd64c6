import { useId, useRef, useState } from 'react';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { useToast } from '../../components/Toast';
import { useCustomFields } from '../../lib/useCustomFields';
import { movedOrder, type MoveDirection } from '../../lib/reorder';
import { useReorderWithFocus } from '../../lib/useReorderWithFocus';
import { CustomFieldRow } from './CustomFieldRow';
import { recordsOfKind } from './customFieldWords';
import { NewCustomFieldForm } from './NewCustomFieldForm';

const kindTabs = [
  { id: 'contact', label: 'Contacts' },
  { id: 'company', label: 'Companies' },
  { id: 'deal', label: 'Deals' },
] as const;

/** Settings › Custom fields: per kind of record, the extra fields its form shows, in order. */
export function CustomFieldSettings() {
  const showToast = useToast();
  const panelId = useId();
  const [kind, setKind] = useState<FieldedKind>('contact');
  const { fields, error, reload, replace } = useCustomFields(kind);
  const listRef = useRef<HTMLOListElement>(null);
  const reorder = useReorderWithFocus(listRef, fields);

  async function move(field: CustomField, direction: MoveDirection) {
    if (!fields) return;
    const reordered = movedOrder(
      fields,
      fields.findIndex((each) => each.id === field.id),
      direction,
    );
    if (!reordered) return;
    // Shown at once, so a second press right after the first moves on from the new order.
    reorder.focusAfterMove(field.id, direction);
    replace(reordered);
    try {
      const ids = reordered.map((each) => each.id);
      replace((await invoke('customFields.reorder', { kind, ids })).fields);
    } catch (thrown) {
      showToast(toCrmError(thrown).message, 'problem');
      reload();
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="settings-custom-fields">
      <div className="settings-card__intro">
        <h2 id="settings-custom-fields" className="card__title">
          Custom fields
        </h2>
        <p className="card__text">
          Extra fields your office needs on its records, such as a birthday or a contract size. They show in each
          record's form, in this order, and lists can be filtered by them.
        </p>
      </div>
      <Tabs<FieldedKind> label="Fields for" tabs={kindTabs} selected={kind} onSelect={setKind} panelId={panelId} />
      <div className="custom-field-settings" {...tabPanelProps(panelId, kind)}>
        {error && (
          <ErrorBanner title="Fields could not be loaded" action={<Button onClick={reload}>Try again</Button>}>
            {error}
          </ErrorBanner>
        )}
        {fields && fields.length === 0 && <p className="list-empty">No custom fields for {recordsOfKind[kind]} yet.</p>}
        {fields && fields.length > 0 && (
          <ol ref={listRef} className="settings-list" aria-label={`Fields for ${recordsOfKind[kind]}`}>
            {fields.map((field, index) => (
              <CustomFieldRow
                key={field.id}
                field={field}
                isFirst={index === 0}
                isLast={index === fields.length - 1}
                moveButton={(direction) => reorder.moveButton(field.id, direction)}
                onMove={(moved, direction) => void move(moved, direction)}
                onChanged={reload}
              />
            ))}
          </ol>
        )}
        <NewCustomFieldForm key={kind} kind={kind} onAdded={reload} />
      </div>
    </section>
  );
}
