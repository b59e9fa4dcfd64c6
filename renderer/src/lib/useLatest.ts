import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the value of the latest render, for callbacks and effects that must not re-run or
 * re-register when it changes. Updated after the render is committed (React forbids writing refs during render),
 * before any passive effect of the same render runs. The ref is one object for good, so listing it as a
 * dependency changes nothing.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
