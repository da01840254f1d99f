import type { Document } from 'docx';
import { dataTable, emptyNote, heading1, labelled, para, tableOrNote, type Block } from '../blocks.ts';
import { buildDocument } from '../document.ts';
import type { ReportLocale } from '../format.ts';
import { areaName, country, kindName, levelName, stageName } from '../labels.ts';
import type { ReportAssets } from '../annual/document.ts';
import { commitmentBlocks } from '../commitments/document.ts';
import type { AgreementDossierData } from './data.ts';

const partnerTitle = (d: AgreementDossierData, l: ReportLocale) =>
  l.bothScripts(d.agreement.partner.name, d.agreement.partner.nativeName, d.agreement.partner.country);

export function dossierFigures(d: AgreementDossierData, l: ReportLocale): [string, string][] {
  const a = d.agreement;
  const { t } = l;
  return [
    [t('fields.partner'), partnerTitle(d, l)],
    [t('fields.kind'), kindName(l, a.kind)],
    [t('fields.stage'), stageName(l, a.stage)],
    [t('fields.signedOn'), l.date(a.signedOn) || t('common.none')],
    [t('reports.agreement.stageSteps'), l.number(a.stages.length)],
    [t('reports.agreement.visits'), l.number(d.visits.length)],
    [t('reports.agreement.commitments'), l.number(d.commitments.length)],
    [t('reports.agreement.attachments'), l.number(d.attachments.length)],
    [t('reports.agreement.openTasks'), l.number(d.openTasks.length)],
  ];
}

function details(d: AgreementDossierData, l: ReportLocale): Block[] {
  const a = d.agreement;
  const { t } = l;
  const parent = d.partnerParent ? `, ${l.bothScripts(d.partnerParent.name, d.partnerParent.nativeName, d.partnerParent.country)}` : '';
  const rows: [string, string][] = [
    [t('fields.partner'), `${partnerTitle(d, l)} — ${levelName(l, a.partner.level)}${parent}, ${country(l, a.partner.country)}`],
    [t('fields.kind'), kindName(l, a.kind)],
    [t('fields.stage'), `${stageName(l, a.stage)}${a.stageSince ? ` (${t('reports.agreement.since', { date: l.date(a.stageSince) })})` : ''}`],
    [t('fields.channel'), t(`channel.${a.channel}`)],
    [t('fields.letterOfIntentOn'), l.date(a.letterOfIntentOn)],
    [t('fields.signedOn'), l.date(a.signedOn)],
    [t('fields.signedPlace'), a.signedPlace ?? ''],
    [t('fields.signatoriesOurs'), a.signatoriesOurs ?? ''],
    [t('fields.signatoriesTheirs'), a.signatoriesTheirs ?? ''],
    [t('fields.resolutionNumber'), [a.resolutionNumber, l.date(a.resolutionOn)].filter(Boolean).join(' — ')],
    [t('fields.renewalOn'), l.date(a.renewalOn)],
    [t('fields.expiresOn'), l.date(a.expiresOn)],
    [t('fields.endedOn'), l.date(a.endedOn)],
    [t('fields.areaIds'), a.areas.map((x) => areaName(l, x)).join(', ')],
  ];
  const shown = rows.filter(([, v]) => v !== '');
  return [
    heading1(l, t('reports.agreement.details')),
    dataTable(
      l,
      [
        { title: t('reports.columns.figure'), weight: 30 },
        { title: t('reports.columns.value'), weight: 70 },
      ],
      shown,
    ),
    ...(a.notes ? [para(l, ''), labelled(l, [[t('fields.notes'), a.notes]])] : []),
  ];
}

function stages(d: AgreementDossierData, l: ReportLocale): Block[] {
  const { t } = l;
  const list = d.agreement.stages;
  return [
    heading1(l, t('reports.agreement.history')),
    tableOrNote(
      l,
      [
        { title: t('reports.columns.date'), weight: 20 },
        { title: t('reports.columns.stage'), weight: 25 },
        { title: t('reports.columns.note'), weight: 35 },
        { title: t('reports.columns.recordedBy'), weight: 20 },
      ],
      list.map((s) => [l.date(s.date), stageName(l, s.stage), s.note ?? '', [s.userName, l.date(s.recordedAt)].filter(Boolean).join(', ')]),
      t('reports.agreement.noHistory'),
    ),
  ];
}

function changes(d: AgreementDossierData, l: ReportLocale): Block[] {
  const { t } = l;
  return [
    heading1(l, t('reports.agreement.changes')),
    tableOrNote(
      l,
      [
        { title: t('reports.columns.date'), weight: 20 },
        { title: t('reports.columns.action'), weight: 18 },
        { title: t('reports.columns.fields'), weight: 42 },
        { title: t('reports.columns.recordedBy'), weight: 20 },
      ],
      d.changes.map((c) => [
        l.date(c.at),
        t(`reports.agreement.action.${c.action}`),
        c.fields.map((f) => l.t(`fields.${f}`, { defaultValue: f })).join(', '),
        c.userName,
      ]),
      t('reports.agreement.noChanges'),
    ),
  ];
}

function activity(d: AgreementDossierData, l: ReportLocale): Block[] {
  const { t } = l;
  const out: Block[] = [heading1(l, t('reports.agreement.visits'))];
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.columns.dates'), weight: 24 },
        { title: t('reports.columns.direction'), weight: 20 },
        { title: t('reports.columns.purpose'), weight: 40 },
        { title: t('reports.columns.status'), weight: 16 },
      ],
      d.visits.map((v) => [
        v.startsOn === v.endsOn ? l.date(v.startsOn) : `${l.date(v.startsOn)} – ${l.date(v.endsOn)}`,
        t(`visits.direction.${v.direction}`),
        v.purpose,
        t(`visits.status.${v.status}`),
      ]),
      t('reports.agreement.noVisits'),
    ),
  );
  out.push(heading1(l, t('reports.agreement.commitments')));
  if (d.commitments.length) out.push(...d.commitments.flatMap((c) => commitmentBlocks(c, l, false)));
  else out.push(emptyNote(l, t('reports.agreement.noCommitments')));
  out.push(heading1(l, t('reports.agreement.attachments')));
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.agreement.file'), weight: 50 },
        { title: t('reports.agreement.attachedTo'), weight: 20 },
        { title: t('reports.agreement.size'), weight: 14, align: 'right' },
        { title: t('reports.columns.date'), weight: 16 },
      ],
      d.attachments.map((f) => [
        f.fileName,
        t(`reports.agreement.entity.${f.entity}`),
        `${l.number(Math.max(1, Math.round(f.size / 1024)))} KB`,
        l.date(f.addedOn),
      ]),
      t('reports.agreement.noAttachments'),
    ),
  );
  out.push(heading1(l, t('reports.agreement.openTasks')));
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.columns.task'), weight: 46 },
        { title: t('reports.columns.due'), weight: 18 },
        { title: t('reports.columns.assignee'), weight: 20 },
        { title: t('reports.columns.status'), weight: 16 },
      ],
      d.openTasks.map((k) => [k.title, l.date(k.dueOn), k.assignee ?? '', t(`tasks.status.${k.status}`)]),
      t('reports.agreement.noOpenTasks'),
    ),
  );
  return out;
}

export function dossierBody(d: AgreementDossierData, l: ReportLocale): Block[] {
  return [...details(d, l), ...stages(d, l), ...activity(d, l), ...changes(d, l)];
}

export function dossierDocument(d: AgreementDossierData, l: ReportLocale, assets: ReportAssets): Document {
  return buildDocument({
    locale: l,
    title: l.t('reports.agreement.title'),
    subtitle: `${partnerTitle(d, l)} — ${kindName(l, d.agreement.kind)}`,
    officeName: d.office.name,
    localityName: d.office.localityName ? l.bothScripts(d.office.localityName, d.office.localityNative, d.office.localityCountry) : null,
    generatedOn: assets.generatedOn,
    logo: assets.logo,
    houseStyleXml: assets.houseStyleXml,
    contents: true,
    body: dossierBody(d, l),
  });
}
