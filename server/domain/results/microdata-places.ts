/**
 * The places of the microdata export's rows (channel, office, locality, survey week: everything in a
 * row between its id and its answers follows from its place), each worked out once and then found
 * by the bytes PostgreSQL sent for it — a million rows come from a few thousand places, and a row
 * makes no string to find its own.
 */
import type { CopyRows } from '../../../db/queries/copy-binary.ts';
import { MICRODATA_FIELD as FIELD, type MicrodataPlace } from '../../../db/queries/microdata.ts';
import { isoWeekOfDay, mondayOfDay } from '../../../db/queries/survey-week.ts';

/** A day that is no date's: rows of other channels (a date's days lie within ±2^31). */
const NO_DAY = -0x80000000;
const { channel: CHANNEL, commune: COMMUNE, surveyDay: SURVEY_DAY } = FIELD;
/** PostgreSQL counts days from 2000-01-01, isoWeekOfDay from 1970-01-01. */
const POSTGRES_EPOCH_DAY = 10_957;

/**
 * An open-addressing table of the places met, their keys (the bytes of the place's columns, channel
 * to commune, length words included, and the survey week's Monday) in one arena: a lookup reads a few typed arrays,
 * not a Map's entries and a Buffer per key.
 */
export class MicrodataPlaces<T> {
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 11);
  private days = new Int32Array(1 << 11);
  private keyStart = new Int32Array(1 << 11);
  private keyLength = new Int32Array(1 << 11);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private readonly values: T[] = [];

  /** `make`: what the export keeps of a place, made the first time the place is met. */
  constructor(private readonly make: (place: MicrodataPlace) => T) {}

  /** The value of row `row`'s place; `width`: the fields of a row. */
  of(batch: CopyRows, row: number, width: number): T {
    const { data, start, length } = batch;
    const base = row * width;
    // Channel, office and locality lie one after another, each after its length word (−1: null).
    const from = start[base + CHANNEL] - 4;
    const communeLength = length[base + COMMUNE];
    const to = start[base + COMMUNE] + (communeLength > 0 ? communeLength : 0);
    // An office response's place has its survey week, not its day: keyed on the week's Monday
    // (days since 1970), a week's seven days are one place, not seven.
    const dayAt = start[base + SURVEY_DAY];
    let day = NO_DAY;
    if (length[base + SURVEY_DAY] === 4) {
      day = mondayOfDay(((data[dayAt] << 24) | (data[dayAt + 1] << 16) | (data[dayAt + 2] << 8) | data[dayAt + 3]) + POSTGRES_EPOCH_DAY);
    }
    let hash = day;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ data[i], 0x01000193);
    const size = to - from;
    const slots = this.slots;
    const mask = slots.length - 1;
    const arena = this.arena;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] - 1;
      if (entry < 0) break;
      if (this.hashes[entry] !== hash || this.days[entry] !== day || this.keyLength[entry] !== size) continue;
      const at = this.keyStart[entry] - from;
      let i = to - 1;
      while (i >= from && arena[at + i] === data[i]) i--;
      if (i < from) return this.values[entry];
    }
    const value = this.make(placeOf(batch, base, day));
    this.add(hash, day, data.subarray(from, to), value);
    return value;
  }

  private add(hash: number, day: number, key: Uint8Array, value: T): void {
    const entry = this.values.length;
    if (entry === this.hashes.length) {
      const grown = (old: Int32Array) => {
        const larger = new Int32Array(old.length * 2);
        larger.set(old);
        return larger;
      };
      this.hashes = grown(this.hashes);
      this.days = grown(this.days);
      this.keyStart = grown(this.keyStart);
      this.keyLength = grown(this.keyLength);
    }
    if (this.arenaUsed + key.length > this.arena.length) {
      const larger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + key.length));
      larger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = larger;
    }
    this.arena.set(key, this.arenaUsed);
    this.hashes[entry] = hash;
    this.days[entry] = day;
    this.keyStart[entry] = this.arenaUsed;
    this.keyLength[entry] = key.length;
    this.arenaUsed += key.length;
    this.values.push(value);
    // At most half full, so that a miss ends soon.
    if (2 * this.values.length <= this.slots.length) this.place(entry);
    else {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let e = 0; e < this.values.length; e++) this.place(e);
    }
  }

  private place(entry: number): void {
    const hash = this.hashes[entry];
    const mask = this.slots.length - 1;
    let slot = (hash ^ (hash >>> 15)) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }
}

function placeOf({ data, start, length }: CopyRows, base: number, day: number): MicrodataPlace {
  const text = (field: number): string | null =>
    length[base + field] < 0 ? null : data.toString('utf8', start[base + field], start[base + field] + length[base + field]);
  return {
    channel: text(FIELD.channel) as MicrodataPlace['channel'],
    officeId: length[base + FIELD.officeId] === 4 ? data.readInt32BE(start[base + FIELD.officeId]) : null,
    province: text(FIELD.province) ?? '',
    district: text(FIELD.district),
    commune: text(FIELD.commune),
    week: day === NO_DAY ? null : isoWeekOfDay(day),
  };
}
