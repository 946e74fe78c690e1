/**
 * Rule ids → CWE, for scanners whose findings do not carry the CWE themselves: ESLint security plugins, Bandit,
 * SonarLint and the Semgrep extension's diagnostics (Semgrep's SARIF carries tags and needs no table). Kept small
 * and documented in docs/findings.md; each entry is the CWE the tool's own documentation gives for the rule. Pure.
 */

interface RuleEntry {
	/** `security/detect-child-process`, `B105`, `S2068` or the last part of a Semgrep id. */
	readonly rule: string;
	readonly cwe: readonly string[];
	/** Whose rule id it is: the same short id can mean something else in another tool. */
	readonly tool: 'eslint' | 'bandit' | 'sonar' | 'semgrep';
}

export const RULE_CWE: readonly RuleEntry[] = [
	// eslint-plugin-security
	{ tool: 'eslint', rule: 'security/detect-child-process', cwe: ['CWE-78'] },
	{ tool: 'eslint', rule: 'security/detect-eval-with-expression', cwe: ['CWE-95'] },
	{ tool: 'eslint', rule: 'security/detect-non-literal-fs-filename', cwe: ['CWE-22'] },
	{ tool: 'eslint', rule: 'security/detect-non-literal-regexp', cwe: ['CWE-1333'] },
	{ tool: 'eslint', rule: 'security/detect-unsafe-regex', cwe: ['CWE-1333'] },
	{ tool: 'eslint', rule: 'security/detect-possible-timing-attacks', cwe: ['CWE-208'] },
	{ tool: 'eslint', rule: 'security/detect-pseudoRandomBytes', cwe: ['CWE-338'] },
	{ tool: 'eslint', rule: 'security/detect-no-csrf-before-method-override', cwe: ['CWE-352'] },
	{ tool: 'eslint', rule: 'security/detect-disable-mustache-escape', cwe: ['CWE-79'] },
	// eslint-plugin-no-secrets
	{ tool: 'eslint', rule: 'no-secrets/no-secrets', cwe: ['CWE-798'] },
	// Bandit (test ids, with the CWE Bandit reports for them)
	{ tool: 'bandit', rule: 'B105', cwe: ['CWE-259'] },
	{ tool: 'bandit', rule: 'B106', cwe: ['CWE-259'] },
	{ tool: 'bandit', rule: 'B107', cwe: ['CWE-259'] },
	{ tool: 'bandit', rule: 'B301', cwe: ['CWE-502'] },
	{ tool: 'bandit', rule: 'B324', cwe: ['CWE-327'] },
	{ tool: 'bandit', rule: 'B501', cwe: ['CWE-295'] },
	{ tool: 'bandit', rule: 'B602', cwe: ['CWE-78'] },
	{ tool: 'bandit', rule: 'B608', cwe: ['CWE-89'] },
	// SonarLint / SonarQube (the rule key after the language repository, typescript:S2068)
	{ tool: 'sonar', rule: 'S2068', cwe: ['CWE-798', 'CWE-259'] },
	{ tool: 'sonar', rule: 'S5332', cwe: ['CWE-319'] },
	{ tool: 'sonar', rule: 'S2077', cwe: ['CWE-89'] },
	// Semgrep registry rules, as the editor extension reports them (the id's last part)
	{ tool: 'semgrep', rule: 'detected-generic-secret', cwe: ['CWE-798'] },
	{ tool: 'semgrep', rule: 'python-logger-credential-disclosure', cwe: ['CWE-532'] },
];

/** The tool a SARIF driver name or diagnostic source names, when it is one the table knows. */
function toolOf(name: string): RuleEntry['tool'] | undefined {
	const lower = name.toLowerCase();
	return (['eslint', 'bandit', 'sonar', 'semgrep'] as const).find((tool) => lower.includes(tool));
}

/** Does `ruleId` (as `tool` reported it) name `entry`? ESLint's `plugin/rule` ids are distinctive wherever they come from. */
function names(entry: RuleEntry, ruleId: string, tool: RuleEntry['tool'] | undefined): boolean {
	switch (entry.tool) {
		case 'eslint': return ruleId === entry.rule;
		case 'bandit': return tool === 'bandit' && ruleId === entry.rule;
		case 'sonar': return ruleId === entry.rule ? tool === 'sonar' : /^[a-z]+:S[0-9]+$/.test(ruleId) && ruleId.endsWith(`:${entry.rule}`);
		case 'semgrep': return ruleId === entry.rule || ruleId.endsWith(`.${entry.rule}`);
	}
}

/** The CWE ids the table gives `ruleId` from the tool named `toolName` (a SARIF driver name or a diagnostic source). */
export function cwesOfRule(ruleId: string, toolName: string): string[] {
	const tool = toolOf(toolName);
	return [...new Set(RULE_CWE.filter((entry) => names(entry, ruleId, tool)).flatMap((entry) => entry.cwe))];
}
