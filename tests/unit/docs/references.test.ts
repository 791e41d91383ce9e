/**
 * The documents name files, commands and scripts; a rename that leaves them pointing at nothing
 * makes the threat table or the architecture page quietly wrong. Every path in backticks must
 * exist and every `npm run` script must be defined.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DOCUMENTS = ['README.md', 'SECURITY.md', 'ARCHITECTURE.md'].filter((file) => existsSync(file));
const ROOMS = /^(analysis|bench|bin|checks|cli|contract|db|server|survey-ui|tests)\/[\w./*-]*$/;

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);
}

describe('references in the documents', () => {
  it.each(DOCUMENTS)('%s names only paths that exist', (file) => {
    const paths = backticked(readFileSync(file, 'utf8')).filter((token) => ROOMS.test(token) && !token.includes('*'));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !existsSync(path.replace(/\/$/, '')))).toEqual([]);
  });

  it.each(DOCUMENTS)('%s runs only npm scripts that are defined', (file) => {
    const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = [...readFileSync(file, 'utf8').matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]).filter((name) => !name.endsWith(':'));
    expect(named.filter((script) => !scripts.includes(script))).toEqual([]);
  });
});
