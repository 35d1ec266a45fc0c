import { describe, expect, it, vi } from 'vitest';
import {
  ACCESS_APPROVAL_TTL_MS,
  AccessDeniedError,
  assertAccessGrant,
  auditAccess,
  setAccessAuditWriter,
  verifyAccessGrant,
  verifyTwoPersonGrant,
  type AccessAuditRecord,
  type AccessRequest,
} from '../src/index.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const HOUR_MS = 60 * 60 * 1000;

function request(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    tenantId: 't_eu_1',
    region: 'eu-west-1',
    purpose: 'refund dispute on order o_42',
    ticket: { id: 'SUP-1001', tenantId: 't_eu_1', fromVerifiedContact: true },
    approval: { approver: 'manager.ana', approvedAt: new Date(NOW.getTime() - HOUR_MS), tenantId: 't_eu_1' },
    ...overrides,
  };
}

function denialOf(check: () => unknown): string | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof AccessDeniedError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('verifyAccessGrant', () => {
  it('returns a grant carrying the ticket, tenant, region, approver and an expiry 24 hours after approval', () => {
    const grant = verifyAccessGrant(request(), NOW);
    expect(grant).toMatchObject({ ticketId: 'SUP-1001', tenantId: 't_eu_1', region: 'eu-west-1', approver: 'manager.ana', purpose: 'refund dispute on order o_42' });
    expect(grant.expiresAt.getTime() - grant.approvedAt.getTime()).toBe(ACCESS_APPROVAL_TTL_MS);
    expect(Object.isFrozen(grant)).toBe(true);
  });

  it('rejects a request without a ticket, or with a ticket not from the verified contact', () => {
    expect(denialOf(() => verifyAccessGrant(request({ ticket: undefined }), NOW))).toBe('missing-ticket');
    expect(denialOf(() => verifyAccessGrant(request({ ticket: { id: ' ', tenantId: 't_eu_1', fromVerifiedContact: true } }), NOW))).toBe('missing-ticket');
    expect(denialOf(() => verifyAccessGrant(request({ ticket: { id: 'SUP-1', tenantId: 't_eu_1', fromVerifiedContact: false } }), NOW))).toBe('unverified-contact');
  });

  it('rejects a request without an approval', () => {
    expect(denialOf(() => verifyAccessGrant(request({ approval: null }), NOW))).toBe('missing-approval');
  });

  it('accepts an approval just under 24 hours old and rejects one of exactly 24 hours or older', () => {
    const approvedAt = new Date(NOW.getTime() - ACCESS_APPROVAL_TTL_MS);
    expect(denialOf(() => verifyAccessGrant(request({ approval: { approver: 'm', approvedAt, tenantId: 't_eu_1' } }), NOW))).toBe('approval-expired');
    const fresh = new Date(NOW.getTime() - ACCESS_APPROVAL_TTL_MS + 1);
    expect(verifyAccessGrant(request({ approval: { approver: 'm', approvedAt: fresh, tenantId: 't_eu_1' } }), NOW).expiresAt.getTime()).toBe(NOW.getTime() + 1);
  });

  it('rejects an approval dated after now', () => {
    const approvedAt = new Date(NOW.getTime() + HOUR_MS);
    expect(denialOf(() => verifyAccessGrant(request({ approval: { approver: 'm', approvedAt, tenantId: 't_eu_1' } }), NOW))).toBe('approval-in-future');
  });

  it('rejects a ticket or an approval for another tenant', () => {
    expect(denialOf(() => verifyAccessGrant(request({ tenantId: 't_us_9' }), NOW))).toBe('other-tenant');
    const approval = { approver: 'm', approvedAt: NOW, tenantId: 't_us_9' };
    expect(denialOf(() => verifyAccessGrant(request({ approval }), NOW))).toBe('other-tenant');
  });
});

describe('verifyTwoPersonGrant', () => {
  const approval = (approver: string, hoursAgo: number) => ({ approver, approvedAt: new Date(NOW.getTime() - hoursAgo * HOUR_MS), tenantId: 't_eu_1' });

  it('needs two distinct approvers', () => {
    const { approval: _single, ...base } = request();
    expect(denialOf(() => verifyTwoPersonGrant({ ...base, approvals: [approval('ana', 1)] }, NOW))).toBe('same-approver');
    expect(denialOf(() => verifyTwoPersonGrant({ ...base, approvals: [approval('ana', 1), approval('ana ', 2)] }, NOW))).toBe('same-approver');
    expect(denialOf(() => verifyTwoPersonGrant({ ...base, approvals: [] }, NOW))).toBe('missing-approval');
    const grant = verifyTwoPersonGrant({ ...base, approvals: [approval('ana', 1), approval('ben', 3)] }, NOW);
    expect(grant.approvers).toEqual(['ana', 'ben']);
    // the grant lasts as long as the older approval
    expect(grant.expiresAt.getTime()).toBe(NOW.getTime() - 3 * HOUR_MS + ACCESS_APPROVAL_TTL_MS);
  });

  it('rejects when either approval has expired', () => {
    const { approval: _single, ...base } = request();
    expect(denialOf(() => verifyTwoPersonGrant({ ...base, approvals: [approval('ana', 1), approval('ben', 25)] }, NOW))).toBe('approval-expired');
  });
});

describe('assertAccessGrant', () => {
  it('rejects a grant that has expired since it was issued, or that is for another tenant', () => {
    const grant = verifyAccessGrant(request(), NOW);
    expect(() => assertAccessGrant(grant, 't_eu_1', NOW)).not.toThrow();
    expect(denialOf(() => assertAccessGrant(grant, 't_eu_1', new Date(NOW.getTime() + 24 * HOUR_MS)))).toBe('approval-expired');
    expect(denialOf(() => assertAccessGrant(grant, 't_us_9', NOW))).toBe('other-tenant');
  });
});

describe('auditAccess', () => {
  const record: AccessAuditRecord = { who: 'agent.li', when: NOW, what: 'orders of customer c_1', why: 'SUP-1001: refund dispute' };

  it('writes the record to the writer set at start-up, or to one passed in', async () => {
    const written: AccessAuditRecord[] = [];
    const previous = setAccessAuditWriter((entry) => {
      written.push(entry);
    });
    try {
      auditAccess(record);
      const other = vi.fn(async () => undefined);
      await auditAccess(record, other);
      expect(other).toHaveBeenCalledWith(record);
      expect(written).toEqual([record]);
    } finally {
      setAccessAuditWriter(previous);
    }
  });

  it('fails closed without a writer or without who, what or why', () => {
    expect(() => auditAccess(record, undefined)).toThrow(/no audit writer/);
    const writer = vi.fn();
    expect(() => auditAccess({ ...record, why: '  ' }, writer)).toThrow(/"why"/);
    expect(() => auditAccess({ ...record, who: '' }, writer)).toThrow(/"who"/);
    expect(() => auditAccess({ ...record, when: new Date(Number.NaN) }, writer)).toThrow(/"when"/);
    expect(writer).not.toHaveBeenCalled();
  });
});
