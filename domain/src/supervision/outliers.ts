import type { OutlierThresholds } from './supervision-catalog.ts';

// measures 18 and 29: supervision watches leniency as closely as excess. For each bureau or officer over a
// period, the figures below; a unit is an outlier on a figure when it lies more than the catalogue's number of
// standard deviations from the mean of its peers (the other units with enough inspections, leave-one-out), below
// (too lenient) or above (too severe). The thresholds are placeholders: a hint for the supervisor, never a verdict.

export type UnitCounts = {
  key: string;
  name: string;
  inspections: number;
  inspectionsWithFindings: number;
  findings: number;
  orders: number;
  penalties: number;
  // fines decided, and the amounts the discretion benchmark proposed for the same cases (fen)
  fineFen: number;
  benchmarkFen: number;
  // inspections of an enterprise this unit had already inspected in the period
  repeatVisits: number;
  complaints: number;
};

export const SUPERVISION_METRICS = [
  'findingRate',
  'ordersPerInspection',
  'penaltiesPerFinding',
  'fineToBenchmark',
  'repeatVisitRate',
  'complaintRate',
] as const;
export type SupervisionMetric = (typeof SUPERVISION_METRICS)[number];

export type OutlierSide = 'lenient' | 'severe';
export const OUTLIER_SIDE_NAMES: Record<OutlierSide, string> = { lenient: '偏宽', severe: '偏严' };

// What a low and a high value suggest. A repeat visit or a complaint is watched on the high side only.
export const METRIC_INFO: Record<
  SupervisionMetric,
  { name: string; low: OutlierSide | null; high: OutlierSide }
> = {
  findingRate: { name: '问题发现率（发现问题的检查 / 检查）', low: 'lenient', high: 'severe' },
  ordersPerInspection: { name: '每次检查的整改指令数', low: 'lenient', high: 'severe' },
  penaltiesPerFinding: { name: '每项问题的处罚数', low: 'lenient', high: 'severe' },
  fineToBenchmark: { name: '罚款金额 / 裁量基准建议金额', low: 'lenient', high: 'severe' },
  repeatVisitRate: { name: '重复检查同一企业的比例', low: null, high: 'severe' },
  complaintRate: { name: '每次检查的投诉数', low: null, high: 'severe' },
};

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

export const unitMetrics = (unit: UnitCounts): Record<SupervisionMetric, number | null> => ({
  findingRate: ratio(unit.inspectionsWithFindings, unit.inspections),
  ordersPerInspection: ratio(unit.orders, unit.inspections),
  penaltiesPerFinding: ratio(unit.penalties, unit.findings),
  fineToBenchmark: ratio(unit.fineFen, unit.benchmarkFen),
  repeatVisitRate: ratio(unit.repeatVisits, unit.inspections),
  complaintRate: ratio(unit.complaints, unit.inspections),
});

export type OutlierFlag = {
  metric: SupervisionMetric;
  metricName: string;
  side: OutlierSide;
  value: number;
  peerMean: number;
  peerDeviation: number;
};

export type UnitAssessment = UnitCounts & {
  metrics: Record<SupervisionMetric, number | null>;
  assessed: boolean;
  flags: OutlierFlag[];
};

const meanAndDeviation = (values: readonly number[]) => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, deviation: Math.sqrt(variance) };
};

const EPSILON = 1e-9;

export const assessUnits = (
  units: readonly UnitCounts[],
  thresholds: OutlierThresholds,
): UnitAssessment[] => {
  const measured = units.map((unit) => ({
    unit,
    metrics: unitMetrics(unit),
    assessed: unit.inspections >= thresholds.minInspections,
  }));
  return measured.map(({ unit, metrics, assessed }, index) => {
    const flags: OutlierFlag[] = [];
    if (assessed)
      for (const metric of SUPERVISION_METRICS) {
        const value = metrics[metric];
        if (value === null) continue;
        const peers = measured
          .filter(
            (other, otherIndex) => otherIndex !== index && other.assessed && other.metrics[metric] !== null,
          )
          .map((other) => other.metrics[metric]!);
        if (peers.length < thresholds.minPeers) continue;
        const { mean, deviation } = meanAndDeviation(peers);
        const distance = value - mean;
        if (Math.abs(distance) <= EPSILON) continue;
        // peers all alike: any difference is beyond every multiple of their (zero) deviation
        const beyond = deviation <= EPSILON || Math.abs(distance) > thresholds.standardDeviations * deviation;
        if (!beyond) continue;
        const info = METRIC_INFO[metric];
        const side = distance > 0 ? info.high : info.low;
        if (side === null) continue;
        flags.push({ metric, metricName: info.name, side, value, peerMean: mean, peerDeviation: deviation });
      }
    return { ...unit, metrics, assessed, flags };
  });
};
