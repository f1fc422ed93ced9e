// A small model registry in Go: the example of the README's Go section. test/bindings/run.sh compiles it
// (with the smoke program beside it) against the Go module that jsii-pacmak generates.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	registry "github.com/cdk-sagemaker-registry/cdk-sagemaker-registry-go/cdksagemakerregistry"
)

const image = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("RegistryStack"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("us-east-1")},
	})

	// A group (retained when the stack is deleted), shared read-only with a production account.
	group := registry.NewModelPackageGroup(stack, jsii.String("Churn"), &registry.ModelPackageGroupProps{
		ModelPackageGroupName: jsii.String("churn"),
	})
	group.GrantRead(awsiam.NewAccountPrincipal(jsii.String("222222222222")))

	// A version: structs are Go structs, optional values are pointers (jsii.String, jsii.Number).
	version := group.AddModelPackage(jsii.String("V1"), &registry.ModelPackageOptions{
		InferenceSpecification: &registry.InferenceSpecification{
			Containers: &[]*registry.InferenceContainer{{
				Image:     registry.ContainerImage_FromRegistry(jsii.String(image)),
				ModelData: registry.ModelData_FromS3Url(jsii.String("s3://my-bucket/churn/model.tar.gz"), nil),
			}},
			SupportedContentTypes:                   jsii.Strings("text/csv"),
			SupportedResponseMimeTypes:              jsii.Strings("text/csv"),
			SupportedRealtimeInferenceInstanceTypes: &[]registry.InstanceType{registry.InstanceType_M5_LARGE()},
		},
		ApprovalStatus: registry.ModelApprovalStatus_APPROVED,
	})
	registry.NewModel(stack, jsii.String("ChurnModel"), &registry.ModelProps{
		Containers: &[]*registry.ContainerDefinition{{ModelPackage: version}},
	})

	// Deploy the newest approved version, found at deploy time.
	latest := group.LatestApprovedModelPackage(stack, jsii.String("Latest"), nil)
	registry.NewModel(stack, jsii.String("LatestModel"), &registry.ModelProps{
		Containers: &[]*registry.ContainerDefinition{{ModelPackage: latest}},
	})

	// A training algorithm: enums are package constants, enum-like classes are functions.
	registry.NewAlgorithm(stack, jsii.String("Trainer"), &registry.AlgorithmProps{
		TrainingSpecification: &registry.TrainingSpecification{
			Image:                  registry.ContainerImage_FromRegistry(jsii.String(image)),
			SupportedInstanceTypes: &[]registry.InstanceType{registry.InstanceType_M5_XLARGE()},
			Channels: &[]*registry.TrainingChannel{{
				Name:                  jsii.String("train"),
				SupportedContentTypes: jsii.Strings("text/csv"),
				SupportedInputModes:   &[]registry.TrainingInputMode{registry.TrainingInputMode_FILE},
			}},
			HyperParameters: &[]*registry.HyperParameterSpecification{{
				Name:  jsii.String("max_depth"),
				Type:  registry.HyperParameterType_INTEGER,
				Range: registry.HyperParameterRange_Integer(jsii.Number(1), jsii.Number(10)),
			}},
		},
	})

	app.Synth(nil)
}
