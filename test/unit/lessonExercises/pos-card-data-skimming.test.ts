import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctFixes, exerciseFile, importTs, variantSuites } from './exerciseHelpers';

const LESSON = 'pos-card-data-skimming';
const EXERCISE = 'card-data-out-of-logs';
const table = variantSuites(LESSON, EXERCISE, 'paymentLog.ts');

type LogLine = (auth: Record<string, unknown>) => string;

const PAN = '4539578763621486';
const AUTH = { orderId: 'ord-xy', pan: PAN, expiry: '12/29', token: 'tok_live_q', brand: 'visa', approved: true };

/** What of the card the line gives away: its expiry date, or any of its digits beyond the last four. */
function leaks(line: string): string[] {
	const found: string[] = [];
	if (line.includes(AUTH.expiry)) {
		found.push('expiry');
	}
	const digits = line.replace(/\D/g, '');
	if (digits.includes(PAN.slice(0, 4)) || digits.includes(PAN.slice(4, 12))) {
		found.push('card digits');
	}
	return found;
}

describe(`${LESSON}: the log line, imported and called`, () => {
	const run = async (source: string): Promise<string> =>
		(await importTs<{ authorizationLogLine: LogLine }>(source)).authorizationLogLine(AUTH);

	it('the starter logs the card number and the expiry date', async () => {
		assert.deepEqual(leaks(await run(exerciseFile(LESSON, 'starter', 'paymentLog.ts'))), ['expiry', 'card digits']);
	});

	for (const fix of correctFixes(LESSON, 'paymentLog.ts', table)) {
		it(`${fix.name}: names the order and gives away nothing of the card`, async () => {
			const line = await run(fix.text);
			assert.match(line, /ord-xy/);
			assert.deepEqual(leaks(line), []);
		});
	}

	for (const variant of table.wrong) {
		it(`wrong variant ${variant.name}: still gives something away`, async () => {
			assert.notDeepEqual(leaks(await run(variant.text)), []);
		});
	}
});
