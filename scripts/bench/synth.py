"""One Python-binding measurement, in a fresh process (the Python twin of synth.ts).

Builds the benchmark scenario (scripts/bench/scenario.ts) for N versions through the jsii Python
binding, with this library (`l2`) or with aws-cdk-lib's L1s only (`l1`), synthesizes it into
OUTDIR, and prints one JSON line:

  { variant, n, loadMs, buildMs, synthMs, totalMs, cpuMs, maxRssKb, pythonRssKb, nodeRssKb }

- loadMs: from interpreter start to the end of the imports (which start the jsii kernel, a node
  process, and load the assemblies into it);
- buildMs, synthMs, totalMs: as in synth.ts, wall time measured in this process;
- cpuMs: CPU time of totalMs in this process and its (running) children;
- maxRssKb = pythonRssKb + nodeRssKb: the peak resident set size of this process plus that of the
  jsii kernel (and any other child processes), read from /proc/<pid>/status (VmHWM) right after
  synthesis, while the kernel still runs.

Usage: python synth.py l1|l2 N OUTDIR   (in a virtualenv with aws-cdk-lib and the library's wheel,
e.g. test/bindings/.venv).

Keep the two apps in step with app-l2.ts and app-l1.ts.
"""
import json
import os
import sys
import time


VARIANT, N, OUTDIR = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if VARIANT not in ("l1", "l2"):
    sys.exit("usage: python synth.py l1|l2 N OUTDIR")

import aws_cdk as cdk  # noqa: E402
from aws_cdk import aws_events as events  # noqa: E402
from aws_cdk import aws_iam as iam  # noqa: E402
from aws_cdk import aws_sagemaker as sagemaker  # noqa: E402

if VARIANT == "l2":
    import cdk_sagemaker_registry as reg  # noqa: E402

# ---- scenario.ts --------------------------------------------------------------------------------
VERSIONS_PER_GROUP = 10
GROUPS_PER_STACK = 20
ENV = cdk.Environment(account="111111111111", region="us-east-1")
ACCOUNT, REGION = "111111111111", "us-east-1"
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
ARTIFACT_BUCKET = "bench-model-artifacts"
REGISTRY_ROLE_PRINCIPAL = "codebuild.amazonaws.com"
VARIANT_NAME = "main"
ENDPOINT_INSTANCE_TYPE = "ml.m5.large"
ENDPOINT_INSTANCE_COUNT = 1


def plan(n):
    groups = n // VERSIONS_PER_GROUP
    return [(f"Registry{s // GROUPS_PER_STACK + 1:02d}", list(range(s, min(groups, s + GROUPS_PER_STACK))))
            for s in range(0, groups, GROUPS_PER_STACK)]


def group_name(g):
    return f"bench-group-{g + 1:03d}"


def group_id(g):
    return f"Group{g + 1:03d}"


def version_id(v):
    return f"V{v + 1:02d}"


def model_data_key(g, v):
    return f"{group_name(g)}/v{v + 1}/model.tar.gz"


def approval_status(v):
    return "Approved" if v == VERSIONS_PER_GROUP - 1 else "PendingManualApproval"


# ---- app-l2.ts ----------------------------------------------------------------------------------
def build_l2(app, n):
    for stack_name, groups in plan(n):
        stack = cdk.Stack(app, stack_name, env=ENV)
        registry_role = iam.Role(stack, "RegistryRole", assumed_by=iam.ServicePrincipal(REGISTRY_ROLE_PRINCIPAL))
        for g in groups:
            group = reg.ModelPackageGroup(stack, group_id(g), model_package_group_name=group_name(g))
            group.grant_read(registry_role)
            group.grant_register(registry_role)
            group.on_approval_status_change("OnApproved", statuses=[reg.ModelApprovalStatus.APPROVED])
            newest = None
            for v in range(VERSIONS_PER_GROUP):
                newest = group.add_model_package(
                    version_id(v),
                    inference_specification=reg.InferenceSpecification(
                        containers=[reg.InferenceContainer(
                            image=reg.ContainerImage.from_registry(IMAGE),
                            model_data=reg.ModelData.from_s3_url(f"s3://{ARTIFACT_BUCKET}/{model_data_key(g, v)}"),
                        )],
                        supported_content_types=["text/csv"],
                        supported_response_mime_types=["text/csv"],
                        supported_realtime_inference_instance_types=[reg.InstanceType.M5_LARGE],
                        supported_transform_instance_types=[reg.InstanceType.M5_LARGE],
                    ),
                    approval_status=(reg.ModelApprovalStatus.APPROVED if approval_status(v) == "Approved"
                                     else reg.ModelApprovalStatus.PENDING_MANUAL_APPROVAL),
                )
            model = reg.Model(stack, f"{group_id(g)}Model", containers=[reg.ContainerDefinition(model_package=newest)])
            endpoint_config = reg.EndpointConfig(stack, f"{group_id(g)}EndpointConfig", instance_production_variants=[
                reg.InstanceProductionVariantProps(
                    variant_name=VARIANT_NAME,
                    model=model,
                    instance_type=reg.InstanceType.of(ENDPOINT_INSTANCE_TYPE),
                    initial_instance_count=ENDPOINT_INSTANCE_COUNT,
                ),
            ])
            reg.Endpoint(stack, f"{group_id(g)}Endpoint", endpoint_config=endpoint_config)


# ---- app-l1.ts ----------------------------------------------------------------------------------
MAX_INLINE_SIZE = 10000
MAX_MANAGED_POLICY_SIZE = 6000


def statement(actions, resource, literal_resource=None):
    body = {"Action": actions[0] if len(actions) == 1 else actions, "Effect": "Allow", "Resource": resource}
    size = len(json.dumps({**body, "Resource": literal_resource or resource}, separators=(",", ":")))
    return body, size


def policy_document(statements):
    return {"Version": "2012-10-17", "Statement": [s for s, _ in statements]}


def assume_role_policy(service):
    return {"Version": "2012-10-17",
            "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": service}}]}


def add_role_policies(stack, id_, role, statements):
    chunks, budget, used = [[]], MAX_INLINE_SIZE, 0
    for s in statements:
        if used + s[1] > budget and chunks[-1]:
            chunks.append([])
            budget, used = MAX_MANAGED_POLICY_SIZE, 0
        chunks[-1].append(s)
        used += s[1]
    iam.CfnPolicy(stack, f"{id_}Policy", policy_name=f"{id_}Policy", roles=[role.ref],
                  policy_document=policy_document(chunks[0]))
    for i, chunk in enumerate(chunks[1:]):
        iam.CfnManagedPolicy(stack, f"{id_}Policy{i + 2}", roles=[role.ref], policy_document=policy_document(chunk))


def build_l1(app, n):
    for stack_name, groups in plan(n):
        stack = cdk.Stack(app, stack_name, env=ENV)

        def arn(service, resource, resource_name, arn_format=None):
            return stack.format_arn(service=service, resource=resource, resource_name=resource_name, arn_format=arn_format)

        def literal_arn(service, resource, resource_name):
            return f"arn:aws:{service}:{REGION}:{ACCOUNT}:{resource}/{resource_name}"

        registry_role = iam.CfnRole(stack, "RegistryRole",
                                    assume_role_policy_document=assume_role_policy(REGISTRY_ROLE_PRINCIPAL))
        registry_statements = []
        for g in groups:
            name, gid = group_name(g), group_id(g)
            group = sagemaker.CfnModelPackageGroup(stack, gid, model_package_group_name=name)
            group.apply_removal_policy(cdk.RemovalPolicy.RETAIN)

            registry_statements.append(statement(
                ["sagemaker:DescribeModelPackageGroup", "sagemaker:ListModelPackages"],
                group.attr_model_package_group_arn, literal_arn("sagemaker", "model-package-group", name)))
            registry_statements.append(statement(
                ["sagemaker:DescribeModelPackage", "sagemaker:BatchDescribeModelPackage", "sagemaker:ListModelPackages",
                 "sagemaker:CreateModelPackage"],
                arn("sagemaker", "model-package", f"{name}/*"), literal_arn("sagemaker", "model-package", f"{name}/*")))

            events.CfnRule(stack, f"{gid}OnApproved", event_pattern={
                "source": ["aws.sagemaker"],
                "detail-type": ["SageMaker Model Package State Change"],
                "detail": {"ModelPackageGroupName": [name], "ModelApprovalStatus": ["Approved"]},
            })

            newest = None
            for v in range(VERSIONS_PER_GROUP):
                newest = sagemaker.CfnModelPackage(
                    stack, f"{gid}{version_id(v)}",
                    model_package_group_name=name,
                    model_approval_status=approval_status(v),
                    inference_specification=sagemaker.CfnModelPackage.InferenceSpecificationProperty(
                        containers=[sagemaker.CfnModelPackage.ModelPackageContainerDefinitionProperty(
                            image=IMAGE, model_data_url=f"s3://{ARTIFACT_BUCKET}/{model_data_key(g, v)}")],
                        supported_content_types=["text/csv"],
                        supported_response_mime_types=["text/csv"],
                        supported_realtime_inference_instance_types=["ml.m5.large"],
                        supported_transform_instance_types=["ml.m5.large"],
                    ),
                )
                newest.apply_removal_policy(cdk.RemovalPolicy.RETAIN)
                newest.node.add_dependency(group)

            model_role = iam.CfnRole(stack, f"{gid}ModelRole",
                                     assume_role_policy_document=assume_role_policy("sagemaker.amazonaws.com"))
            log_groups = arn("logs", "log-group", "/aws/sagemaker/*", cdk.ArnFormat.COLON_RESOURCE_NAME)
            bucket_arn = stack.format_arn(service="s3", region="", account="", resource=ARTIFACT_BUCKET)
            object_arn = stack.format_arn(service="s3", region="", account="", resource=ARTIFACT_BUCKET,
                                          resource_name=model_data_key(g, VERSIONS_PER_GROUP - 1))
            model_policy = iam.CfnPolicy(stack, f"{gid}ModelRolePolicy", policy_name=f"{gid}ModelRolePolicy",
                                         roles=[model_role.ref], policy_document=policy_document([
                                             statement(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                                        "logs:DescribeLogStreams"],
                                                       [log_groups, f"{log_groups}:log-stream:*"]),
                                             statement(["cloudwatch:PutMetricData"], "*"),
                                             statement(["ecr:GetAuthorizationToken"], "*"),
                                             statement(["sagemaker:DescribeModelPackage",
                                                        "sagemaker:BatchDescribeModelPackage"],
                                                       newest.attr_model_package_arn),
                                             statement(["s3:GetObject*", "s3:GetBucket*", "s3:List*"],
                                                       [bucket_arn, object_arn]),
                                         ]))
            model = sagemaker.CfnModel(stack, f"{gid}Model", execution_role_arn=model_role.attr_arn,
                                       primary_container=sagemaker.CfnModel.ContainerDefinitionProperty(
                                           model_package_name=newest.attr_model_package_arn))
            model.node.add_dependency(model_policy)

            endpoint_config = sagemaker.CfnEndpointConfig(stack, f"{gid}EndpointConfig", production_variants=[
                sagemaker.CfnEndpointConfig.ProductionVariantProperty(
                    variant_name=VARIANT_NAME,
                    model_name=model.attr_model_name,
                    instance_type=ENDPOINT_INSTANCE_TYPE,
                    initial_instance_count=ENDPOINT_INSTANCE_COUNT,
                ),
            ])
            endpoint_config.cfn_options.deletion_policy = cdk.CfnDeletionPolicy.RETAIN
            endpoint = sagemaker.CfnEndpoint(stack, f"{gid}Endpoint",
                                             endpoint_config_name=endpoint_config.attr_endpoint_config_name)
            endpoint.apply_removal_policy(cdk.RemovalPolicy.RETAIN)

        add_role_policies(stack, "RegistryRole", registry_role, registry_statements)


# ---- measurement --------------------------------------------------------------------------------
def descendants(pid):
    """The pids of all running descendants of pid (from /proc/*/stat)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ms(pids):
    """CPU time (user + system) of the given processes, from /proc/<pid>/stat."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total * 1000 / tick


def process_age_ms():
    """Milliseconds since this process started (/proc/self/stat starttime; clock-tick resolution)."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000


def main():
    load_ms = process_age_ms()
    pids = [os.getpid()] + descendants(os.getpid())
    cpu0 = cpu_ms(pids)
    t0 = time.perf_counter()
    app = cdk.App(outdir=OUTDIR)
    (build_l2 if VARIANT == "l2" else build_l1)(app, N)
    t1 = time.perf_counter()
    app.synth()
    t2 = time.perf_counter()
    pids = [os.getpid()] + descendants(os.getpid())
    cpu = cpu_ms(pids) - cpu0
    python_rss = peak_rss_kb(os.getpid())
    node_rss = sum(peak_rss_kb(pid) for pid in pids[1:])
    print(json.dumps({
        "variant": VARIANT,
        "n": N,
        "loadMs": load_ms,
        "buildMs": (t1 - t0) * 1000,
        "synthMs": (t2 - t1) * 1000,
        "totalMs": (t2 - t0) * 1000,
        "cpuMs": cpu,
        "maxRssKb": python_rss + node_rss,
        "pythonRssKb": python_rss,
        "nodeRssKb": node_rss,
    }), flush=True)


if __name__ == "__main__":
    main()
