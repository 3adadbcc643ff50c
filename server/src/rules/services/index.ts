import type { Rule } from '../types';
import serviceType from './service-type';
import serviceConnectionFormat from './service-connection-format';
import serviceConnectionRegion from './service-connection-region';
import projectId from './project-id';
import regionMismatch from './region-mismatch';
import duplicateServiceName from './duplicate-service-name';
import missingOutboundAuthentication from './missing-outbound-authentication';
import missingInboundAuthentication from './missing-inbound-authentication';
import multipleInboundAuthentications from './multiple-inbound-authentications';
import outboundAuthenticationId from './outbound-authentication-id';
import inboundAuthenticationId from './inbound-authentication-id';

export const serviceRules: Rule[] = [
  serviceType,
  serviceConnectionFormat,
  serviceConnectionRegion,
  projectId,
  regionMismatch,
  duplicateServiceName,
  missingOutboundAuthentication,
  missingInboundAuthentication,
  multipleInboundAuthentications,
  outboundAuthenticationId,
  inboundAuthenticationId,
];
