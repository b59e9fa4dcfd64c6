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

  useEffect(() => {
    if (!target || !key) return;
    let current = true;
    invoke('views.usedBy', { target }).then(
      ({ views }) => current && setAnswer({ key, usage: { views } }),
      () => current && setAnswer({ key, usage: { views: null } }),
    );
    return () => {
      current = false;
    };
    // Asked by its key: a new object naming the same tag is the same question.
  }, [key]);

  return answer && answer.key === key ? answer.usage : undefined;
}
