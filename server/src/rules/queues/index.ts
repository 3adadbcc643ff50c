import type { Rule } from '../types';
import queueAddressFormat from './queue-address-format';
import missingSmsSenderId from './missing-sms-sender-id';
import smsSenderIdFormat from './sms-sender-id-format';
import smsSenderIdUnused from './sms-sender-id-unused';
import duplicateQueueAddress from './duplicate-queue-address';
import queueType from './queue-type';
import unlistedChannel from './unlisted-channel';

export const queueRules: Rule[] = [
  queueAddressFormat,
  missingSmsSenderId,
  smsSenderIdFormat,
  smsSenderIdUnused,
  duplicateQueueAddress,
  queueType,
  unlistedChannel,
];
