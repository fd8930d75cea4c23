import type { NeedStatus } from '@/lib/contract/need';
import type { ObjectiveCategory, ObjectiveStatus, SecondmentStatus } from '@/lib/contract/secondment';
import type { PmsSystem, RecordKind } from '@/lib/contract/pms';

/** Words for the contract's codes, in one place for translation. */
export const SYSTEM_LABEL: Record<PmsSystem, string> = {
  clio: 'Clio', salesforce: 'Salesforce', hubspot: 'HubSpot', dynamics365: 'Dynamics 365', dealcloud: 'DealCloud',
  mycase: 'MyCase', filevine: 'Filevine', actionstep: 'Actionstep', generic: 'Firm system',
};
export const KIND_LABEL: Record<RecordKind, string> = { client: 'client', contact: 'contact', matter: 'matter' };
export const NEED_STATUS_LABEL: Record<NeedStatus, string> = {
  new: 'New', qualified: 'Qualified', pursuing: 'Pursuing', won: 'Won', declined: 'Declined',
};
export const OBJECTIVE_STATUS_LABEL: Record<ObjectiveStatus, string> = {
  open: 'Open', 'in-progress': 'In progress', met: 'Met', 'not-met': 'Not met', dropped: 'Dropped',
};
export const OBJECTIVE_CATEGORY_LABEL: Record<ObjectiveCategory, string> = {
  skills: 'Skills', relationship: 'Relationship', 'business-development': 'Business development',
  'knowledge-exchange': 'Knowledge exchange', 'service-delivery': 'Service delivery',
};
export const SECONDMENT_STATUS_LABEL: Record<SecondmentStatus, string> = {
  planned: 'Planned', active: 'Active', completed: 'Completed', 'ended-early': 'Ended early',
};
export const OBJECTIVES_MET_LABEL = { all: 'All objectives met', most: 'Most objectives met', some: 'Some objectives met', none: 'Objectives not met' } as const;
export const PRIORITY_LABEL = { low: 'Low', medium: 'Medium', high: 'High' } as const;
