import { useLayoutEffect, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from '../../components/Icon';
import './ListDropCue.css';

/**
 * What the Contacts or Companies screen shows while a file is dragged over
 * it: the drop starts an import of that kind. Laid over the screen's main
 * area (the whole window if there is none); it lets the drag events through.
 */
export function ListDropCue({ plural }: { plural: string }) {
  const [area, setArea] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    const main = document.querySelector('main')?.getBoundingClientRect();
    // Inside its edges by 6px, so the dashed border shows whole.
    if (main) setArea({ top: main.top + 6, left: main.left + 6, width: main.width - 12, height: main.height - 12 });
  }, []);
  return createPortal(
    <div className="list-drop-cue" style={area} role="status">
      <div className="list-drop-cue__card">
        <Icon name="upload" size={28} />
        <p className="list-drop-cue__text">Drop to import {plural}</p>
        <p className="list-drop-cue__hint">A CSV, an Excel workbook (.xlsx) or contact cards (.vcf)</p>
      </div>
    </div>,
    document.body,
  );
}
