// Lessons for other tools' findings: a diagnostic collection made here stands in for a scanner's extension. The file
// is Python so that no language server of the test workbench (TypeScript's starts slowly) delays the Code Actions.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inertText } from '../../src/core/shared/text';
import { Command } from '../../src/extension/platform/ids';
import { eventually, extensionApi as api, testingApi, waitFor } from './helpers';

const POS_TITLE = 'Retailer A: card data leaking from the POS for three months';

async function setFindings(value: boolean | undefined): Promise<void> {
	await vscode.workspace.getConfiguration('incidentLessons').update('findings.codeActions', value, vscode.ConfigurationTarget.Global);
}

suite('Lessons for scanner findings (Code Actions)', () => {
	let sample: vscode.Uri;
	let scanner: vscode.DiagnosticCollection;

	suiteSetup(async () => {
		await api();
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder);
		sample = vscode.Uri.joinPath(folder.uri, 'findings', 'payments.py');
		await vscode.workspace.fs.writeFile(sample, new TextEncoder().encode([
			'import logging',
			'',
			'def charge(order, card_number):',
			'    logging.info("charging %s with %s", order.id, card_number)',
			'    app.config["WTF_CSRF_ENABLED"] = False',
			'',
		].join('\n')));
		await vscode.window.showTextDocument(sample);
		scanner = vscode.languages.createDiagnosticCollection('test-scanner');
		// As the Semgrep extension reports a rule whose id the table maps to CWE-532, with the CWE's page as the code's link.
		const logged = new vscode.Diagnostic(new vscode.Range(3, 4, 3, 62), 'Detected a credential or card number written to a log.', vscode.DiagnosticSeverity.Warning);
		logged.source = 'Semgrep';
		logged.code = { value: 'python.lang.security.audit.logging.logger-credential-leak.python-logger-credential-disclosure', target: vscode.Uri.parse('https://cwe.mitre.org/data/definitions/532.html') };
		const csrf = new vscode.Diagnostic(new vscode.Range(4, 4, 4, 41), 'CSRF protection is turned off.', vscode.DiagnosticSeverity.Warning);
		csrf.source = 'Semgrep';
		csrf.code = { value: 'python.flask.security.audit.wtf-csrf-disabled', target: vscode.Uri.parse('https://cwe.mitre.org/data/definitions/352.html') };
		scanner.set(sample, [logged, csrf]);
	});

	suiteTeardown(async () => {
		scanner.dispose();
		await setFindings(undefined);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(sample, '..'), { recursive: true });
	});

	const lessonActions = async (line: number): Promise<vscode.CodeAction[]> =>
		((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sample, new vscode.Range(line, 6, line, 6))) ?? [])
			.filter((a) => a.command?.command === Command.OpenLesson);

	test('a problem with a CWE a lesson teaches offers the lesson, which opens at its section', async () => {
		const actions = await eventually(() => lessonActions(3), (a) => a.length > 0, 'a "Learn from a real incident" Code Action');
		// The title is made inert (a word joiner before each colon that could read as a scheme), as the CodeLens is.
		assert.deepEqual(actions.map((a) => a.title), [`Learn from a real incident: ${inertText(POS_TITLE)}`]);
		const [action] = actions;
		assert.ok(action?.command);
		assert.deepEqual(action.command.arguments, ['pos-card-data-skimming', 'what-a-developer-could-have-built']);
		assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
		await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []) as unknown[]);
		const lessons = await api();
		await waitFor(() => lessons.currentLessonId() === 'pos-card-data-skimming', 'the lesson in the panel');
		assert.equal((await testingApi()).lastSection(), 'what-a-developer-could-have-built');
	});

	test('a problem whose CWE no lesson teaches (CSRF) offers none', async () => {
		await eventually(() => lessonActions(3), (a) => a.length > 0, 'the provider registered');
		assert.deepEqual(await lessonActions(4), []);
	});

	test('the setting turns the Code Action off', async () => {
		await setFindings(false);
		await eventually(() => lessonActions(3), (a) => a.length === 0, 'no Code Action when off');
		await setFindings(undefined);
		await eventually(() => lessonActions(3), (a) => a.length === 1, 'the Code Action back');
	});
});
