import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { exerciseVariantSuite, type Variant } from '../helpers/exerciseVariants';
import { edit, exerciseFile, importTs, outcomes } from './exerciseHelpers';

const LESSON = 'leaver-usb-customer-db';
const FILE = 'onNoticeGiven.ts';
const starter = exerciseFile(LESSON, 'starter', FILE);
const solution = exerciseFile(LESSON, 'solution', FILE);

const BODY = '  await dir.scheduleDisable(employeeId, lastDay);\n}';

function variant(name: string, body: string, before = ''): Variant {
	const text = edit(starter, BODY, `${body}\n}`);
	return { name, files: { [FILE]: before ? edit(text, '// Called when HR', `${before}\n\n// Called when HR`) : text } };
}

const right: Variant[] = [
	variant('all three steps at once with Promise.all',
		'  await Promise.all([\n    dir.scheduleDisable(employeeId, lastDay),\n    dir.revoke(employeeId, BULK_EXPORT),\n    dir.watchLeaver(employeeId, lastDay),\n  ]);'),
	variant('the revocations in a helper, over a list of bulk permissions',
		'  await reduceToHandover(dir, employeeId);\n  await dir.watchLeaver(employeeId, lastDay);\n  await dir.scheduleDisable(employeeId, lastDay);',
		'async function reduceToHandover(dir: Directory, employeeId: string): Promise<void> {\n'
			+ '  for (const permission of [BULK_EXPORT]) {\n    await dir.revoke(employeeId, permission);\n  }\n}'),
];

const wrong: Variant[] = [
	variant('everything disabled on the day of notice',
		'  await dir.disableAll(employeeId);\n  await dir.watchLeaver(employeeId, lastDay);\n  await dir.scheduleDisable(employeeId, lastDay);'),
	variant('the revocation left in a comment for the last day',
		'  await dir.watchLeaver(employeeId, lastDay);\n  // on lastDay: await dir.revoke(employeeId, BULK_EXPORT);\n  await dir.scheduleDisable(employeeId, lastDay);'),
	variant('export revoked and watched, the disable at the end dropped',
		'  await dir.revoke(employeeId, BULK_EXPORT);\n  await dir.watchLeaver(employeeId, lastDay);'),
	variant('export revoked, but nobody watches the notice period',
		'  await dir.revoke(employeeId, BULK_EXPORT);\n  await dir.scheduleDisable(employeeId, lastDay);'),
	variant('the everyday read permission revoked instead of the bulk export',
		'  await dir.revoke(employeeId, \'customers:read\');\n  await dir.watchLeaver(employeeId, lastDay);\n  await dir.scheduleDisable(employeeId, lastDay);'),
];

for (const language of ['en', 'ja']) {
	exerciseVariantSuite(`lessons/${language}/${LESSON}.md`, 'reduce-access-at-notice', { right, wrong });
}

type OnNotice = (dir: unknown, employeeId: string, lastDay: string) => Promise<void>;

/** What the leaver process did to a fake directory, as sorted call descriptions. */
async function calls(text: string): Promise<string[]> {
	const { onNoticeGiven } = await importTs<{ onNoticeGiven: OnNotice }>(text);
	const seen: string[] = [];
	const record = (method: string) => (...args: string[]): Promise<void> => {
		seen.push(`${method}(${args.join(', ')})`);
		return Promise.resolve();
	};
	await onNoticeGiven({ revoke: record('revoke'), disableAll: record('disableAll'), scheduleDisable: record('scheduleDisable'), watchLeaver: record('watchLeaver') }, 'e42', '2026-12-31');
	return seen.sort();
}

const EXPECTED = ['revoke(e42, customers:export)', 'scheduleDisable(e42, 2026-12-31)', 'watchLeaver(e42, 2026-12-31)'];

describe(`${LESSON}: the leaver processes do what the variant table says`, () => {
	let results = new Map<string, string[]>();
	before(async () => {
		results = await outcomes(FILE, starter, solution, [...right, ...wrong], calls);
	});
	it('the starter only schedules the disable', () => assert.deepEqual(results.get('starter'), ['scheduleDisable(e42, 2026-12-31)']));
	it('the reference solution revokes the bulk export, watches, and schedules the disable', () => {
		assert.deepEqual(results.get('solution'), EXPECTED);
	});
	for (const { name } of right) {
		it(`${name}: does the same`, () => assert.deepEqual(results.get(name), EXPECTED));
	}
	for (const { name } of wrong) {
		it(`${name}: really does something else`, () => assert.notDeepEqual(results.get(name), EXPECTED));
	}
});
