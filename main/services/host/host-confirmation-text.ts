/**
 * The words of main's own "trust this address?" dialog (DesktopHost.confirmHost), in English
 * and Simplified Chinese. The page shows its own explanation first; this dialog is the one
 * script in the page cannot answer, so it must name the host and say what goes there.
 */
import type { HostConfirmation } from './desktop-host';

export interface HostConfirmationText {
  title: string;
  message: string;
  detail: string;
  cancel: string;
  trust: string;
}

/** Chinese for zh* locales (zh-CN, zh-Hans…), English otherwise. */
export function hostConfirmationText({ host, insecure, purpose }: HostConfirmation, locale: string): HostConfirmationText {
  if (/^zh/i.test(locale)) {
    return {
      title: '信任此地址？',
      message:
        purpose === 'access-code'
          ? `此访问码会让 OSS Browser 连接到 ${host}，它不是阿里云的地址。`
          : purpose === 'oss-endpoint'
            ? `OSS Browser 将把此配置的 OSS 请求（带有您的 AccessKey ID 和签名）发送到 ${host}，它不是阿里云的地址。`
            : `OSS Browser 将把您的登录请求发送到 ${host}，它不是阿里云的地址。`,
      detail: `${insecure ? (purpose === 'oss-endpoint' ? '它使用明文 HTTP：网络上的任何人都能读取这些请求和文件。\n\n' : '它使用明文 HTTP：网络上的任何人都能读取它返回的凭证。\n\n') : ''}只有在您（或您的管理员）配置了它时才信任它。`,
      cancel: '取消',
      trust: `信任 ${host}`,
    };
  }
  return {
    title: 'Trust this address?',
    message:
      purpose === 'access-code'
        ? `This access code makes OSS Browser connect to ${host}, which is not an Alibaba Cloud address.`
        : purpose === 'oss-endpoint'
          ? `OSS Browser would send this profile's OSS requests (with your AccessKey ID and a signature) to ${host}, which is not an Alibaba Cloud address.`
          : `OSS Browser would send your sign-in request to ${host}, which is not an Alibaba Cloud address.`,
    detail: `${insecure ? (purpose === 'oss-endpoint' ? 'It uses plain HTTP: anyone on the network could read the requests and your files.\n\n' : 'It uses plain HTTP: anyone on the network could read the credentials it returns.\n\n') : ''}Trust it only if you (or your administrator) set it up.`,
    cancel: 'Cancel',
    trust: `Trust ${host}`,
  };
}
