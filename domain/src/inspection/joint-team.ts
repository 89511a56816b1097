// measure 6: a joint inspection is carried out by one team: the bureau's officers and each partner department's
// officers drawn for the enterprise. Every member keeps the department it belongs to, so the on-site plan and
// the enterprise's check-in page say who comes from where.

export type JointTeamMember = {
  certificate: string;
  officerId: string | null;
  name: string;
  organisationName: string;
};

export type PartnerTeam = { organisationName: string; team: readonly JointTeamMember[] };

// The bureau's team first, then each partner's, in the order the draw named them; a certificate once.
export const jointTeam = (
  team: readonly JointTeamMember[],
  partners: readonly PartnerTeam[],
): JointTeamMember[] => {
  const seen = new Set<string>();
  return [...team, ...partners.flatMap((partner) => partner.team)].filter((member) => {
    if (seen.has(member.certificate)) return false;
    seen.add(member.certificate);
    return true;
  });
};

// The partner department a certificate's holder joins the inspection for, if any (null: the bureau's own).
export const partnerDepartmentOf = (certificate: string, partners: readonly PartnerTeam[]): string | null =>
  partners.find((partner) => partner.team.some((member) => member.certificate === certificate))
    ?.organisationName ?? null;
