/**
 * The one spelling of an email address the service stores and compares: users, invitations and
 * the pending-membership lock all key on it, so every module normalizes the same way.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
