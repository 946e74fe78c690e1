// Mail gateway check for a multi-insurer agency: hold a mail whose attached customer
// records reach an insurer that does not own them.
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  /** Insurer domains that own the attached customer records (empty: no customer records). */
  readonly recordOwners: ReadonlySet<string>;
}

export type Verdict = 'send' | 'hold';

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

// Deliberately vulnerable: only the To line is checked, and domains are compared as typed.
export function reviewMail(mail: OutgoingMail, insurerDomains: ReadonlySet<string>): Verdict {
  if (mail.recordOwners.size === 0) return 'send';
  for (const address of mail.to) {
    const domain = domainOf(address);
    if (insurerDomains.has(domain) && !mail.recordOwners.has(domain)) return 'hold';
    if (insurerDomains.has(domain) && mail.recordOwners.size > 1) return 'hold'; // several owners in one mail
  }
  return 'send';
}
