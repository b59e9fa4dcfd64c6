import type { ContactSortKey } from '../../../../shared/schemas/contact';
import { invoke } from '../../api';
import { listRequest, pageRequest, type ListQuery } from '../../lib/pagedRows';
import { NoRecordsYet, RecordListScreen } from '../views';
import { contactColumns } from './contactColumns';
import { ContactPanel } from './ContactPanel';

const fetchContacts = (query: ListQuery<ContactSortKey>, offset: number, limit: number) =>
  invoke('contacts.list', pageRequest(query, offset, limit));
const listSelector = (query: ListQuery<ContactSortKey>) => ({ kind: 'contact' as const, query: listRequest(query) });

/** The Contacts section: New contact, search, filters and views; the list; the contact panel. */
export function ContactsScreen() {
  return (
    <RecordListScreen
      place="contacts"
      title="Contacts"
      target={{ kind: 'contact', singular: 'contact', plural: 'contacts' }}
      fetchPage={fetchContacts}
      listSelector={listSelector}
      columns={contactColumns}
      initialSort={{ key: 'name', direction: 'asc' }}
      rowClassName="contact-row"
      newLabel="New contact"
      placeholder="Search name, email, company…"
      searchesIn="a name, an email or a company"
      empty={(create) => <NoRecordsYet kind="contact" onCreate={create} />}
      renderPanel={({ panel, onSaved, onDeleted, refresh, onClose }) => (
        <ContactPanel
          key={panel.session}
          contactId={panel.recordId}
          focusName={panel.focusName}
          onSaved={onSaved}
          onDeleted={onDeleted}
          onPhotoChanged={refresh}
          onClose={onClose}
        />
      )}
    />
  );
}
