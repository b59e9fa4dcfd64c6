import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contact, ContactSortKey, ContactSummary } from '../../../../shared/schemas/contact';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useScreenRequest } from '../../navigation';
import { contactColumns } from './columns';
import { ContactList } from './ContactList';
import { ContactPanel } from './ContactPanel';
import { NoContactsYet, NoMatches } from './ContactsEmpty';
import { SearchBox } from './SearchBox';
import { useContactPages } from './useContactPages';
import './ContactsScreen.css';

/** What the side panel shows; `session` changes whenever the user opens something else. */
interface PanelState {
  session: number;
  contactId: number | null;
  focusName: boolean;
}

const searchDelay = 120;

/** The Contacts section: header with count, search and New contact; the list; the record panel. */
export function ContactsScreen() {
  const showToast = useToast();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelay);
  const [sort, setSort] = useState<{ key: ContactSortKey; direction: 'asc' | 'desc' }>({ key: 'name', direction: 'asc' });
  const [pages, snapshot] = useContactPages({ sort: 'name', direction: 'asc', search: '' });
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);

  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const nextSession = useRef(1);
  // Where focus goes back to when the panel closes: the row or button that opened it.
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusAfterClose = useRef(false);

  useEffect(() => {
    pages.setQuery({ sort: sort.key, direction: sort.direction, search });
  }, [pages, sort, search]);

  const rememberFocus = () => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.contact-panel')) {
      returnFocus.current = document.activeElement;
    }
  };

  const openNew = useCallback(() => {
    rememberFocus();
    setSelectedId(null);
    setPanel({ session: nextSession.current++, contactId: null, focusName: true });
  }, []);

  const openContact = useCallback((contact: ContactSummary, how: 'pointer' | 'keyboard') => {
    rememberFocus();
    setSelectedId(contact.id);
    setPanel((current) =>
      current?.contactId === contact.id ? current : { session: nextSession.current++, contactId: contact.id, focusName: how === 'keyboard' },
    );
  }, []);

  const openContactById = (contactId: number) => {
    rememberFocus();
    setSelectedId(contactId);
    setPanel({ session: nextSession.current++, contactId, focusName: false });
  };

  const closePanel = useCallback(() => {
    focusAfterClose.current = true;
    setPanel(null);
    setSelectedId(null);
  }, []);

  // Focus moves back once the panel (and any dialog in it, which makes the app inert) is gone.
  useEffect(() => {
    if (panel !== null || !focusAfterClose.current) return;
    focusAfterClose.current = false;
    const target = returnFocus.current?.isConnected
      ? returnFocus.current
      : (bodyRef.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]') ?? newButtonRef.current);
    target?.focus();
  }, [panel]);

  const onSaved = useCallback(
    (contact: Contact, created: boolean) => {
      setSelectedId(contact.id);
      setPanel((current) => current && { ...current, contactId: contact.id });
      pages.refresh();
      showToast(created ? 'Contact added' : 'Changes saved');
    },
    [pages, showToast],
  );

  // A new photo shows in the list row too.
  const onPhotoChanged = useCallback(() => pages.refresh(), [pages]);

  const onDeleted = useCallback(() => {
    closePanel();
    pages.refresh();
    showToast('Contact deleted');
  }, [closePanel, pages, showToast]);

  const onSort = (key: ContactSortKey) => {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: contactColumns.find((column) => column.key === key)?.firstDirection ?? 'asc' },
    );
  };

  // Menu commands (File › New Contact, Edit › Find…), the command palette and links from other screens.
  useScreenRequest('contacts', (request) => {
    if (request.type === 'new') openNew();
    else if (request.type === 'open') openContactById(request.id);
    else {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  const { total, query } = snapshot;
  const searching = query.search !== '';
  const countLabel = total === null || (total === 0 && !searching) ? '' : searching ? countOf(total, 'match', 'matches') : countOf(total, 'contact', 'contacts');

  let content;
  if (total === null && snapshot.error) {
    content = (
      <ErrorBanner title="Contacts could not be loaded" action={<Button onClick={() => pages.refresh()}>Try again</Button>}>
        {snapshot.error.message}
      </ErrorBanner>
    );
  } else if (total === 0 && !searching) {
    content = <NoContactsYet onCreate={openNew} />;
  } else if (total === 0) {
    content = <NoMatches search={query.search} onClear={() => setSearchText('')} />;
  } else {
    content = (
      <>
        {snapshot.error && (
          <ErrorBanner title="Some contacts could not be loaded" action={<Button onClick={() => pages.refresh()}>Try again</Button>}>
            {snapshot.error.message}
          </ErrorBanner>
        )}
        <ContactList
          pages={pages}
          snapshot={snapshot}
          sort={sort}
          onSort={onSort}
          selectedId={selectedId}
          onOpen={openContact}
          labelledBy="contacts-title"
        />
      </>
    );
  }

  return (
    <Screen className="contacts" titleId="contacts-title">
      <ScreenHeader titleId="contacts-title" title="Contacts">
        <Button ref={newButtonRef} variant="primary" icon="plus" onClick={openNew}>
          New contact
        </Button>
      </ScreenHeader>
      <div className="contacts__toolbar">
        <SearchBox value={searchText} onChange={setSearchText} inputRef={searchRef} busy={snapshot.updating && searchText.trim() !== ''} />
        <p className="contacts__count" aria-live="polite">
          {countLabel}
        </p>
      </div>
      <div className="contacts__body" ref={bodyRef}>
        <div className="contact-list">{content}</div>
        {panel && (
          <ContactPanel
            key={panel.session}
            contactId={panel.contactId}
            focusName={panel.focusName}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onPhotoChanged={onPhotoChanged}
            onClose={closePanel}
          />
        )}
      </div>
    </Screen>
  );
}
