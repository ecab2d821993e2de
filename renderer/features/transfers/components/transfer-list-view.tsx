/**
 * The queue as a virtualized grid: only the rows in view (plus a small overscan) exist in
 * the DOM, so 100,000 transfers scroll like 10. Keyboard: the grid takes focus, arrows
 * move the highlighted row (aria-activedescendant), Space pauses or resumes it, Delete
 * cancels, R retries, Enter shows its file; Tab reaches the highlighted row's buttons.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferItem } from '../../../../shared/contract/transfers';
import type { TransferList } from '../model/transfer-list';
import { actionsFor } from '../model/transfer-list';
import { TransferRow, rowDomId, type RowAction } from './transfer-row';

export const TRANSFER_ROW_HEIGHT = 56;
const OVERSCAN = 8;
/** The panel renders the keyboard help with this id (a grid may hold only rows). */
export const KEYS_HELP_ID = 'transfers-keys-help';

export interface TransferListViewProps {
  list: TransferList;
  /** Changes whenever the list changed. */
  version: number;
  onAction(action: RowAction, item: TransferItem): void;
  empty: string;
}

/** What a key does to the highlighted row, or null when the key is not ours. */
export function keyAction(key: string, item: TransferItem): RowAction | null {
  const can = actionsFor(item);
  if (key === ' ') return can.pause ? 'pause' : can.resume ? 'resume' : null;
  if (key === 'Delete') return can.cancel ? 'cancel' : null;
  if (key === 'r' || key === 'R') return can.retry ? 'retry' : null;
  if (key === 'Enter') return can.open ? 'open' : can.reveal ? 'reveal' : null;
  return null;
}

export function TransferListView({ list, version, onAction, empty }: TransferListViewProps): ReactElement {
  const { t, i18n } = useTranslation('transfers');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const count = list.size;
  // eslint-disable-next-line react-hooks/incompatible-library -- rows are memoized by hand.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TRANSFER_ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 800, height: 300 },
  });
  // The highlighted row follows its item when others are removed above it.
  const focusIndex = focusId ? list.indexOf(focusId) : -1;
  const focusRow = useCallback((index: number) => {
    const it = list.at(index);
    if (it) setFocusId(it.id);
  }, [list]);
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed on a row's buttons are the buttons' own.
    if (e.target !== e.currentTarget) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / TRANSFER_ROW_HEIGHT) - 1);
    const from = focusIndex < 0 ? -1 : focusIndex;
    const move: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + pageRows, PageUp: from - pageRows, Home: 0, End: count - 1 };
    if (e.key in move) {
      e.preventDefault();
      if (count > 0) focusRow(Math.max(0, Math.min(count - 1, move[e.key]!)));
      return;
    }
    const item = focusIndex >= 0 ? list.at(focusIndex) : undefined;
    const action = item ? keyAction(e.key, item) : null;
    if (item && action) {
      e.preventDefault();
      onAction(action, item);
    }
  };

  const items = virtualizer.getVirtualItems();
  const activeId = focusIndex >= 0 && items.some((v) => v.index === focusIndex) ? rowDomId(focusId!) : undefined;
  return (
    <div
      ref={scrollRef}
      className="transfers-scroll"
      role="grid"
      aria-label={t('panel.listLabel')}
      aria-rowcount={count}
      aria-activedescendant={activeId}
      aria-describedby={KEYS_HELP_ID}
      tabIndex={0}
      data-testid="transfer-list"
      data-version={version}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && focusIndex < 0 && count > 0) focusRow(0);
      }}
    >
      {count === 0 ? (
        <div role="row" className="transfers-empty">
          <div role="gridcell">{empty}</div>
        </div>
      ) : (
        <div className="transfers-rows" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const item = list.at(v.index);
            if (!item) return null;
            return (
              <TransferRow
                key={item.id}
                item={item}
                index={v.index}
                top={v.start}
                height={TRANSFER_ROW_HEIGHT}
                focused={v.index === focusIndex}
                t={t}
                lang={i18n.language}
                onAction={onAction}
                onFocusRow={focusRow}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
