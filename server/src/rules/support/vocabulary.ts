// The words and screen paths messages share, written once so that every rule names a screen the same way:
// where a value is set in Contact Pro's System Configurator (SC) and where it is found in the Sinch dashboard.

/** The SC screen that lists the messaging services. */
export const SC_SERVICES = 'SC: System Management > Messaging Services';
/** The SC screen where a queue's addresses are entered. */
export const SC_QUEUE_ADDRESSES = 'SC: Queue Management > Queues > [queue] > Numbers/Addresses';
/** The Sinch dashboard's list of Conversation API apps (app IDs, the project ID, each app's webhooks). */
export const DASHBOARD_APPS = 'Sinch dashboard: Conversation API > Apps';
/** Where an access key's Key ID and secret are found. */
export const DASHBOARD_ACCESS_KEYS = 'Sinch dashboard: Settings > Access keys';
/** Where an app's webhook secret is set. */
export const DASHBOARD_WEBHOOK_SECRET = `${DASHBOARD_APPS} > [the app] > Webhook > Secret token`;
/** What a field without a value is said to have, in every message. */
export const HAS_NO_VALUE = 'has no value';
/** How a list or a mapping standing where text belongs is described, after "should be <what>". */
export const NOT_A_COLLECTION = 'not a list or a mapping';
