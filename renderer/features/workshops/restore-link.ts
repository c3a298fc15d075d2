/**
 * Where "Restore from a backup" leads. The backups screen (restore a
 * workshop from one of its backups) registers its route here when it
 * exists; until then the damaged-workshop notice shows no such button.
 * Agreed route name: `#/workshop/:id/backups` (the backups screen's own).
 */
import type { Route } from '../../store';

let restoreRoute: ((workshopId: string) => Route) | null = null;

/** Registers the route of the backups screen of workshop `workshopId` (called once by that screen's module). */
export function registerRestoreRoute(route: (workshopId: string) => Route): void {
  restoreRoute = route;
}

/** The route restoring workshop `workshopId` from a backup, or null while no backups screen is registered. */
export function restoreRouteFor(workshopId: string): Route | null {
  return restoreRoute ? restoreRoute(workshopId) : null;
}
