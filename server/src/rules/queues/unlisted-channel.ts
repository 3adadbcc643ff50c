// A queue address on a subchannel whose channel the app does not have, when the file lists the app's channels:
// Contact Pro listens on the address, but the app never receives (or sends) on that channel.
import { isSeq } from 'yaml';
import { cleanId, subSpan } from '../../model/build';
import { findPair } from '../../parse/yamlNodes';
import { SUBCHANNELS } from '../../schema/domain';
import { insertListItemsEdit } from '../edits/insertListItem';
import { meantChannel } from '../support/channelNames';
import { defineRule, type Finding } from '../types';
import { addressEntries, resolvedSubchannel, splitAddress } from './address';
import { describeApp } from '../support/labels';

interface UnlistedChannelData {
  /** The app's ID (uppercase) and the channel its `channels` list would need. */
  appId: string;
  channel: string;
}

/** Contact Pro's two Viber subchannels map to the API's channels only most likely: either Viber channel counts. */
const VIBER_CHANNELS = ['VIBER', 'VIBERBM'];

export default defineRule<UnlistedChannelData>({
  name: 'unlisted-channel',
  severity: 'error',
  summary: "A queue address is on a channel that its app's `channels` list does not include.",
  check(doc) {
    const findings: Finding<UnlistedChannelData>[] = [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const field = entry.address;
      const parts = field?.text !== undefined ? splitAddress(field.text) : undefined;
      if (!field || !parts || parts.atCount !== 1) continue;
      const sub = resolvedSubchannel(parts);
      const appId = cleanId(parts.app).toUpperCase();
      const app = doc.relations.declaredApps.get(appId);
      const list = app?.channels;
      // Only when the file lists the app's channels, as a list the model can read, every item a known channel.
      if (!sub || !app || !list || (!list.node && !list.alias)) continue;
      const channels = list.items.map((item) => meantChannel(item.text));
      if (channels.some((c) => c === undefined)) continue;
      const channel = SUBCHANNELS[sub].channel;
      const accepted = sub === 'viber' || sub === 'viber-bot' ? VIBER_CHANNELS : [channel];
      if (channels.some((c) => accepted.includes(c!))) continue;
      findings.push({
        span: subSpan(field, parts.subStart, parts.subStart + parts.sub.length),
        message:
          `The \`channels\` of this address's app do not include \`${channel}\`: add it, or correct the address.\n` +
          `This ${SUBCHANNELS[sub].label} address belongs to app ${describeApp(app)}, so Contact Pro receives nothing on it. Add ${channel} to the app's channels (Sinch dashboard: ` +
          'Conversation API > Apps > [the app] > Channels), or correct the address.',
        data: { appId, channel },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    const app = data && doc.relations.declaredApps.get(data.appId);
    const seq = app && findPair(app.node, 'channels')?.pair.value;
    if (!data || !isSeq(seq)) return [];
    const edit = insertListItemsEdit(doc, seq, [data.channel]);
    // Offered only: the address may be the mistake, not the list.
    return edit ? [{ title: `Add ${data.channel} to the channels of the app`, edits: [edit] }] : [];
  },
});
