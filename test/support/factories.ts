import type { AgreementFields } from '../../shared/contract/agreements.ts';
import type { ContactFields } from '../../shared/contract/contacts.ts';
import type { TaskFields } from '../../shared/contract/tasks.ts';
import type { VisitFields } from '../../shared/contract/visits.ts';
import type { CommitmentFields } from '../../shared/contract/commitments.ts';
import type { LocalityFields } from '../../shared/contract/localities.ts';
import type { Services } from '../../electron/core/services.ts';
import { ok } from './temp-db.ts';

export const shanghaiFields: LocalityFields = { name: 'Shanghai', nativeName: '上海市', country: 'CN', level: 'city', parentId: null };

export function agreementFields(partnerId: number, overrides: Partial<AgreementFields> = {}): AgreementFields {
  return {
    partnerId,
    kind: 'twinning',
    stage: 'signed',
    stageDate: '2018-07-01',
    signedOn: '2018-07-01',
    letterOfIntentOn: '2017-11-02',
    channel: 'bilateral',
    areaIds: [1, 2],
    signedPlace: 'Shanghai',
    notes: 'Becas para escolares de colegios públicos',
    ...overrides,
  };
}

export async function partnerWithAgreement(services: Services, locality: Partial<LocalityFields> = {}, agreement: Partial<AgreementFields> = {}) {
  const partner = await ok(services, 'localities.create', { ...shanghaiFields, ...locality });
  const created = await ok(services, 'agreements.create', agreementFields(partner.id, agreement));
  return { partner, agreement: created };
}

export const wangFields: ContactFields = {
  name: 'Wang Wei',
  nativeName: '王伟',
  title: 'Director de Asuntos Exteriores',
  organisation: 'Gobierno Popular Municipal de Zhangzhou',
  languages: 'zh, en',
  email: 'wang.wei@example.cn',
};

export function visitFields(overrides: Partial<VisitFields> = {}): VisitFields {
  return {
    direction: 'outbound',
    status: 'done',
    startsOn: '2026-04-12',
    endsOn: '2026-04-18',
    venue: 'Palacio municipal de Zhangzhou',
    purpose: 'Firma del hermanamiento con Zhangzhou',
    ...overrides,
  };
}

export function taskFields(overrides: Partial<TaskFields> = {}): TaskFields {
  return { title: 'Enviar fotos oficiales de la firma', dueOn: '2026-05-01', assignee: 'Ana Torres', priority: 'normal', ...overrides };
}
export function commitmentFields(agreementId: number, overrides: Partial<CommitmentFields> = {}): CommitmentFields {
  return {
    agreementId,
    areaId: 2,
    kind: 'scholarship',
    direction: 'receive',
    description: 'Seis becas completas para un campamento de verano',
    quantity: 6,
    unit: 'becas',
    value: null,
    currency: null,
    dueOn: '2027-07-31',
    notes: null,
    ...overrides,
  };
}
