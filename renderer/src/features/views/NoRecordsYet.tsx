import type { FieldedKind } from '../../../../shared/schemas/record';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import type { IconName } from '../../components/Icon';

interface FirstRunWords {
  icon: IconName;
  title: string;
  text: string;
  /** Not "New contact": that is the toolbar's button, and one name should mean one button. */
  add: string;
}

const firstRun: Record<FieldedKind, FirstRunWords> = {
  contact: {
    icon: 'userPlus',
    title: 'No contacts yet',
    text: 'Add the people you work with: clients, suppliers, leads. Everything stays on this computer.',
    add: 'Add your first contact',
  },
  company: {
    icon: 'companies',
    title: 'No companies yet',
    text: 'Add the organisations you work with, and link their people to them.',
    add: 'Add your first company',
  },
  deal: {
    icon: 'deals',
    title: 'No deals yet',
    text: 'Add the opportunities you are working on and follow them from the first call to the signed contract.',
    add: 'Add your first deal',
  },
};

/** First run: nothing of this kind to list yet, so say what to do. */
export function NoRecordsYet({ kind, onCreate }: { kind: FieldedKind; onCreate: () => void }) {
  const words = firstRun[kind];
  return (
    <EmptyState
      icon={words.icon}
      title={words.title}
      text={words.text}
      action={
        <Button variant="primary" icon="plus" onClick={onCreate}>
          {words.add}
        </Button>
      }
    />
  );
}
