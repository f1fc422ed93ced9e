/*
 * The README shows the Python app the binding tests run, unchanged, and its TypeScript examples use no
 * JavaScript-only globals (rosetta would copy them into the Python, Java and Go translations as they are).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');

/** The fenced code blocks of the README in `language`. */
function blocks(language: string): string[] {
  const pattern = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
  return [...README.matchAll(pattern)].map((m) => m[1]);
}

test('the README shows test/bindings/python/readme_app.py as it is', () => {
  const app = fs.readFileSync(path.join(ROOT, 'test', 'bindings', 'python', 'readme_app.py'), 'utf-8');
  expect(blocks('python')).toContain(app);
});

test('no TypeScript example uses a JavaScript-only global', () => {
  const offenders = blocks('ts').flatMap((block) => block.split('\n'))
    .filter((line) => /\b(JSON|console|Math|Object|Promise|process)\.[a-zA-Z]+/.test(line.replace(/\/\/.*$/, '')));
  expect(offenders).toEqual([]);
});

test('the README shows test/bindings/go/example/main.go as it is', () => {
  const example = fs.readFileSync(path.join(ROOT, 'test', 'bindings', 'go', 'example', 'main.go'), 'utf-8');
  expect(blocks('go')).toContain(example);
});
