/**
 * Files the fuzzer uploads to every route that takes one: each is refused by any upload (too big,
 * malformed, or rows no round can accept), so none may be stored — and none may cost a 5xx.
 */
import { writeCsv } from '../../../server/files/tables.ts';
import { giantCellCsv, lyingXlsxBomb, manyRowsCsv, xlsxBomb, xlsxOf } from '../files/hostile-files.ts';
import type { HostileFile } from './requests.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

let made: Promise<HostileFile[]> | undefined;

export function hostileFiles(): Promise<HostileFile[]> {
  made ??= (async () => [
    { what: 'XLSX that unzips to 256 MB', contentType: XLSX, payload: await xlsxBomb(256 * MB) },
    { what: 'XLSX lying about its sizes', contentType: XLSX, payload: await lyingXlsxBomb(128 * MB) },
    { what: 'XLSX sent as CSV', contentType: CSV, payload: await xlsxBomb(32 * MB) },
    { what: 'ZIP that is no XLSX', contentType: XLSX, payload: Buffer.from('PK\u0003\u0004\u0014\u0000garbage') },
    {
      what: 'XLSX with NUL and formulas',
      contentType: XLSX,
      payload: await xlsxOf([
        ['serial', 'locality', 'stratum', 'population'],
        ['1\u0000', '=cmd|calc', '660-office', '-1'],
        ['2', '660', '', 'NaN'],
      ]),
    },
    {
      what: 'CSV of 300,000 rows',
      contentType: CSV,
      payload: manyRowsCsv(['serial', 'locality', 'stratum', 'population'], 300_000, (i) => `${i + 1},661,s${i},1`),
    },
    { what: 'one 19 MB cell', contentType: CSV, payload: giantCellCsv(['serial', 'locality', 'stratum', 'population'], 19 * MB) },
    { what: 'semicolons for commas', contentType: CSV, payload: Buffer.from('serial;locality;stratum;population\n1;661;660-office;5\n') },
    {
      what: 'Windows code page',
      contentType: CSV,
      payload: Buffer.concat([
        Buffer.from('serial,locality,stratum,population\n1,'),
        Buffer.from([0xd0, 0xe3, 0x6b, 0x20, 0x4e, 0xf4, 0x6e, 0x67]),
        Buffer.from(',660-office,5\n'),
      ]),
    },
    {
      what: 'UTF-16 text',
      contentType: CSV,
      payload: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('serial,locality,stratum,population\n1,661,660-office,5\n', 'utf16le')]),
    },
    { what: 'NUL bytes in cells', contentType: CSV, payload: Buffer.from('serial,locality,stratum,population\n1,661\u0000,660-off\u0000ice,5\n') },
    { what: 'duplicated and overlong headers', contentType: CSV, payload: Buffer.from(`serial,serial,${'h'.repeat(500)},stratum,stratum\n1,2,3,4,5\n`) },
    { what: 'header only', contentType: CSV, payload: Buffer.from('serial,locality,stratum,population\n') },
    { what: 'missing required columns', contentType: CSV, payload: Buffer.from('so_seri,don_vi\n1,661\n') },
    { what: 'unclosed quote', contentType: CSV, payload: Buffer.from('serial,locality,stratum,population\n"1,661,660-office,5\n') },
    { what: 'cells past the header', contentType: CSV, payload: Buffer.from('serial,locality,stratum,population\n1,661,660-office,5,6,7\n') },
    {
      what: 'forms never issued, strata without populations',
      contentType: CSV,
      payload: writeCsv(
        ['serial', 'locality', 'stratum', 'population', 'A1_1'],
        [
          ['424242', '661', '660-office', '', '4'],
          ['424243', '661', '', '0', '9'],
        ],
      ),
    },
    { what: '10,000 columns', contentType: CSV, payload: Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n1\n`) },
  ])();
  return made;
}
