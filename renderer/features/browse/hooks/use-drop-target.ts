/**
 * Drops from the desktop onto the listing: the folder on screen takes them, unless they
 * land on a folder row, which takes them instead. While dragging, the target is
 * highlighted (the area, or just that row — set on the row's element directly, so the
 * memoized rows do not re-render on every dragover).
 */
import { useRef, useState, type DragEvent } from 'react';
import { acceptsDrops, dropFiles, type BrowseContext } from '../extension-points';

const ROW_TARGET = 'browse-table__row--drop-target';

/** The folder row under the pointer, if the drop would go into it. */
function folderRowAt(target: EventTarget | null): HTMLElement | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('.browse-table__row[data-key]') : null;
  return row && row.dataset.key?.endsWith('/') ? row : null;
}

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** Props for the element that receives drops for `ctx` (the folder on screen). */
export function useDropTarget(ctx: BrowseContext) {
  const [over, setOver] = useState(false);
  const row = useRef<HTMLElement | null>(null);
  const mark = (next: HTMLElement | null) => {
    if (row.current === next) return;
    row.current?.classList.remove(ROW_TARGET);
    next?.classList.add(ROW_TARGET);
    row.current = next;
  };
  const clear = () => {
    mark(null);
    setOver(false);
  };
  return {
    dragging: over,
    onDragOver(e: DragEvent<HTMLElement>) {
      if (!acceptsDrops() || !hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const folder = folderRowAt(e.target);
      mark(folder);
      setOver(!folder);
    },
    onDragLeave(e: DragEvent<HTMLElement>) {
      // Leaving for a child is not leaving the area.
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) clear();
    },
    onDrop(e: DragEvent<HTMLElement>) {
      const folder = folderRowAt(e.target);
      clear();
      if (!acceptsDrops() || e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      const prefix = folder?.dataset.key ?? ctx.prefix;
      dropFiles({ ...ctx, prefix, items: [] }, [...e.dataTransfer.files]);
    },
  };
}
