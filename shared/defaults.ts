/**
 * Defaults more than one layer must agree on (shared schemas, main's credential sources and
 * preview links, the renderer's forms): named once here so they cannot drift apart.
 */

/** RoleSessionName sent to STS AssumeRole when the user gives none (it shows in ActionTrail). */
export const DEFAULT_ROLE_SESSION_NAME = 'oss-browser';

/** STS session length in seconds: RAM allows 900 up to the role's maximum (at most 43,200). */
export const ROLE_SESSION_SECONDS = { default: 3600, min: 900, max: 43_200 } as const;

/** Lifetime of a loopback preview link in seconds. */
export const PREVIEW_LINK_SECONDS = { default: 900, min: 60, max: 3600 } as const;
