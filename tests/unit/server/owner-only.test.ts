import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsOnDisk, restrictToOwner, secureAtRest } from '../../../db/owner-only.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sipas-owner-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => lstatSync(path).mode & 0o777;
function file(path: string, permissions: number) {
  writeFileSync(path, 'x');
  chmodSync(path, permissions);
}

describe('owner-only files at rest', () => {
  it('take group and other permissions off a folder and all it holds, keeping the owner’s, without following links', () => {
    const dir = join(root, 'data');
    mkdirSync(join(dir, 'base'), { recursive: true });
    chmodSync(dir, 0o777);
    file(join(dir, 'base', 'open'), 0o666);
    file(join(dir, 'already'), 0o600);
    const outside = join(root, 'outside');
    file(outside, 0o644);
    symlinkSync(outside, join(dir, 'link'));
    expect(restrictToOwner(dir).sort()).toEqual([dir, join(dir, 'base'), join(dir, 'base', 'open')].sort());
    expect([mode(dir), mode(join(dir, 'base')), mode(join(dir, 'base', 'open')), mode(join(dir, 'already'))]).toEqual([0o700, 0o700, 0o600, 0o600]);
    expect(mode(outside)).toBe(0o644);
  });

  it('warn only about what others could reach: loose files inside an owner-only folder are tightened quietly', () => {
    const dir = join(root, 'data');
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(dir, 0o700);
    file(join(dir, 'inside'), 0o644);
    const secret = join(root, 'secret');
    file(secret, 0o640);
    const warnings: string[] = [];
    secureAtRest(
      [
        { path: dir, what: 'The database folder' },
        { path: secret, what: 'The secret file' },
      ],
      (line) => warnings.push(line),
    );
    expect(warnings).toEqual([`Warning: The secret file ${secret} could be read by other users of this computer; it is now readable by its owner only.`]);
    expect(mode(join(dir, 'inside'))).toBe(0o600);
  });

  it('find the backups where the platform writes them: beside the data folder and under the default name', () => {
    mkdirSync(join(root, 'data'));
    for (const name of ['data.replaced-2025-01-01T00-00-00-000Z', 'data.restoring', 'data.other', 'database.replaced-x']) mkdirSync(join(root, name));
    for (const name of ['sipas-backup-20250101-000000.sipas', 'sipas-backup-20250101-000000.dump', 'sipas-backup-1.sipas.partial', 'notes.sipas'])
      file(join(root, name), 0o644);
    expect(backupsOnDisk(join(root, 'data'), root).sort()).toEqual(
      [
        'data.replaced-2025-01-01T00-00-00-000Z',
        'data.restoring',
        'sipas-backup-1.sipas.partial',
        'sipas-backup-20250101-000000.dump',
        'sipas-backup-20250101-000000.sipas',
      ]
        .map((name) => join(root, name))
        .sort(),
    );
  });
});
