import { useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from '../../components/Icon';
import './ListDropCue.css';

function mainArea(): CSSProperties | undefined {
  const main = document.querySelector('main')?.getBoundingClientRect();
  // Inside its edges by 6px, so the dashed border shows whole.
  return main && { top: main.top + 6, left: main.left + 6, width: main.width - 12, height: main.height - 12 };
}

/**
 * What the Contacts or Companies screen shows while a file is dragged over
 * it: the drop starts an import of that kind. Laid over the screen's main
 * area (the whole window if there is none); it lets the drag events through.
 */
export function ListDropCue({ plural }: { plural: string }) {
  // Measured once, when the drag comes in: the screen is already laid out by then.
  const [area] = useState(mainArea);
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
