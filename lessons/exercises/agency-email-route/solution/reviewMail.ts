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

// Domain names are case-insensitive: Insurer-B.example is insurer-b.example.
function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function reviewMail(mail: OutgoingMail, insurerDomains: ReadonlySet<string>): Verdict {
  if (mail.recordOwners.size === 0) return 'send';
  // Every recipient receives the attachment, whichever line they are on.
  for (const address of [...mail.to, ...mail.cc, ...mail.bcc]) {
    const domain = domainOf(address);
    if (insurerDomains.has(domain) && !mail.recordOwners.has(domain)) return 'hold';
    if (insurerDomains.has(domain) && mail.recordOwners.size > 1) return 'hold'; // several owners in one mail
  }
  return 'send';
}
