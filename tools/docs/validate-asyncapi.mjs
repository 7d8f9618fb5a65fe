// Validates docs/asyncapi.yaml (AsyncAPI 3) with the AsyncAPI parser, resolving the $refs into
// common-events' JSON Schemas, and fails on any error or warning. Usage: node validate-asyncapi.mjs <file>
import { Parser, fromFile } from '@asyncapi/parser';

const [file] = process.argv.slice(2);
const severities = ['error', 'warning', 'info', 'hint'];
const diagnostics = await fromFile(new Parser(), file).validate();
const problems = diagnostics.filter((d) => d.severity <= 1);
for (const d of diagnostics) {
	const where = `${d.path.join('.') || '(document)'}${d.range ? ` line ${d.range.start.line + 1}` : ''}`;
	console[d.severity <= 1 ? 'error' : 'log'](`${severities[d.severity]}: ${where}: ${d.message}`);
}
if (problems.length > 0) process.exit(1);
console.log(`${file}: valid AsyncAPI`);
