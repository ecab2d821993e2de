/**
 * A QR code drawn as an SVG element tree (one <path>) from the `qrcode` package's module
 * matrix: no data: URL or injected markup, so the page's CSP stays as strict as it is.
 */
import QRCode from 'qrcode';
import { useMemo, type ReactElement } from 'react';

/** The dark modules of `text` as one SVG path (1 unit per module, 4-module quiet zone). */
export function qrPath(text: string): { size: number; d: string } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (qr.modules.get(y, x)) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
    }
  }
  return { size: n + 8, d: parts.join('') };
}

export function QrCode({ text, label }: { text: string; label: string }): ReactElement {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg className="share-qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={Math.min(320, size * 3)} height={Math.min(320, size * 3)} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
