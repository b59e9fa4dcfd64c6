import { useCallback, useRef } from 'react';
import type { Contact, ContactSortKey, ContactSummary } from '../../../../shared/schemas/contact';
import { invoke } from '../../api';
import { Button } from '../../components/Button';
import { NoMatches } from '../../components/grid/NoMatches';
import { RecordListArea } from '../../components/grid/RecordListArea';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { pageRequest, type ListQuery } from '../../lib/pagedRows';
import { usePanelDeleted } from '../../lib/useMovedToTrash';
import { useRecordList } from '../../lib/useRecordList';
import { useRecordPanel } from '../../lib/useRecordPanel';
import { useSelection } from '../../lib/useSelection';
import { useScreenRequest } from '../../navigation';
import { BulkBar, type BulkTarget } from '../bulk/BulkBar';
import { ListToolbar } from '../views/ListToolbar';
import { contactColumns } from './contactColumns';
import { ContactPanel } from './ContactPanel';
import { NoContactsYet } from './ContactsEmpty';
import './ContactsScreen.css';

const bulkTarget: BulkTarget = { kind: 'contact', singular: 'contact', plural: 'contacts' };

const fetchContacts = (query: ListQuery<ContactSortKey>, offset: number, limit: number) => invoke('contacts.list', pageRequest(query, offset, limit));

/** The Contacts section: header with count, search and New contact; the list; the record panel. */
export function ContactsScreen() {
  const showToast = useToast();
  const list = useRecordList(fetchContacts, contactColumns, { key: 'name', direction: 'asc' });
  const { pages, snapshot } = list;
  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const panel = useRecordPanel(bodyRef, newButtonRef);
  const selection = useSelection();

  const onSaved = useCallback(
    (contact: Contact, created: boolean) => {
      panel.saved(contact.id);
      pages.refresh();
      showToast(created ? 'Contact added' : 'Changes saved');
    },
    [panel, pages, showToast],
  );


  const refresh = useCallback(() => pages.refresh(), [pages]);
  const onDeleted = usePanelDeleted(panel.close, refresh);

  // Menu commands (File › New Contact, Edit › Find…), the command palette and links from other screens.
  useScreenRequest('contacts', (request) => {
    if (request.type === 'new') panel.openNew();
    else if (request.type === 'open') panel.open(request.id, 'link');
    else {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  const { query } = snapshot;

  return (
    <Screen className="contacts" titleId="contacts-title">
      <ScreenHeader titleId="contacts-title" title="Contacts">
        <Button ref={newButtonRef} variant="primary" icon="plus" onClick={() => panel.openNew()}>
          New contact
        </Button>
      </ScreenHeader>
      <ListToolbar target={bulkTarget} list={list} searchRef={searchRef} placeholder="Search name, email, company…" />
      <BulkBar target={bulkTarget} selection={selection} onChanged={refresh} />
      <div className="contacts__body" ref={bodyRef}>
        <RecordListArea
          plural="contacts"
          empty={<NoContactsYet onCreate={() => panel.openNew()} />}
          noMatches={<NoMatches plural="contacts" search={query.search} searchesIn="a name, an email or a company" onClear={list.showAll} />}
          pages={pages}
          snapshot={snapshot}
          columns={contactColumns}
          rowClassName="contact-row"
          sort={list.sort}
          onSort={list.onSort}
          selectedId={panel.selectedId}
          onOpen={(contact: ContactSummary, how) => panel.open(contact.id, how)}
          labelledBy="contacts-title"
          nameOf={(contact) => contact.name}
          selection={selection}
        />
        {panel.panel && (
          <ContactPanel
            key={panel.panel.session}
            contactId={panel.panel.recordId}
            focusName={panel.panel.focusName}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onPhotoChanged={refresh}
            onClose={panel.close}
          />
        )}
      </div>
    </Screen>
  );
}
