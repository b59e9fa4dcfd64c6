import type { LinkedRecord } from '../../../../shared/schemas/record';
import { invoke } from '../../api';
import type { DealPrefill } from './DealPanel';

/** The company or person a new deal was started from, with their names (a person brings their company too). */
export async function linkedPrefill(linkedTo: { kind: string; id: number } | undefined): Promise<DealPrefill> {
  if (linkedTo?.kind === 'company') {
    const company = await invoke('companies.get', { id: linkedTo.id });
    return { company: { id: company.id, name: company.name } };
  }
  if (linkedTo?.kind === 'contact') {
    const contact = await invoke('contacts.get', { id: linkedTo.id });
    const company: LinkedRecord | null =
      contact.companyId === null ? null : { id: contact.companyId, name: contact.company };
    return { contact: { id: contact.id, name: contact.name }, company };
  }
  return {};
}
