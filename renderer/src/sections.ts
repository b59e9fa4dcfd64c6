import type { IconName } from './components/Icon';

/** The sections in the sidebar's main list. */
export type SectionId = 'dashboard' | 'contacts' | 'companies' | 'deals' | 'today' | 'campaigns' | 'segments' | 'backups';
/** Every screen the main area can show: a section, or one of the tools at the foot of the sidebar. */
export type Place = SectionId | 'duplicates' | 'trash' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  icon: IconName;
  /** False until the section is built; the sidebar still lists it so people see what is coming. */
  ready: boolean;
  /** What the section will do, shown on its placeholder. */
  promise: string;
}

export const sections: readonly Section[] = [
  {
    id: 'dashboard',
    label: 'Dashboard',
    icon: 'dashboard',
    ready: true,
    promise: 'Your pipeline, forecast, win rate, overdue tasks and the newest campaign at a glance.',
  },
  { id: 'contacts', label: 'Contacts', icon: 'contacts', ready: true, promise: 'The people you work with.' },
  {
    id: 'companies',
    label: 'Companies',
    icon: 'companies',
    ready: true,
    promise: 'Keep every client organisation in one place, with its people, deals and history.',
  },
  {
    id: 'deals',
    label: 'Deals',
    icon: 'deals',
    ready: true,
    promise: 'Follow each opportunity through your pipeline, from the first call to the signed contract.',
  },
  {
    id: 'today',
    label: 'Today',
    icon: 'activities',
    ready: true,
    promise: 'The tasks due today and the ones that slipped, so nothing is forgotten.',
  },
  {
    id: 'campaigns',
    label: 'Campaigns',
    icon: 'campaigns',
    ready: true,
    promise: 'Reach groups of contacts and see who opened, replied and converted.',
  },
  {
    id: 'segments',
    label: 'Segments',
    icon: 'segments',
    ready: true,
    promise: 'Saved, live groups of contacts: who to reach, counted as you build the filter.',
  },
  {
    id: 'backups',
    label: 'Backups',
    icon: 'backups',
    ready: true,
    promise: 'Verified snapshots of your data on a schedule, and a restore that takes a few clicks.',
  },
];

/** The tools at the foot of the sidebar. */
export const tools: readonly { id: Exclude<Place, SectionId>; label: string; icon: IconName }[] = [
  { id: 'duplicates', label: 'Duplicates', icon: 'merge' },
  { id: 'trash', label: 'Trash', icon: 'trash' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
];
