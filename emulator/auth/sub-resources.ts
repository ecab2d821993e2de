/**
 * Query parameters that OSS includes in the V1 CanonicalizedResource (the "signed
 * sub-resources"). Any other parameter (prefix, marker, max-keys, list-type, …) is not
 * signed in V1, which is why ali-oss passes those as `query` and these as `subres`.
 * Same list as the official SDKs (Go/Java) use.
 */
export const SIGNED_SUB_RESOURCES: ReadonlySet<string> = new Set([
  'acl', 'uploads', 'location', 'cors', 'logging', 'website', 'referer', 'lifecycle',
  'delete', 'append', 'tagging', 'objectMeta', 'uploadId', 'partNumber', 'security-token',
  'position', 'img', 'style', 'styleName', 'replication', 'replicationProgress',
  'replicationLocation', 'cname', 'bucketInfo', 'comp', 'qos', 'live', 'status', 'vod',
  'startTime', 'endTime', 'symlink', 'x-oss-process', 'response-content-type',
  'x-oss-traffic-limit', 'response-content-language', 'response-expires',
  'response-cache-control', 'response-content-disposition', 'response-content-encoding',
  'udf', 'udfName', 'udfImage', 'udfId', 'udfImageDesc', 'udfApplication',
  'udfApplicationLog', 'restore', 'callback', 'callback-var', 'qosInfo', 'policy', 'stat',
  'encryption', 'versions', 'versioning', 'versionId', 'requestPayment',
  'x-oss-request-payer', 'sequential', 'inventory', 'inventoryId', 'continuation-token',
  'asyncFetch', 'worm', 'wormId', 'wormExtend', 'withHashContext', 'x-oss-enable-md5',
  'x-oss-enable-sha1', 'x-oss-enable-sha256', 'x-oss-hash-ctx', 'x-oss-md5-ctx',
  'transferAcceleration', 'regionList', 'cloudboxes', 'x-oss-ac-source-ip',
  'x-oss-ac-subnet-mask', 'x-oss-ac-vpc-id', 'x-oss-ac-forward-allow', 'metaQuery',
  'resourceGroup', 'rtc', 'x-oss-async-process', 'responseHeader',
]);
