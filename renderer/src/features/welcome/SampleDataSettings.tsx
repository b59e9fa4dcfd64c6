import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useSampleData } from './sampleDataContext';
import { countsInWords } from './sampleWords';
import { useAddSampleData } from './useAddSampleData';

/** Settings › Sample data: remove the sample records, or add them (again) to try something out. */
export function SampleDataSettings() {
  const { status, askRemove } = useSampleData();
  const { adding, problem, addSample } = useAddSampleData();

  return (
    <section className="card" aria-labelledby="sample-data-title">
      <h2 id="sample-data-title" className="card__title">
        Sample data
      </h2>
      {status?.present ? (
        <>
          <p className="card__text">
            The sample data is here: {countsInWords(status.counts)}, each marked “Sample” in the lists. Removing it
            deletes exactly those records for good; your own records stay.
          </p>
          <div className="card__actions">
            <Button icon="trash" onClick={askRemove}>
              Remove sample data
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="card__text">
            Example contacts, companies, deals and tasks to try Rolodesk on. They are marked “Sample” and one click
            removes them.
          </p>
          <div className="card__actions">
            <Button icon="eye" onClick={() => void addSample()} disabled={adding || status === null}>
              {adding ? 'Adding sample data…' : 'Add sample data'}
            </Button>
          </div>
        </>
      )}
      {problem && <ErrorBanner title="The sample data could not be added">{problem}</ErrorBanner>}
    </section>
  );
}
