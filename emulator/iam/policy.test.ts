/** RAM policy evaluation: wildcards, conditions, explicit Deny, policy-set intersection. */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../core/contract';
import { evaluatePolicies, evaluatePolicySets, wildcardMatch } from './policy';

const photos: PolicyDocument = {
  Statement: [
    { Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:bucket/photos/*' },
    { Effect: 'Allow', Action: 'oss:ListObjects', Resource: 'acs:oss:*:*:bucket', Condition: { StringLike: { 'oss:Prefix': 'photos/*' } } },
  ],
};
const req = (action: string, resource: string, conditions: Record<string, string | undefined> = {}) => ({ action, resource, conditions });

describe('RAM policy evaluation', () => {
  it('allows only what a statement matches, with * and ? wildcards', () => {
    expect(evaluatePolicies([photos], req('oss:GetObject', 'acs:oss:oss-cn-hangzhou:1:bucket/photos/2024/a.jpg'))).toBe('allow');
    expect(evaluatePolicies([photos], req('oss:GetObject', 'acs:oss:oss-cn-hangzhou:1:bucket/docs/a.txt'))).toBe('implicit-deny');
    expect(evaluatePolicies([photos], req('oss:PutObject', 'acs:oss:oss-cn-hangzhou:1:bucket/photos/a.jpg'))).toBe('implicit-deny');
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a?c', 'abbc')).toBe(false);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
  });

  it('matches actions case-insensitively', () => {
    expect(evaluatePolicies([photos], req('OSS:getobject', 'acs:oss:r:1:bucket/photos/x'))).toBe('allow');
  });

  it('lets an explicit Deny win over any Allow', () => {
    const deny: PolicyDocument = { Statement: [{ Effect: 'Deny', Action: 'oss:*', Resource: '*:bucket/photos/private/*' }] };
    expect(evaluatePolicies([photos, deny], req('oss:GetObject', 'acs:oss:r:1:bucket/photos/private/x'))).toBe('explicit-deny');
    expect(evaluatePolicies([photos, deny], req('oss:GetObject', 'acs:oss:r:1:bucket/photos/public/x'))).toBe('allow');
  });

  it('honours oss:Prefix conditions for listing', () => {
    expect(evaluatePolicies([photos], req('oss:ListObjects', 'acs:oss:r:1:bucket', { 'oss:Prefix': 'photos/' }))).toBe('allow');
    expect(evaluatePolicies([photos], req('oss:ListObjects', 'acs:oss:r:1:bucket', { 'oss:Prefix': 'docs/' }))).toBe('implicit-deny');
    expect(evaluatePolicies([photos], req('oss:ListObjects', 'acs:oss:r:1:bucket', {}))).toBe('implicit-deny');
  });

  it('supports StringEquals and negative operators, and fails closed on unknown operators', () => {
    const p = (Condition: Record<string, Record<string, string | string[]>>): PolicyDocument => ({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition }] });
    expect(evaluatePolicies([p({ StringEquals: { 'oss:Delimiter': '/' } })], req('a', 'r', { 'oss:Delimiter': '/' }))).toBe('allow');
    expect(evaluatePolicies([p({ StringNotLike: { 'oss:Prefix': 'secret/*' } })], req('a', 'r', { 'oss:Prefix': 'secret/x' }))).toBe('implicit-deny');
    expect(evaluatePolicies([p({ NumericEquals: { x: '1' } })], req('a', 'r', { x: '1' }))).toBe('implicit-deny');
  });

  it('intersects policy sets (STS role policy ∩ inline policy); no sets means full access', () => {
    const all: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] };
    const readOnly: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }] };
    expect(evaluatePolicySets([[all], [readOnly]], req('oss:GetObject', 'x'))).toBe('allow');
    expect(evaluatePolicySets([[all], [readOnly]], req('oss:PutObject', 'x'))).toBe('implicit-deny');
    expect(evaluatePolicySets([], req('oss:PutObject', 'x'))).toBe('allow');
  });
});
