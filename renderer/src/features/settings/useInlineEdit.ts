import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A row that turns into its own small form: `start` opens it, `stop` closes it
 * and puts focus back on the button that opened it, and Escape in the form closes it too.
 */
export function useInlineEdit() {
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButtonRef.current?.focus();
  }, [editing]);

  const stop = () => {
    refocus.current = true;
    setEditing(false);
  };
  const onFormKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    stop();
  };
  return { editing, start: () => setEditing(true), stop, editButtonRef, onFormKeyDown };
}
