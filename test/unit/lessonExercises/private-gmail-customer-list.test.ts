import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { exerciseVariantSuite, type Variant } from '../helpers/exerciseVariants';
import { editedVariants, exerciseFile, importTs, outcomes } from './exerciseHelpers';

const LESSON = 'private-gmail-customer-list';
const FILE = 'outboundRule.ts';
const starter = exerciseFile(LESSON, 'starter', FILE);
const solution = exerciseFile(LESSON, 'solution', FILE);

const WAIVER = '  if (mail.autoForwarded) return \'deliver\'; // forwarding rules are the user\'s own choice\n';
const BY_NAME = 'const customerData = mail.attachments.some((a) => /customer/i.test(a.name));';
const BY_LABEL = 'const customerData = mail.attachments.some((a) => a.label === CUSTOMER_DATA_LABEL);';

const variant = editedVariants(FILE, starter);

const right: Variant[] = [
	variant('an isExternal helper, label only',
		[WAIVER, '  const isExternal = (address: string): boolean => domainOf(address) !== companyDomain;\n'
			+ '  if (mail.autoForwarded && mail.recipients.some(isExternal)) {\n    return \'block\';\n  }\n'],
		[BY_NAME, BY_LABEL]),
	variant('an early block for forwarded mail, label matched by prefix, destructured',
		[WAIVER, '  if (mail.autoForwarded) {\n    const outside = mail.recipients.filter((r) => companyDomain !== domainOf(r));\n'
			+ '    if (outside.length > 0) return \'block\';\n  }\n'],
		[BY_NAME, 'const customerData = mail.attachments.some(({ label, name }) => (label ?? \'\').startsWith(\'Confidential\') || /customer/i.test(name));']),
];

const wrong: Variant[] = [
	variant('the waiver removed, so forwarded mail is judged like typed mail',
		[WAIVER, ''], [BY_NAME, BY_LABEL]),
	variant('forwarded mail blocked only when it goes to webmail',
		[WAIVER, '  if (mail.autoForwarded && mail.recipients.some((r) => PERSONAL_WEBMAIL.has(domainOf(r)))) return \'block\';\n'],
		[BY_NAME, BY_LABEL]),
	variant('forwarding fixed, the label left as a TODO',
		[WAIVER, '  if (mail.autoForwarded && mail.recipients.some((r) => domainOf(r) !== companyDomain)) return \'block\';\n'],
		[BY_NAME, `${BY_NAME} // TODO: a.label === CUSTOMER_DATA_LABEL`]),
	variant('the label recognised, the waiver kept below it',
		[WAIVER, ''],
		[BY_NAME, `${BY_LABEL}\n  if (mail.autoForwarded) return 'deliver';\n  if (mail.recipients.every((r) => domainOf(r) === companyDomain)) return 'deliver';`]),
];

for (const language of ['en', 'ja']) {
	exerciseVariantSuite(`lessons/${language}/${LESSON}.md`, 'block-forward-and-labelled-lists', { right, wrong });
}

interface Mail { recipients: string[]; attachments: { name: string; label?: string }[]; autoForwarded: boolean }
type Rule = (mail: Mail, companyDomain: string) => 'deliver' | 'block';
const LABEL = 'Confidential - customer data';
const CASES: readonly [string, Mail, 'deliver' | 'block'][] = [
	['a forwarded mail to Gmail', { recipients: ['me@gmail.com'], attachments: [], autoForwarded: true }, 'block'],
	['a forwarded mail to a private domain', { recipients: ['me@home.example'], attachments: [], autoForwarded: true }, 'block'],
	['a forwarded mail to a colleague', { recipients: ['boss@corp.example'], attachments: [], autoForwarded: true }, 'deliver'],
	['a labelled list renamed proposal.xlsx, to Gmail', { recipients: ['Me@GMAIL.com'], attachments: [{ name: 'proposal.xlsx', label: LABEL }], autoForwarded: false }, 'block'],
	['a labelled list to a colleague', { recipients: ['boss@corp.example'], attachments: [{ name: 'customers.xlsx', label: LABEL }], autoForwarded: false }, 'deliver'],
	['a holiday photo to Gmail', { recipients: ['me@gmail.com'], attachments: [{ name: 'beach.jpg' }], autoForwarded: false }, 'deliver'],
];

async function failures(text: string): Promise<string[]> {
	const { outboundAction } = await importTs<{ outboundAction: Rule }>(text);
	return CASES.filter(([, mail, expected]) => outboundAction(mail, 'corp.example') !== expected).map(([name]) => name);
}

describe(`${LESSON}: the outbound rules behave as the variant table says`, () => {
	let results = new Map<string, string[]>();
	before(async () => {
		results = await outcomes(FILE, starter, solution, [...right, ...wrong], failures);
	});
	it('the starter delivers the forwarded mails and the renamed list', () => {
		assert.deepEqual(results.get('starter'), ['a forwarded mail to Gmail', 'a forwarded mail to a private domain', 'a labelled list renamed proposal.xlsx, to Gmail']);
	});
	it('the reference solution gives every case its verdict', () => assert.deepEqual(results.get('solution'), []));
	for (const { name } of right) {
		it(`${name}: gives every case its verdict`, () => assert.deepEqual(results.get(name), []));
	}
	for (const { name } of wrong) {
		it(`${name}: really lets customer data or a forwarded mailbox out`, () => assert.notDeepEqual(results.get(name), []));
	}
});
