import { aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { validateDigest, validateLength, validateS3Uri } from './validation';
import { DriftCheckBaselines, FileSource, MetricsSource, ModelMetrics, QualityMetrics } from '../metrics';

type CfnMetricsSource = sagemaker.CfnModelPackage.MetricsSourceProperty;

/** Renders a metrics source, collecting problems. */
function metricsSource(property: string, source: MetricsSource | undefined, errors: string[]): CfnMetricsSource | undefined {
  if (!source) {
    return undefined;
  }
  errors.push(...validateLength(`${property}.contentType`, source.contentType, 0, 256));
  errors.push(...validateS3Uri(`${property}.s3Uri`, source.s3Uri));
  errors.push(...validateDigest(`${property}.contentDigest`, source.contentDigest));
  return { contentType: source.contentType, s3Uri: source.s3Uri, contentDigest: source.contentDigest };
}

function fileSource(property: string, source: FileSource | undefined, errors: string[]): sagemaker.CfnModelPackage.FileSourceProperty | undefined {
  if (!source) {
    return undefined;
  }
  errors.push(...validateLength(`${property}.contentType`, source.contentType, 0, 256));
  errors.push(...validateS3Uri(`${property}.s3Uri`, source.s3Uri));
  errors.push(...validateDigest(`${property}.contentDigest`, source.contentDigest));
  return { s3Uri: source.s3Uri, contentType: source.contentType, contentDigest: source.contentDigest };
}

function quality(property: string, metrics: QualityMetrics | undefined, errors: string[]) {
  return metrics && {
    statistics: metricsSource(`${property}.statistics`, metrics.statistics, errors),
    constraints: metricsSource(`${property}.constraints`, metrics.constraints, errors),
  };
}

/** Renders `ModelMetrics`, collecting problems. */
export function renderModelMetrics(property: string, metrics: ModelMetrics, errors: string[]): sagemaker.CfnModelPackage.ModelMetricsProperty {
  return {
    modelQuality: quality(`${property}.modelQuality`, metrics.modelQuality, errors),
    modelDataQuality: quality(`${property}.modelDataQuality`, metrics.modelDataQuality, errors),
    bias: metrics.bias && {
      report: metricsSource(`${property}.bias.report`, metrics.bias.report, errors),
      preTrainingReport: metricsSource(`${property}.bias.preTrainingReport`, metrics.bias.preTrainingReport, errors),
      postTrainingReport: metricsSource(`${property}.bias.postTrainingReport`, metrics.bias.postTrainingReport, errors),
    },
    explainability: metrics.explainability && {
      report: metricsSource(`${property}.explainability.report`, metrics.explainability.report, errors),
    },
  };
}

/** Renders `DriftCheckBaselines`, collecting problems. */
export function renderDriftCheckBaselines(
  property: string,
  baselines: DriftCheckBaselines,
  errors: string[]): sagemaker.CfnModelPackage.DriftCheckBaselinesProperty {
  return {
    modelQuality: quality(`${property}.modelQuality`, baselines.modelQuality, errors),
    modelDataQuality: quality(`${property}.modelDataQuality`, baselines.modelDataQuality, errors),
    bias: baselines.bias && {
      configFile: fileSource(`${property}.bias.configFile`, baselines.bias.configFile, errors),
      preTrainingConstraints: metricsSource(`${property}.bias.preTrainingConstraints`, baselines.bias.preTrainingConstraints, errors),
      postTrainingConstraints: metricsSource(`${property}.bias.postTrainingConstraints`, baselines.bias.postTrainingConstraints, errors),
    },
    explainability: baselines.explainability && {
      configFile: fileSource(`${property}.explainability.configFile`, baselines.explainability.configFile, errors),
      constraints: metricsSource(`${property}.explainability.constraints`, baselines.explainability.constraints, errors),
    },
  };
}
