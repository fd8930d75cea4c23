import managedSchema from '../../public/managed_schema.json';

/**
 * public/managed_schema.json, the policy schema Chrome and Edge read from the manifest, as typed
 * data: the options page takes its labels from it and the deployment kit (scripts/deploy-kit.ts)
 * its keys, types and descriptions, so IT, the browser and the extension name a setting alike.
 */
export interface PolicyProperty {
  title?: string;
  description?: string;
  type: 'string' | 'integer' | 'boolean' | 'array' | 'object';
  minimum?: number;
  maximum?: number;
  /** The only values allowed (a choice, e.g. `sidebarPlacement`). */
  enum?: string[];
}

export const POLICY_PROPERTIES = managedSchema.properties as Record<string, PolicyProperty>;

/** The name IT and the options page see for a setting: its title in the schema, else its key. */
export function settingLabel(key: string): string {
  return POLICY_PROPERTIES[key]?.title ?? key;
}
