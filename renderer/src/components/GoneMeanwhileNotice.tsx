import { WarningBanner } from './Banner';
import { Button } from './Button';

/** Says that what the user acted on was gone meanwhile (useGoneMeanwhile); stays until dismissed or the next such notice. */
export function GoneMeanwhileNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  if (notice === null) return null;
  return (
    <WarningBanner
      action={
        <Button size="small" variant="subtle" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    >
      {notice}
    </WarningBanner>
  );
}
