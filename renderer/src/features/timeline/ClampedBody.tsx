import { useLayoutEffect, useRef, useState } from 'react';
import { invoke, toCrmError } from '../../api';
import { TextButton } from '../activities';

/** Lists carry the first 200 characters of a text; this many means there may be more. */
const previewLength = 200;

/**
 * An activity's text, cut to a few lines; "Show more" fetches the whole of it
 * (the timeline holds only its start) and "Show less" folds it again.
 */
export function ClampedBody({ activityId, preview }: { activityId: number; preview: string }) {
  const [full, setFull] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const textRef = useRef<HTMLParagraphElement>(null);

  useLayoutEffect(() => {
    const text = textRef.current;
    if (text && !expanded) setOverflows(text.scrollHeight > text.clientHeight + 1);
  }, [preview, expanded]);

  const cut = preview.length >= previewLength;
  const canExpand = overflows || cut;

  async function showMore() {
    setProblem(null);
    if (full === null && cut) {
      try {
        setFull((await invoke('activities.get', { id: activityId })).body);
      } catch (thrown) {
        setProblem(toCrmError(thrown).message);
        return;
      }
    }
    setExpanded(true);
  }

  const text = expanded ? (full ?? preview) : cut ? `${preview.trimEnd()}…` : preview;
  return (
    <div className="clamped-body">
      <p ref={textRef} className={expanded ? 'clamped-body__text' : 'clamped-body__text clamped-body__text--clamped'}>
        {text}
      </p>
      {(canExpand || expanded) && (
        <TextButton aria-expanded={expanded} onClick={() => (expanded ? setExpanded(false) : void showMore())}>
          {expanded ? 'Show less' : 'Show more'}
        </TextButton>
      )}
      {problem && <p className="clamped-body__problem">{problem}</p>}
    </div>
  );
}
