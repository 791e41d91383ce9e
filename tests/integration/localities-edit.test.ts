import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();
const CSV = { 'content-type': 'text/csv' };
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

beforeEach(async () => {
  await database().db.execute(sql`delete from locality_mappings where old_code <> '67'`);
  await database().db.execute(sql`delete from localities where length(code) = 5`);
});

async function manager(): Promise<Agent> {
  await addStaff(database().db, 'manager', 'lan');
  return logInAs(app(), 'lan');
}

describe('administrative units and mappings from the managers’ screen', () => {
  it('lists the 34 provinces in force since 1 July 2025 and the demo’s Đắk Nông, in Vietnamese order, without any import', async () => {
    const lan = await manager();
    const provinces = (await lan.request({ url: '/api/localities/provinces' })).json();
    expect(provinces).toHaveLength(35);
    expect(provinces.slice(0, 3).map((p: { name: string }) => p.name)).toEqual(['Tỉnh An Giang', 'Tỉnh Bắc Ninh', 'Tỉnh Cà Mau']);
    expect(provinces.filter((p: { validTo: string | null }) => p.validTo === null)).toHaveLength(34);
    expect(provinces.find((p: { code: string }) => p.code === '67')).toMatchObject({ name: 'Tỉnh Đắk Nông', validTo: '2025-06-30' });
  });

  it('imports units with every bad row reported and nothing stored, then a sound file, audited per unit', async () => {
    const lan = await manager();
    const bad = await lan.request({
      method: 'POST',
      url: '/api/localities/imports',
      headers: CSV,
      payload: csv([
        'code,name,level,parent_code,valid_from,valid_to',
        '24778,Phường Bắc Gia Nghĩa,commune,68,2025-07-01,',
        '24805,,commune,68,2025-07-01,',
        '24806,Xã Lạ,hamlet,68,2025-07-01,',
        '24807,Xã Không Cha,commune,99,2025-07-01,',
        '24808,Xã Ngày Sai,commune,68,01/07/2025,',
      ]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, 'name'],
      [4, 'level'],
      [5, 'parent_code'],
      [6, 'valid_from'],
    ]);
    expect((await lan.request({ url: '/api/localities?parent=68' })).json()).toEqual([]);

    const good = await lan.request({
      method: 'POST',
      url: '/api/localities/imports',
      headers: CSV,
      payload: csv([
        'code,name,level,parent_code,valid_from,valid_to',
        '24778,Phường Bắc Gia Nghĩa,commune,68,2025-07-01,',
        '24805,Xã Quảng Sơn,commune,68,2025-07-01,',
      ]),
    });
    expect(good.json()).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const audit = (await lan.request({ url: '/api/audit?entity=locality&id=24805' })).json();
    expect(audit.map((e: { action: string; username: string }) => [e.action, e.username])).toEqual([['import_locality', 'lan']]);
  });

  it('edits one unit by the same rules as a file, naming the field, and audits the change', async () => {
    const lan = await manager();
    const added = await lan.request({
      method: 'POST',
      url: '/api/localities',
      payload: { code: '24820', name: 'Xa Dak Song', level: 'commune', parentCode: '68', validFrom: '2025-07-01', validTo: null },
    });
    expect(added.statusCode, added.body).toBe(201);
    const renamed = await lan.request({ method: 'PATCH', url: '/api/localities/24820', payload: { name: 'Xã Đắk Song' } });
    expect(renamed.json()).toMatchObject({ code: '24820', name: 'Xã Đắk Song', level: 'commune', parentCode: '68' });
    const backwards = await lan.request({ method: 'PATCH', url: '/api/localities/24820', payload: { validTo: '2025-01-01' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues[0]).toMatchObject({ path: 'validTo' });
    const orphan = await lan.request({ method: 'PATCH', url: '/api/localities/24820', payload: { parentCode: '99' } });
    expect(orphan.json().issues[0]).toMatchObject({ path: 'parentCode', message: 'không tìm thấy đơn vị cấp trên' });
    expect(
      (
        await lan.request({
          method: 'POST',
          url: '/api/localities',
          payload: { code: '24820', name: 'X', level: 'commune', parentCode: '68', validFrom: '2025-07-01', validTo: null },
        })
      ).statusCode,
    ).toBe(409);
    const audit = (await lan.request({ url: '/api/audit?entity=locality&id=24820' })).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['create_locality', 'update_locality']);
    expect(audit[1].oldValue.name).toBe('Xa Dak Song');
  });

  it('adds, lists, removes and imports old → new mappings; an unknown unit is refused by row and column', async () => {
    const lan = await manager();
    const mapped = await lan.request({
      method: 'POST',
      url: '/api/locality-mappings',
      payload: { oldCode: '661', newCode: '68', effectiveFrom: '2025-07-01' },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect((await lan.request({ url: '/api/locality-mappings?code=68' })).json()).toEqual([
      { oldCode: '661', newCode: '68', effectiveFrom: '2025-07-01' },
      { oldCode: '67', newCode: '68', effectiveFrom: '2025-07-01' },
    ]);
    expect((await lan.request({ method: 'DELETE', url: '/api/locality-mappings/661/68' })).statusCode).toBe(200);
    expect((await lan.request({ method: 'DELETE', url: '/api/locality-mappings/661/68' })).statusCode).toBe(404);
    const bad = await lan.request({
      method: 'POST',
      url: '/api/locality-mappings/imports',
      headers: CSV,
      payload: csv(['old_code,new_code,effective_from', '662,68,2025-07-01', '999,68,2025-07-01', '663,68,July']),
    });
    expect(bad.json().problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, 'old_code'],
      [4, 'effective_from'],
    ]);
    expect((await lan.request({ url: '/api/locality-mappings?code=662' })).json()).toEqual([]);
    const good = await lan.request({
      method: 'POST',
      url: '/api/locality-mappings/imports',
      headers: CSV,
      payload: csv(['old_code,new_code,effective_from', '662,68,2025-07-01']),
    });
    expect(good.json()).toEqual({ stored: 1 });
    const audit = (await lan.request({ url: `/api/audit?entity=locality_mapping&id=${encodeURIComponent('661→68')}` })).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['create_locality_mapping', 'delete_locality_mapping']);
  });

  it('lets analysts and keyers change nothing', async () => {
    for (const role of ['keyer', 'analyst'] as const) {
      await addStaff(database().db, role, role);
      const agent = await logInAs(app(), role);
      expect((await agent.request({ method: 'PATCH', url: '/api/localities/661', payload: { name: 'X' } })).statusCode).toBe(403);
      expect(
        (await agent.request({ method: 'POST', url: '/api/locality-mappings/imports', headers: CSV, payload: csv(['old_code,new_code,effective_from']) }))
          .statusCode,
      ).toBe(403);
    }
  });
});
