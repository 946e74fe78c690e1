// Learning records from the real extension host to a real LRS (Learning Locker's xapi-statements, in memory on
// 127.0.0.1, started here; see test/unit/helpers/lrs.ts): off by default and never on from a workspace's settings,
// on from the user's settings with credentials in SecretStorage, answers and a pass read back by agent, and an
// outage survived with nothing lost. Named to run before workspaceFiles.test.ts: that suite puts a FIFO in the
// workspace, and a server thread that opens it blocks, which can stall the settings writes this suite needs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startLrs, type RunningLrs } from '../unit/helpers/lrs';
import { correctAnswer, eventually, extensionApi as api, resetAllProgress, testingApi, wrongAnswer } from './helpers';

const CREDENTIALS = 'host-key:host-secret';
const AUTHORIZATION = `Basic ${Buffer.from(CREDENTIALS).toString('base64')}`;
const HOME = 'https://sso.example.com';
const LEARNER = { objectType: 'Agent', account: { homePage: HOME, name: 'Host Learner' } };
const ASSIGNED = 'private-gmail-customer-list'; // assigned by the test workspace's assignments file

const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('incidentLessons');

async function quizIds(lessonId: string): Promise<string[]> {
	const lesson = (await (await api()).listLessons()).find((l) => l.id === lessonId);
	assert.ok(lesson, lessonId);
	return [...lesson.quizIds];
}

suite('Learning records to an LRS (xAPI)', function () {
	this.timeout(60_000);
	let lrs: RunningLrs;

	suiteSetup(async function () {
		this.timeout(300_000); // the first run installs the LRS into .vscode-test/lrs/
		lrs = await startLrs(AUTHORIZATION);
		await resetAllProgress();
	});

	suiteTeardown(async () => {
		for (const key of ['lrs.endpoint', 'lrs.homePage', 'lrs.accountName']) {
			await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
		}
		await (await testingApi()).setLrsCredentials('');
		await resetAllProgress();
		await lrs?.stop();
	});

	test('off by default, and a workspace\'s settings cannot turn it on: an answer queues and sends nothing', async () => {
		const testing = await testingApi();
		await settings().update('lrs.endpoint', lrs.endpoint, vscode.ConfigurationTarget.Workspace);
		await settings().update('lrs.homePage', HOME, vscode.ConfigurationTarget.Workspace);
		try {
			const [first = ''] = await quizIds(ASSIGNED);
			await (await api()).answer(ASSIGNED, first, await correctAnswer(ASSIGNED, first));
			assert.equal(await testing.sendLearningRecords(), undefined);
			assert.equal(testing.lrsStatusBarText(), '');
			assert.deepEqual(await lrs.statementsFor({ objectType: 'Agent', account: { homePage: HOME, name: 'Host Learner' } }), []);
		} finally {
			await settings().update('lrs.endpoint', undefined, vscode.ConfigurationTarget.Workspace);
			await settings().update('lrs.homePage', undefined, vscode.ConfigurationTarget.Workspace);
			await resetAllProgress();
		}
	});

	test('on from user settings: answers, pass and completion reach the LRS, in the assignment\'s registration', async () => {
		const testing = await testingApi();
		await settings().update('lrs.endpoint', lrs.endpoint, vscode.ConfigurationTarget.Global);
		await settings().update('lrs.homePage', HOME, vscode.ConfigurationTarget.Global);
		await settings().update('lrs.accountName', 'Host Learner', vscode.ConfigurationTarget.Global);
		const waiting = await eventually(() => testing.sendLearningRecords(), (r) => r?.problem !== undefined, `no credentials yet (${JSON.stringify(settings().inspect('lrs.endpoint'))})`);
		assert.match(waiting?.problem ?? '', /credentials/i);
		await testing.setLrsCredentials(CREDENTIALS);

		const ids = await quizIds(ASSIGNED);
		for (const quizId of ids) {
			await (await api()).answer(ASSIGNED, quizId, await correctAnswer(ASSIGNED, quizId));
		}
		await eventually(() => testing.sendLearningRecords(), (r) => r?.pending === 0, 'everything sent');
		const stored = await lrs.statementsFor(LEARNER) as unknown as { verb: { id: string }; context: { registration?: string; language: string }; result: { score?: { scaled: number } } }[];
		const verbs = stored.map((s) => s.verb.id.replace(/.*\//, ''));
		assert.equal(verbs.filter((v) => v === 'answered').length, ids.length);
		assert.deepEqual(verbs.filter((v) => v !== 'answered').sort(), ['completed', 'passed']);
		assert.ok(stored.every((s) => typeof s.context.registration === 'string' && s.context.language === 'en'));
		assert.equal(stored.find((s) => s.verb.id.endsWith('/passed'))?.result.score?.scaled, 1);
		assert.equal(testing.lrsStatusBarText(), '');
	});

	test('the LRS down: the answer waits on disk, the status bar says so, and it is sent when the LRS is back', async () => {
		const testing = await testingApi();
		const before = (await lrs.statementsFor(LEARNER)).length;
		await lrs.down();
		const [first = ''] = await quizIds(ASSIGNED);
		await (await api()).answer(ASSIGNED, first, await wrongAnswer(ASSIGNED, first));
		const down = await eventually(() => testing.sendLearningRecords(), (r) => (r?.pending ?? 0) > 0 && r?.problem !== undefined, 'waiting while down');
		assert.match(testing.lrsStatusBarText(), new RegExp(`\\$\\(cloud-upload\\) ${down?.pending ?? -1}$`));
		await lrs.up();
		await eventually(() => testing.sendLearningRecords(), (r) => r?.pending === 0, 'drained once back');
		assert.ok((await lrs.statementsFor(LEARNER)).length > before);
		assert.equal(testing.lrsStatusBarText(), '');
	});
});
