import { useCallback, useEffect, useState } from 'react';
import type { FieldedKind } from '../../../../shared/schemas/record';
import type { SavedView } from '../../../../shared/schemas/view';
import { invoke, toCrmError } from '../../api';
import { useToast } from '../../components/Toast';

/** A list's saved views as the core has them now (problems included), and the one picked. */
export function useSavedViews(kind: FieldedKind) {
  const showToast = useToast();
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosenId, setChosenId] = useState<number | null>(null);

  const reload = useCallback(
    (): Promise<SavedView[] | null> =>
      invoke('views.list', { kind }).then(
        (list) => {
          setViews(list.views);
          return list.views;
        },
        (error: unknown) => {
          showToast(toCrmError(error).message, 'problem');
          return null;
        },
      ),
    [kind, showToast],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { views, chosen: views.find((view) => view.id === chosenId) ?? null, chosenId, choose: setChosenId, reload };
}

export type SavedViews = ReturnType<typeof useSavedViews>;
