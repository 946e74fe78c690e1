import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { exerciseVariantSuite, type Variant } from '../helpers/exerciseVariants';
import { editedVariants, exerciseFile, importTs, outcomes } from './exerciseHelpers';

const LESSON = 'agency-email-route';
const FILE = 'reviewMail.ts';
const starter = exerciseFile(LESSON, 'starter', FILE);
const solution = exerciseFile(LESSON, 'solution', FILE);

const STARTER_LOOP = 'for (const address of mail.to) {\n    const domain = domainOf(address);';
const STARTER_DOMAIN = 'return address.slice(address.lastIndexOf(\'@\') + 1);';

const variant = editedVariants(FILE, starter);

const right: Variant[] = [
	variant('loop over the three recipient lines, lowercase where the domain is taken',
		[STARTER_LOOP, 'for (const line of [mail.to, mail.cc, mail.bcc]) for (const address of line) {\n    const domain = address.split(\'@\').pop()?.toLowerCase() ?? \'\';']),
	variant('a helper that lists every recipient in lower case',
		[STARTER_LOOP, 'for (const address of everyRecipient(mail)) {\n    const domain = domainOf(address);'],
		['export function reviewMail', 'const everyRecipient = (m: OutgoingMail): string[] =>\n  m.to.concat(m.cc, m.bcc).map((a) => a.toLowerCase());\n\nexport function reviewMail']),
	variant('destructured lines, domains lowered at each lookup',
		[STARTER_LOOP, 'const { to, cc, bcc } = mail;\n  for (const address of [...to, ...cc, ...bcc]) {\n    const domain = domainOf(address);'],
		['insurerDomains.has(domain) && !mail.recordOwners.has(domain)', 'insurerDomains.has(domain.toLowerCase()) && !mail.recordOwners.has(domain.toLowerCase())'],
		['insurerDomains.has(domain) && mail.recordOwners.size', 'insurerDomains.has(domain.toLowerCase()) && mail.recordOwners.size']),
];

const wrong: Variant[] = [
	variant('Cc added, Bcc forgotten',
		[STARTER_LOOP, 'for (const address of [...mail.to, ...mail.cc]) {\n    const domain = domainOf(address);'],
		[STARTER_DOMAIN, 'return address.slice(address.lastIndexOf(\'@\') + 1).toLowerCase();']),
	variant('the other lines left as a TODO comment',
		[STARTER_LOOP, '// TODO: also check mail.cc and mail.bcc\n  for (const address of mail.to) {\n    const domain = domainOf(address);'],
		[STARTER_DOMAIN, 'return address.slice(address.lastIndexOf(\'@\') + 1).toLowerCase();']),
	variant('every line checked, but only the owner lookup lowercased',
		[STARTER_LOOP, 'for (const address of [...mail.to, ...mail.cc, ...mail.bcc]) {\n    const domain = domainOf(address);'],
		['!mail.recordOwners.has(domain)', '!mail.recordOwners.has(domain.toLowerCase())']),
	variant('every line checked, lowercasing left in a comment',
		[STARTER_LOOP, 'for (const address of [...mail.to, ...mail.cc, ...mail.bcc]) {\n    const domain = domainOf(address); // .toLowerCase() if needed'],
	),
];

for (const language of ['en', 'ja']) {
	exerciseVariantSuite(`lessons/${language}/${LESSON}.md`, 'check-every-recipient', { right, wrong });
}

type Review = (mail: { to: string[]; cc: string[]; bcc: string[]; recordOwners: Set<string> }, insurers: Set<string>) => 'send' | 'hold';
const INSURERS = new Set(['insurer-a.example', 'insurer-b.example', 'insurer-c.example']);
const A = new Set(['insurer-a.example']);
const mail = (to: string[], cc: string[] = [], bcc: string[] = [], owners = A) => ({ to, cc, bcc, recordOwners: owners });
/** Each case: a mail and the verdict a correct gateway gives it. */
const CASES: readonly [string, ReturnType<typeof mail>, 'send' | 'hold'][] = [
	['A\'s list to A and the agency', mail(['tanaka@insurer-a.example'], ['branch@agency.example']), 'send'],
	['a mail without customer records to B', mail(['x@insurer-b.example'], [], [], new Set()), 'send'],
	['A\'s list with B in Cc', mail(['tanaka@insurer-a.example'], ['sato@insurer-b.example']), 'hold'],
	['A\'s list with C in Bcc', mail(['tanaka@insurer-a.example'], [], ['kato@insurer-c.example']), 'hold'],
	['A\'s list to B written in capitals', mail(['Sato@Insurer-B.example']), 'hold'],
	['a list of A\'s and B\'s customers to A', mail(['tanaka@insurer-a.example'], [], [], new Set(['insurer-a.example', 'insurer-b.example'])), 'hold'],
];

async function failures(text: string): Promise<string[]> {
	const { reviewMail } = await importTs<{ reviewMail: Review }>(text);
	return CASES.filter(([, input, expected]) => reviewMail(input, INSURERS) !== expected).map(([name]) => name);
}

describe(`${LESSON}: the gateway checks behave as the variant table says`, () => {
	let results = new Map<string, string[]>();
	before(async () => {
		results = await outcomes(FILE, starter, solution, [...right, ...wrong], failures);
	});
	it('the starter sends the Cc, Bcc and capitalised cases', () => {
		assert.deepEqual(results.get('starter'), ['A\'s list with B in Cc', 'A\'s list with C in Bcc', 'A\'s list to B written in capitals']);
	});
	it('the reference solution gives every case its verdict', () => {
		assert.deepEqual(results.get('solution'), []);
	});
	for (const { name } of right) {
		it(`${name}: gives every case its verdict`, () => assert.deepEqual(results.get(name), []));
	}
	for (const { name } of wrong) {
		it(`${name}: really lets a rival's staff receive the list`, () => assert.notDeepEqual(results.get(name), []));
	}
});
