/**
 * The exact XML of each response body, element by element, as OSS writes it (timestamps and
 * upload IDs normalised). Guards the formats ali-oss and the app parse.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_ACCOUNT, startHarness, type Harness } from '../conformance/store-harness';
import { raw } from '../conformance/oss-client';
import { crc64Of } from '../../main/services/oss/crc64';

let h: Harness;
const OWNER = `<Owner><ID>${HARNESS_ACCOUNT}</ID><DisplayName>${HARNESS_ACCOUNT}</DisplayName></Owner>`;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function normalise(xml: string): string {
  return xml
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, 'TIME')
    .replace(/<UploadId>[0-9A-F]+<\/UploadId>/g, '<UploadId>ID</UploadId>')
    .replace(/<(NextUploadIdMarker|UploadIdMarker)>[0-9A-F]+</g, '<$1>ID<');
}

async function body(method: string, path: string, headers: Record<string, string> = {}, data?: string): Promise<string> {
  const r = await raw(h.endpoint, method, path, { 'Content-Length': String(Buffer.byteLength(data ?? '')), ...headers }, data ?? '');
  expect(r.headers['content-type'] ?? 'application/xml').toBe('application/xml');
  return normalise(r.text);
}

describe('response XML shapes', () => {
  it('bucket documents', async () => {
    await body('PUT', '/shapes', { 'x-oss-acl': 'public-read' }, '<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>');
    expect(await body('GET', '/?prefix=shap&max-keys=5')).toBe(
      `${HEAD}<ListAllMyBucketsResult><Prefix>shap</Prefix><Marker></Marker><MaxKeys>5</MaxKeys><IsTruncated>false</IsTruncated>${OWNER}` +
        '<Buckets><Bucket><CreationDate>TIME</CreationDate><ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint>' +
        '<IntranetEndpoint>oss-cn-hangzhou-internal.aliyuncs.com</IntranetEndpoint><Location>oss-cn-hangzhou</Location>' +
        '<Name>shapes</Name><Region>cn-hangzhou</Region><StorageClass>IA</StorageClass></Bucket></Buckets></ListAllMyBucketsResult>',
    );
    expect(await body('GET', '/shapes/?location')).toBe(`${HEAD}<LocationConstraint>oss-cn-hangzhou</LocationConstraint>`);
    expect(await body('GET', '/shapes/?acl')).toBe(`${HEAD}<AccessControlPolicy>${OWNER}<AccessControlList><Grant>public-read</Grant></AccessControlList></AccessControlPolicy>`);
    expect(await body('GET', '/shapes/?bucketInfo')).toContain(
      '<Location>oss-cn-hangzhou</Location><StorageClass>IA</StorageClass><TransferAcceleration>Disabled</TransferAcceleration>',
    );
    const cors = '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule><ResponseVary>false</ResponseVary></CORSConfiguration>';
    await body('PUT', '/shapes/?cors', {}, cors);
    expect(await body('GET', '/shapes/?cors')).toBe(`${HEAD}${cors}`);
  });

  it('object documents: copy, tagging, ACL, listing v2', async () => {
    await body('PUT', '/shapes/a%20b', { 'x-oss-tagging': 'k=v' }, 'hello');
    const etag = createHash('md5').update('hello').digest('hex').toUpperCase();
    expect(await body('PUT', '/shapes/c', { 'x-oss-copy-source': '/shapes/a%20b' })).toBe(`${HEAD}<CopyObjectResult><ETag>"${etag}"</ETag><LastModified>TIME</LastModified></CopyObjectResult>`);
    expect(await body('GET', '/shapes/a%20b?tagging')).toBe(`${HEAD}<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>`);
    expect(await body('GET', '/shapes/a%20b?acl')).toBe(`${HEAD}<AccessControlPolicy>${OWNER}<AccessControlList><Grant>default</Grant></AccessControlList></AccessControlPolicy>`);
    expect(await body('GET', '/shapes/?list-type=2&max-keys=1&fetch-owner=true&encoding-type=url')).toBe(
      `${HEAD}<ListBucketResult><Name>shapes</Name><Prefix></Prefix><MaxKeys>1</MaxKeys><Delimiter></Delimiter><EncodingType>url</EncodingType>` +
        `<IsTruncated>true</IsTruncated><NextContinuationToken>${Buffer.from('a b').toString('base64url')}</NextContinuationToken><KeyCount>1</KeyCount>` +
        `<Contents><Key>a%20b</Key><LastModified>TIME</LastModified><ETag>"${etag}"</ETag><Type>Normal</Type><Size>5</Size><StorageClass>IA</StorageClass>${OWNER}</Contents>` +
        '</ListBucketResult>',
    );
  });

  it('multipart documents', async () => {
    expect(await body('POST', '/shapes/m%26p?uploads')).toBe(`${HEAD}<InitiateMultipartUploadResult><Bucket>shapes</Bucket><Key>m&amp;p</Key><UploadId>ID</UploadId></InitiateMultipartUploadResult>`);
    const listed = await raw(h.endpoint, 'GET', '/shapes/?uploads');
    const id = /<UploadId>([0-9A-F]+)<\/UploadId>/.exec(listed.text)?.[1] as string;
    expect(normalise(listed.text)).toBe(
      `${HEAD}<ListMultipartUploadsResult><Bucket>shapes</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><NextKeyMarker></NextKeyMarker>` +
        '<NextUploadIdMarker></NextUploadIdMarker><Delimiter></Delimiter><Prefix></Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>' +
        '<Upload><Key>m&amp;p</Key><UploadId>ID</UploadId><StorageClass>IA</StorageClass><Initiated>TIME</Initiated></Upload></ListMultipartUploadsResult>',
    );
    await body('PUT', `/shapes/m%26p?partNumber=1&uploadId=${id}`, {}, 'part');
    const partEtag = createHash('md5').update('part').digest('hex').toUpperCase();
    expect(await body('GET', `/shapes/m%26p?uploadId=${id}`)).toBe(
      `${HEAD}<ListPartsResult><Bucket>shapes</Bucket><Key>m&amp;p</Key><UploadId>ID</UploadId><StorageClass>IA</StorageClass><PartNumberMarker>0</PartNumberMarker>` +
        '<NextPartNumberMarker>1</NextPartNumberMarker><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>' +
        `<Part><PartNumber>1</PartNumber><LastModified>TIME</LastModified><ETag>"${partEtag}"</ETag><HashCrc64ecma>${await crc64Of('part')}</HashCrc64ecma><Size>4</Size></Part></ListPartsResult>`,
    );
    const complete = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"${partEtag}"</ETag></Part></CompleteMultipartUpload>`;
    const md5OfMd5 = createHash('md5').update(Buffer.from(partEtag, 'hex')).digest('hex').toUpperCase();
    expect(await body('POST', `/shapes/m%26p?uploadId=${id}&encoding-type=url`, {}, complete)).toBe(
      `${HEAD}<CompleteMultipartUploadResult><EncodingType>url</EncodingType><Location>http://localhost:${h.port}/shapes/m%26p</Location>` +
        `<Bucket>shapes</Bucket><Key>m%26p</Key><ETag>"${md5OfMd5}-1"</ETag></CompleteMultipartUploadResult>`,
    );
  });
});
