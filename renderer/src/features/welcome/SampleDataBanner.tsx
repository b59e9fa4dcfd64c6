import { Button } from '../../components/Button';
import { WindowBanner } from '../../components/WindowBanner';
import { useSampleData } from './sampleDataContext';

/** While sample data is there: a reminder that it is not real, and the one click that removes it. */
export function SampleDataBanner() {
  const { status, askRemove } = useSampleData();
  if (!status?.present) return null;
  return (
    <WindowBanner
      tone="info"
      icon="eye"
      title="You are exploring with sample data"
      actions={
        <Button size="small" icon="trash" onClick={askRemove}>
          Remove sample data
        </Button>
      }
    >
      Records marked “Sample” are examples. Remove them when you are ready; your own records stay.
    </WindowBanner>
  );
}
