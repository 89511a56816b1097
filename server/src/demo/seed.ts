import { seedMonitoring } from './monitoring.ts';
import { seedDisclosure } from './disclosure.ts';
import { seedDemoReports } from '../modules/reports/index.ts';
import { seedExpertsAndTeam } from './experts.ts';
import { placeDemoEnterprises } from './places.ts';
import { makeCreditCode, territories } from '@inspecta/domain';
import type { AppContext } from '../platform/http/context.ts';
import type { Tx } from '../platform/db/client.ts';
import { appendAuditEvent } from '../platform/audit/service.ts';
import { hashPassword } from '../platform/auth/service.ts';
import {
  countOrganisations,
  enterpriseLocations,
  insertCertificate,
  insertEnterpriseFacts,
  insertEnterprises,
  insertOfficer,
  insertOrganisation,
  insertUser,
  type NewEnterpriseFact,
} from './repository.ts';
import { openRun, runRegrade } from '../modules/grading/index.ts';
import { seededRandom, type SeededRandom } from './prng.ts';
import { seedDemoDraw, seedDepartmentOfficers } from './draws.ts';
import { demoAccounts, demoPassword } from './accounts.ts';
import { demoEnterprise, keyIndustryShowcase } from './enterprises.ts';
import { seedInspections } from './inspections.ts';
import { seedSupervision } from './supervision.ts';
import { systemActor } from '../platform/auth/system-user.ts';

const cityCode = '440700';
const counties = territories.filter((t) => t.level === 'county');
const surnames = '陈李黄张梁林吴何刘谭余周区冯关邓赵郑胡甄司徒'.split('');
const givenNames = [
  '伟',
  '芳',
  '敏',
  '强',
  '军',
  '杰',
  '婷',
  '磊',
  '洁',
  '涛',
  '静',
  '斌',
  '华',
  '俊',
  '晓东',
  '志明',
  '嘉欣',
  '国强',
  '建华',
  '丽娟',
];

const personName = (random: SeededRandom) => random.pick(surnames) + random.pick(givenNames);

type SeedSummary = { organisations: number; officers: number; enterprises: number; users: number };

// Loads the demo data once: a database that already has organisations is left alone.
export const seedDemoData = async (
  ctx: AppContext,
  // latestSchema: false for a database migrated only as far as an older release (the upgrade test): the demo
  // records of later tables and roles are left out
  options: { enterprises?: number; latestSchema?: boolean } = {},
): Promise<SeedSummary | null> => {
  if ((await countOrganisations(ctx.db)) > 0) return null;
  const latest = options.latestSchema ?? true;
  const passwordHash = await hashPassword(demoPassword);
  const summary = await ctx.db.transaction(async (tx) => {
    const random = seededRandom(20250214);
    const bureaus = await seedOrganisations(tx);
    const officerCount = (await seedOfficers(tx, random, bureaus)) + (await seedDepartmentOfficers(tx));
    const enterpriseIds = await seedEnterprises(tx, random, options.enterprises ?? 300);
    await seedFacts(tx, random, enterpriseIds, ctx.clock.now());
    // the 举报受理员 role came with migration 0058
    for (const account of demoAccounts.filter((a) => latest || a.role !== 'report_officer')) {
      await insertUser(tx, {
        username: account.username,
        passwordHash,
        displayName: account.displayName,
        role: account.role,
        territory: account.territory,
        organisationId: bureaus.get(account.territory) ?? null,
        enterpriseId: account.role === 'enterprise' ? (enterpriseIds[0] ?? null) : null,
      });
    }
    const summary = {
      organisations: bureaus.size,
      officers: officerCount,
      enterprises: enterpriseIds.length,
      users: demoAccounts.filter((a) => latest || a.role !== 'report_officer').length,
    };
    await appendAuditEvent(tx, {
      actor: systemActor('系统（演示数据）'),
      action: 'system.demo.seeded',
      entityType: 'system',
      entityId: 'demo',
      territory: cityCode,
      payload: summary,
      at: ctx.clock.now(),
    });
    return summary;
  });
  // issue 16 item 7: the demo enterprises placed on the map of their county or district
  if (latest) await placeDemoEnterprises(ctx);
  // measure 3: every demo enterprise starts graded, as a regrade run anyone can see in the run list
  const { run } = await openRun(ctx, 'seed', '系统（演示数据）');
  await runRegrade(ctx, run, { trigger: 'seed' });
  await seedDemoDraw(ctx);
  // issue 6 items 10–11: inspections this year by the bureaus and other departments (caps come from the grades)
  await seedInspections(ctx);
  // issue 17 items 3, 9: last year's visits with findings (outliers on both sides) and a complaint
  // (tables of migration 0061: not on a database migrated only as far as an older release)
  if (latest) await seedSupervision(ctx);
  // issue 16: a day of monitoring alarms, triaged into the incidents officers handle
  if (latest) await seedMonitoring(ctx);
  // issue 17 items 4, 5: an open day, a published decision of an individual business, last year's reports
  // (tables of migration 0059: not on a database migrated only as far as an older release)
  if (latest) await seedDisclosure(ctx);
  // issue 17 (measure 27): two reports waiting for 蓬江区's 举报受理员
  if (latest) await seedDemoReports(ctx);
  // issue 17 items 6 and 7: the expert database and a little of the team's records
  if (latest) await seedExpertsAndTeam(ctx);
  return summary;
};

// Returns bureau id by territory.
const seedOrganisations = async (tx: Tx): Promise<Map<string, string>> => {
  const bureaus = new Map<string, string>();
  for (const territory of territories) {
    // the bureau's full name as its seal reads: a district's carries its city's (江门市蓬江区应急管理局), a county-level
    // city's stands alone (台山市应急管理局)
    const name =
      territory.level === 'city'
        ? '江门市应急管理局'
        : territory.name.endsWith('区')
          ? `江门市${territory.name}应急管理局`
          : `${territory.name}应急管理局`;
    const id = await insertOrganisation(tx, {
      name,
      kind: 'bureau',
      territory: territory.code,
      hasLegalStanding: true,
    });
    bureaus.set(territory.code, id);
    const units =
      territory.level === 'city'
        ? ['执法监督科', '危险化学品安全监督管理科', '安全生产执法支队']
        : ['安全生产执法大队', '综合业务股'];
    for (const unit of units) {
      await insertOrganisation(tx, {
        name: `${name}${unit}`,
        kind: 'internal_unit',
        territory: territory.code,
        parentId: id,
        hasLegalStanding: false,
      });
    }
  }
  const city = bureaus.get(cityCode)!;
  await insertOrganisation(tx, {
    name: '江门市安全生产委员会办公室',
    kind: 'coordination_body',
    territory: cityCode,
    hasLegalStanding: false,
  });
  await insertOrganisation(tx, {
    name: '江门市安信安全技术咨询有限公司',
    kind: 'intermediary',
    territory: cityCode,
    hasLegalStanding: false,
  });
  const departments = [
    ['江门市公安局', 'public_security'],
    ['江门市住房和城乡建设局', 'housing'],
    ['江门市交通运输局', 'transport'],
    ['江门市市场监督管理局', 'market_regulation'],
    ['江门市气象局', 'meteorology'],
    ['江门市消防救援支队', 'fire_rescue'],
  ] as const;
  for (const [name, departmentType] of departments) {
    await insertOrganisation(tx, {
      name,
      kind: 'department',
      territory: cityCode,
      hasLegalStanding: false,
      departmentType,
    });
  }
  const taishan = bureaus.get('440781')!;
  await insertOrganisation(tx, {
    name: '台山市广海镇综合行政执法办公室',
    kind: 'entrusted',
    territory: '440781',
    hasLegalStanding: false,
    entrustmentScope: ['work_safety_general', 'industry_trade'],
    entrustmentValidFrom: '2025-01-01',
    entrustmentValidTo: '2027-12-31',
    entrustingOrganisationId: taishan,
  });
  await insertOrganisation(tx, {
    name: '江门市蓬江区棠下镇综合行政执法办公室',
    kind: 'entrusted',
    territory: '440703',
    hasLegalStanding: false,
    entrustmentScope: ['work_safety_general'],
    entrustmentValidFrom: '2023-01-01',
    entrustmentValidTo: '2025-12-31',
    entrustingOrganisationId: bureaus.get('440703')!,
  });
  void city;
  return bureaus;
};

const seedOfficers = async (tx: Tx, random: SeededRandom, bureaus: Map<string, string>): Promise<number> => {
  let made = 0;
  for (const territory of territories) {
    const perBureau = territory.level === 'city' ? 12 : 7;
    for (let i = 1; i <= perBureau; i += 1) {
      made += 1;
      const qualifications: string[] = [];
      if (i % 4 === 0) qualifications.push('registered_safety_engineer');
      if (i % 7 === 0) qualifications.push('legal_adviser');
      if (i % 5 === 0) qualifications.push('technical_inspector');
      // A few officers carry a lapsed certificate, one is suspended, one revoked, one off the roster.
      const situation =
        made % 15 === 3
          ? 'expired'
          : made % 23 === 5
            ? 'revoked'
            : made % 29 === 7
              ? 'suspended'
              : made === 40
                ? 'removed'
                : 'valid';
      const officerId = await insertOfficer(tx, {
        name: personName(random),
        organisationId: bureaus.get(territory.code)!,
        territory: territory.code,
        position: i === 1 ? '队长' : i === 2 ? '副队长' : '执法队员',
        qualifications,
        onRoster: situation !== 'removed',
        removedOn: situation === 'removed' ? '2026-03-31' : null,
        removalReason: situation === 'removed' ? '年度考核不合格，调离执法岗位' : null,
      });
      await insertCertificate(tx, {
        officerId,
        number: `${territory.code}${String(2021 + (i % 4))}${String(i).padStart(4, '0')}`,
        issuingAuthority: '广东省人民政府',
        validFrom: `${2021 + (i % 4)}-01-01`,
        validTo: situation === 'expired' ? '2025-12-31' : `${2027 + (i % 3)}-12-31`,
        status: situation === 'revoked' ? 'revoked' : situation === 'suspended' ? 'suspended' : 'valid',
        statusReason:
          situation === 'revoked'
            ? '违法执法，依法吊销'
            : situation === 'suspended'
              ? '涉嫌违规执法，暂扣待查'
              : null,
      });
    }
  }
  return made;
};

const seedEnterprises = async (tx: Tx, random: SeededRandom, total: number): Promise<string[]> => {
  const ids: string[] = [];
  const rows = [
    ...keyIndustryShowcase(),
    ...Array.from({ length: Math.max(0, total - keyIndustryShowcase().length) }, (_, i) =>
      demoEnterprise(random, i, counties),
    ),
  ];
  for (let i = 0; i < rows.length; i += 100) {
    const batch = rows
      .slice(i, i + 100)
      .map((row) => ({ ...row, creditCode: makeCreditCode(row.creditCodePrefix) }));
    ids.push(
      ...(await insertEnterprises(
        tx,
        batch.map(({ creditCodePrefix: _prefix, ...row }) => row),
      )),
    );
  }
  return ids;
};

// A plausible year of history for a city: a few accidents, penalties, standardisation grades and the
// like, so that grades differ and their reasons show. The first enterprise (the demo enterprise user's)
// keeps a clean record.
const seedFacts = async (tx: Tx, random: SeededRandom, enterpriseIds: string[], now: Date) => {
  const rows = await enterpriseLocations(tx);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const facts: NewEnterpriseFact[] = [];
  const add = (enterpriseId: string, kind: NewEnterpriseFact['kind'], data: unknown) =>
    facts.push({
      enterpriseId,
      territory: byId.get(enterpriseId)!.territory,
      kind,
      data,
      recordedAt: now,
      recordedByName: '系统（演示数据）',
    });
  const year = now.getUTCFullYear();
  const day = (y: number) =>
    `${y}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  enterpriseIds.slice(1).forEach((id, index) => {
    const roll = random.next();
    if (index % 6 === 0)
      add(id, 'standardisation', {
        grade: random.pick([1, 2, 2, 3, 3, 3] as const),
        validUntil: `${year + random.int(0, 2)}-12-31`,
      });
    if (roll < 0.04)
      add(id, 'accident', {
        date: day(year - 1),
        level: random.pick(['general', 'general', 'major'] as const),
        deaths: random.int(0, 2),
      });
    if (roll > 0.9)
      add(id, 'penalty', { date: day(year - 1), kind: random.pick(['警告', '罚款', '责令限期改正并罚款']) });
    if (roll > 0.8 && roll <= 0.9)
      add(id, 'violation', { date: day(year - 1), kind: '未按规定开展隐患排查治理' });
    if (index % 97 === 5)
      add(id, 'overdue_major_hidden_danger', {
        overdueSince: `${year}-0${random.int(1, 6)}-15`,
        rectifiedOn: null,
      });
    if (index % 131 === 7) add(id, 'joint_credit_punishment', { from: `${year - 1}-06-01`, to: null });
    const industry = byId.get(id)!.industry;
    if (industry === 'hazardous_chemical_production') {
      add(id, 'special_processes', {
        hazardousProcesses: random.int(0, 3),
        majorHazardSourceLevel: random.pick([null, 2, 3, 4] as const),
      });
    }
  });
  for (let i = 0; i < facts.length; i += 200) await insertEnterpriseFacts(tx, facts.slice(i, i + 200));
};
