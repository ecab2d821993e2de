/**
 * The plain-language hints main sends with STS refusals when temporary access is granted.
 * In shared/ so the renderer's locale test can check they match the English strings word for word.
 */
/** Plain-language hints for the grant's STS failures (the renderer has the same text in share.json, en + zh-CN). */
export const grantErrorHints = {
  ShareRootAccountKeys:
    "This profile uses your Alibaba Cloud account's own AccessKey pair, and STS never lets those assume a role. Create a RAM user with the AliyunSTSAssumeRoleAccess policy, and share from a profile that uses that RAM user's AccessKey pair.",
  ShareNoAssumeRolePermission:
    'The RAM user of this profile may not assume roles. In the RAM console, grant it the AliyunSTSAssumeRoleAccess policy (or sts:AssumeRole on this role), then try again.',
  ShareRoleNotTrusted:
    "The role does not trust this profile's Alibaba Cloud account. In the RAM console, edit the role's trust policy so that it trusts the account of this RAM user.",
  SharePolicyTooLong: 'The folder path makes the access policy longer than STS allows (2,048 characters). Share a folder with a shorter path.',
  ShareDurationTooLong:
    "The duration is longer than the role allows. Pick a shorter duration, or raise the role's maximum session duration in the RAM console (up to 12 hours).",
  ShareRoleNotFound: "There is no role with this ARN. Copy the ARN from the role's page in the RAM console (Identities > Roles).",
  ShareRoleMissing: 'Enter the ARN of a RAM role that may access this bucket. The RAM user of this profile needs permission to assume it.',
  ShareUnsupportedProfile:
    "Temporary access is made with a RAM user's AccessKey pair. Use a profile of type AccessKey or RAM role to share folders this way.",
  ShareInvalidStsEndpoint: 'Use the STS endpoint https://sts.aliyuncs.com (or your private cloud\'s HTTPS STS address).',
  ShareStsHostNotConfirmed: 'Check the STS address under Advanced. If you or your administrator set it up (a private cloud, for example), try again and choose Trust when OSS Browser asks.',
} as const;
