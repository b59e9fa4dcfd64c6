import type { IconName } from './components/Icon';

/** The sections in the sidebar's main list. */
export type SectionId =
  'dashboard' | 'contacts' | 'companies' | 'deals' | 'today' | 'campaigns' | 'segments' | 'backups';
/** Every screen the main area can show: a section, or one of the tools at the foot of the sidebar. */
export type Place = SectionId | 'duplicates' | 'trash' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  icon: IconName;
}

export const sections: readonly Section[] = [
  { id: 'dashboard', label: 'Dashboard', icon: 'dashboard' },
  { id: 'contacts', label: 'Contacts', icon: 'contacts' },
  { id: 'companies', label: 'Companies', icon: 'companies' },
  { id: 'deals', label: 'Deals', icon: 'deals' },
  { id: 'today', label: 'Today', icon: 'activities' },
  { id: 'campaigns', label: 'Campaigns', icon: 'campaigns' },
  { id: 'segments', label: 'Segments', icon: 'segments' },
  { id: 'backups', label: 'Backups', icon: 'backups' },
];

/** The tools at the foot of the sidebar. */
export const tools: readonly { id: Exclude<Place, SectionId>; label: string; icon: IconName }[] = [
  { id: 'duplicates', label: 'Duplicates', icon: 'merge' },
  { id: 'trash', label: 'Trash', icon: 'trash' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
];
