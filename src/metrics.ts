/**
 * A metrics file in S3 (SageMaker `MetricsSource`), for example a statistics or constraints JSON
 * produced by SageMaker Model Monitor or Clarify.
 */
export interface MetricsSource {
  /** The MIME type of the file, for example `application/json` (at most 256 characters). */
  readonly contentType: string;

  /** The S3 URI of the file (`s3://` or `https://`, at most 1024 characters). */
  readonly s3Uri: string;

  /**
   * The SHA-256 digest of the file, `sha256:` followed by 64 hex digits.
   *
   * @default - no digest
   */
  readonly contentDigest?: string;
}

/**
 * A configuration file in S3 (SageMaker `FileSource`), for example a Clarify analysis configuration.
 */
export interface FileSource {
  /** The S3 URI of the file (`s3://` or `https://`, at most 1024 characters). */
  readonly s3Uri: string;

  /**
   * The MIME type of the file (at most 256 characters).
   *
   * @default - no content type
   */
  readonly contentType?: string;

  /**
   * The SHA-256 digest of the file, `sha256:` followed by 64 hex digits.
   *
   * @default - no digest
   */
  readonly contentDigest?: string;
}

/**
 * Statistics and constraints of a model's quality or of its data quality.
 */
export interface QualityMetrics {
  /**
   * The statistics.
   *
   * @default - none
   */
  readonly statistics?: MetricsSource;

  /**
   * The constraints.
   *
   * @default - none
   */
  readonly constraints?: MetricsSource;
}

/**
 * Bias reports of a model.
 */
export interface BiasMetrics {
  /**
   * The bias report.
   *
   * @default - none
   */
  readonly report?: MetricsSource;

  /**
   * The pre-training bias report.
   *
   * @default - none
   */
  readonly preTrainingReport?: MetricsSource;

  /**
   * The post-training bias report.
   *
   * @default - none
   */
  readonly postTrainingReport?: MetricsSource;
}

/**
 * Explainability report of a model.
 */
export interface ExplainabilityMetrics {
  /**
   * The explainability report.
   *
   * @default - none
   */
  readonly report?: MetricsSource;
}

/**
 * Metrics of a model package (SageMaker `ModelMetrics`): quality, data quality, bias and explainability.
 */
export interface ModelMetrics {
  /**
   * Model quality statistics and constraints.
   *
   * @default - none
   */
  readonly modelQuality?: QualityMetrics;

  /**
   * Data quality statistics and constraints.
   *
   * @default - none
   */
  readonly modelDataQuality?: QualityMetrics;

  /**
   * Bias reports.
   *
   * @default - none
   */
  readonly bias?: BiasMetrics;

  /**
   * Explainability report.
   *
   * @default - none
   */
  readonly explainability?: ExplainabilityMetrics;
}

/**
 * Bias baselines for drift checks.
 */
export interface DriftCheckBias {
  /**
   * The bias analysis configuration file.
   *
   * @default - none
   */
  readonly configFile?: FileSource;

  /**
   * The pre-training constraints.
   *
   * @default - none
   */
  readonly preTrainingConstraints?: MetricsSource;

  /**
   * The post-training constraints.
   *
   * @default - none
   */
  readonly postTrainingConstraints?: MetricsSource;
}

/**
 * Explainability baselines for drift checks.
 */
export interface DriftCheckExplainability {
  /**
   * The explainability analysis configuration file.
   *
   * @default - none
   */
  readonly configFile?: FileSource;

  /**
   * The explainability constraints.
   *
   * @default - none
   */
  readonly constraints?: MetricsSource;
}

/**
 * Baselines that drift checks of a model package compare against (SageMaker `DriftCheckBaselines`).
 */
export interface DriftCheckBaselines {
  /**
   * Bias baselines.
   *
   * @default - none
   */
  readonly bias?: DriftCheckBias;

  /**
   * Explainability baselines.
   *
   * @default - none
   */
  readonly explainability?: DriftCheckExplainability;

  /**
   * Model quality baselines.
   *
   * @default - none
   */
  readonly modelQuality?: QualityMetrics;

  /**
   * Data quality baselines.
   *
   * @default - none
   */
  readonly modelDataQuality?: QualityMetrics;
}
