import { ipLiteralOf, judgeAddress } from '../infrastructure/http/ssrf-guard.js';
import { WebhookUrlRejectedError } from './webhooks.errors.js';

export interface WebhookUrlRules {
  production: boolean;
  allowPrivateNetworks: boolean;
}

/**
 * The rules a webhook URL must pass when it is stored: https (http too outside production), no
 * credentials in it, and no IP literal in a private range. Names are checked at each delivery,
 * after resolution (the SSRF guard), since what a name resolves to changes.
 */
export function assertWebhookUrl(raw: string, rules: WebhookUrlRules, field = 'url'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlRejectedError(field, 'must be an absolute URL');
  }
  const schemes = rules.production ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol))
    throw new WebhookUrlRejectedError(field, rules.production ? 'must be an https URL' : 'must be an http(s) URL');
  if (url.username || url.password) throw new WebhookUrlRejectedError(field, 'must not carry a user name or password');
  if (raw.length > 2000) throw new WebhookUrlRejectedError(field, 'must be at most 2000 characters');
  const literal = ipLiteralOf(url);
  if (literal && !rules.allowPrivateNetworks) {
    const verdict = judgeAddress(literal);
    if (!verdict.allowed) throw new WebhookUrlRejectedError(field, `must not point at a ${verdict.range} address`);
  }
  // Stored as given (not re-serialized), so the primary endpoint's URL and `webhook_url` stay equal.
  return raw;
}
