/**
 * Runs `work` on every item, at most `limit` at a time, in no promised order.
 * Many small files copy far faster this way: their fsyncs overlap. After a
 * failure no new item starts, and the first error is thrown only once every
 * running item has finished, so a caller's clean-up never races a write.
 */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
