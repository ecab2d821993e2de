/** Small inline icons for rows and toolbars (no icon font: the CSP allows only 'self'). */
import type { ReactElement } from 'react';

const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function FolderIcon(): ReactElement {
  return (
    <svg {...common} className="browse-icon browse-icon-folder">
      <path d="M1.5 3.5h4l1.5 1.5h7.5v8h-13z" fill="currentColor" />
    </svg>
  );
}

export function FileIcon({ kind }: { kind: string }): ReactElement {
  return (
    <svg {...common} className={`browse-icon browse-icon-file browse-icon-${kind}`}>
      <path d="M3.5 1.5h6l3 3v10h-9z" fill="none" stroke="currentColor" />
      <path d="M9.5 1.5v3h3" fill="none" stroke="currentColor" />
    </svg>
  );
}

export function LinkIcon(): ReactElement {
  return (
    <svg {...common} className="browse-icon">
      <path d="M6 10l4-4M5 7.5l-1.5 1.5a2.1 2.1 0 003 3L8 10.5M11 8.5l1.5-1.5a2.1 2.1 0 00-3-3L8 5.5" fill="none" stroke="currentColor" />
    </svg>
  );
}
