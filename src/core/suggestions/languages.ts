/**
 * The VS Code language id of a file from its name, for the CLI (the editor knows a document's language itself).
 * Covers the built-in languages and the few extension-provided ones lessons are likely to name. Pure.
 */
import { ownEntry } from '../shared/records';

/** Lower-case file extension (with the dot) → language id. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
	'.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
	'.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
	'.py': 'python', '.java': 'java', '.kt': 'kotlin', '.kts': 'kotlin', '.scala': 'scala', '.groovy': 'groovy',
	'.cs': 'csharp', '.vb': 'vb', '.bas': 'vb', '.fs': 'fsharp', '.go': 'go', '.rs': 'rust', '.rb': 'ruby', '.php': 'php',
	'.swift': 'swift', '.c': 'c', '.h': 'c', '.cpp': 'cpp', '.cc': 'cpp', '.hpp': 'cpp', '.m': 'objective-c',
	'.sql': 'sql', '.sh': 'shellscript', '.bash': 'shellscript', '.zsh': 'shellscript', '.ps1': 'powershell', '.psm1': 'powershell',
	'.bat': 'bat', '.cmd': 'bat', '.yml': 'yaml', '.yaml': 'yaml', '.json': 'json', '.jsonc': 'jsonc', '.xml': 'xml',
	'.ini': 'ini', '.properties': 'properties', '.toml': 'toml', '.tf': 'terraform', '.tfvars': 'terraform', '.hcl': 'hcl',
	'.md': 'markdown', '.html': 'html', '.vue': 'vue', '.r': 'r', '.pl': 'perl', '.lua': 'lua', '.dart': 'dart', '.txt': 'plaintext',
};

/** Whole file names with a language of their own. */
const BY_NAME: Readonly<Record<string, string>> = {
	dockerfile: 'dockerfile', makefile: 'makefile', 'docker-compose.yml': 'dockercompose', 'docker-compose.yaml': 'dockercompose',
};

/** The language id of the file at `path` (`/` or `\` separated), or '' when the name says nothing. */
export function languageOfPath(path: string): string {
	const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
	if (Object.hasOwn(BY_NAME, name)) {
		return BY_NAME[name] ?? '';
	}
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot) : '';
	return ownEntry(BY_EXTENSION, extension) ?? '';
}
