"""Python binding smoke test for cdk-sagemaker-registry.

Synthesizes a stack with the library through the jsii Python binding and checks the template.
Run by test/bindings/run.sh inside test/bindings/.venv; exits non-zero on any mismatch.
"""
import json
import sys

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from cdk_sagemaker_registry import (
    Algorithm,
    AutoRollbackOptions,
    CapacitySize,
    DeploymentConfig,
    Endpoint,
    EndpointConfig,
    InstanceProductionVariantProps,
    ContainerDefinition,
    ContainerImage,
    HyperParameterRange,
    HyperParameterSpecification,
    HyperParameterType,
    InferenceContainer,
    InferenceSpecification,
    InstanceType,
    LookupRefresh,
    ModelApprovalStatus,
    Model,
    ModelData,
    ModelPackageGroup,
    RepositoryAccessMode,
    TrainingChannel,
    TrainingInputMode,
    TrainingSpecification,
)

STACK_NAME = "SmokeStack"
GROUP_NAME = "smoke-group"
OTHER_ACCOUNT = "222222222222"
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
MODEL_DATA = "s3://smoke-artifacts/model.tar.gz"


def synthesize() -> dict:
    app = cdk.App()
    stack = cdk.Stack(app, STACK_NAME, env=cdk.Environment(account="111111111111", region="us-east-1"))
    group = ModelPackageGroup(stack, "Group", model_package_group_name=GROUP_NAME,
                              description="Smoke test group of the Python binding")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("sagemaker.amazonaws.com"))
    group.grant_read(role)
    group.grant_register(role)
    group.grant_read(iam.AccountPrincipal(OTHER_ACCOUNT))
    group.on_approval_status_change("Approved", statuses=[ModelApprovalStatus.APPROVED])
    version = group.add_model_package("V1", inference_specification=InferenceSpecification(
        containers=[InferenceContainer(
            image=ContainerImage.from_registry(IMAGE),
            model_data=ModelData.from_s3_url(MODEL_DATA),
        )],
        supported_content_types=["text/csv"],
        supported_response_mime_types=["text/csv"],
        supported_realtime_inference_instance_types=[InstanceType.M5_LARGE],
    ), approval_status=ModelApprovalStatus.APPROVED)
    model = Model(stack, "Model", containers=[ContainerDefinition(model_package=version)])
    # Serve the registered version: a canary deployment that rolls back on the alarms the library creates.
    config = EndpointConfig(stack, "Config", instance_production_variants=[InstanceProductionVariantProps(
        variant_name="main", model=model, instance_type=InstanceType.M5_LARGE, initial_instance_count=2)])
    Endpoint(stack, "Endpoint", endpoint_config=config, deployment_config=DeploymentConfig.canary(
        canary_size=CapacitySize.instance_count(1), wait_interval=cdk.Duration.minutes(5),
        auto_rollback=AutoRollbackOptions(create_default_alarms=True)))
    latest = group.latest_approved_model_package(stack, "Latest", refresh=LookupRefresh.ON_CHANGE)
    Model(stack, "LatestModel", containers=[ContainerDefinition(model_package=latest)])
    # Governance: the other account may move versions to Staging and nowhere else; production serves the
    # newest approved version whose stage is Production with status Deployed.
    group.grants.change_stage(iam.AccountPrincipal(OTHER_ACCOUNT), stages=["Staging"])
    in_production = group.latest_model_package(stack, "InProduction", approval_status=ModelApprovalStatus.APPROVED,
                                               stage="Production", stage_status="Deployed",
                                               refresh=LookupRefresh.ON_CHANGE)
    Model(stack, "ProductionModel", containers=[ContainerDefinition(model_package=in_production)])
    Algorithm(stack, "Trainer", algorithm_name="smoke-trainer", training_specification=TrainingSpecification(
        image=ContainerImage.from_registry(IMAGE),
        supported_instance_types=[InstanceType.M5_XLARGE],
        channels=[TrainingChannel(name="train", supported_content_types=["text/csv"],
                                  supported_input_modes=[TrainingInputMode.FILE])],
        hyper_parameters=[HyperParameterSpecification(name="max_depth", type=HyperParameterType.INTEGER,
                                                      range=HyperParameterRange.integer(1, 10))],
    ))
    cdk.Tags.of(stack).add("team", "smoke")
    assembly = app.synth()
    return assembly.get_stack_by_name(STACK_NAME).template


def of_type(template: dict, resource_type: str) -> list:
    return [r for r in template.get("Resources", {}).values() if r.get("Type") == resource_type]


def as_list(value):
    return value if isinstance(value, list) else [value]


def check(template: dict, expect) -> None:
    """Checks the smoke stack's template with expect(ok, message)."""

    groups = of_type(template, "AWS::SageMaker::ModelPackageGroup")
    expect(len(groups) == 1 and groups[0].get("Properties", {}).get("ModelPackageGroupName") == GROUP_NAME,
           f"expected exactly one AWS::SageMaker::ModelPackageGroup named {GROUP_NAME!r}, got {json.dumps(groups)}")
    group = groups[0] if groups else {}
    expect(group.get("DeletionPolicy") == "Retain",
           f"expected DeletionPolicy 'Retain', got {group.get('DeletionPolicy')!r}")

    policy = group.get("Properties", {}).get("ModelPackageGroupPolicy") or {}
    statements = as_list(policy.get("Statement", []))
    expect(any(OTHER_ACCOUNT in json.dumps(s.get("Principal")) for s in statements),
           f"expected a ModelPackageGroupPolicy statement with a principal for account {OTHER_ACCOUNT}, "
           f"got {json.dumps(policy)}")

    staging = [s for s in statements if s.get("Action") == "sagemaker:UpdateModelPackage"]
    expect(len(staging) == 1 and OTHER_ACCOUNT in json.dumps(staging[0].get("Principal"))
           and staging[0].get("Condition") == {"StringEquals": {"sagemaker:ModelLifeCycle:Stage": ["Staging"]}},
           f"expected one stage-scoped UpdateModelPackage statement for account {OTHER_ACCOUNT} limited to stage Staging, "
           f"got {json.dumps(staging)}")

    iam_actions = [a for p in of_type(template, "AWS::IAM::Policy")
                   for s in as_list(p.get("Properties", {}).get("PolicyDocument", {}).get("Statement", []))
                   for a in as_list(s.get("Action", []))]
    expect("sagemaker:CreateModelPackage" in iam_actions,
           f"expected an AWS::IAM::Policy allowing sagemaker:CreateModelPackage, got actions {iam_actions}")

    rules = of_type(template, "AWS::Events::Rule")
    patterns = [r.get("Properties", {}).get("EventPattern", {}) for r in rules]
    expect(len(rules) == 1 and patterns[0].get("source") == ["aws.sagemaker"]
           and patterns[0].get("detail-type") == ["SageMaker Model Package State Change"],
           "expected one AWS::Events::Rule with source ['aws.sagemaker'] and detail-type "
           f"['SageMaker Model Package State Change'], got {json.dumps(patterns)}")
    status = patterns[0].get("detail", {}).get("ModelApprovalStatus") if patterns else None
    expect(status == ["Approved"], f"expected detail.ModelApprovalStatus ['Approved'], got {json.dumps(status)}")

    versions = of_type(template, "AWS::SageMaker::ModelPackage")
    version = versions[0].get("Properties", {}) if versions else {}
    container = (version.get("InferenceSpecification", {}).get("Containers") or [{}])[0]
    expect(len(versions) == 1 and version.get("ModelPackageGroupName") == GROUP_NAME
           and version.get("ModelApprovalStatus") == "Approved"
           and container.get("Image") == IMAGE and container.get("ModelDataUrl") == MODEL_DATA,
           f"expected one approved AWS::SageMaker::ModelPackage in {GROUP_NAME!r} with image {IMAGE} and model data "
           f"{MODEL_DATA}, got {json.dumps(versions)}")
    expect(bool(versions) and "Tags" not in version and versions[0].get("DeletionPolicy") == "Retain",
           f"expected the version to be retained and to carry no Tags, got {json.dumps(versions)}")

    models = of_type(template, "AWS::SageMaker::Model")
    packages = [m.get("Properties", {}).get("PrimaryContainer", {}).get("ModelPackageName") for m in models]
    ids_of = lambda t: [k for k, r in template.get("Resources", {}).items() if r.get("Type") == t]
    version_ids = ids_of("AWS::SageMaker::ModelPackage")
    expect(len(models) == 3 and bool(version_ids) and {"Fn::GetAtt": [version_ids[0], "ModelPackageArn"]} in packages,
           f"expected an AWS::SageMaker::Model whose PrimaryContainer.ModelPackageName is the version's ARN, got {json.dumps(models)}")
    lookup_type = "Custom::SageMakerLatestApprovedModelPackage"
    lookups = {k: r.get("Properties", {}) for k, r in template.get("Resources", {}).items() if r.get("Type") == lookup_type}
    plain = [k for k, p in lookups.items() if "Stage" not in p]
    staged = [k for k, p in lookups.items() if p.get("Stage") == "Production" and p.get("StageStatus") == "Deployed"]
    expect(len(lookups) == 2 and len(plain) == 1 and len(staged) == 1
           and all(p.get("ModelPackageGroupName") == GROUP_NAME and "ApprovalStatus" not in p for p in lookups.values())
           and all({"Fn::GetAtt": [k, "ModelPackageArn"]} in packages for k in lookups),
           f"expected a latest-approved lookup and a lookup filtered to stage Production (Deployed) of {GROUP_NAME!r}, "
           f"each deployed as a model, got {json.dumps(lookups)} and {json.dumps(models)}")

    endpoints = of_type(template, "AWS::SageMaker::Endpoint")
    deployment = endpoints[0].get("Properties", {}).get("DeploymentConfig", {}) if endpoints else {}
    canary = deployment.get("BlueGreenUpdatePolicy", {}).get("TrafficRoutingConfiguration", {})
    alarms = deployment.get("AutoRollbackConfiguration", {}).get("Alarms", [])
    expect(len(endpoints) == 1 and canary.get("Type") == "CANARY"
           and canary.get("CanarySize") == {"Type": "INSTANCE_COUNT", "Value": 1} and len(alarms) == 2,
           f"expected one endpoint with a canary of 1 instance and 2 rollback alarms, got {json.dumps(endpoints)}")
    configs = of_type(template, "AWS::SageMaker::EndpointConfig")
    variants = configs[0].get("Properties", {}).get("ProductionVariants", []) if configs else []
    model_ids = ids_of("AWS::SageMaker::Model")
    expect(len(variants) == 1 and variants[0].get("InitialInstanceCount") == 2
           and variants[0].get("InstanceType") == "ml.m5.large"
           and variants[0].get("ModelName", {}).get("Fn::GetAtt", [None])[0] in model_ids,
           f"expected one ml.m5.large variant of 2 instances serving the model, got {json.dumps(configs)}")

    algorithms = of_type(template, "AWS::SageMaker::Algorithm")
    training = algorithms[0].get("Properties", {}).get("TrainingSpecification", {}) if algorithms else {}
    expect(len(algorithms) == 1 and algorithms[0]["Properties"].get("AlgorithmName") == "smoke-trainer"
           and training.get("TrainingImage") == IMAGE
           and [h.get("Name") for h in training.get("SupportedHyperParameters", [])] == ["max_depth"],
           f"expected one AWS::SageMaker::Algorithm 'smoke-trainer' with image {IMAGE} and hyperparameter max_depth, got {json.dumps(algorithms)}")


def new_stack() -> cdk.Stack:
    return cdk.Stack(cdk.App(), "DictStack", env=cdk.Environment(account="111111111111", region="us-east-1"))


def synth_template(stack: cdk.Stack) -> dict:
    return cdk.App.of(stack).synth().get_stack_by_name(stack.stack_name).template


def error_of(build) -> str:
    """The message of the error that build() raises through jsii, or '' when it raises none."""
    try:
        build()
    except Exception as error:  # jsii raises JSIIError (a RuntimeError) with the library's message
        return str(error)
    return ""


def check_dicts(expect) -> None:
    """Struct classes and dicts where structs are expected, as the README's "Python and Java" section says."""

    # 1. A dict with Python names in a list of structs: jsii would drop `model_data`, so the package's struct
    #    guard refuses it, naming the key, the struct and what to write instead.
    stack = new_stack()
    message = error_of(lambda: Model(stack, "PythonNames", containers=[
        {"image": ContainerImage.from_registry(IMAGE), "model_data": ModelData.from_s3_url(MODEL_DATA)}]))
    expect("containers[0]: 'model_data' is not a property of ContainerDefinition; did you mean 'modelData'?" in message
           and "registry.ContainerDefinition(model_data=...)" in message,
           f"expected the dict key model_data to be rejected with a hint, got {message!r}")

    # 2. A misspelled key in a dict, nested in a struct object's list, and one in a method's argument.
    message = error_of(lambda: Algorithm(new_stack(), "Misspelled", training_specification=TrainingSpecification(
        image=ContainerImage.from_registry(IMAGE),
        supported_instance_types=[InstanceType.M5_XLARGE],
        channels=[TrainingChannel(name="train", supported_content_types=["text/csv"],
                                  supported_input_modes=[TrainingInputMode.FILE])],
        hyper_parameters=[{"name": "max_depth", "type": HyperParameterType.INTEGER, "defualtValue": "3"}],
    )))
    expect("trainingSpecification.hyperParameters[0]: 'defualtValue' is not a property of HyperParameterSpecification; "
           "did you mean 'defaultValue'?" in message,
           f"expected the misspelled key defualtValue to be rejected, got {message!r}")
    stack = new_stack()
    model = Model(stack, "AddContainer", containers=[ContainerDefinition(image=ContainerImage.from_registry(IMAGE))])
    message = error_of(lambda: model.add_container(image=ContainerImage.from_registry(IMAGE),
                                                   image_config={"repository_access_mode": RepositoryAccessMode.PLATFORM}))
    expect(message == "", f"expected a single nested struct given as a dict with Python names to work, got {message!r}")
    group = ModelPackageGroup(stack, "Group")
    message = error_of(lambda: group.add_model_package("V1", inference_specification=InferenceSpecification(
        containers=[{"image": ContainerImage.from_registry(IMAGE), "modelDataa": ModelData.from_s3_url(MODEL_DATA)}],
        supported_content_types=["text/csv"], supported_response_mime_types=["text/csv"])))
    expect("inferenceSpecification.containers[0]: 'modelDataa' is not a property of InferenceContainer; did you mean 'modelData'?" in message,
           f"expected add_model_package to reject the misspelled key modelDataa, got {message!r}")

    # 3. A misspelled keyword of a struct class is a Python TypeError that names it.
    message = error_of(lambda: ContainerDefinition(image=ContainerImage.from_registry(IMAGE), modeldata=None))
    expect("modeldata" in message, f"expected ContainerDefinition(modeldata=...) to be rejected, got {message!r}")

    # 4. In a list of structs, a dict takes the camelCase names; a number default works through default_number.
    stack = new_stack()
    Model(stack, "CamelCase", containers=[
        {"image": ContainerImage.from_registry(IMAGE), "modelData": ModelData.from_s3_url(MODEL_DATA)}])
    Algorithm(stack, "NumberDefault", training_specification=TrainingSpecification(
        image=ContainerImage.from_registry(IMAGE),
        supported_instance_types=[InstanceType.M5_XLARGE],
        channels=[TrainingChannel(name="train", supported_content_types=["text/csv"],
                                  supported_input_modes=[TrainingInputMode.FILE])],
        hyper_parameters=[HyperParameterSpecification(name="max_depth", type=HyperParameterType.INTEGER,
                                                      range=HyperParameterRange.integer(1, 10), default_number=6)],
    ))
    template = synth_template(stack)
    urls = [m["Properties"].get("PrimaryContainer", {}).get("ModelDataUrl") for m in of_type(template, "AWS::SageMaker::Model")]
    expect(urls == [MODEL_DATA], f"expected the camelCase dict to render ModelDataUrl {MODEL_DATA}, got {urls}")
    defaults = [h.get("DefaultValue") for a in of_type(template, "AWS::SageMaker::Algorithm")
                for h in a["Properties"]["TrainingSpecification"].get("SupportedHyperParameters", [])]
    expect(defaults == ["6"], f"expected default_number=6 to render DefaultValue '6', got {defaults}")

    # 5. A number where the API takes text says what to pass instead.
    message = error_of(lambda: HyperParameterSpecification(name="eta", type=HyperParameterType.CONTINUOUS, default_value=0.3))
    expect("default_value" in message or "defaultValue" in message, f"expected default_value=0.3 (a number) to be refused naming default_value, got {message!r}")


def main() -> int:
    checks = 0
    failures = []

    def expect(ok: bool, message: str) -> None:
        nonlocal checks
        checks += 1
        if not ok:
            failures.append(message)

    check(synthesize(), expect)
    check_dicts(expect)
    if failures:
        for failure in failures:
            print(f"python binding: FAILED: {failure}", file=sys.stderr)
        print(f"python binding: {len(failures)} of {checks} checks failed", file=sys.stderr)
        return 1
    print(f"python binding: {checks} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
