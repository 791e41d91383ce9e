import type { RateLimitSettings } from '../../server/plugins/rate-limits.ts';

/** Tests and harnesses send far faster than phones and staff do; rate limits have their own tests. */
export const unlimited: RateLimitSettings = {
  perDevicePerMinute: 1_000_000,
  perLinkPerMinute: 1_000_000,
  logInsPerIpPer15Minutes: 1_000_000,
  staffPerIpPerMinute: 1_000_000,
};
