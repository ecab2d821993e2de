/**
 * The system notification when a batch ends while the window is unfocused, in the page's
 * language (main has no access to the page's catalogues; the page tells main its language
 * through desktop:set-language, and main/app-context.ts hands that to the engine).
 */
import type { TransferDirection } from '../../../shared/contract/transfers';

export type NoticeLanguage = 'en' | 'zh-CN';

export interface BatchNoticeCounts {
  done: number;
  failed: number;
}

const TEXT = {
  en: {
    upload: 'Upload',
    download: 'Download',
    finished: '{what} finished',
    problems: '{what} finished with problems',
    problemsBody: '{done} done, {failed} failed. Open the transfers panel to retry.',
    doneOne: '1 file done.',
    doneMany: '{done} files done.',
  },
  'zh-CN': {
    upload: '上传',
    download: '下载',
    finished: '{what}完成',
    problems: '{what}完成，但有文件失败',
    problemsBody: '{done} 个已完成，{failed} 个失败。请打开传输面板重试。',
    doneOne: '1 个文件已完成。',
    doneMany: '{done} 个文件已完成。',
  },
} as const;

/** Title and body for a finished batch. */
export function batchNotice(direction: TransferDirection, c: BatchNoticeCounts, language: NoticeLanguage): { title: string; body: string } {
  const t = TEXT[language] ?? TEXT.en;
  const fill = (text: string): string =>
    text.replace('{what}', direction === 'upload' ? t.upload : t.download).replace('{done}', String(c.done)).replace('{failed}', String(c.failed));
  if (c.failed > 0) return { title: fill(t.problems), body: fill(t.problemsBody) };
  return { title: fill(t.finished), body: fill(c.done === 1 ? t.doneOne : t.doneMany) };
}
