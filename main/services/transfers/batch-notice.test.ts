import { describe, expect, it } from 'vitest';
import { batchNotice } from './batch-notice';

describe('batchNotice', () => {
  it('speaks English', () => {
    expect(batchNotice('upload', { done: 1, failed: 0 }, 'en')).toEqual({ title: 'Upload finished', body: '1 file done.' });
    expect(batchNotice('download', { done: 3, failed: 0 }, 'en')).toEqual({ title: 'Download finished', body: '3 files done.' });
    expect(batchNotice('download', { done: 3, failed: 2 }, 'en')).toEqual({
      title: 'Download finished with problems',
      body: '3 done, 2 failed. Open the transfers panel to retry.',
    });
  });

  it('speaks Simplified Chinese', () => {
    expect(batchNotice('upload', { done: 1, failed: 0 }, 'zh-CN')).toEqual({ title: '上传完成', body: '1 个文件已完成。' });
    expect(batchNotice('download', { done: 40, failed: 0 }, 'zh-CN')).toEqual({ title: '下载完成', body: '40 个文件已完成。' });
    expect(batchNotice('upload', { done: 0, failed: 5 }, 'zh-CN')).toEqual({ title: '上传完成，但有文件失败', body: '0 个已完成，5 个失败。请打开传输面板重试。' });
  });
});
