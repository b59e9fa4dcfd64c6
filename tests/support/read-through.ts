/**
 * Reads an async iterable to its end, the way `for await` does, telling `onItem` how many items came so far.
 * For tests that only count what a reader yields (and act after the nth item), with no unused loop variable.
 */
export async function readThrough(items: AsyncIterable<unknown>, onItem: (count: number) => void): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let count = 0;
  while (!(await iterator.next()).done) {
    try {
      onItem(++count);
    } catch (error) {
      // As `for await` does when its body throws: let the source close before passing the error on.
      await iterator.return?.();
      throw error;
    }
  }
}
