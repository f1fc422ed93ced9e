import { aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { DriftCheckBaselines, FileSource, MetricsSource, ModelMetrics, QualityMetrics } from '../../metrics';

/*
 * Model metrics and drift-check baselines, checked with validate/model-metrics.ts first.
 */

function metricsSource(source: MetricsSource | undefined): sagemaker.CfnModelPackage.MetricsSourceProperty | undefined {
  return source && { contentType: source.contentType, s3Uri: source.s3Uri, contentDigest: source.contentDigest };
}

function fileSource(source: FileSource | undefined): sagemaker.CfnModelPackage.FileSourceProperty | undefined {
  return source && { s3Uri: source.s3Uri, contentType: source.contentType, contentDigest: source.contentDigest };
}

function quality(metrics: QualityMetrics | undefined) {
  return metrics && {
    statistics: metricsSource(metrics.statistics),
    constraints: metricsSource(metrics.constraints),
  };
}

/** The model quality and data quality members, which model metrics and drift-check baselines share. */
function qualities(metrics: { readonly modelQuality?: QualityMetrics; readonly modelDataQuality?: QualityMetrics }) {
  return {
    modelQuality: quality(metrics.modelQuality),
    modelDataQuality: quality(metrics.modelDataQuality),
  };
}

/** Renders `ModelMetrics`. */
export function renderModelMetrics(metrics: ModelMetrics): sagemaker.CfnModelPackage.ModelMetricsProperty {
  return {
    ...qualities(metrics),
    bias: metrics.bias && {
      report: metricsSource(metrics.bias.report),
      preTrainingReport: metricsSource(metrics.bias.preTrainingReport),
      postTrainingReport: metricsSource(metrics.bias.postTrainingReport),
    },
    explainability: metrics.explainability && {
      report: metricsSource(metrics.explainability.report),
    },
  };
}

/** Renders `DriftCheckBaselines`. */
export function renderDriftCheckBaselines(baselines: DriftCheckBaselines): sagemaker.CfnModelPackage.DriftCheckBaselinesProperty {
  return {
    ...qualities(baselines),
    bias: baselines.bias && {
      configFile: fileSource(baselines.bias.configFile),
      preTrainingConstraints: metricsSource(baselines.bias.preTrainingConstraints),
      postTrainingConstraints: metricsSource(baselines.bias.postTrainingConstraints),
    },
    explainability: baselines.explainability && {
      configFile: fileSource(baselines.explainability.configFile),
      constraints: metricsSource(baselines.explainability.constraints),
    },
  };
}
