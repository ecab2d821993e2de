/** Error XML matches OSS's layout, nested elements included. */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { OssError } from '../core/contract';
import { renderErrorXml } from './error-response';
import { newRequestId } from './request-id';

describe('OSS error XML', () => {
  it('carries Code, Message, RequestId, HostId, escaped extras, nested details, then EC', () => {
    const err = new OssError(403, 'AccessDenied', 'a <b> & "c"', '0003-00000001', {
      StringToSign: 'GET\n\n/<x>',
      'AccessDeniedDetail/AuthAction': 'oss:GetObject',
      'AccessDeniedDetail/NoPermissionType': 'ImplicitDeny',
    });
    const xml = renderErrorXml(err, 'ABCDEF0123456789ABCDEF01', 'b.localhost:1');
    const parsed = new XMLParser().parse(xml) as { Error: Record<string, unknown> };
    expect(parsed.Error).toMatchObject({
      Code: 'AccessDenied',
      Message: 'a <b> & "c"',
      RequestId: 'ABCDEF0123456789ABCDEF01',
      HostId: 'b.localhost:1',
      EC: '0003-00000001',
      AccessDeniedDetail: { AuthAction: 'oss:GetObject', NoPermissionType: 'ImplicitDeny' },
    });
    expect(xml.indexOf('<EC>')).toBeGreaterThan(xml.indexOf('</AccessDeniedDetail>'));
  });

  it('makes request ids like OSS: 24 upper-case hex characters, unique', () => {
    const a = newRequestId();
    expect(a).toMatch(/^[0-9A-F]{24}$/);
    expect(newRequestId()).not.toBe(a);
  });
});
