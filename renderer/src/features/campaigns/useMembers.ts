import { useCallback, useEffect, useState } from 'react';
import type { Member } from '../../../../shared/schemas/campaign';
import type { MemberStatus } from '../../../../shared/schemas/marketing';
import { invoke, toCrmError } from '../../api';

const pageSize = 100;

/** A campaign's members a page at a time, filtered by status and a search; reload() reads what is shown again. */
export function useMembers(campaignId: number, status: MemberStatus | null, search: string) {
  const [rows, setRows] = useState<Member[] | null>(null);
  const [total, setTotal] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(
    (offset: number, limit: number, keep: Member[]) =>
      invoke('campaigns.members', { campaignId, offset, limit, search, ...(status ? { status } : {}) }).then(
        (page) => {
          setRows([...keep, ...page.rows]);
          setTotal(page.total);
          setProblem(null);
        },
        (error: unknown) => setProblem(toCrmError(error).message),
      ),
    [campaignId, status, search],
  );

  useEffect(() => {
    void load(0, pageSize, []);
  }, [load]);

  return {
    rows,
    total,
    problem,
    showMore: () => void load(rows?.length ?? 0, pageSize, rows ?? []),
    /** Everything shown so far, read again (a status changed, people were added or removed). */
    reload: () => load(0, Math.min(500, Math.max(pageSize, rows?.length ?? 0)), []),
  };
}
