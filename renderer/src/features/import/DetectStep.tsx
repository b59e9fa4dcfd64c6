import { useId } from 'react';
import { delimiters, textEncodings, type Inspection, type ReadOptions } from '../../../../shared/schemas/import';
import { SelectField } from '../../components/SelectField';
import { fileSize } from '../../lib/format';
import { delimiterLabels, encodingLabels, formatLabels } from './importWords';
import { SampleTable } from './SampleTable';

interface DetectStepProps {
  inspection: Inspection;
  onChange: (options: ReadOptions) => void;
}

/** What was found in the file, each with a way to change it, and the first rows as they read with it. */
export function DetectStep({ inspection, onChange }: DetectStepProps) {
  const id = useId();
  const { info, sample } = inspection;
  const encoding = info.encoding;
  return (
    <div className="import-detect">
      <p className="import-step__lead">
        <strong>{info.fileName}</strong> · {formatLabels[info.format]} · {fileSize(info.sizeBytes)}
      </p>
      <div className="import-detect__options">
        {encoding && (
          <div className="import-detect__option">
            <SelectField
              id={`${id}-encoding`}
              label="Encoding (how letters are stored)"
              value={encoding.name}
              options={textEncodings.map((name) => ({ value: name, label: encodingLabels[name] }))}
              onChange={(value) => onChange({ encoding: value as (typeof textEncodings)[number] })}
            />
            <p className="import-detect__found">
              {encoding.name === encoding.detected
                ? `Found: ${encodingLabels[encoding.detected]}${encoding.bom ? ', marked at the start of the file' : ''}.`
                : `Found ${encodingLabels[encoding.detected]}; reading as you chose.`}{' '}
              If accented letters look wrong below, try another.
            </p>
          </div>
        )}
        {info.delimiter && (
          <div className="import-detect__option">
            <SelectField
              id={`${id}-delimiter`}
              label="Columns separated by"
              value={info.delimiter}
              options={delimiters.map((delimiter) => ({ value: delimiter, label: delimiterLabels[delimiter] }))}
              onChange={(value) => onChange({ delimiter: value as (typeof delimiters)[number] })}
            />
          </div>
        )}
        {info.format !== 'vcard' && (
          <div className="import-detect__option">
            <SelectField
              id={`${id}-header`}
              label="First row"
              value={info.hasHeader ? 'yes' : 'no'}
              options={[
                { value: 'yes', label: 'Holds the column names' },
                { value: 'no', label: 'Is already data' },
              ]}
              onChange={(value) => onChange({ hasHeader: value === 'yes' })}
            />
          </div>
        )}
        {info.sheets && info.sheets.length > 0 && (
          <div className="import-detect__option">
            <SelectField
              id={`${id}-sheet`}
              label="Sheet"
              value={info.sheet ?? info.sheets[0] ?? ''}
              options={info.sheets.map((sheet) => ({ value: sheet, label: sheet }))}
              onChange={(value) => onChange({ sheet: value })}
            />
          </div>
        )}
      </div>
      <h3 className="import-step__subtitle">The first rows as they read</h3>
      {sample.length === 0 ? (
        <p className="import-step__note">The file has no rows under its column names.</p>
      ) : (
        <SampleTable headers={info.headers} rows={sample} limit={8} />
      )}
    </div>
  );
}
