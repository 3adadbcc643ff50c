// Reading an authentication entry's direction the way the messaging-service rules share: tolerantly, and
// from its Authentication ID when the direction is missing.
import type { AuthenticationModel, ServiceModel } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { INBOUND_AUTHENTICATION_ID } from '../../schema/domain';

/**
 * An entry's direction, read tolerantly (`Outbound` counts as outbound; the schema reports the spelling),
 * or guessed from its Authentication ID when the direction is missing.
 */
export function directionOf(auth: AuthenticationModel): 'outbound' | 'inbound' | undefined {
  const written = auth.direction?.text?.trim().toLowerCase();
  if (written === 'outbound' || written === 'inbound') return written;
  if (written) return undefined;
  const id = auth.authenticationId?.text?.trim().toLowerCase();
  if (id === undefined) return undefined;
  if (id.startsWith(INBOUND_AUTHENTICATION_ID)) return 'inbound';
  if (id.includes('@')) return 'outbound';
  return undefined;
}

/** Every authentication entry that reads as `direction` (see directionOf), with the indexes a fix finds it again by. */
export function authenticationsWithDirection(
  doc: ParsedDocument,
  direction: 'inbound' | 'outbound',
): { service: ServiceModel; serviceIndex: number; auth: AuthenticationModel; entryIndex: number }[] {
  return doc.model.services.flatMap((service, serviceIndex) =>
    service.authentications.flatMap((auth, entryIndex) =>
      directionOf(auth) === direction ? [{ service, serviceIndex, auth, entryIndex }] : [],
    ),
  );
}
