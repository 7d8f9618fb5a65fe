// Renders every Mermaid source under diagrams/ to an SVG under docs/diagrams/ (same relative
// path), with one headless Debian Chromium for all of them, and fails on the first syntax
// error it reports for any diagram. Usage: node render-diagrams.mjs <project root> <chromium>
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { run } from '@mermaid-js/mermaid-cli';

const [root, chromium] = process.argv.slice(2);
if (!root || !chromium) {
	console.error('usage: node render-diagrams.mjs <project root> <chromium executable>');
	process.exit(2);
}
const sources = path.join(root, 'diagrams');
const target = path.join(root, 'docs', 'diagrams');

async function mermaidFiles(dir) {
	const found = [];
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) found.push(...(await mermaidFiles(file)));
		else if (entry.name.endsWith('.mmd')) found.push(file);
	}
	return found.sort();
}

const files = await mermaidFiles(sources);
// The flags keep Chromium off the network (this machine reaches package registries only) and
// out of the sandbox, which needs user namespaces that containers and root shells lack.
const browser = await puppeteer.launch({
	executablePath: chromium,
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
// Fixed seeds and ids, so that an unchanged diagram renders to the same SVG and git shows only
// real changes.
const MERMAID = { deterministicIds: true, deterministicIDSeed: 'flux', handDrawnSeed: 1 };
const failures = [];
// Two pages at a time: most of a render is Chromium laying out text, and machines have 2+ cores.
const queue = [...files];
async function worker() {
	for (let file = queue.shift(); file; file = queue.shift()) {
		const relative = path.relative(sources, file);
		const output = path.join(target, relative.replace(/\.mmd$/, '.svg'));
		await mkdir(path.dirname(output), { recursive: true });
		try {
			await run(file, output, { browser, quiet: true, outputFormat: 'svg', parseMMDOptions: { mermaidConfig: MERMAID } });
		}
		catch (error) {
			failures.push(`diagrams/${relative}: ${String(error?.message ?? error).split('\n').slice(0, 6).join('\n    ')}`);
		}
	}
}
try {
	await Promise.all([worker(), worker()]);
}
finally {
	await browser.close();
}
if (failures.length > 0) {
	console.error(failures.join('\n'));
	process.exit(1);
}
console.log(`rendered ${files.length} diagrams to docs/diagrams/`);
