// TEMPORARY hand-written stand-in for the file `npm run openapi:generate` writes from the
// server's OpenAPI. Same shape as openapi-typescript's output; replace by regenerating.

type Json<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };
type Problem = Json<components["schemas"]["Problem"]>;
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type IdPath = { query?: never; header?: never; path: { id: string }; cookie?: never };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type PageQuery = { page?: number; pageSize?: number; sort?: string };
type Unused = { put?: never; delete?: never; options?: never; head?: never; trace?: never };

export interface paths {
  "/api/v1/auth/login": Unused & {
    parameters: NoParams;
    get?: never;
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/json": { username: string; password: string } } };
      responses: { 200: Json<{ user: components["schemas"]["User"] }>; 401: Problem; 423: Problem; 429: Problem };
    };
    patch?: never;
  };
  "/api/v1/auth/logout": Unused & {
    parameters: NoParams;
    get?: never;
    post: { parameters: NoParams; requestBody?: never; responses: { 204: NoContent } };
    patch?: never;
  };
  "/api/v1/auth/me": Unused & {
    parameters: NoParams;
    get: {
      parameters: NoParams;
      requestBody?: never;
      responses: { 200: Json<{ user: components["schemas"]["User"] }>; 401: Problem };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/territories": Unused & {
    parameters: NoParams;
    get: {
      parameters: NoParams;
      requestBody?: never;
      responses: { 200: Json<{ items: components["schemas"]["Territory"][] }> };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/catalog/industries": Unused & {
    parameters: NoParams;
    get: {
      parameters: NoParams;
      requestBody?: never;
      responses: { 200: Json<{ items: { code: string; name: string; group: string }[] }> };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/catalog/inspection-matters": Unused & {
    parameters: NoParams;
    get: {
      parameters: NoParams;
      requestBody?: never;
      responses: { 200: Json<{ items: { code: string; name: string }[] }> };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/enterprises": Unused & {
    parameters: NoParams;
    get: {
      parameters: {
        query?: PageQuery & { q?: string; territory?: string; industry?: string; isKey?: "true" | "false" };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: Json<Page<components["schemas"]["Enterprise"]> & { totalIsLowerBound?: boolean }>;
        400: Problem;
      };
    };
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/json": components["schemas"]["EnterpriseInput"] } };
      responses: { 201: Json<components["schemas"]["Enterprise"]>; 400: Problem; 403: Problem; 409: Problem };
    };
    patch?: never;
  };
  "/api/v1/enterprises/{id}": Unused & {
    parameters: NoParams;
    get: {
      parameters: IdPath;
      requestBody?: never;
      responses: { 200: Json<components["schemas"]["Enterprise"]>; 404: Problem };
    };
    post?: never;
    patch: {
      parameters: IdPath;
      requestBody: {
        content: { "application/json": Partial<Omit<components["schemas"]["EnterpriseInput"], "creditCode">> };
      };
      responses: { 200: Json<components["schemas"]["Enterprise"]>; 400: Problem; 403: Problem; 404: Problem };
    };
  };
  "/api/v1/organisations": Unused & {
    parameters: NoParams;
    get: {
      parameters: {
        query?: PageQuery & { kind?: components["schemas"]["OrganisationKind"]; territory?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<Page<components["schemas"]["Organisation"]>> };
    };
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/json": components["schemas"]["OrganisationInput"] } };
      responses: { 201: Json<components["schemas"]["Organisation"]>; 400: Problem; 403: Problem };
    };
    patch?: never;
  };
  "/api/v1/organisations/{id}": Unused & {
    parameters: NoParams;
    get: {
      parameters: IdPath;
      requestBody?: never;
      responses: { 200: Json<components["schemas"]["Organisation"]>; 404: Problem };
    };
    post?: never;
    patch: {
      parameters: IdPath;
      requestBody: { content: { "application/json": Partial<components["schemas"]["OrganisationInput"]> } };
      responses: { 200: Json<components["schemas"]["Organisation"]>; 400: Problem; 403: Problem; 404: Problem };
    };
  };
  "/api/v1/organisations/{id}/subject-check": Unused & {
    parameters: NoParams;
    get: {
      parameters: { query: { matter: string; date?: string }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<components["schemas"]["Check"]>; 404: Problem };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/officers": Unused & {
    parameters: NoParams;
    get: {
      parameters: {
        query?: PageQuery & { q?: string; organisationId?: string; territory?: string; onRoster?: "true" | "false" };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<Page<components["schemas"]["Officer"]>> };
    };
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/json": components["schemas"]["OfficerInput"] } };
      responses: { 201: Json<components["schemas"]["Officer"]>; 400: Problem; 403: Problem };
    };
    patch?: never;
  };
  "/api/v1/officers/{id}": Unused & {
    parameters: NoParams;
    get: {
      parameters: IdPath;
      requestBody?: never;
      responses: { 200: Json<components["schemas"]["Officer"]>; 404: Problem };
    };
    post?: never;
    patch: {
      parameters: IdPath;
      requestBody: { content: { "application/json": Partial<components["schemas"]["OfficerInput"]> } };
      responses: { 200: Json<components["schemas"]["Officer"]>; 400: Problem; 403: Problem; 404: Problem };
    };
  };
  "/api/v1/officers/{id}/certificates": Unused & {
    parameters: NoParams;
    get?: never;
    post: {
      parameters: IdPath;
      requestBody: {
        content: {
          "application/json": { number: string; issuingAuthority: string; validFrom: string; validTo: string };
        };
      };
      responses: { 201: Json<components["schemas"]["Officer"]>; 400: Problem; 403: Problem; 409: Problem };
    };
    patch?: never;
  };
  "/api/v1/officers/{id}/certificates/{certificateId}": Unused & {
    parameters: NoParams;
    get?: never;
    post?: never;
    patch: {
      parameters: { query?: never; header?: never; path: { id: string; certificateId: string }; cookie?: never };
      requestBody: {
        content: { "application/json": { status: components["schemas"]["CertificateStatus"]; reason: string } };
      };
      responses: { 200: Json<components["schemas"]["Officer"]>; 400: Problem; 403: Problem; 404: Problem };
    };
  };
  "/api/v1/officers/{id}/removal": Unused & {
    parameters: NoParams;
    get?: never;
    post: {
      parameters: IdPath;
      requestBody: { content: { "application/json": { date: string; reason: string } } };
      responses: { 200: Json<components["schemas"]["Officer"]>; 400: Problem; 403: Problem; 409: Problem };
    };
    patch?: never;
  };
  "/api/v1/officers/{id}/eligibility": Unused & {
    parameters: NoParams;
    get: {
      parameters: { query?: { date?: string }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<components["schemas"]["Check"]>; 404: Problem };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/audit/events": Unused & {
    parameters: NoParams;
    get: {
      parameters: {
        query?: PageQuery & { entityType?: string; entityId?: string; actor?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<Page<components["schemas"]["AuditEvent"]>>; 403: Problem };
    };
    post?: never;
    patch?: never;
  };
  "/api/v1/audit/verify": Unused & {
    parameters: NoParams;
    get: {
      parameters: NoParams;
      requestBody?: never;
      responses: {
        200: Json<
          | { intact: true; count: number }
          | { intact: false; count: number; firstBroken: { seq: number; id: string; reason: string } }
        >;
        403: Problem;
      };
    };
    post?: never;
    patch?: never;
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    Problem: {
      type?: string;
      title: string;
      status: number;
      code?: string;
      detail?: string;
      measure?: string | number;
      basis?: string;
      errors?: { path?: (string | number)[]; row?: number; column?: string; message: string }[];
    };
    Role:
      | "inspector"
      | "unit_head"
      | "bureau_head"
      | "legal_reviewer"
      | "enterprise"
      | "expert"
      | "social_supervisor"
      | "admin";
    User: {
      id: string;
      username: string;
      displayName: string;
      role: components["schemas"]["Role"];
      territory: string;
      territoryName: string;
      organisationId: string | null;
      enterpriseId: string | null;
    };
    Territory: { code: string; name: string; level: string };
    Scale: "large" | "medium" | "small" | "micro";
    EnterpriseInput: {
      creditCode: string;
      name: string;
      address: string;
      territory: string;
      industry: string;
      scale: components["schemas"]["Scale"];
      workforce: number;
      dustWorkers: number;
      usesLiquidAmmonia: boolean;
      hasDeepWellCasting: boolean;
      legalRepresentative: string;
      contactPhone: string;
    };
    Enterprise: components["schemas"]["EnterpriseInput"] & {
      id: string;
      territoryName: string;
      industryName: string;
      isKey: boolean;
      keyReasons: { code: string; name: string }[];
      updatedAt: string;
    };
    OrganisationKind:
      | "bureau"
      | "internal_unit"
      | "entrusted"
      | "department"
      | "coordination_body"
      | "intermediary";
    Entrustment: { scope: string[]; validFrom: string; validTo: string; entrustingOrganisationId: string };
    OrganisationInput: {
      name: string;
      kind: components["schemas"]["OrganisationKind"];
      territory: string;
      parentId: string | null;
      hasLegalStanding: boolean;
      active: boolean;
      departmentType?: string | null;
      entrustment?: components["schemas"]["Entrustment"] | null;
    };
    Organisation: components["schemas"]["OrganisationInput"] & { id: string; kindName: string; territoryName: string };
    Check: { ok: true } | { ok: false; code: string; measure?: string | number; basis?: string; message: string };
    Qualification: "registered_safety_engineer" | "legal_adviser" | "technical_inspector";
    CertificateStatus: "valid" | "suspended" | "revoked";
    Certificate: {
      id: string;
      number: string;
      issuingAuthority: string;
      validFrom: string;
      validTo: string;
      status: components["schemas"]["CertificateStatus"];
      statusToday: "valid" | "expired" | "not_yet_valid" | "suspended" | "revoked";
    };
    OfficerInput: {
      name: string;
      organisationId: string;
      territory: string;
      position: string;
      qualifications: components["schemas"]["Qualification"][];
    };
    Officer: components["schemas"]["OfficerInput"] & {
      id: string;
      organisationName: string;
      territoryName: string;
      onRoster: boolean;
      removedOn: string | null;
      removalReason: string | null;
      certificates: components["schemas"]["Certificate"][];
      mayInspectToday: {
        ok: boolean;
        code?: string;
        message?: string;
        measure?: string | number;
        basis?: string;
      };
    };
    AuditEvent: {
      seq: number;
      id: string;
      at: string;
      actorId: string | null;
      actorName: string | null;
      action: string;
      entityType: string;
      entityId: string;
      territory: string | null;
      payload: unknown;
      prevHash: string;
      hash: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
