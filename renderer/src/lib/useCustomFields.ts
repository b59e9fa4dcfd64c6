import { useCallback, useEffect, useState } from 'react';
import type { CustomField } from '../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../shared/schemas/record';
import { invoke, toCrmError } from '../api';

export interface CustomFieldsState {
  /** The kind's fields in their order; null until the first load. */
  fields: CustomField[] | null;
  error: string | null;
  reload: () => void;
  /** Shows a list the core just returned (after a reorder) without asking again. */
  replace: (fields: CustomField[]) => void;
}

/** The custom fields defined for one kind of record. */
export function useCustomFields(kind: FieldedKind): CustomFieldsState {
  const [loaded, setLoaded] = useState<{ kind: FieldedKind; fields: CustomField[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    invoke('customFields.list', { kind }).then(
      (list) => {
        if (!current) return;
        setLoaded({ kind, fields: list.fields });
        setError(null);
      },
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [kind, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const replace = useCallback((fields: CustomField[]) => setLoaded({ kind, fields }), [kind]);
  // Fields of the kind asked for only: a switch of kind shows nothing stale while the new list loads.
  return { fields: loaded?.kind === kind ? loaded.fields : null, error, reload, replace };
}
