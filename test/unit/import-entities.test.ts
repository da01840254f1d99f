import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportEntity, ImportPreview } from '../../shared/contract/imports.ts';
import type { Services } from '../../electron/core/services.ts';
import { parseMoney } from '../../electron/core/exchange/import/money.ts';
import { agreementFields, partnerWithAgreement, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';
import { officeWorkbook } from '../support/xlsx-files.ts';

const b64 = (b: Buffer) => b.toString('base64');

const xlsx = (rows: unknown[][]) => officeWorkbook(rows);

const request = (entity: ImportEntity, fileName: string, bytes: Buffer) => ({ entity, fileName, contentBase64: b64(bytes) });
const rowOf = (preview: ImportPreview, first: string) => preview.rows.find((r) => r.values[0] === first)!;
const count = (services: Services, table: string) => tableCounts(services)[table]!;
const auditCount = (services: Services, entity: string) =>
  (services.opened.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get(entity) as { n: number }).n;

describe('importing contacts', () => {
  /** Portuguese headers, UTF-8 with a BOM, Chinese and accented names, a blank row, a bad e-mail, an unknown city and a repeated person. */
  const csv = () =>
    Buffer.from(
      '\uFEFF' +
        [
          'Nome,Nome original,Cargo,Organização,E-mail,Telefone,Cidade,País,Observações',
          'Li Na,李娜,Directora de Educación,Oficina de Asuntos Exteriores de Zhangzhou,li.na@example.cn,+86 596 123,Zhangzhou,China,Becas',
          'José Peña,,Intérprete,Municipalidad de Lima,,,,,',
          ',,,,,,,,',
          'Zhou Qiang,周强,Vicealcalde,Gobierno de Zhangzhou,zhou@@example,,,,correo malo',
          'Maria Souza,,Assessora,Prefeitura de Curitiba,,,Atlantis,Brasil,',
          'WANG WEI,,Director,GOBIERNO POPULAR MUNICIPAL DE ZHANGZHOU,,+86 596 999,Zhangzhou,CN,Vino a Lima en 2019',
          '',
        ].join('\r\n'),
      'utf8',
    );

  it('previews with guessed columns and every bad row explained, imports the rest through the contacts service', async () => {
    const services = await openTestServices();
    const { partner } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    const wang = await ok(services, 'contacts.create', { ...wangFields, phone: null, notes: null });
    const req = request('contacts', 'contatos.csv', csv());

    const preview = await ok(services, 'import.preview', req);
    expect(preview.mapping).toMatchObject({ name: 0, nativeName: 1, title: 2, organisation: 3, email: 4, phone: 5, locality: 6, country: 7, notes: 8 });
    expect(preview.totals).toEqual({ rows: 5, valid: 3, invalid: 2, duplicates: 1 });
    expect(rowOf(preview, 'Zhou Qiang').problems).toEqual([{ field: 'email', message: 'errors.email' }]);
    expect(rowOf(preview, 'Maria Souza').problems[0]).toMatchObject({ field: 'locality', message: expect.stringMatching(/^import\.errors\.unknownLocality/) });
    // Same name and organisation, whatever the case and accents: the contact already there.
    expect(rowOf(preview, 'WANG WEI').duplicateOf).toBe(wang.id);

    const before = count(services, 'contacts');
    const result = await ok(services, 'import.commit', { ...req, duplicates: 'skip' });
    expect(result).toMatchObject({ created: 2, merged: 0, skipped: 1, rejected: 2 });
    expect(count(services, 'contacts')).toBe(before + 2);
    expect(auditCount(services, 'contact')).toBe(3);
    const li = (await ok(services, 'contacts.list', { search: '李娜' })).rows[0]!;
    expect(li).toMatchObject({
      name: 'Li Na',
      nativeName: '李娜',
      localityId: partner.id,
      email: 'li.na@example.cn',
      organisation: 'Oficina de Asuntos Exteriores de Zhangzhou',
    });
    expect((await ok(services, 'contacts.list', { search: 'jose pena' })).rows[0]).toMatchObject({ name: 'José Peña', title: 'Intérprete' });
    expect((await ok(services, 'contacts.list', { search: 'zhou qiang' })).total).toBe(0);

    // Again, merging: the repeated person gets the phone and notes they lacked; the title they had stays.
    const merged = await ok(services, 'import.commit', { ...req, duplicates: 'merge' });
    expect(merged).toMatchObject({ created: 0, merged: 3, rejected: 2 });
    const after = await ok(services, 'contacts.get', { id: wang.id });
    expect(after).toMatchObject({ name: 'Wang Wei', title: wangFields.title, phone: '+86 596 999', notes: 'Vino a Lima en 2019', localityId: partner.id });
    expect(count(services, 'contacts')).toBe(before + 2);
  });

  it('reads a Windows-1252 CSV with semicolons as Excel writes it on a Spanish Windows', async () => {
    const services = await openTestServices();
    const bytes = iconv.encode(
      'Nombre;Organización;Cargo\r\nMaría Ibáñez;Cámara de Comercio;Gerente\r\n;;\r\nJoão Gonçalves;Prefeitura;Assessor\r\n',
      'win1252',
    );
    const result = await ok(services, 'import.commit', { ...request('contacts', 'contactos.csv', bytes), duplicates: 'skip' });
    expect(result).toMatchObject({ created: 2, rejected: 0 });
    expect((await ok(services, 'contacts.list', { search: 'ibanez' })).rows[0]).toMatchObject({ name: 'María Ibáñez', organisation: 'Cámara de Comercio' });
  });
});

describe('importing visits', () => {
  /** Spanish headers, a date cell, a day-first date, an Excel serial, a blank row, a bad date, a missing partner and a visit already logged. */
  const workbook = () =>
    xlsx([
      ['Tipo de visita', 'Desde', 'Hasta', 'Ciudad socia', 'País', 'Propósito', 'Lugar', 'Participantes', 'Resultados', 'Tipo de acuerdo'],
      [
        'Recibida',
        new Date(Date.UTC(2024, 3, 12)),
        '15/04/2024',
        'Zhangzhou',
        'China',
        'Delegación de Zhangzhou en Lima',
        'Palacio Municipal',
        'Wang Wei (jefe de delegación); 李娜, Ana Torres (intérprete)、黄丽 (Huang Li); 王伟',
        'Becas 2025\nIntercambio de docentes',
        'Hermanamiento',
      ],
      [],
      ['outgoing', 45500, null, '漳州市', null, 'Feria de comercio de Xiamen', null, '李娜', null],
      ['Enviada', '31/02/2024', null, 'Zhangzhou', null, 'Fecha imposible', null, null, null],
      ['recebida', '2024-05-01', null, 'Atlantis', null, 'Socio que no existe', null, null, null],
      ['Realizada', '10/09/2023', '2023-09-14', 'Zhangzhou', null, 'Firma del hermanamiento', 'Ayuntamiento de Zhangzhou', 'Wang Wei', 'Firma'],
      ['Recibida', '2024-06-01', null, null, null, 'Visita con un rol raro', null, 'Pedro Gómez (cocinero)', null],
      ['Recibida', '2024-08-01', null, 'Zhangzhou', null, 'Bajo un acuerdo que no hay', null, null, null, 'Ciudad amiga'],
    ]);

  it('links partners and agreements by name, finds or creates participants, explains every bad row', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    const wang = await ok(services, 'contacts.create', wangFields);
    const existing = await ok(
      services,
      'visits.create',
      visitFields({ startsOn: '2023-09-10', endsOn: '2023-09-14', localityId: partner.id, purpose: 'Firma', venue: null }),
    );
    const req = request('visits', 'visitas.xlsx', await workbook());

    const preview = await ok(services, 'import.preview', req);
    expect(preview.mapping).toMatchObject({
      direction: 0,
      startsOn: 1,
      endsOn: 2,
      partner: 3,
      partnerCountry: 4,
      purpose: 5,
      venue: 6,
      participants: 7,
      outcomes: 8,
      agreementKind: 9,
    });
    expect(preview.totals).toEqual({ rows: 7, valid: 3, invalid: 4, duplicates: 1 });
    expect(rowOf(preview, 'Enviada').problems).toEqual([{ field: 'startsOn', message: expect.stringMatching(/^import\.errors\.date\|.*31\/02\/2024/) }]);
    expect(rowOf(preview, 'recebida').problems).toEqual([{ field: 'partner', message: expect.stringMatching(/^import\.errors\.missingPartner\|.*Atlantis/) }]);
    expect(rowOf(preview, 'Recibida').notes).toEqual([expect.stringMatching(/^import\.notes\.newContacts\|.*李娜, Ana Torres, Huang Li"/)]);
    expect(preview.rows.find((r) => r.values[5] === 'Visita con un rol raro')!.problems[0]).toMatchObject({
      field: 'participants',
      message: expect.stringMatching(/^import\.errors\.role/),
    });
    expect(preview.rows.find((r) => r.values[5] === 'Bajo un acuerdo que no hay')!.problems).toEqual([
      { field: 'agreementKind', message: expect.stringMatching(/^import\.errors\.unknownAgreement/) },
    ]);
    expect(rowOf(preview, 'Realizada').duplicateOf).toBe(existing.id);
    // The preview wrote nothing.
    expect(count(services, 'contacts')).toBe(1);

    const result = await ok(services, 'import.commit', { ...req, duplicates: 'merge' });
    expect(result).toMatchObject({ created: 2, merged: 1, skipped: 0, rejected: 4 });
    const list = await ok(services, 'visits.list', { sort: 'startsOn', dir: 'asc' });
    expect(list.rows.map((r) => r.startsOn)).toEqual(['2023-09-10', '2024-04-12', '2024-07-27']);

    const received = await ok(services, 'visits.get', { id: list.rows.find((r) => r.startsOn === '2024-04-12')!.id });
    expect(received).toMatchObject({
      direction: 'inbound',
      status: 'done',
      endsOn: '2024-04-15',
      localityId: partner.id,
      agreementIds: [agreement.id],
      venue: 'Palacio Municipal',
    });
    // 王伟 is Wang Wei named again; 黄丽 (Huang Li) is a new contact with both her names.
    expect(received.participants.map((p) => [p.name, p.nativeName, p.role])).toEqual([
      ['Wang Wei', '王伟', 'head_of_delegation'],
      ['李娜', null, 'member'],
      ['Ana Torres', null, 'interpreter'],
      ['Huang Li', '黄丽', 'member'],
    ]);
    expect(received.participants[0]!.contactId).toBe(wang.id);
    expect(received.outcomes.map((o) => o.text)).toEqual(['Becas 2025', 'Intercambio de docentes']);

    // The trip two rows down names 李娜, created by the row above: the same contact, not a second one.
    const trip = await ok(services, 'visits.get', { id: list.rows.find((r) => r.startsOn === '2024-07-27')!.id });
    expect(trip).toMatchObject({ direction: 'outbound', endsOn: '2024-07-27', localityId: partner.id });
    expect(trip.participants[0]!.contactId).toBe(received.participants[1]!.contactId);
    expect(count(services, 'contacts')).toBe(4);

    // The visit already logged kept its own purpose and gained the venue it lacked.
    const merged = await ok(services, 'visits.get', { id: existing.id });
    expect(merged).toMatchObject({ purpose: 'Firma', venue: 'Ayuntamiento de Zhangzhou', version: 2 });
    expect(merged.participants.map((p) => p.contactId)).toEqual([wang.id]);
  });
});

describe('importing commitments', () => {
  it('reads money as offices write it: a code or symbol beside the amount, or a currency column', () => {
    // Read the office's region's way (here Uruguay's, 1.500,00) and handed on written that way.
    const read = (value: string | number, currency: string | null = null, locale = 'es-UY') => {
      const problems: { field: string | null; message: string }[] = [];
      return { ...parseMoney(value, currency, problems, locale), problems: problems.map((p) => p.message.split('|')[0]) };
    };
    expect(read('USD 1.500,00')).toEqual({ value: '1.500,00', currency: 'USD', problems: [] });
    expect(read('1,500.00', 'usd', 'es-MX')).toEqual({ value: '1,500.00', currency: 'USD', problems: [] });
    expect(read('¥20000')).toEqual({ value: '20.000,00', currency: 'CNY', problems: [] });
    expect(read('S/ 2.500')).toEqual({ value: '2.500,00', currency: 'PEN', problems: [] });
    expect(read('R$ 300,50')).toEqual({ value: '300,50', currency: 'BRL', problems: [] });
    expect(read('1500 soles')).toEqual({ value: '1.500,00', currency: 'PEN', problems: [] });
    expect(read(1500.1, 'Dólares')).toEqual({ value: '1.500,10', currency: 'USD', problems: [] });
    expect(read(1500.1, 'Dólares', 'en-US')).toEqual({ value: '1,500.10', currency: 'USD', problems: [] });
    expect(read('$ 500', 'MXN')).toEqual({ value: '500,00', currency: 'MXN', problems: [] });
    expect(read('$ 500').problems).toEqual(['import.errors.currencyNeeded']);
    expect(read('EUR 10', 'USD').problems).toEqual(['import.errors.currencyConflict']);
    expect(read('mucho dinero', 'USD').problems).toEqual(['import.errors.amount']);
    expect(read('10', 'Narnian crowns').problems).toEqual(['import.errors.currency']);
    // A cell is hostile text: what could be read two ways is refused, never guessed.
    expect(read('1,500.00', 'USD').problems).toEqual(['amountErrors.format']);
    expect(read('USD 1.2.3').problems).toEqual(['amountErrors.format']);
    expect(read('USD 12.400.50').problems).toEqual(['amountErrors.format']);
    expect(read('S/ 2.500', null, 'es-PE').problems).toEqual(['amountErrors.decimals']);
    expect(read(10.5, 'JPY').problems).toEqual(['import.errors.amount']);
    expect(read(-3, 'USD')).toEqual({ value: null, currency: 'USD', problems: ['import.errors.amount'] });
  });

  /** Windows-1252 with ';' as Excel writes it in Spanish: accents, ¥ and € in amounts, a blank row, rows that cannot be placed. */
  const csv = () =>
    iconv.encode(
      [
        'Socio;Tipo de acuerdo;Tipo;Dirección;Descripción;Cantidad;Valor;Moneda;Fecha límite;Observaciones;Área;Estado',
        'Córdoba;;Becas;Recibimos;Becas de posgrado en la Universidad Nacional;10 becas;USD 1.500,00;;31/12/2025;;Educación',
        'Zhangzhou;Hermanamiento;Donación en especie;Damos;Ambulancia equipada;1;1.500;USD;2025-06-30;Entrega en el puerto;;Entregado',
        ';;;;;;;;;',
        'Zhangzhou;;Capacitación;Recibimos;Curso de gestión urbana;;;;;',
        'Atlantis;;Beca;;Beca fantasma;;;;;;Astrología',
        'Córdoba;;Intercambio;;Intercambio de artistas;;€ 2.000;;15/07/2025;;;Cancelado',
        'Córdoba;;Donación;;Donación con moneda ambigua;;$ 500;;;',
        'CÓRDOBA;;beca;;Becas de posgrado en la universidad nacional;;;;;Vía embajada',
        'Córdoba;Ciudad amiga;Beca;;Beca de otro acuerdo;;;;;',
        '',
      ].join('\r\n'),
      'win1252',
    );

  it('finds the agreement by partner (and kind), reads quantities and money, reports what cannot be placed', async () => {
    const services = await openTestServices();
    const cordoba = await partnerWithAgreement(services, { name: 'Córdoba', nativeName: null, country: 'AR', level: 'province' });
    // An Argentine office: its sheets write 1.500,00.
    await ok(services, 'settings.update', { country: 'AR' });
    const zhangzhou = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    await ok(services, 'agreements.create', agreementFields(zhangzhou.partner.id, { kind: 'friendship' }));
    const req = request('commitments', 'compromisos.csv', csv());

    const preview = await ok(services, 'import.preview', req);
    expect(preview.mapping).toMatchObject({
      partner: 0,
      agreementKind: 1,
      kind: 2,
      direction: 3,
      description: 4,
      quantity: 5,
      value: 6,
      currency: 7,
      dueOn: 8,
      notes: 9,
    });
    expect(preview.totals).toEqual({ rows: 8, valid: 4, invalid: 4, duplicates: 1 });
    const problemsOf = (description: string) => preview.rows.find((r) => r.values[4] === description)!.problems;
    expect(preview.rows.find((r) => r.values[4] === 'Ambulancia equipada')!.notes).toEqual(['import.notes.deliveriesNotImported']);
    expect(problemsOf('Curso de gestión urbana')).toEqual([
      { field: 'partner', message: expect.stringMatching(/^import\.errors\.ambiguousAgreement\|.*"count":2/) },
    ]);
    expect(problemsOf('Beca fantasma')).toEqual([
      { field: 'partner', message: expect.stringMatching(/^import\.errors\.missingPartner/) },
      { field: 'area', message: expect.stringMatching(/^import\.errors\.unknownArea\|.*Astrología/) },
    ]);
    expect(problemsOf('Donación con moneda ambigua')).toEqual([{ field: 'currency', message: expect.stringMatching(/^import\.errors\.currencyNeeded/) }]);
    expect(problemsOf('Beca de otro acuerdo')).toEqual([{ field: 'partner', message: expect.stringMatching(/^import\.errors\.unknownAgreement/) }]);

    const result = await ok(services, 'import.commit', { ...req, duplicates: 'merge' });
    expect(result).toMatchObject({ created: 3, merged: 1, skipped: 0, rejected: 4 });
    expect(auditCount(services, 'commitment')).toBe(5); // three created, one cancelled, one merged
    const list = await ok(services, 'commitments.list', { sort: 'dueOn', dir: 'asc' });
    expect(list.rows.map((r) => [r.partnerName, r.kind, r.direction, r.quantity, r.unit, r.valueMinor, r.currency, r.dueOn, r.status])).toEqual([
      ['Zhangzhou', 'donation_in_kind', 'give', 1, null, 150000, 'USD', '2025-06-30', 'overdue'],
      ['Córdoba', 'exchange', 'receive', 1, null, 200000, 'EUR', '2025-07-15', 'cancelled'],
      ['Córdoba', 'scholarship', 'receive', 10, 'becas', 150000, 'USD', '2025-12-31', 'overdue'],
    ]);
    expect(await ok(services, 'commitments.get', { id: list.rows[1]!.id })).toMatchObject({ cancelReason: 'Cancelado' });
    expect(list.rows[0]!.agreementId).toBe(zhangzhou.agreement.id);
    // The repeated scholarship row (same agreement, kind and description) filled in the notes the first one lacked.
    const scholarship = await ok(services, 'commitments.get', { id: list.rows[2]!.id });
    expect(scholarship).toMatchObject({
      agreementId: cordoba.agreement.id,
      areaId: 2,
      notes: 'Vía embajada',
      description: 'Becas de posgrado en la Universidad Nacional',
    });

    const again = await ok(services, 'import.preview', req);
    expect(again.totals.duplicates).toBe(4);
    expect(await ok(services, 'import.commit', { ...req, duplicates: 'skip' })).toMatchObject({ created: 0, skipped: 4 });
    expect(count(services, 'commitments')).toBe(3);
  });
});

describe('importing tasks', () => {
  const workbook = () =>
    xlsx([
      ['Task', 'Details', 'Due', 'Assignee', 'Priority', 'Status', 'Done on', 'Agreement'],
      ['Enviar fotos a 漳州市', null, new Date(Date.UTC(2025, 4, 1)), 'ana torres', 'Alta', 'Pendiente', null, 'Zhangzhou'],
      [],
      ['准备礼品 para la delegación', null, '15/06/2025', 'Luis Paredes', 'baja', 'Hecha', '20/06/2025', null],
      ['Fecha imposible', null, '2025-13-45', null, null, null, null, null],
      ['Socio que no existe', null, '2025-07-01', null, null, null, null, 'Atlantis'],
      ['Llamar a la embajada', null, 45900, null, null, null, '2025-01-01', null],
      ['ENVIAR FOTOS OFICIALES DE LA FIRMA', 'Ver la carpeta compartida', '01/05/2026', 'Otra persona', null, null, null, null],
      ['Estado raro', null, null, null, null, 'quizás', null, null],
      ['Abierta pero con fecha de cierre', null, null, null, null, 'open', '2025-01-01', null],
    ]);

  it('spells assignees as the staff list does, links agreements by partner, marks done tasks, merges repeats', async () => {
    const services = await openTestServices();
    await ok(services, 'settings.update', { staff: ['Ana Torres'] });
    const { agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    const existing = await ok(services, 'tasks.create', taskFields({ assignee: null }));
    const req = request('tasks', 'tareas.xlsx', await workbook());

    const preview = await ok(services, 'import.preview', req);
    expect(preview.mapping).toMatchObject({ title: 0, description: 1, dueOn: 2, assignee: 3, priority: 4, status: 5, completedOn: 6, agreement: 7 });
    expect(preview.totals).toEqual({ rows: 8, valid: 4, invalid: 4, duplicates: 1 });
    expect(rowOf(preview, 'Fecha imposible').problems).toEqual([{ field: 'dueOn', message: expect.stringMatching(/^import\.errors\.date/) }]);
    expect(rowOf(preview, 'Socio que no existe').problems).toEqual([{ field: 'agreement', message: expect.stringMatching(/^import\.errors\.missingPartner/) }]);
    expect(rowOf(preview, 'Estado raro').problems).toEqual([{ field: 'status', message: expect.stringMatching(/^import\.errors\.choice/) }]);
    expect(rowOf(preview, 'Abierta pero con fecha de cierre').problems).toEqual([{ field: 'completedOn', message: 'tasksErrors.completed_not_done' }]);
    expect(rowOf(preview, 'ENVIAR FOTOS OFICIALES DE LA FIRMA').duplicateOf).toBe(existing.id);

    const result = await ok(services, 'import.commit', { ...req, duplicates: 'merge' });
    expect(result).toMatchObject({ created: 3, merged: 1, rejected: 4 });
    const all = (await ok(services, 'tasks.list', { view: 'all', sort: 'title' })).rows;
    const byTitle = (title: string) => all.find((t) => t.title === title)!;
    expect(byTitle('Enviar fotos a 漳州市')).toMatchObject({
      dueOn: '2025-05-01',
      assignee: 'Ana Torres',
      priority: 'high',
      status: 'open',
      link: { kind: 'agreement', id: agreement.id },
    });
    expect(byTitle('准备礼品 para la delegación')).toMatchObject({
      assignee: 'Luis Paredes',
      priority: 'low',
      status: 'done',
      completedOn: '2025-06-20',
      link: null,
    });
    expect(byTitle('Llamar a la embajada')).toMatchObject({ dueOn: '2025-08-31', status: 'done', completedOn: '2025-01-01' });
    // The repeat kept the existing title and due date and filled the detail and assignee it lacked.
    expect(await ok(services, 'tasks.get', { id: existing.id })).toMatchObject({
      title: existing.title,
      description: 'Ver la carpeta compartida',
      assignee: 'Otra persona',
      version: 2,
    });
    expect(count(services, 'tasks')).toBe(4);
    expect(auditCount(services, 'task')).toBe(5);
  });
});
