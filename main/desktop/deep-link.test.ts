import { describe, expect, it } from 'vitest';
import { formatOssPath } from '../../shared/oss-path';
import { linkFromArgv, MAX_LINK_LENGTH, parseOssLink, profilesForLink } from './deep-link';
import { LinkInbox } from './link-inbox';

describe('parseOssLink', () => {
  it('opens a folder link at that folder', () => {
    expect(parseOssLink('oss://my-bucket/photos/2024/')).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix: 'photos/2024/' } });
    expect(parseOssLink('oss://my-bucket')).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix: '' } });
    expect(parseOssLink('OSS://my-bucket/')).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix: '' } });
  });

  it('opens an object link in its folder with the object focused', () => {
    expect(parseOssLink('oss://my-bucket/a/b/report.pdf')).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix: 'a/b/', focusName: 'report.pdf' } });
  });

  it('decodes percent-escapes a browser adds, and keeps a bare % of a raw key', () => {
    expect(parseOssLink('oss://my-bucket/a%20b/%E4%B8%AD%E6%96%87/')).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix: 'a b/中文/' } });
    expect(parseOssLink('oss://my-bucket/100%/')).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix: '100%/' } });
  });

  it('round-trips what the app itself formats, byte for byte (spaces, empty segments, NFD)', () => {
    for (const prefix of ['a b/', 'a//b/', 'cafe\u0301/', '#?&/']) {
      const link = formatOssPath({ bucket: 'my-bucket', prefix });
      expect(parseOssLink(link)).toEqual({ ok: true, target: { bucket: 'my-bucket', prefix } });
    }
  });

  it.each([
    ['https://evil.example/', 'notOssLink'],
    ['file:///etc/passwd', 'notOssLink'],
    ['javascript:alert(1)//oss://x', 'notOssLink'],
    ['oss://Bad_Bucket/', 'bucket'],
    ['oss://../etc/', 'bucket'],
    ['oss://', 'bucket'],
    ['oss://my-bucket/a%0Ab/', 'controlCharacter'],
    ['oss://my-bucket/a%00/', 'controlCharacter'],
    ['oss://my-bucket//etc/', 'leadingSlash'],
    ['oss://my-bucket/%5Cwindows/', 'leadingSlash'],
    [`oss://my-bucket/${'k'.repeat(1024)}/`, 'keyTooLong'],
    [`oss://my-bucket/${'a'.repeat(MAX_LINK_LENGTH)}`, 'tooLong'],
  ])('refuses %s (%s)', (link, reason) => {
    expect(parseOssLink(link)).toEqual({ ok: false, reason });
  });
});

describe('linkFromArgv', () => {
  it('finds the link among Electron and Chromium arguments', () => {
    expect(linkFromArgv(['/opt/OSS Browser/oss-browser', '--no-sandbox', 'oss://my-bucket/a/'])).toBe('oss://my-bucket/a/');
    expect(linkFromArgv(['C:\\OSS Browser.exe', '--allow-file-access-from-files'])).toBeUndefined();
    expect(linkFromArgv(['app', '--flag=oss://my-bucket/'])).toBeUndefined();
  });
});

describe('profilesForLink', () => {
  const open = { id: 'p1', name: 'Work' };
  const other = { id: 'p2', name: 'Home' };
  const restricted = { id: 'p3', name: 'Team share', startPath: { bucket: 'my-bucket', prefix: 'team/' } };
  const elsewhere = { id: 'p4', name: 'Other bucket', startPath: { bucket: 'other-bucket', prefix: '' } };
  const all = [open, other, restricted, elsewhere];

  it('offers unrestricted profiles and restricted ones whose start path holds the target, last used first', () => {
    expect(profilesForLink({ bucket: 'my-bucket', prefix: 'team/docs/' }, all, 'p2').map((p) => p.id)).toEqual(['p2', 'p1', 'p3']);
  });

  it('leaves out a restricted profile for a folder outside its start path', () => {
    expect(profilesForLink({ bucket: 'my-bucket', prefix: 'private/' }, all).map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(profilesForLink({ bucket: 'other-bucket', prefix: 'x/' }, [restricted, elsewhere]).map((p) => p.id)).toEqual(['p4']);
  });
});

describe('LinkInbox', () => {
  it('queues valid links in order, tells main each time, and hands each out once', () => {
    let told = 0;
    const inbox = new LinkInbox(() => told++);
    expect(inbox.receive('oss://my-bucket/a/')).toMatchObject({ accepted: true });
    expect(inbox.receive('oss://my-bucket/b/')).toMatchObject({ accepted: true });
    expect(told).toBe(2);
    expect(inbox.take()).toEqual({ bucket: 'my-bucket', prefix: 'a/' });
    expect(inbox.take()).toEqual({ bucket: 'my-bucket', prefix: 'b/' });
    expect(inbox.take()).toBeNull();
  });

  it('does not queue a hostile link, and keeps at most 8 waiting', () => {
    const inbox = new LinkInbox();
    expect(inbox.receive('oss://my-bucket/%00')).toEqual({ accepted: false, reason: 'controlCharacter' });
    expect(inbox.size).toBe(0);
    for (let i = 0; i < 20; i++) inbox.receive(`oss://my-bucket/${i}/`);
    expect(inbox.size).toBe(8);
    expect(inbox.take()).toEqual({ bucket: 'my-bucket', prefix: '12/' });
  });
});
