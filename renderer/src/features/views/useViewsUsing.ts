import { useEffect, useState } from 'react';
import type { FilterTarget, ViewUsage } from '../../../../shared/schemas/view';
import { invoke } from '../../api';

type Usage = { views: ViewUsage['views'] | null };

/**
 * The saved views whose filters name a tag, field or stage, asked of the
 * core when a delete is about to be confirmed (null target: not asking).
 * undefined while the answer is on its way; views null when it failed.
 */
export function useViewsUsing(target: FilterTarget | null): Usage | undefined {
  const key = target && `${target.kind}:${target.id}`;
  const [answer, setAnswer] = useState<{ key: string; usage: Usage } | null>(null);
  // Asked by kind and id: a new object naming the same tag is the same question.
  const kind = target?.kind;
  const id = target?.id;

  useEffect(() => {
    if (kind === undefined || id === undefined) return;
    const asked = `${kind}:${id}`;
    let current = true;
    invoke('views.usedBy', { target: { kind, id } }).then(
      ({ views }) => current && setAnswer({ key: asked, usage: { views } }),
      () => current && setAnswer({ key: asked, usage: { views: null } }),
    );
    return () => {
      current = false;
    };
  }, [kind, id]);

  return answer && answer.key === key ? answer.usage : undefined;
}
