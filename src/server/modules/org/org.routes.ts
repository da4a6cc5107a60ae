import type { AppDeps } from '../../app-deps.js';
import type { AnyRouteDef } from '../../platform/http/route.js';
import { createResourceService, resourceRoutes } from '../../platform/resource/tenant-resource.js';
import { orgUnitSpec } from './org-units.resource.js';
import { personSpec } from './people.resource.js';
import { areaSpec, equipmentSpec, materialSpec } from './places.resource.js';
import { postSpec } from './posts.resource.js';

export function createOrgServices(deps: AppDeps) {
  return {
    orgUnits: createResourceService(deps, orgUnitSpec),
    posts: createResourceService(deps, postSpec),
    people: createResourceService(deps, personSpec),
    areas: createResourceService(deps, areaSpec),
    equipment: createResourceService(deps, equipmentSpec),
    materials: createResourceService(deps, materialSpec),
  };
}
export type OrgServices = ReturnType<typeof createOrgServices>;

export function orgRoutes(services: OrgServices): AnyRouteDef[] {
  return [
    ...resourceRoutes(orgUnitSpec, services.orgUnits),
    ...resourceRoutes(postSpec, services.posts),
    ...resourceRoutes(personSpec, services.people),
    ...resourceRoutes(areaSpec, services.areas),
    ...resourceRoutes(equipmentSpec, services.equipment),
    ...resourceRoutes(materialSpec, services.materials),
  ];
}
