/**
 * The public OSS regions shipped with the app, so a profile can be set up offline. Each
 * region has a public, an internal (same-region VPC/ECS) and the global accelerate
 * endpoint. OSS's DescribeRegions can refresh this list where it is reachable.
 */

export interface RegionInfo {
  /** OSS region ID as ali-oss and V4 signing use it, e.g. 'oss-cn-hangzhou'. */
  id: string;
  name: { en: string; 'zh-CN': string };
  publicEndpoint: string;
  internalEndpoint: string;
  accelerateEndpoint: string;
}

const ACCELERATE = 'oss-accelerate.aliyuncs.com';

function region(id: string, en: string, zh: string): RegionInfo {
  return {
    id,
    name: { en, 'zh-CN': zh },
    publicEndpoint: `${id}.aliyuncs.com`,
    internalEndpoint: `${id}-internal.aliyuncs.com`,
    accelerateEndpoint: ACCELERATE,
  };
}

/** Shipped table of public OSS regions (mainland China, Hong Kong and overseas). */
export const REGIONS: readonly RegionInfo[] = [
  region('oss-cn-hangzhou', 'China (Hangzhou)', '华东1（杭州）'),
  region('oss-cn-shanghai', 'China (Shanghai)', '华东2（上海）'),
  region('oss-cn-nanjing', 'China (Nanjing - Local Region)', '华东5（南京-本地地域）'),
  region('oss-cn-fuzhou', 'China (Fuzhou - Local Region)', '华东6（福州-本地地域）'),
  region('oss-cn-wuhan-lr', 'China (Wuhan - Local Region)', '华中1（武汉-本地地域）'),
  region('oss-cn-qingdao', 'China (Qingdao)', '华北1（青岛）'),
  region('oss-cn-beijing', 'China (Beijing)', '华北2（北京）'),
  region('oss-cn-zhangjiakou', 'China (Zhangjiakou)', '华北3（张家口）'),
  region('oss-cn-huhehaote', 'China (Hohhot)', '华北5（呼和浩特）'),
  region('oss-cn-wulanchabu', 'China (Ulanqab)', '华北6（乌兰察布）'),
  region('oss-cn-shenzhen', 'China (Shenzhen)', '华南1（深圳）'),
  region('oss-cn-heyuan', 'China (Heyuan)', '华南2（河源）'),
  region('oss-cn-guangzhou', 'China (Guangzhou)', '华南3（广州）'),
  region('oss-cn-chengdu', 'China (Chengdu)', '西南1（成都）'),
  region('oss-cn-hongkong', 'China (Hong Kong)', '中国香港'),
  region('oss-ap-northeast-1', 'Japan (Tokyo)', '日本（东京）'),
  region('oss-ap-northeast-2', 'South Korea (Seoul)', '韩国（首尔）'),
  region('oss-ap-southeast-1', 'Singapore', '新加坡'),
  region('oss-ap-southeast-3', 'Malaysia (Kuala Lumpur)', '马来西亚（吉隆坡）'),
  region('oss-ap-southeast-5', 'Indonesia (Jakarta)', '印度尼西亚（雅加达）'),
  region('oss-ap-southeast-6', 'Philippines (Manila)', '菲律宾（马尼拉）'),
  region('oss-ap-southeast-7', 'Thailand (Bangkok)', '泰国（曼谷）'),
  region('oss-eu-central-1', 'Germany (Frankfurt)', '德国（法兰克福）'),
  region('oss-eu-west-1', 'UK (London)', '英国（伦敦）'),
  region('oss-us-west-1', 'US (Silicon Valley)', '美国（硅谷）'),
  region('oss-us-east-1', 'US (Virginia)', '美国（弗吉尼亚）'),
  region('oss-me-east-1', 'UAE (Dubai)', '阿联酋（迪拜）'),
  region('oss-me-central-1', 'Saudi Arabia (Riyadh)', '沙特（利雅得）'),
];

/** The region a new profile starts with. */
export const DEFAULT_REGION = 'oss-cn-hangzhou';

/** Region IDs are written 'oss-cn-hangzhou'; users often type 'cn-hangzhou'. */
export function normalizeRegionId(input: string): string {
  const id = input.trim().toLowerCase();
  return id.startsWith('oss-') ? id : `oss-${id}`;
}

/** The shipped entry for a region, or undefined for one the table does not know. */
export function findRegion(id: string): RegionInfo | undefined {
  const wanted = normalizeRegionId(id);
  return REGIONS.find((r) => r.id === wanted);
}

/**
 * The region an OSS host names: 'oss-cn-beijing.aliyuncs.com' and
 * 'oss-cn-beijing-internal.aliyuncs.com' are both 'oss-cn-beijing'.
 */
export function regionFromHost(host: string): string | undefined {
  const m = /^(?:[^.]+\.)?(oss-[a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/i.exec(host.trim());
  if (!m || !m[1] || m[1].startsWith('oss-accelerate')) return undefined;
  return m[1].toLowerCase();
}
