import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from '../../../src/cli/args';
import { scanOptions } from '../../../src/cli/optionScan';

describe('scanOptions', () => {
	it('takes paths, `--name value` and `--name=value`, and everything after `--` as paths', () => {
		const seen: string[] = [];
		const scanned = scanOptions(['a', '--x', '1', '--y=2', '-', '--', '--z', 'b'], 'cmd', ({ name, value }) => {
			seen.push(`${name}:${value() ?? ''}`);
			return true;
		});
		assert.deepEqual(scanned, { paths: ['a', '-', '--z', 'b'] });
		assert.deepEqual(seen, ['--x:1', '--y:2']);
	});

	it('names an unknown option, and passes a parser\'s usage message through', () => {
		assert.deepEqual(scanOptions(['--nope'], 'cmd', () => false), { usage: 'unknown option "--nope" for cmd' });
		assert.deepEqual(scanOptions(['-n'], 'cmd', () => false), { usage: 'unknown option "-n" for cmd' });
		assert.deepEqual(scanOptions(['--x'], 'cmd', () => 'cmd --x needs a value'), { usage: 'cmd --x needs a value' });
	});

	it('takes a value only where the next argument does not start as an option does (`--`, or `-` when asked)', () => {
		const values = (args: string[], start?: string) => {
			const out: (string | undefined)[] = [];
			scanOptions(args, 'cmd', ({ value, more }) => {
				out.push(value());
				for (let next = more(); next !== undefined; next = more()) {
					out.push(next);
				}
				return true;
			}, start);
			return out;
		};
		assert.deepEqual(values(['--x', '-a', 'b']), ['-a', 'b']);
		assert.deepEqual(values(['--x', '-a'], '-'), [undefined, undefined], '-a is an option of its own then');
		assert.deepEqual(values(['--x', 'a', 'b', '--y']), ['a', 'b', undefined]);
		assert.deepEqual(values(['--x=a', 'b']), ['a'], 'after `=` no more values are taken');
	});

	it('serves the subcommands: report, suggest and evidence name their unknown options the same way', () => {
		for (const command of ['report', 'suggest', 'evidence']) {
			assert.deepEqual(parseArgs([command, 'x', '--nope']), { kind: 'usageError', message: `unknown option "--nope" for ${command}` });
		}
	});
});
