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

export function outboundAction(mail: Outgoing, companyDomain: string): 'deliver' | 'block' {
  const external = mail.recipients.some((r) => domainOf(r) !== companyDomain.toLowerCase());
  // A forwarding rule copies every mail, whatever it carries: none may leave the company.
  if (mail.autoForwarded && external) return 'block';
  // The export's label survives a renamed file; the file name is only a fallback.
  const customerData = mail.attachments.some((a) => a.label === CUSTOMER_DATA_LABEL || /customer/i.test(a.name));
  if (customerData && mail.recipients.some((r) => PERSONAL_WEBMAIL.has(domainOf(r)))) return 'block';
  return 'deliver';
}
