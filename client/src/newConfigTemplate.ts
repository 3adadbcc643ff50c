// The "Sinch CP: New Configuration File" template: the complete valid example of the format, reduced to one app,
// one messaging service and one queue. The values the admin must fill in are the Sinch help pages' own
// placeholders (`[tenantname]`, `[project ID]`, `[App ID]`, `[Key ID]`), which the server reports as placeholders,
// so the file cannot be saved and forgotten with made-up IDs; every such line is marked "replace".
export const NEW_CONFIG_TEMPLATE = `# sinchcp: Contact Pro setup of one tenant
version: 1

tenant:
  name: "[tenantname]"        # replace: as in https://login-eu-c1.cc.sinch.com/[tenantname]
  landscape: eu-c1            # eu-c1 | na-w2 | au-s2 | af-s1

conversationApi:              # optional: what is set up in the Sinch dashboard
  projectId: "[project ID]"   # replace: Conversation API > Apps
  apps:
    - appId: "[App ID]"       # replace: the app ID, in capitals
      name: Support app
      region: eu              # us | eu | br; an app never changes region
      processingMode: DISPATCH
      channels: [WHATSAPP]
      webhooks:
        - target: https://login-eu-c1.cc.sinch.com/[tenantname]/sms/sinchconversation/all   # replace [tenantname]
          secret: \${env:WEBHOOK_SECRET}
          triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]

messagingServices:
  - name: Sinch EU
    type: sinchconversation
    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/[project ID]/messages:send   # replace [project ID]
    authentications:
      - direction: outbound
        authenticationId: "[Key ID]@[App ID]"   # replace: {KeyID}@{APPID}
        password: \${env:SINCH_ACCESS_KEY_SECRET}
      - direction: inbound
        authenticationId: webhook
        password: \${env:WEBHOOK_SECRET}
        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]
        targetUrl: https://login-eu-c1.cc.sinch.com/[tenantname]/sms/sinchconversation/all   # replace [tenantname]

queues:
  - name: Support chat
    type: chat
    addresses:
      - address: "[App ID]@whatsapp.sinchconversation.com"   # replace [App ID]
`;

/** The name proposed for the new file until it is saved (the admin renames it after the tenant). */
export const NEW_CONFIG_FILE_NAME = 'new-tenant.sinchcp.yaml';
