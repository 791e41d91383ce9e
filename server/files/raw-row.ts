/** A row of an uploaded table as its reader found it: the number a spreadsheet shows, and the cells in column order. */
export interface RawRow {
  row: number;
  cells: string[];
}
