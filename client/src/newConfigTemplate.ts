// The "Sinch CP: New Configuration File" template: the complete valid example of the format (FORMAT.md),
// reduced to one app, one messaging service and one queue, with placeholder values that are well-formed
// (so the only errors are where the server recognises a placeholder, e.g. the tenant name) and easy to spot:
// every one is marked "replace".
export const NEW_CONFIG_TEMPLATE = `# sinchcp: <describe this tenant's Contact Pro setup>
version: 1

tenant:
  name: your-tenant           # replace: as in https://login-eu-c1.cc.sinch.com/your-tenant
  landscape: eu-c1            # eu-c1 | na-w2 | au-s2 | af-s1

conversationApi:              # optional: what is set up in the Sinch dashboard
  projectId: 00000000-0000-4000-8000-000000000000   # replace: Conversation API > Apps
  apps:
    - appId: 01AAAAAAAAAAAAAAAAAAAAAAAA   # replace: the app ID, in capitals
      name: Support app
      region: eu              # us | eu | br; an app never changes region
      processingMode: DISPATCH
      channels: [WHATSAPP]
      webhooks:
        - target: https://login-eu-c1.cc.sinch.com/your-tenant/sms/sinchconversation/all
          secret: \${env:WEBHOOK_SECRET}
          triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]

messagingServices:
  - name: Sinch EU
    type: sinchconversation
    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/00000000-0000-4000-8000-000000000000/messages:send
    authentications:
      - direction: outbound
        authenticationId: 00000000-0000-4000-8000-000000000001@01AAAAAAAAAAAAAAAAAAAAAAAA   # replace: {KeyID}@{APPID}
        password: \${env:SINCH_ACCESS_KEY_SECRET}
      - direction: inbound
        authenticationId: webhook
        password: \${env:WEBHOOK_SECRET}
        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]
        targetUrl: https://login-eu-c1.cc.sinch.com/your-tenant/sms/sinchconversation/all

queues:
  - name: Support chat
    type: chat
    addresses:
      - address: 01AAAAAAAAAAAAAAAAAAAAAAAA@whatsapp.sinchconversation.com
`;
