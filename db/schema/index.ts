export * from './localities.ts';
export * from './questionnaires.ts';
export * from './rounds.ts';
export * from './responses.ts';
export * from './meta.ts';
export * from './links.ts';
export * from './staff.ts';
export * from './paper.ts';
