// Renders every app icon from the one source image, build/icon.svg, with ImageMagick
// (`convert`): PNGs at each size for Linux (build/icons/NxN.png) and for the 1024-pixel
// master (build/icon.png), a multi-size Windows icon (build/icon.ico) and a macOS icon
// (build/icon.icns, written here: ImageMagick cannot write ICNS, but ICNS is only a list
// of PNG chunks). Run `node scripts/make-icons.mjs` after editing the SVG and commit the
// results; scripts/electron-builder-config.test.ts checks they are all there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const build = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const source = path.join(build, 'icon.svg');

/** Sizes of the Linux icon theme folders (hicolor) and the master. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes inside icon.ico (Windows reads up to 256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS chunk types and their pixel sizes (Apple's PNG-based types). */
export const ICNS_CHUNKS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

function render(size, out) {
  execFileSync('convert', ['-background', 'none', '-density', '384', source, '-resize', `${size}x${size}`, '-strip', `PNG32:${out}`]);
}

function writeIcns(pngForSize, out) {
  const chunks = ICNS_CHUNKS.map(([type, size]) => {
    const png = pngForSize(size);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(body.length + 8, 4);
  fs.writeFileSync(out, Buffer.concat([header, body]));
}

function main() {
  const icons = path.join(build, 'icons');
  fs.mkdirSync(icons, { recursive: true });
  for (const size of PNG_SIZES) render(size, path.join(icons, `${size}x${size}.png`));
  fs.copyFileSync(path.join(icons, '1024x1024.png'), path.join(build, 'icon.png'));
  execFileSync('convert', [...ICO_SIZES.map((s) => path.join(icons, `${s}x${s}.png`)), path.join(build, 'icon.ico')]);
  writeIcns((size) => fs.readFileSync(path.join(icons, `${size}x${size}.png`)), path.join(build, 'icon.icns'));
  process.stdout.write(`icons written to ${build}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
