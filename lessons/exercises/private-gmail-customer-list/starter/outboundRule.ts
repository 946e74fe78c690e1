// Outbound rule on the company's mail gateway.
const PERSONAL_WEBMAIL = new Set(['gmail.com', 'googlemail.com', 'yahoo.co.jp', 'outlook.com', 'icloud.com']);
// The label the customer export writes into every file it produces.
const CUSTOMER_DATA_LABEL = 'Confidential - customer data';

export interface Attachment {
  readonly name: string;
  readonly label?: string;
}

export interface Outgoing {
  readonly recipients: readonly string[]; // To, Cc and Bcc
  readonly attachments: readonly Attachment[];
  readonly autoForwarded: boolean; // sent by a mailbox forwarding rule, not typed by a person
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

// Deliberately vulnerable: forwarded mail is waved through, and customer data
// is recognised by its file name, which the sender chooses.
export function outboundAction(mail: Outgoing, companyDomain: string): 'deliver' | 'block' {
  if (mail.autoForwarded) return 'deliver'; // forwarding rules are the user's own choice
  const customerData = mail.attachments.some((a) => /customer/i.test(a.name));
  if (customerData && mail.recipients.some((r) => PERSONAL_WEBMAIL.has(domainOf(r)))) return 'block';
  return 'deliver';
}
