import { useEffect, useId, type KeyboardEvent } from 'react';
import { activityKinds, type ActivityKind } from '../../../../shared/schemas/activity';
import type { FieldedRef } from '../../../../shared/schemas/record';
import { invoke } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ActivityFields, focusFirstField, freshValues, kindWords, ownerOf, useActivityForm } from '../activities';
import { readDraft, writeDraft } from './composerDraft';
import { matchesShortcut } from '../../../../shared/shortcuts';

const sendKeys = navigator.userAgent.includes('Mac') ? '⌘ Enter' : 'Ctrl+Enter';

/** Logs a note, call, meeting or email on the record, or adds a task to it. */
export function ActivityComposer({ record, onLogged }: { record: FieldedRef; onLogged: () => void }) {
  const { kind: recordKind, id: recordId } = record;
  const idPrefix = useId();
  const toast = useToast();
  const form = useActivityForm(idPrefix, () => readDraft(record) ?? freshValues('note'));
  const { values } = form;
  const words = kindWords[values.kind];
  const typed = values.subject.trim() !== '' || values.body.trim() !== '';

  // What is typed here survives closing the panel, a reload, a crash: it is kept until it is logged.
  useEffect(
    () => writeDraft({ kind: recordKind, id: recordId }, typed ? values : null),
    [recordKind, recordId, typed, values],
  );

  function chooseKind(kind: ActivityKind) {
    form.reset({ ...freshValues(kind), subject: values.subject, body: values.body });
  }

  function send() {
    void form.submit(async (activity) => {
      await invoke('activities.create', { kind: values.kind, ...activity, ...ownerOf(record) });
      form.reset(freshValues(values.kind));
      toast(words.done);
      onLogged();
      focusFirstField(idPrefix, values.kind);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    // The composer sits inside the record's form: Enter here logs the activity, never saves the record.
    if (matchesShortcut(event, 'log-activity') || (target.tagName === 'INPUT' && event.key === 'Enter')) {
      event.preventDefault();
      event.stopPropagation();
      send();
    }
    // Escape closes the panel around it; not while something typed here would be left behind unseen.
    if (matchesShortcut(event, 'close-panel') && typed) event.stopPropagation();
  }

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- keys typed in the composer's fields bubble here (Enter logs the activity, Escape keeps unsent text)
    <div className="activity-composer" onKeyDown={onKeyDown}>
      <div className="activity-composer__kinds" role="group" aria-label="Kind of activity">
        {activityKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className="activity-composer__kind"
            aria-pressed={values.kind === kind}
            onClick={() => chooseKind(kind)}
          >
            <Icon name={kindWords[kind].icon} size={15} />
            {kindWords[kind].name}
          </button>
        ))}
      </div>
      {form.problem && <ErrorBanner title="Not logged">{form.problem}</ErrorBanner>}
      <ActivityFields idPrefix={idPrefix} form={form} />
      <div className="activity-composer__actions">
        <span className="activity-composer__hint">{sendKeys}</span>
        <Button variant="primary" size="small" icon={words.icon} aria-disabled={form.sending} onClick={send}>
          {words.action}
        </Button>
      </div>
    </div>
  );
}
