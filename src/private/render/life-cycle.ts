import { ModelLifeCycle } from '../../model-life-cycle';

/** The custom-resource properties of a lifecycle stage (`Stage`, `StageStatus`, `StageDescription`). */
export function lifeCycleProperties(lifeCycle: ModelLifeCycle | undefined): Record<string, string | undefined> {
  return {
    Stage: lifeCycle?.stage,
    StageStatus: lifeCycle?.stageStatus,
    StageDescription: lifeCycle?.stageDescription,
  };
}
