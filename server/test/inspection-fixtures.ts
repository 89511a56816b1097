import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { InspectionStage } from '@inspecta/domain';
import type { AppContext } from '../src/platform/http/context.ts';
import { users } from '../src/platform/auth/schema.ts';
import { enterprises } from '../src/modules/enterprises/schema.ts';
import { inspections } from '../src/modules/inspections/schema.ts';
import { storeEvidence } from '../src/modules/inspections/evidence-files.ts';
import { findings } from '../src/modules/inspections/schema.ts';
import { organisations } from '../src/modules/organisations/schema.ts';

// For the document and rectification tests: an inspection of the demo enterprise (蓬江区) at stage
// findings_recorded with open findings, written straight into the tables (the recording API is separate).

// A PNG of a hand-drawn-looking stroke, so a rendered page shows where the signature lands.
export const signaturePng = (width = 300, height = 120): Buffer => {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x += 1) {
      const curve = height / 2 + Math.sin(x / 18) * (height / 4) * Math.cos(x / 53);
      const ink = Math.abs(y - curve) < 3 || (x > 40 && x < 60 && Math.abs(y - (x - 20)) < 3);
      row.set(ink ? [20, 20, 120, 255] : [255, 255, 255, 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

export type FixtureInspection = {
  inspectionId: string;
  enterpriseId: string;
  findingIds: string[];
  signatureFileId: string | null;
  organisationId: string;
};

export const insertInspectionWithFindings = async (
  ctx: AppContext,
  options: { findings?: number; signed?: boolean; refused?: boolean; stage?: InspectionStage } = {},
): Promise<FixtureInspection> => {
  const [portal] = await ctx.db
    .select({ enterpriseId: users.enterpriseId })
    .from(users)
    .where(eq(users.username, 'enterprise.demo'));
  const [enterprise] = await ctx.db
    .select()
    .from(enterprises)
    .where(eq(enterprises.id, portal!.enterpriseId!));
  const [bureau] = await ctx.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'bureau'), eq(organisations.territory, enterprise!.territory)));
  const now = ctx.clock.now();
  const inspectionId = randomUUID();
  await ctx.db.insert(inspections).values({
    id: inspectionId,
    territory: enterprise!.territory,
    enterpriseId: enterprise!.id,
    enterpriseName: enterprise!.name,
    creditCode: enterprise!.creditCode,
    organisationId: bureau!.id,
    organisationName: bureau!.name,
    kind: 'double_random',
    plannedOn: now.toISOString().slice(0, 10),
    year: now.getUTCFullYear(),
    matters: ['work_safety_general', 'dust_explosion'],
    stage: options.stage ?? 'findings_recorded',
    subjectOrganisationId: bureau!.id,
    team: [
      { certificate: '44070312001', officerId: null, name: '张伟', organisationName: bureau!.name },
      { certificate: '44070312002', officerId: null, name: '何建华', organisationName: bureau!.name },
    ],
    checkedInAt: new Date(now.getTime() - 2 * 3600_000),
    createdAt: now,
    createdByName: '测试',
  });
  let signatureFileId: string | null = null;
  if (options.signed) {
    signatureFileId = randomUUID();
    await ctx.db.transaction((tx) =>
      storeEvidence(tx, {
        id: signatureFileId!,
        inspectionId,
        territory: enterprise!.territory,
        kind: 'signature',
        data: signaturePng(),
        fileName: 'signature.png',
        location: null,
        byName: '张伟',
        at: now,
        enterpriseVisible: true,
      }),
    );
  }
  if (options.signed || options.refused) {
    await ctx.db
      .update(inspections)
      .set({
        acknowledgement: options.signed
          ? { signed: true, signerName: '周斌', signatureFileId, refusalNote: null, at: now.toISOString() }
          : {
              signed: false,
              signerName: '周斌',
              signatureFileId: null,
              refusalNote: '企业负责人周斌拒绝签字，执法人员张伟、何建华在场见证并全程录像',
              at: now.toISOString(),
            },
      })
      .where(eq(inspections.id, inspectionId));
  }
  const samples = [
    {
      itemCode: 'GM-01-03',
      description: '粉尘爆炸危险场所除尘系统未按规定设置泄爆装置',
      basis: '《工贸企业粉尘防爆安全规定》第十三条',
      howToFix: '按GB 15577要求为除尘器设置泄爆装置并经检测合格',
      major: true,
    },
    {
      itemCode: 'GM-02-07',
      description: '三级安全教育培训记录不全',
      basis: '《中华人民共和国安全生产法》第二十八条',
      howToFix: '补齐新员工三级安全教育培训记录，并组织考核',
      major: false,
    },
    {
      itemCode: 'GM-03-01',
      description: '消防通道堆放杂物',
      basis: '《中华人民共和国安全生产法》第四十二条',
      howToFix: '立即清理通道，保持畅通',
      major: false,
    },
  ];
  const findingIds: string[] = [];
  for (const sample of samples.slice(0, options.findings ?? 2)) {
    const id = randomUUID();
    findingIds.push(id);
    await ctx.db.insert(findings).values({
      id,
      inspectionId,
      territory: enterprise!.territory,
      itemCode: sample.itemCode,
      description: sample.description,
      majorHiddenDanger: sample.major,
      basis: sample.basis,
      howToFix: sample.howToFix,
      status: 'open',
      recordedAt: now,
      recordedByName: '张伟',
      syncedAt: now,
    });
  }
  return {
    inspectionId,
    enterpriseId: enterprise!.id,
    findingIds,
    signatureFileId,
    organisationId: bureau!.id,
  };
};
