import { useCallback, useEffect, useState } from 'react';
import type { Template, TemplateFormat, TemplateProblem } from '../../../../shared/schemas/template';
import { invoke, toCrmError } from '../../api';

export interface TemplateDraft {
  name: string;
  subject: string;
  body: string;
  format: TemplateFormat;
}

const emptyDraft: TemplateDraft = { name: '', subject: '', body: '', format: 'text' };
const draftOf = (template: Template): TemplateDraft => ({
  name: template.name,
  subject: template.subject,
  body: template.body,
  format: template.format,
});
const sameDraft = (a: TemplateDraft, b: TemplateDraft) =>
  a.name === b.name && a.subject === b.subject && a.body === b.body && a.format === b.format;

// Checks wait for a pause in typing: one request per pause, not per key.
const checkAfterMs = 250;

/**
 * The template being edited: loaded from the store (or new), its unsaved
 * changes, and its problems checked by the core as the user types (a check
 * that fails, a 1 MB paste say, is itself the problem shown).
 */
export function useTemplateDraft(templateId: number | null) {
  const [saved, setSaved] = useState<TemplateDraft>(emptyDraft);
  const [draft, setDraft] = useState<TemplateDraft>(emptyDraft);
  const [problems, setProblems] = useState<TemplateProblem[]>([]);
  const [checkFailure, setCheckFailure] = useState<string>();
  const [loadFailure, setLoadFailure] = useState<string>();

  // Another template (or a new one) starts from nothing: no old failure, no old text.
  const [shownId, setShownId] = useState(templateId);
  if (shownId !== templateId) {
    setShownId(templateId);
    setLoadFailure(undefined);
    if (templateId === null) {
      setSaved(emptyDraft);
      setDraft(emptyDraft);
    }
  }

  useEffect(() => {
    if (templateId === null) return;
    let current = true;
    invoke('templates.get', { id: templateId }).then(
      (template) => {
        if (!current) return;
        setSaved(draftOf(template));
        setDraft(draftOf(template));
      },
      (error: unknown) => current && setLoadFailure(toCrmError(error).message),
    );
    return () => {
      current = false;
    };
  }, [templateId]);

  const { subject, body, format } = draft;
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      invoke('templates.check', { subject, body, format }).then(
        (answer) => {
          if (!current) return;
          setProblems(answer.problems);
          setCheckFailure(undefined);
        },
        (error: unknown) => {
          if (!current) return;
          const failure = toCrmError(error);
          setProblems([]);
          setCheckFailure(failure.fields[0]?.message ?? failure.message);
        },
      );
    }, checkAfterMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [subject, body, format]);

  const change = useCallback((changes: Partial<TemplateDraft>) => setDraft((now) => ({ ...now, ...changes })), []);
  const markSaved = useCallback((template: Template) => {
    setSaved(draftOf(template));
    setDraft(draftOf(template));
  }, []);

  return { draft, change, dirty: !sameDraft(draft, saved), problems, checkFailure, loadFailure, markSaved };
}
