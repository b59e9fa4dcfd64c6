import { useEffect, useId, useRef, useState } from 'react';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { GoneMeanwhileNotice } from '../../components/GoneMeanwhileNotice';
import { IconTile } from '../../components/IconTile';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { useGoneMeanwhile } from '../../lib/useGoneMeanwhile';
import { placeOfKind, useNavigation } from '../../navigation';
import { groupKey } from './duplicateWords';
import { GroupList } from './GroupList';
import { MergeCompare } from './MergeCompare';
import type { DuplicateKind, MergeSide } from './mergeSide';
import { useDuplicateGroups } from './useDuplicateGroups';
import './DuplicatesScreen.css';

const kindTabs = [
  { id: 'contact', label: 'Contacts' },
  { id: 'company', label: 'Companies' },
] as const;

/** Duplicates: contacts or companies that look like the same one, compared side by side and merged without losing anything. */
export function DuplicatesScreen() {
  const showToast = useToast();
  const { go } = useNavigation();
  const panelId = useId();
  const [kind, setKind] = useState<DuplicateKind>('contact');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const duplicates = useDuplicateGroups(kind);
  const { groups, total } = duplicates;
  const gone = useGoneMeanwhile(duplicates.refresh);
  const listRef = useRef<HTMLDivElement>(null);
  // After a merge the list is asked again; the group now at the merged one's place is opened next.
  const nextAfterMerge = useRef<number | null>(null);

  useEffect(() => {
    if (nextAfterMerge.current === null || !groups || duplicates.loading) return;
    const next = groups[Math.min(nextAfterMerge.current, groups.length - 1)];
    nextAfterMerge.current = null;
    setSelectedKey(next ? groupKey(next) : null);
    if (next) listRef.current?.querySelector<HTMLElement>(`[data-group-key="${CSS.escape(groupKey(next))}"]`)?.focus();
  }, [groups, duplicates.loading]);

  const selected = groups?.find((group) => groupKey(group) === selectedKey) ?? null;

  function chooseKind(next: DuplicateKind) {
    setKind(next);
    setSelectedKey(null);
    gone.dismiss();
  }

  function onMerged(kept: MergeSide, merged: MergeSide) {
    gone.dismiss();
    nextAfterMerge.current = groups?.findIndex((group) => groupKey(group) === selectedKey) ?? 0;
    setSelectedKey(null);
    duplicates.refresh();
    showToast(`Merged “${merged.name}” into “${kept.name}”`, 'done', {
      label: 'Open',
      onAction: () => void go(placeOfKind[kind], { type: 'open', id: kept.id }),
    });
  }

  function setAside() {
    if (!selected || !groups) return;
    gone.dismiss();
    nextAfterMerge.current = groups.indexOf(selected);
    duplicates.setAside(selected);
  }

  let content;
  if (duplicates.error && !groups) {
    content = (
      <ErrorBanner
        title="Duplicates could not be looked for"
        action={<Button onClick={duplicates.refresh}>Try again</Button>}
      >
        {duplicates.error}
      </ErrorBanner>
    );
  } else if (!groups) {
    content = <p className="duplicates__note">Looking for duplicates…</p>;
  } else if (groups.length === 0) {
    content = (
      <div className="duplicates-empty">
        <IconTile icon="check" muted />
        <h2 className="duplicates-empty__title">No duplicates found</h2>
        <p className="duplicates-empty__text">
          {kind === 'contact'
            ? 'No two contacts share an email address or phone number, or have the same or nearly the same name.'
            : 'No two companies share a website or phone number, or have the same or nearly the same name.'}
        </p>
      </div>
    );
  } else {
    content = (
      <div className="duplicates__body" ref={listRef}>
        {duplicates.error && (
          <ErrorBanner
            title="The list could not be brought up to date"
            action={<Button onClick={duplicates.refresh}>Try again</Button>}
          >
            {duplicates.error}
          </ErrorBanner>
        )}
        <GroupList
          kind={kind}
          groups={groups}
          selectedKey={selected ? selectedKey : null}
          onSelect={(group) => setSelectedKey(groupKey(group))}
          hasMore={groups.length < total}
          loading={duplicates.loading}
          onLoadMore={duplicates.loadMore}
        />
        {selected ? (
          <MergeCompare
            key={selectedKey}
            kind={kind}
            group={selected}
            onMerged={onMerged}
            onGone={gone.report}
            onSetAside={setAside}
          />
        ) : (
          <p className="duplicates__pick">Choose a pair to compare the two records side by side and merge them.</p>
        )}
      </div>
    );
  }

  return (
    <Screen className="duplicates" titleId="duplicates-title">
      <ScreenHeader titleId="duplicates-title" title="Duplicates">
        {groups && groups.length > 0 && (
          <p className="duplicates__count">{countOf(total, 'possible duplicate', 'possible duplicates')}</p>
        )}
      </ScreenHeader>
      <Tabs<DuplicateKind> label="Look among" tabs={kindTabs} selected={kind} onSelect={chooseKind} panelId={panelId} />
      <div className="duplicates__panel" {...tabPanelProps(panelId, kind)}>
        <GoneMeanwhileNotice notice={gone.notice} onDismiss={gone.dismiss} />
        {content}
      </div>
    </Screen>
  );
}
