import type { IconName } from './components/Icon';

export type SectionId = 'contacts' | 'companies' | 'deals' | 'activities' | 'campaigns' | 'backups';

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
    ready: false,
    promise: 'Follow each opportunity through your pipeline, from the first call to the signed contract.',
  },
  {
    id: 'activities',
    label: 'Activities',
    icon: 'activities',
    ready: false,
    promise: 'Log calls, meetings and notes, and set tasks with due dates so nothing slips.',
  },
  {
    id: 'campaigns',
    label: 'Campaigns',
    icon: 'campaigns',
    ready: false,
    promise: 'Reach groups of contacts and see who opened, replied and converted.',
  },
  {
    id: 'backups',
    label: 'Backups',
    icon: 'backups',
    ready: true,
    promise: 'Verified snapshots of your data on a schedule, and a restore that takes a few clicks.',
  },
];
