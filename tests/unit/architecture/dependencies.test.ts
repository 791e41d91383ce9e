/**
 * Which part of the code may depend on which: the domain on no route, plugin or page; estimation
 * on no server or database; the API contract on nothing but zod (and the questionnaire's types);
 * the UI on the contract's types only, so that zod never reaches a phone.
 */
import { describe, expect, it } from 'vitest';
import { describeEdge, importsUnder, within } from '../../support/imports.ts';

describe('the dependencies between the parts of the code', () => {
  it('keep the domain free of routes, plugins and pages', () => {
    const edges = importsUnder('server/domain');
    expect(edges.length).toBeGreaterThan(100);
    const wrong = edges.filter((e) => within(e.to, 'server/routes') || within(e.to, 'server/plugins') || within(e.to, 'survey-ui'));
    expect(wrong.map(describeEdge)).toEqual([]);
  });

  it('keep the estimation pure: analysis/ imports neither the server nor the database', () => {
    const edges = importsUnder('analysis');
    expect(edges.length).toBeGreaterThan(20);
    const wrong = edges.filter(
      (e) => within(e.to, 'server') || within(e.to, 'db') || within(e.to, 'cli') || e.to.startsWith('node:') || ['pg', 'drizzle-orm', 'fastify'].includes(e.to),
    );
    expect(wrong.map(describeEdge)).toEqual([]);
  });

  it('keep the contract to zod, itself and the questionnaire’s types', () => {
    const edges = importsUnder('contract');
    expect(edges.length).toBeGreaterThan(10);
    const allowed = (e: (typeof edges)[number]) => e.to === 'zod' || within(e.to, 'contract') || (e.typeOnly && within(e.to, 'analysis/questionnaire'));
    expect(edges.filter((e) => !allowed(e)).map(describeEdge)).toEqual([]);
  });

  it('let the UI take only types from the contract, so that zod stays out of its bundles', () => {
    const edges = importsUnder('survey-ui/src');
    const fromContract = edges.filter((e) => within(e.to, 'contract'));
    expect(fromContract.length).toBeGreaterThan(3);
    expect(fromContract.filter((e) => !e.typeOnly).map(describeEdge)).toEqual([]);
    expect(edges.filter((e) => e.to === 'zod' || e.to.startsWith('zod/')).map(describeEdge)).toEqual([]);
  });

  it('keep the server and the UI from restating each other: neither imports the other', () => {
    const server = importsUnder('server').filter((e) => within(e.to, 'survey-ui/src'));
    const ui = importsUnder('survey-ui/src').filter((e) => within(e.to, 'server') || within(e.to, 'db'));
    expect([...server, ...ui].map(describeEdge)).toEqual([]);
  });
});
