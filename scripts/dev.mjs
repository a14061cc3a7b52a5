#!/usr/bin/env node
// `npm run start:dev`: one build, then tsc in watch mode beside the service, which node restarts
// whenever the build output changes.
import { spawn } from 'node:child_process';

const children = [];
const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit' });
  children.push(child);
  return child;
};

run('npx', ['tsc', '-p', 'tsconfig.json']).on('exit', (code) => {
  if (code !== 0) return void (process.exitCode = code ?? 1);
  run('npx', ['tsc', '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput']);
  run(process.execPath, ['--watch-path=dist/src', 'dist/src/main.js']);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill(signal)));
