/**
 * PGlite on a data folder, with commits that reach the disk before they are acknowledged.
 *
 * PGlite 0.5 mounts the folder through Emscripten's NODEFS: PostgreSQL's writes go straight to the
 * files with write(2), so a killed process loses nothing it committed. But it starts PostgreSQL
 * with `-F` (fsync off), and NODEFS has no fsync of its own: nothing is ever forced to disk, so a
 * power cut or an operating-system crash can lose acknowledged commits, or leave a checkpoint that
 * names data pages the disk never received. Here fsync is switched on again (WAL flushed with
 * fsync at every commit; data files at every checkpoint, as PostgreSQL does) and NODEFS's streams
 * get the fsync Emscripten calls for them, which is Node's fsync of the real file.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PGlite as PGliteClass } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** What this file touches of Emscripten's NODEFS: its stream operations and a node's real path. */
interface NodeFsInternals {
  stream_ops: { fsync?: (stream: { nfd?: number; node: unknown }) => number };
  realPath(node: unknown): string;
}
type ErrnoErrorClass = new (errno: number) => Error;
/** WASI's EIO: PostgreSQL sees a failed fsync, and stops rather than carry on (data_sync_retry is off). */
const EIO = 29;

let fsyncs = 0;
/** fsyncs done for PGlite so far in this process (tests check that commits cause them). */
export const pgliteFsyncCount = () => fsyncs;

/** PostgreSQL's own durability, as on a server: the `-c` settings come after PGlite's `-F` and win. */
export const durableStartParams = [...PGliteClass.defaultStartParams, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

/**
 * `wal_sync_method=fsync` because Emscripten's fdatasync (and O_DSYNC) do nothing, while fsync
 * reaches the stream's fsync below.
 */
export class SyncedNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const result = await super.init(pg, options);
    result.emscriptenOpts.preRun = [
      ...(result.emscriptenOpts.preRun ?? []),
      (mod) => {
        const nodefs = mod.NODEFS as unknown as NodeFsInternals;
        const ErrnoError = (mod.FS as unknown as { ErrnoError: ErrnoErrorClass }).ErrnoError;
        nodefs.stream_ops.fsync = (stream) => {
          try {
            if (stream.nfd !== undefined) {
              fsyncSync(stream.nfd);
            } else {
              // A directory (PostgreSQL syncs them after creating or renaming files): NODEFS keeps no descriptor.
              const fd = openSync(nodefs.realPath(stream.node), 'r');
              try {
                fsyncSync(fd);
              } finally {
                closeSync(fd);
              }
            }
          } catch {
            throw new ErrnoError(EIO);
          }
          fsyncs++;
          return 0;
        };
      },
    ];
    return result;
  }
}
