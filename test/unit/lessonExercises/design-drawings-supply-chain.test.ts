import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctFixes, exerciseFile, importTs, variantSuites } from './exerciseHelpers';

const LESSON = 'design-drawings-supply-chain';
const EXERCISE = 'monitor-every-confidential-read';
const table = variantSuites(LESSON, EXERCISE, 'bulkReads.ts');

interface Event { at: Date; account: string; path: string; action: string; label: string }
type Monitor = (events: Event[], limitPerHour?: number) => Map<string, number>;

const reads = (account: string, label: string, n: number): Event[] => Array.from({ length: n }, (_, i) =>
	({ at: new Date(Date.UTC(2025, 3, 6, 1, i % 60)), account, path: `/design/PX-204/${i}.dwg`, action: 'read', label }));

const EVENTS = [
	...reads('kim@partner-a.example', 'confidential-shared', 201),   // a partner account taking the shared folder
	...reads('eng-2', 'confidential', 300),
	...reads('svc-sync', 'confidential', 400),                        // a service account nobody listed
	...reads('eng-1', 'confidential', 150),
	...reads('svc-backup', 'confidential', 5_000),                    // the nightly backup
	...reads('intern', 'internal', 900),
];
const EXPECTED = ['eng-2', 'kim@partner-a.example', 'svc-sync'];

describe(`${LESSON}: the monitor, imported and run on an hour of events`, () => {
	const paged = async (source: string): Promise<string[]> => {
		const { bulkConfidentialReads } = await importTs<{ bulkConfidentialReads: Monitor }>(source);
		return [...bulkConfidentialReads(EVENTS).keys()].map((key) => key.split(' ')[0] ?? '').sort();
	};

	it('the starter pages only for the engineer', async () => {
		assert.deepEqual(await paged(exerciseFile(LESSON, 'starter', 'bulkReads.ts')), ['eng-2']);
	});

	for (const fix of correctFixes(LESSON, 'bulkReads.ts', table)) {
		it(`${fix.name}: pages for the partner, the engineer and the unlisted service account, not for the backup`, async () => {
			assert.deepEqual(await paged(fix.text), EXPECTED);
		});
	}

	for (const variant of table.wrong) {
		it(`wrong variant ${variant.name}: misses a reader or pages for the backup`, async () => {
			assert.notDeepEqual(await paged(variant.text), EXPECTED);
		});
	}
});
