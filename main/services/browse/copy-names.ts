/**
 * "Keep both" names for a paste into a folder that already holds the name: `report.pdf`
 * becomes `report (copy).pdf`, then `report (copy 2).pdf`…, a folder `photos/` becomes
 * `photos (copy)/`. The extension stays last so the copy still opens with the same app;
 * a leading dot (`.env`) is part of the name, not an extension.
 */
import { AppException, ErrorCode } from '../../../shared/errors';

/** Tries before giving up (a folder with a thousand copies of one name is a mistake). */
export const MAX_COPY_NUMBER = 1000;

/** Extensions of two parts that name one format: "archive.tar.gz" → "archive (copy).tar.gz". */
const DOUBLE_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tar.zst'];

/** The `n`th copy name of `name` (n = 1: "name (copy).ext", n ≥ 2: "name (copy n).ext"). */
export function copyName(name: string, n: number): string {
  const lower = name.toLowerCase();
  const double = DOUBLE_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
  const dot = double ? name.length - double.length : name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${stem} (${n === 1 ? 'copy' : `copy ${n}`})${ext}`;
}

/**
 * The first target key for `name` (a file, or a folder when `isPrefix`) under `targetPrefix`
 * that is neither taken at the target nor already claimed by this paste (`claimed`, which
 * the chosen key is added to). The name itself is used when free.
 */
export async function freeTargetKey(
  targetPrefix: string,
  name: string,
  isPrefix: boolean,
  taken: (key: string) => Promise<boolean>,
  claimed: Set<string>,
): Promise<string> {
  const slash = isPrefix ? '/' : '';
  for (let n = 0; n <= MAX_COPY_NUMBER; n++) {
    const key = targetPrefix + (n === 0 ? name : copyName(name, n)) + slash;
    if (claimed.has(key)) continue;
    if (!(await taken(key))) {
      claimed.add(key);
      return key;
    }
  }
  throw new AppException({
    code: ErrorCode.InvalidArgument,
    message: `There are already ${MAX_COPY_NUMBER} copies of "${name}" in this folder.`,
    hint: 'Rename or delete some of the copies, then paste again.',
  });
}
