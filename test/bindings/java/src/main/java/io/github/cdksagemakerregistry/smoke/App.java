package io.github.cdksagemakerregistry.smoke;

import io.github.cdksagemakerregistry.Algorithm;
import io.github.cdksagemakerregistry.AutoRollbackOptions;
import io.github.cdksagemakerregistry.CanaryDeploymentOptions;
import io.github.cdksagemakerregistry.CapacitySize;
import io.github.cdksagemakerregistry.DeploymentConfig;
import io.github.cdksagemakerregistry.Endpoint;
import io.github.cdksagemakerregistry.EndpointConfig;
import io.github.cdksagemakerregistry.InstanceProductionVariantProps;
import io.github.cdksagemakerregistry.ContainerDefinition;
import io.github.cdksagemakerregistry.ContainerImage;
import io.github.cdksagemakerregistry.InferenceContainer;
import io.github.cdksagemakerregistry.InferenceSpecification;
import io.github.cdksagemakerregistry.HyperParameterRange;
import io.github.cdksagemakerregistry.HyperParameterSpecification;
import io.github.cdksagemakerregistry.HyperParameterType;
import io.github.cdksagemakerregistry.IModelPackage;
import io.github.cdksagemakerregistry.InstanceType;
import io.github.cdksagemakerregistry.LatestApprovedModelPackageOptions;
import io.github.cdksagemakerregistry.LatestModelPackageOptions;
import io.github.cdksagemakerregistry.LookupRefresh;
import io.github.cdksagemakerregistry.ModelApprovalStatus;
import io.github.cdksagemakerregistry.Model;
import io.github.cdksagemakerregistry.ModelData;
import io.github.cdksagemakerregistry.ModelPackage;
import io.github.cdksagemakerregistry.ModelPackageGroup;
import io.github.cdksagemakerregistry.ModelPackageOptions;
import io.github.cdksagemakerregistry.OnApprovalStatusChangeOptions;
import io.github.cdksagemakerregistry.StageGrantOptions;
import io.github.cdksagemakerregistry.TrainingChannel;
import io.github.cdksagemakerregistry.TrainingInputMode;
import io.github.cdksagemakerregistry.TrainingSpecification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Java binding smoke test for cdk-sagemaker-registry: synthesizes a stack with the library through the
 * jsii Java binding and checks the template. Run by test/bindings/run.sh; exits non-zero on any mismatch.
 */
public final class App {
    private static final String STACK_NAME = "SmokeStack";
    private static final String GROUP_NAME = "smoke-group";
    private static final String OTHER_ACCOUNT = "222222222222";
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final String MODEL_DATA = "s3://smoke-artifacts/model.tar.gz";

    private final List<String> failures = new ArrayList<>();
    private int checks;

    private App() {
    }

    public static void main(final String[] args) {
        App smoke = new App();
        smoke.check(synthesize());
        if (!smoke.failures.isEmpty()) {
            for (String failure : smoke.failures) {
                System.err.println("java binding: FAILED: " + failure);
            }
            System.err.println("java binding: " + smoke.failures.size() + " of " + smoke.checks + " checks failed");
            System.exit(1);
        }
        System.out.println("java binding: " + smoke.checks + " checks passed");
        System.exit(0);
    }

    private static Map<String, Object> synthesize() {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App();
        software.amazon.awscdk.Stack stack = new software.amazon.awscdk.Stack(app, STACK_NAME, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build())
                .build());
        ModelPackageGroup group = ModelPackageGroup.Builder.create(stack, "Group")
                .modelPackageGroupName(GROUP_NAME)
                .description("Smoke test group of the Java binding")
                .build();
        Role role = Role.Builder.create(stack, "Role")
                .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
                .build();
        group.grantRead(role);
        group.grantRegister(role);
        group.grantRead(new AccountPrincipal(OTHER_ACCOUNT));
        group.onApprovalStatusChange("Approved", OnApprovalStatusChangeOptions.builder()
                .statuses(List.of(ModelApprovalStatus.APPROVED))
                .build());
        ModelPackage version = group.addModelPackage("V1", ModelPackageOptions.builder()
                .inferenceSpecification(InferenceSpecification.builder()
                        .containers(List.of(InferenceContainer.builder()
                                .image(ContainerImage.fromRegistry(IMAGE))
                                .modelData(ModelData.fromS3Url(MODEL_DATA))
                                .build()))
                        .supportedContentTypes(List.of("text/csv"))
                        .supportedResponseMimeTypes(List.of("text/csv"))
                        .supportedRealtimeInferenceInstanceTypes(List.of(InstanceType.M5_LARGE))
                        .build())
                .approvalStatus(ModelApprovalStatus.APPROVED)
                .build());
        Model model = Model.Builder.create(stack, "Model")
                .containers(List.of(ContainerDefinition.builder().modelPackage(version).build()))
                .build();
        // Serve the registered version: a canary deployment that rolls back on the alarms the library creates.
        EndpointConfig config = EndpointConfig.Builder.create(stack, "Config")
                .instanceProductionVariants(List.of(InstanceProductionVariantProps.builder()
                        .variantName("main")
                        .model(model)
                        .instanceType(InstanceType.M5_LARGE)
                        .initialInstanceCount(2)
                        .build()))
                .build();
        Endpoint.Builder.create(stack, "Endpoint")
                .endpointConfig(config)
                .deploymentConfig(DeploymentConfig.canary(CanaryDeploymentOptions.builder()
                        .canarySize(CapacitySize.instanceCount(1))
                        .waitInterval(software.amazon.awscdk.Duration.minutes(5))
                        .autoRollback(AutoRollbackOptions.builder().createDefaultAlarms(true).build())
                        .build()))
                .build();
        IModelPackage latest = group.latestApprovedModelPackage(stack, "Latest",
                LatestApprovedModelPackageOptions.builder().refresh(LookupRefresh.ON_CHANGE).build());
        Model.Builder.create(stack, "LatestModel")
                .containers(List.of(ContainerDefinition.builder().modelPackage(latest).build()))
                .build();
        // Governance: the other account may move versions to Staging and nowhere else; production serves
        // the newest approved version whose stage is Production with status Deployed.
        group.getGrants().changeStage(new AccountPrincipal(OTHER_ACCOUNT),
                StageGrantOptions.builder().stages(List.of("Staging")).build());
        IModelPackage inProduction = group.latestModelPackage(stack, "InProduction", LatestModelPackageOptions.builder()
                .approvalStatus(ModelApprovalStatus.APPROVED)
                .stage("Production")
                .stageStatus("Deployed")
                .refresh(LookupRefresh.ON_CHANGE)
                .build());
        Model.Builder.create(stack, "ProductionModel")
                .containers(List.of(ContainerDefinition.builder().modelPackage(inProduction).build()))
                .build();
        Algorithm.Builder.create(stack, "Trainer")
                .algorithmName("smoke-trainer")
                .trainingSpecification(TrainingSpecification.builder()
                        .image(ContainerImage.fromRegistry(IMAGE))
                        .supportedInstanceTypes(List.of(InstanceType.M5_XLARGE))
                        .channels(List.of(TrainingChannel.builder()
                                .name("train")
                                .supportedContentTypes(List.of("text/csv"))
                                .supportedInputModes(List.of(TrainingInputMode.FILE))
                                .build()))
                        .hyperParameters(List.of(HyperParameterSpecification.builder()
                                .name("max_depth")
                                .type(HyperParameterType.INTEGER)
                                .range(HyperParameterRange.integer(1, 10))
                                .build()))
                        .build())
                .build();
        Tags.of(stack).add("team", "smoke");
        CloudAssembly assembly = app.synth();
        return asMap(assembly.getStackByName(STACK_NAME).getTemplate());
    }

    private void expect(final boolean ok, final String message) {
        checks++;
        if (!ok) {
            failures.add(message);
        }
    }

    private void check(final Map<String, Object> template) {
        List<Map<String, Object>> groups = ofType(template, "AWS::SageMaker::ModelPackageGroup");
        Map<String, Object> group = groups.isEmpty() ? Map.of() : groups.get(0);
        Map<String, Object> groupProps = asMap(group.get("Properties"));
        expect(groups.size() == 1 && GROUP_NAME.equals(groupProps.get("ModelPackageGroupName")),
                "expected exactly one AWS::SageMaker::ModelPackageGroup named '" + GROUP_NAME + "', got " + groups);
        expect("Retain".equals(group.get("DeletionPolicy")),
                "expected DeletionPolicy 'Retain', got " + group.get("DeletionPolicy"));

        Map<String, Object> policy = asMap(groupProps.get("ModelPackageGroupPolicy"));
        boolean crossAccount = false;
        for (Object statement : asList(policy.get("Statement"))) {
            crossAccount |= String.valueOf(asMap(statement).get("Principal")).contains(OTHER_ACCOUNT);
        }
        expect(crossAccount, "expected a ModelPackageGroupPolicy statement with a principal for account "
                + OTHER_ACCOUNT + ", got " + policy);
        List<Object> stageStatements = new ArrayList<>();
        for (Object statement : asList(policy.get("Statement"))) {
            if ("sagemaker:UpdateModelPackage".equals(asMap(statement).get("Action"))) {
                stageStatements.add(statement);
            }
        }
        Map<String, Object> stageStatement = stageStatements.isEmpty() ? Map.of() : asMap(stageStatements.get(0));
        expect(stageStatements.size() == 1 && String.valueOf(stageStatement.get("Principal")).contains(OTHER_ACCOUNT)
                        && Map.of("StringEquals", Map.of("sagemaker:ModelLifeCycle:Stage", List.of("Staging")))
                                .equals(stageStatement.get("Condition")),
                "expected one stage-scoped UpdateModelPackage statement for account " + OTHER_ACCOUNT
                        + " limited to stage Staging, got " + stageStatements);

        List<Object> iamActions = new ArrayList<>();
        for (Map<String, Object> iamPolicy : ofType(template, "AWS::IAM::Policy")) {
            Map<String, Object> document = asMap(asMap(iamPolicy.get("Properties")).get("PolicyDocument"));
            for (Object statement : asList(document.get("Statement"))) {
                iamActions.addAll(asList(asMap(statement).get("Action")));
            }
        }
        expect(iamActions.contains("sagemaker:CreateModelPackage"),
                "expected an AWS::IAM::Policy allowing sagemaker:CreateModelPackage, got actions " + iamActions);

        List<Map<String, Object>> rules = ofType(template, "AWS::Events::Rule");
        Map<String, Object> pattern = rules.isEmpty() ? Map.of() : asMap(asMap(rules.get(0).get("Properties")).get("EventPattern"));
        expect(rules.size() == 1 && List.of("aws.sagemaker").equals(pattern.get("source"))
                        && List.of("SageMaker Model Package State Change").equals(pattern.get("detail-type")),
                "expected one AWS::Events::Rule with source [aws.sagemaker] and detail-type "
                        + "[SageMaker Model Package State Change], got " + rules);
        Object status = asMap(pattern.get("detail")).get("ModelApprovalStatus");
        expect(List.of("Approved").equals(status), "expected detail.ModelApprovalStatus [Approved], got " + status);

        List<Map<String, Object>> versions = ofType(template, "AWS::SageMaker::ModelPackage");
        Map<String, Object> version = versions.isEmpty() ? Map.of() : asMap(versions.get(0).get("Properties"));
        List<Object> containers = asList(asMap(version.get("InferenceSpecification")).get("Containers"));
        Map<String, Object> container = containers.isEmpty() ? Map.of() : asMap(containers.get(0));
        expect(versions.size() == 1 && GROUP_NAME.equals(version.get("ModelPackageGroupName"))
                        && "Approved".equals(version.get("ModelApprovalStatus"))
                        && IMAGE.equals(container.get("Image")) && MODEL_DATA.equals(container.get("ModelDataUrl")),
                "expected one approved AWS::SageMaker::ModelPackage in '" + GROUP_NAME + "' with image " + IMAGE
                        + " and model data " + MODEL_DATA + ", got " + versions);
        expect(!versions.isEmpty() && !version.containsKey("Tags") && "Retain".equals(versions.get(0).get("DeletionPolicy")),
                "expected the version to be retained and to carry no Tags, got " + versions);

        List<Map<String, Object>> models = ofType(template, "AWS::SageMaker::Model");
        List<Object> packages = new ArrayList<>();
        for (Map<String, Object> model : models) {
            packages.add(asMap(asMap(model.get("Properties")).get("PrimaryContainer")).get("ModelPackageName"));
        }
        String versionId = idOf(template, "AWS::SageMaker::ModelPackage");
        expect(models.size() == 3 && versionId != null
                        && packages.contains(Map.of("Fn::GetAtt", List.of(versionId, "ModelPackageArn"))),
                "expected an AWS::SageMaker::Model whose PrimaryContainer.ModelPackageName is the version's ARN, got " + models);
        Map<String, Object> resources = asMap(template.get("Resources"));
        int plain = 0;
        int staged = 0;
        boolean lookupsOk = true;
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            Map<String, Object> resource = asMap(entry.getValue());
            if (!"Custom::SageMakerLatestApprovedModelPackage".equals(resource.get("Type"))) {
                continue;
            }
            Map<String, Object> props = asMap(resource.get("Properties"));
            lookupsOk &= GROUP_NAME.equals(props.get("ModelPackageGroupName")) && !props.containsKey("ApprovalStatus")
                    && packages.contains(Map.of("Fn::GetAtt", List.of(entry.getKey(), "ModelPackageArn")));
            if (!props.containsKey("Stage")) {
                plain++;
            } else if ("Production".equals(props.get("Stage")) && "Deployed".equals(props.get("StageStatus"))) {
                staged++;
            }
        }
        List<Map<String, Object>> lookups = ofType(template, "Custom::SageMakerLatestApprovedModelPackage");
        expect(lookupsOk && lookups.size() == 2 && plain == 1 && staged == 1,
                "expected a latest-approved lookup and a lookup filtered to stage Production (Deployed) of '" + GROUP_NAME
                        + "', each deployed as a model, got " + lookups + " and " + models);

        List<Map<String, Object>> endpoints = ofType(template, "AWS::SageMaker::Endpoint");
        Map<String, Object> deployment = endpoints.isEmpty() ? Map.of()
                : asMap(asMap(endpoints.get(0).get("Properties")).get("DeploymentConfig"));
        Map<String, Object> routing = asMap(asMap(deployment.get("BlueGreenUpdatePolicy")).get("TrafficRoutingConfiguration"));
        List<Object> alarms = asList(asMap(deployment.get("AutoRollbackConfiguration")).get("Alarms"));
        expect(endpoints.size() == 1 && "CANARY".equals(routing.get("Type")) && alarms.size() == 2,
                "expected one endpoint with a canary deployment and 2 rollback alarms, got " + endpoints);
        List<Map<String, Object>> configs = ofType(template, "AWS::SageMaker::EndpointConfig");
        List<Object> variants = configs.isEmpty() ? List.of()
                : asList(asMap(configs.get(0).get("Properties")).get("ProductionVariants"));
        expect(variants.size() == 1 && "ml.m5.large".equals(asMap(variants.get(0)).get("InstanceType")),
                "expected one ml.m5.large production variant, got " + configs);

        List<Map<String, Object>> algorithms = ofType(template, "AWS::SageMaker::Algorithm");
        Map<String, Object> algorithm = algorithms.isEmpty() ? Map.of() : asMap(algorithms.get(0).get("Properties"));
        Map<String, Object> training = asMap(algorithm.get("TrainingSpecification"));
        List<Object> hyperParameterNames = new ArrayList<>();
        for (Object h : asList(training.get("SupportedHyperParameters"))) {
            hyperParameterNames.add(asMap(h).get("Name"));
        }
        expect(algorithms.size() == 1 && "smoke-trainer".equals(algorithm.get("AlgorithmName"))
                        && IMAGE.equals(training.get("TrainingImage")) && List.of("max_depth").equals(hyperParameterNames),
                "expected one AWS::SageMaker::Algorithm 'smoke-trainer' with image " + IMAGE + " and hyperparameter max_depth, got " + algorithms);
    }

    private static String idOf(final Map<String, Object> template, final String type) {
        for (Map.Entry<String, Object> entry : asMap(template.get("Resources")).entrySet()) {
            if (type.equals(asMap(entry.getValue()).get("Type"))) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static List<Map<String, Object>> ofType(final Map<String, Object> template, final String type) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object resource : asMap(template.get("Resources")).values()) {
            if (type.equals(asMap(resource).get("Type"))) {
                found.add(asMap(resource));
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(final Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    private static List<Object> asList(final Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof Collection ? new ArrayList<>((Collection<?>) value) : List.of(value);
    }
}
