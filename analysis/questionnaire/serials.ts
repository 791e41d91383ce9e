/** Serial number lists as people write them: "1-50, 53, 60-62". */
export const MAX_SERIALS_PER_LIST = 100_000;

export function parseSerialList(text: string): number[] | { error: string } {
  const serials = new Set<number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\d{1,9})(?:\s*[-–]\s*(\d{1,9}))?$/.exec(part);
    if (!match) return { error: `"${part}" không phải số hoặc khoảng số (ví dụ 1-50)` };
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) return { error: `khoảng "${part}" ngược chiều` };
    if (serials.size + last - first + 1 > MAX_SERIALS_PER_LIST) return { error: `quá ${MAX_SERIALS_PER_LIST} số sê-ri` };
    for (let s = first; s <= last; s++) serials.add(s);
  }
  if (serials.size === 0) return { error: 'danh sách số sê-ri trống' };
  return [...serials].sort((a, b) => a - b);
}

/** The inverse, for messages: [1,2,3,7] → "1-3, 7". */
export function formatSerialList(serials: number[]): string {
  const sorted = [...serials].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
