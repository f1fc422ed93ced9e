/**
 * Checks the Python translations of the README examples, as jsii-rosetta made them (.jsii.tabl.json,
 * written by `jsii-rosetta extract`): each must compile with python3, and none may use a JavaScript
 * global such as `JSON.stringify`, which rosetta copies as it is and which fails in Python with a
 * NameError. (The README ships in the Python package and on PyPI, translated.)
 *
 * Usage: ts-node scripts/rosetta-python.ts
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const TABLET = path.join(ROOT, '.jsii.tabl.json');

/** JavaScript globals that have no Python meaning, as they appear in a translation. */
const JS_GLOBALS = /\b(JSON|console|Math|Object|Array|Number|Promise|process|Date|Buffer)\.[a-zA-Z]+|\bundefined\b|\bnull\b|===|!==/;

interface Translation { readonly source: string }
interface Snippet {
  readonly translations: Record<string, Translation | undefined>;
  readonly location?: { readonly api?: { readonly api?: string; readonly fqn?: string }; readonly field?: { readonly line?: number } };
}

function main(): void {
  if (!fs.existsSync(TABLET)) {
    throw new Error(`${TABLET} is missing: run \`npx projen rosetta:extract\` (after compiling) first`);
  }
  const tablet = JSON.parse(fs.readFileSync(TABLET, 'utf-8')) as { snippets: Record<string, Snippet> };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosetta-python-'));
  const problems: string[] = [];
  const files: string[] = [];
  let index = 0;
  for (const snippet of Object.values(tablet.snippets)) {
    const python = snippet.translations.python?.source;
    if (python === undefined) {
      continue;
    }
    index += 1;
    const where = `${snippet.location?.api?.fqn ?? snippet.location?.api?.api ?? 'README'} line ${snippet.location?.field?.line ?? '?'}`;
    python.split('\n').forEach((line, n) => {
      const code = line.replace(/#.*$/, '');
      const match = JS_GLOBALS.exec(code);
      if (match) {
        problems.push(`${where}: the Python translation uses the JavaScript '${match[0]}' (line ${n + 1}: ${line.trim()})`);
      }
    });
    const file = path.join(dir, `snippet_${index}.py`);
    fs.writeFileSync(file, `# ${where}\n${python}\n`);
    files.push(file);
  }
  if (files.length === 0) {
    throw new Error(`${TABLET} holds no Python translations`);
  }
  const compiled = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf-8' });
  if (compiled.status !== 0) {
    problems.push(`python3 -m py_compile failed:\n${compiled.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(`README examples in Python: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`README examples in Python: ${files.length} translations compile and use no JavaScript globals`);
}

main();
