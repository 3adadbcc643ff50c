// Reads a project's apps and their webhooks from all three regions: an app lives in exactly one, and only
// that region's host lists it.
import { API_REGIONS, type LiveApp, type ProjectSnapshot } from './api';
import type { SinchClient } from './client';

export async function readProject(client: SinchClient, projectId: string): Promise<ProjectSnapshot> {
  const perRegion = await Promise.all(
    API_REGIONS.map(async (region) => {
      const apps = await client.listApps(projectId, region);
      const live: LiveApp[] = [];
      for (const app of apps) {
        if (!app.id) continue;
        live.push({ region, app, webhooks: await client.listWebhooks(projectId, region, app.id) });
      }
      return live;
    }),
  );
  return { projectId, apps: perRegion.flat() };
}
