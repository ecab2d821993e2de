/**
 * The words of main's own "trust this address?" dialog (DesktopHost.confirmHost), in English
 * and Simplified Chinese. It is the one confirmation of a new host: the page asks nothing of
 * its own, since script in the page could answer that. So it names the host, says what goes
 * there, warns about plain HTTP, and speaks the app's UI language (request.language, which
 * main learns from the page through desktop:set-language), the OS locale until the page said.
 */
import type { HostConfirmation } from './desktop-host';

export interface HostConfirmationText {
  title: string;
  message: string;
  detail: string;
  cancel: string;
  trust: string;
}

/** Chinese for zh* languages (zh-CN, zh-Hans…), English otherwise; `osLocale` counts only when the request has no language. */
export function hostConfirmationText({ host, insecure, purpose, language }: HostConfirmation, osLocale: string): HostConfirmationText {
  // An access code's endpoint and a profile's endpoint both receive signed OSS requests and files.
  const oss = purpose === 'oss-endpoint' || purpose === 'access-code';
  if (/^zh/i.test(language ?? osLocale)) {
    return {
      title: '信任此地址？',
      message:
        purpose === 'access-code'
          ? `此访问码会让 OSS Browser 连接到 ${host}，它不是阿里云的地址。`
          : purpose === 'oss-endpoint'
            ? `OSS Browser 将把此配置的 OSS 请求（带有您的 AccessKey ID 和签名）发送到 ${host}，它不是阿里云的地址。`
            : `OSS Browser 将把您的登录请求发送到 ${host}，它不是阿里云的地址。`,
      detail: `${insecure ? (oss ? '它使用明文 HTTP：网络上的任何人都能读取这些请求和文件。\n\n' : '它使用明文 HTTP：网络上的任何人都能读取它返回的凭证。\n\n') : ''}${
        purpose === 'access-code' ? '只有在您信任提供此访问码的人时才信任它。' : '只有在您（或您的管理员）配置了它时才信任它。'
      }`,
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
    detail: `${insecure ? (oss ? 'It uses plain HTTP: anyone on the network could read the requests and your files.\n\n' : 'It uses plain HTTP: anyone on the network could read the credentials it returns.\n\n') : ''}${
      purpose === 'access-code' ? 'Trust it only if you trust the person who gave you the code.' : 'Trust it only if you (or your administrator) set it up.'
    }`,
    cancel: 'Cancel',
    trust: `Trust ${host}`,
  };
}
