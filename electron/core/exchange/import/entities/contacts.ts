import type { z } from 'zod';
import { contactCreate } from '../../../../../shared/contract/contacts.ts';
import { createContact, updateContact } from '../../../features/contacts/app.ts';
import { findContact } from '../../../features/contacts/queries.ts';
import { fillBlanks, fold, problem, validate, type EntityImporter, type Lookup, type RowProblem } from '../entity.ts';
import { readCountry } from '../cells.ts';
import { addSchemaProblems, knownContacts, onColumns, rememberContact } from '../references.ts';
import { text, type Cell } from '../values.ts';
import { findLocalityByName } from './localities.ts';

type Input = z.output<typeof contactCreate>;

const TEXT_FIELDS = ['name', 'nativeName', 'title', 'organisation', 'languages', 'email', 'phone', 'notes'] as const;

/** The same person at the same organisation, whichever of their names the row gives; archived contacts are left alone. */
function sameContact(lookup: Lookup, names: (string | null)[], organisation: string | null): number | null {
  const known = knownContacts(lookup);
  const org = fold(organisation ?? '');
  for (const name of names) {
    if (!name) continue;
    const match = (known.get(fold(name)) ?? []).find((c) => !c.archived && c.organisation === org);
    if (match) return match.id;
  }
  return null;
}

export const contactImporter: EntityImporter<Input> = {
  entity: 'contacts',
  fields: [
    {
      key: 'name',
      label: 'contacts.fields.name',
      required: true,
      guesses: ['nombre', 'nome', 'name', 'nombre completo', 'nome completo', 'full name', 'contacto', 'contato', 'contact', 'persona', 'pessoa', 'person'],
    },
    {
      key: 'nativeName',
      label: 'contacts.fields.nativeName',
      guesses: ['nombre original', 'nombre en chino', 'chino', 'native name', 'chinese name', 'nome original', 'nome em chines', '中文名', '中文', '姓名'],
    },
    { key: 'title', label: 'contacts.fields.title', guesses: ['cargo', 'puesto', 'position', 'title', 'job title', 'funcion', 'funcao', '职务'] },
    {
      key: 'organisation',
      label: 'contacts.fields.organisation',
      guesses: [
        'organizacion',
        'organisation',
        'organization',
        'organizacao',
        'institucion',
        'instituicao',
        'institution',
        'entidad',
        'entidade',
        'empresa',
        'company',
        '单位',
      ],
    },
    { key: 'email', label: 'contacts.fields.email', guesses: ['correo', 'correo electronico', 'email', 'e-mail', 'mail', 'correio eletronico'] },
    { key: 'phone', label: 'contacts.fields.phone', guesses: ['telefono', 'telefone', 'phone', 'celular', 'movil', 'mobile', 'tel', 'whatsapp', '电话'] },
    { key: 'locality', label: 'visits.fields.localityId', guesses: ['localidad', 'localidade', 'locality', 'ciudad', 'cidade', 'city'] },
    { key: 'country', label: 'fields.country', guesses: ['pais', 'país', 'country'] },
    { key: 'languages', label: 'contacts.fields.languages', guesses: ['idiomas', 'idioma', 'languages', 'language', 'lenguas'] },
    { key: 'notes', label: 'contacts.fields.notes', guesses: ['notas', 'observaciones', 'notes', 'obs', 'observacoes', 'comentarios', 'comments'] },
  ],
  parse(values, lookup) {
    const get = (key: string): Cell => values[key] ?? null;
    const problems: RowProblem[] = [];
    const country = readCountry(get('country'), 'country', problems);
    let localityId: number | null = null;
    const localityName = text(get('locality'));
    if (localityName) {
      localityId = findLocalityByName(lookup, localityName, country);
      if (localityId === null) problems.push(problem('locality', 'import.errors.unknownLocality', { value: localityName }));
    }
    const fields = { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(get(f)) || null])), localityId };
    const schemaProblems: RowProblem[] = [];
    const input = validate(contactCreate, fields, schemaProblems);
    addSchemaProblems(problems, onColumns(schemaProblems, { localityId: 'locality' }));
    const duplicateOf = input ? sameContact(lookup, [input.name, input.nativeName], input.organisation) : null;
    return { input: problems.length ? null : input, problems, notes: [], duplicateOf };
  },
  async create(input, ctx, lookup) {
    const created = await createContact(input, ctx);
    rememberContact(knownContacts(lookup), created.id, created.name, created.nativeName, created.organisation);
  },
  async merge(id, input, ctx) {
    const existing = await findContact(ctx.db, id);
    if (!existing) return;
    const { visits: _v, localityName: _l, sample: _s, archivedAt: _a, createdAt: _c, updatedAt: _u, ...own } = existing;
    const { name: _n, organisation: _o, ...incoming } = input;
    await updateContact({ ...fillBlanks(own, incoming), id, version: existing.version }, ctx);
  },
};
