import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';

// scripts/tidy-bundle.mjs, the bundle's post-processing: every rewrite must mean what the code meant.
const { tidyBundle } = (await import(new URL('../../../scripts/tidy-bundle.mjs', import.meta.url).href)) as {
  tidyBundle(text: string): string;
};

const NAME = 'var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });\n';

/** Runs a script (after the __name helper) and returns what its last expression is. */
const run = (code: string) => vm.runInNewContext(NAME + code);

test('a __name call that changes nothing is dropped, the name is still the one the code had', () => {
  const code = `function next() {}\n__name(next, "next");\nconst x = /* @__PURE__ */ __name(() => 1, "x");\nconst o = { k: __name(() => 2, "k") };\nlet a; a = __name(function () {}, "a");\n[next.name, x.name, o.k.name, a.name].join()`;
  const tidied = tidyBundle(code);
  assert.doesNotMatch(tidied.slice(NAME.length), /__name\(/);
  assert.equal(run(tidied), run(code));
  assert.equal(run(tidied), 'next,x,k,a');
});

test('a call whose name differs from the binding (a renamed declaration) is kept', () => {
  const code = `class Foo2 {}\n__name(Foo2, "Foo");\nconst y = __name(() => 1, "z");\n[Foo2.name, y.name].join()`;
  const tidied = tidyBundle(code);
  assert.equal((tidied.match(/__name\(/g) ?? []).length, 2);
  assert.equal(run(tidied), 'Foo,z');
});

test('an unwrapped function stands where the call stood (a callee), and __proto__ keys keep their call', () => {
  const code = `const r = __name(function f() { return f.name; }, "f")();\nconst p = { __proto__: __name(function () {}, "__proto__") };\nr`;
  const tidied = tidyBundle(code);
  assert.match(tidied, /__proto__: __name\(/);
  assert.equal(run(tidied), 'f');
});

test('regular expressions and comments become ASCII with the same meaning', () => {
  // Strings are ASCII already (esbuild escapes them); regular expressions and comments are not.
  const code =
    '[/[é]/.test("\\u00e9"), /\\é/.test("\\u00e9"), /^😀$/u.test("\\ud83d\\ude00"), /[😀]/.test("\\ud83d"), ' +
    '(function () { return /* a\u2028 */ 1; })()].join()';
  const tidied = tidyBundle(code);
  assert.doesNotMatch(tidied, /[\u0080-\uffff]/);
  assert.equal(run(tidied), run(code));
  assert.equal(run(tidied), 'true,true,true,true,');
});
