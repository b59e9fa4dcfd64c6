import { useEffect, useState } from 'react';
import type { TemplatePreview } from '../../../../shared/schemas/template';
import { invoke, toCrmError } from '../../api';
import type { TemplateDraft } from './useTemplateDraft';

const previewAfterMs = 250;

/** One person's message from the template as written (saved or not), redone as the user types. */
export function usePreview(draft: TemplateDraft, contactId: number | undefined) {
  const [preview, setPreview] = useState<TemplatePreview>();
  const [failure, setFailure] = useState<string>();
  // No one to show it for: the last one's message goes at once.
  if (contactId === undefined && preview !== undefined) setPreview(undefined);
  const { subject, body, format } = draft;
  useEffect(() => {
    if (contactId === undefined) return;
    let current = true;
    const timer = window.setTimeout(() => {
      invoke('templates.preview', { subject, body, format, contactId }).then(
        (answer) => {
          if (!current) return;
          setPreview(answer);
          setFailure(undefined);
        },
        (error: unknown) => {
          if (!current) return;
          const problem = toCrmError(error);
          setFailure(problem.fields[0]?.message ?? problem.message);
        },
      );
    }, previewAfterMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [subject, body, format, contactId]);
  return { preview, failure };
}
