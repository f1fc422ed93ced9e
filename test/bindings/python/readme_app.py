"""A small model registry in Python: the app of the README's "Python and Java" section, run as is by
test/bindings/run.sh (test/readme-python.test.ts checks that the README shows this file unchanged)."""
import aws_cdk as cdk
from aws_cdk import aws_iam as iam
import cdk_sagemaker_registry as registry

IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"

app = cdk.App()
stack = cdk.Stack(app, "RegistryStack", env=cdk.Environment(account="111111111111", region="us-east-1"))

# A group (retained when the stack is deleted), shared read-only with a production account.
group = registry.ModelPackageGroup(stack, "Churn", model_package_group_name="churn-prediction")
group.grant_read(iam.AccountPrincipal("333333333333"))
ci_role = iam.Role(stack, "CiRole", assumed_by=iam.ServicePrincipal("sagemaker.amazonaws.com"))
group.grant_register(ci_role)

# A version: struct classes with Python names (or dicts with camelCase keys, never Python names).
version = group.add_model_package("V1",
    inference_specification=registry.InferenceSpecification(
        containers=[registry.InferenceContainer(
            image=registry.ContainerImage.from_registry(IMAGE),
            model_data=registry.ModelData.from_s3_url("s3://churn-artifacts/v1/model.tar.gz"),
            framework="XGBOOST",
            framework_version="1.7-1",
        )],
        supported_content_types=["text/csv"],
        supported_response_mime_types=["text/csv"],
        supported_realtime_inference_instance_types=[registry.InstanceType.M5_LARGE],
    ),
    approval_status=registry.ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
)

# Deploy the newest approved version, found at deploy time.
latest = group.latest_approved_model_package(stack, "Latest")
registry.Model(stack, "ChurnModel", containers=[registry.ContainerDefinition(model_package=latest)])

# A training algorithm: enums are class attributes, numbers are plain numbers.
registry.Algorithm(stack, "Trainer", training_specification=registry.TrainingSpecification(
    image=registry.ContainerImage.from_registry(IMAGE),
    supported_instance_types=[registry.InstanceType.M5_XLARGE],
    channels=[registry.TrainingChannel(name="train", supported_content_types=["text/csv"],
                                       supported_input_modes=[registry.TrainingInputMode.FILE])],
    hyper_parameters=[registry.HyperParameterSpecification(
        name="max_depth", type=registry.HyperParameterType.INTEGER,
        range=registry.HyperParameterRange.integer(1, 10), default_number=6)],
))

cdk.Tags.of(app).add("team", "growth")
app.synth()
