import { validateDigest, validateLength, validateS3Uri } from './values';
import { DriftCheckBaselines, FileSource, MetricsSource, ModelMetrics, QualityMetrics } from '../../metrics';

/** Problems with a metrics source or a file source (the same members, the same limits). */
function sourceErrors(property: string, source: MetricsSource | FileSource | undefined): string[] {
  if (!source) {
    return [];
  }
  return [
    ...validateLength(`${property}.contentType`, source.contentType, 0, 256),
    ...validateS3Uri(`${property}.s3Uri`, source.s3Uri),
    ...validateDigest(`${property}.contentDigest`, source.contentDigest),
  ];
}

/** Problems with the model quality and data quality members, which model metrics and drift-check baselines share. */
function qualityErrors(property: string, metrics: { readonly modelQuality?: QualityMetrics; readonly modelDataQuality?: QualityMetrics }): string[] {
  return (['modelQuality', 'modelDataQuality'] as const).flatMap((member) => [
    ...sourceErrors(`${property}.${member}.statistics`, metrics[member]?.statistics),
    ...sourceErrors(`${property}.${member}.constraints`, metrics[member]?.constraints),
  ]);
}

/** Problems with `ModelMetrics`. */
export function modelMetricsErrors(property: string, metrics: ModelMetrics): string[] {
  return [
    ...qualityErrors(property, metrics),
    ...sourceErrors(`${property}.bias.report`, metrics.bias?.report),
    ...sourceErrors(`${property}.bias.preTrainingReport`, metrics.bias?.preTrainingReport),
    ...sourceErrors(`${property}.bias.postTrainingReport`, metrics.bias?.postTrainingReport),
    ...sourceErrors(`${property}.explainability.report`, metrics.explainability?.report),
  ];
}

/** Problems with `DriftCheckBaselines`. */
export function driftCheckBaselinesErrors(property: string, baselines: DriftCheckBaselines): string[] {
  return [
    ...qualityErrors(property, baselines),
    ...sourceErrors(`${property}.bias.configFile`, baselines.bias?.configFile),
    ...sourceErrors(`${property}.bias.preTrainingConstraints`, baselines.bias?.preTrainingConstraints),
    ...sourceErrors(`${property}.bias.postTrainingConstraints`, baselines.bias?.postTrainingConstraints),
    ...sourceErrors(`${property}.explainability.configFile`, baselines.explainability?.configFile),
    ...sourceErrors(`${property}.explainability.constraints`, baselines.explainability?.constraints),
  ];
}
