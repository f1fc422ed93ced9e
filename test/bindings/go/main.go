// Go binding smoke test for cdk-sagemaker-registry.
//
// Synthesizes a stack with the library through the jsii Go binding and checks the template (the same
// stack and checks as test/bindings/python/app.py), then checks that a struct given with a key the
// library does not know is rejected. Run by test/bindings/run.sh against the module that jsii-pacmak
// generates in dist/go (see the replace directive in go.mod); exits non-zero on any mismatch.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	jsiiruntime "github.com/aws/jsii-runtime-go/runtime"
	"github.com/cdk-sagemaker-registry/cdk-sagemaker-registry-go/cdksagemakerregistry"
)

const (
	stackName    = "SmokeStack"
	groupName    = "smoke-group"
	otherAccount = "222222222222"
	image        = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
	modelData    = "s3://smoke-artifacts/model.tar.gz"
)

type (
	object = map[string]interface{}
	list   = []interface{}
)

func synthesize() object {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String(stackName), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("us-east-1")},
	})
	group := cdksagemakerregistry.NewModelPackageGroup(stack, jsii.String("Group"), &cdksagemakerregistry.ModelPackageGroupProps{
		ModelPackageGroupName: jsii.String(groupName),
		Description:           jsii.String("Smoke test group of the Go binding"),
	})
	role := awsiam.NewRole(stack, jsii.String("Role"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil),
	})
	group.GrantRead(role)
	group.GrantRegister(role)
	group.GrantRead(awsiam.NewAccountPrincipal(jsii.String(otherAccount)))
	group.OnApprovalStatusChange(jsii.String("Approved"), &cdksagemakerregistry.OnApprovalStatusChangeOptions{
		Statuses: &[]cdksagemakerregistry.ModelApprovalStatus{cdksagemakerregistry.ModelApprovalStatus_APPROVED},
	})
	version := group.AddModelPackage(jsii.String("V1"), &cdksagemakerregistry.ModelPackageOptions{
		InferenceSpecification: &cdksagemakerregistry.InferenceSpecification{
			Containers: &[]*cdksagemakerregistry.InferenceContainer{{
				Image:     cdksagemakerregistry.ContainerImage_FromRegistry(jsii.String(image)),
				ModelData: cdksagemakerregistry.ModelData_FromS3Url(jsii.String(modelData), nil),
			}},
			SupportedContentTypes:                   jsii.Strings("text/csv"),
			SupportedResponseMimeTypes:              jsii.Strings("text/csv"),
			SupportedRealtimeInferenceInstanceTypes: &[]cdksagemakerregistry.InstanceType{cdksagemakerregistry.InstanceType_M5_LARGE()},
		},
		ApprovalStatus: cdksagemakerregistry.ModelApprovalStatus_APPROVED,
	})
	cdksagemakerregistry.NewModel(stack, jsii.String("Model"), &cdksagemakerregistry.ModelProps{
		Containers: &[]*cdksagemakerregistry.ContainerDefinition{{ModelPackage: version}},
	})
	latest := group.LatestApprovedModelPackage(stack, jsii.String("Latest"), &cdksagemakerregistry.LatestApprovedModelPackageOptions{
		Refresh: cdksagemakerregistry.LookupRefresh_ON_CHANGE,
	})
	cdksagemakerregistry.NewModel(stack, jsii.String("LatestModel"), &cdksagemakerregistry.ModelProps{
		Containers: &[]*cdksagemakerregistry.ContainerDefinition{{ModelPackage: latest}},
	})
	cdksagemakerregistry.NewAlgorithm(stack, jsii.String("Trainer"), &cdksagemakerregistry.AlgorithmProps{
		AlgorithmName: jsii.String("smoke-trainer"),
		TrainingSpecification: &cdksagemakerregistry.TrainingSpecification{
			Image:                  cdksagemakerregistry.ContainerImage_FromRegistry(jsii.String(image)),
			SupportedInstanceTypes: &[]cdksagemakerregistry.InstanceType{cdksagemakerregistry.InstanceType_M5_XLARGE()},
			Channels: &[]*cdksagemakerregistry.TrainingChannel{{
				Name:                  jsii.String("train"),
				SupportedContentTypes: jsii.Strings("text/csv"),
				SupportedInputModes:   &[]cdksagemakerregistry.TrainingInputMode{cdksagemakerregistry.TrainingInputMode_FILE},
			}},
			HyperParameters: &[]*cdksagemakerregistry.HyperParameterSpecification{{
				Name:  jsii.String("max_depth"),
				Type:  cdksagemakerregistry.HyperParameterType_INTEGER,
				Range: cdksagemakerregistry.HyperParameterRange_Integer(jsii.Number(1), jsii.Number(10)),
			}},
		},
	})
	awscdk.Tags_Of(stack).Add(jsii.String("team"), jsii.String("smoke"), nil)
	assembly := app.Synth(nil)
	return asObject(assembly.GetStackByName(jsii.String(stackName)).Template())
}

// mapOptions gives onApprovalStatusChange a map where its options struct is expected: one key the struct has
// (description) and one it does not (rule_name, ruleName in Python's spelling). It returns the panic message
// ("" when the call was accepted) and the synthesized template.
//
// Go's type system cannot express an unknown key through the generated API: OnApprovalStatusChange takes an
// *OnApprovalStatusChangeOptions, whose fields are fixed at compile time, so a misspelled field does not
// compile. The generated method hands its arguments to the jsii runtime's Invoke; the program calls Invoke
// itself with a map[string]interface{}, which is what a Go program that builds its options dynamically
// would send. The jsii kernel converts a map given for a struct by keeping only the struct's properties, so
// the library never sees rule_name: it can neither reject nor use it.
func mapOptions() (message string, template object) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("MapOptionsStack"), nil)
	group := cdksagemakerregistry.NewModelPackageGroup(stack, jsii.String("Group"), &cdksagemakerregistry.ModelPackageGroupProps{
		ModelPackageGroupName: jsii.String("smoke-map-options"),
	})
	options := map[string]interface{}{
		"description": "options given as a map",
		"rule_name":   "smoke-unknown-key",
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				message = fmt.Sprint(r)
			}
		}()
		var rule awsevents.Rule
		jsiiruntime.Invoke(group, "onApprovalStatusChange", []interface{}{jsii.String("MapOptions"), options}, &rule)
	}()
	if message != "" {
		return message, object{}
	}
	return "", asObject(app.Synth(nil).GetStackByName(jsii.String("MapOptionsStack")).Template())
}

type checker struct {
	checks   int
	failures []string
}

func (c *checker) expect(ok bool, format string, args ...interface{}) {
	c.checks++
	if !ok {
		c.failures = append(c.failures, fmt.Sprintf(format, args...))
	}
}

func asObject(value interface{}) object {
	if o, ok := value.(map[string]interface{}); ok {
		return o
	}
	return object{}
}

func asList(value interface{}) list {
	switch v := value.(type) {
	case nil:
		return list{}
	case []interface{}:
		return v
	default:
		return list{v}
	}
}

func toJSON(value interface{}) string {
	text, err := json.Marshal(value)
	if err != nil {
		return fmt.Sprint(value)
	}
	return string(text)
}

func ofType(template object, resourceType string) []object {
	found := []object{}
	for _, resource := range asObject(template["Resources"]) {
		if asObject(resource)["Type"] == resourceType {
			found = append(found, asObject(resource))
		}
	}
	return found
}

func idOf(template object, resourceType string) string {
	for id, resource := range asObject(template["Resources"]) {
		if asObject(resource)["Type"] == resourceType {
			return id
		}
	}
	return ""
}

func contains(values list, wanted interface{}) bool {
	for _, value := range values {
		if reflect.DeepEqual(value, wanted) {
			return true
		}
	}
	return false
}

func strings_(values ...string) list {
	out := list{}
	for _, v := range values {
		out = append(out, v)
	}
	return out
}

func getAtt(id, attribute string) object {
	return object{"Fn::GetAtt": strings_(id, attribute)}
}

func first(objects []object) object {
	if len(objects) == 0 {
		return object{}
	}
	return objects[0]
}

func (c *checker) check(template object) {
	groups := ofType(template, "AWS::SageMaker::ModelPackageGroup")
	group := first(groups)
	groupProps := asObject(group["Properties"])
	c.expect(len(groups) == 1 && groupProps["ModelPackageGroupName"] == groupName,
		"expected exactly one AWS::SageMaker::ModelPackageGroup named %q, got %s", groupName, toJSON(groups))
	c.expect(group["DeletionPolicy"] == "Retain", "expected DeletionPolicy 'Retain', got %v", group["DeletionPolicy"])

	policy := asObject(groupProps["ModelPackageGroupPolicy"])
	crossAccount := false
	for _, statement := range asList(policy["Statement"]) {
		crossAccount = crossAccount || strings.Contains(toJSON(asObject(statement)["Principal"]), otherAccount)
	}
	c.expect(crossAccount, "expected a ModelPackageGroupPolicy statement with a principal for account %s, got %s",
		otherAccount, toJSON(policy))

	iamActions := list{}
	for _, iamPolicy := range ofType(template, "AWS::IAM::Policy") {
		document := asObject(asObject(iamPolicy["Properties"])["PolicyDocument"])
		for _, statement := range asList(document["Statement"]) {
			iamActions = append(iamActions, asList(asObject(statement)["Action"])...)
		}
	}
	c.expect(contains(iamActions, "sagemaker:CreateModelPackage"),
		"expected an AWS::IAM::Policy allowing sagemaker:CreateModelPackage, got actions %s", toJSON(iamActions))

	rules := ofType(template, "AWS::Events::Rule")
	pattern := asObject(asObject(first(rules)["Properties"])["EventPattern"])
	c.expect(len(rules) == 1 && reflect.DeepEqual(pattern["source"], strings_("aws.sagemaker")) &&
		reflect.DeepEqual(pattern["detail-type"], strings_("SageMaker Model Package State Change")),
		"expected one AWS::Events::Rule with source [aws.sagemaker] and detail-type [SageMaker Model Package State Change], got %s",
		toJSON(rules))
	status := asObject(pattern["detail"])["ModelApprovalStatus"]
	c.expect(reflect.DeepEqual(status, strings_("Approved")), "expected detail.ModelApprovalStatus [Approved], got %s", toJSON(status))

	versions := ofType(template, "AWS::SageMaker::ModelPackage")
	version := asObject(first(versions)["Properties"])
	container := asObject(first(objectsOf(asObject(version["InferenceSpecification"])["Containers"])))
	c.expect(len(versions) == 1 && version["ModelPackageGroupName"] == groupName && version["ModelApprovalStatus"] == "Approved" &&
		container["Image"] == image && container["ModelDataUrl"] == modelData,
		"expected one approved AWS::SageMaker::ModelPackage in %q with image %s and model data %s, got %s",
		groupName, image, modelData, toJSON(versions))
	_, tagged := version["Tags"]
	c.expect(len(versions) > 0 && !tagged && first(versions)["DeletionPolicy"] == "Retain",
		"expected the version to be retained and to carry no Tags, got %s", toJSON(versions))

	models := ofType(template, "AWS::SageMaker::Model")
	packages := list{}
	for _, model := range models {
		packages = append(packages, asObject(asObject(model["Properties"])["PrimaryContainer"])["ModelPackageName"])
	}
	versionID := idOf(template, "AWS::SageMaker::ModelPackage")
	c.expect(len(models) == 2 && versionID != "" && contains(packages, getAtt(versionID, "ModelPackageArn")),
		"expected an AWS::SageMaker::Model whose PrimaryContainer.ModelPackageName is the version's ARN, got %s", toJSON(models))
	lookupID := idOf(template, "Custom::SageMakerLatestApprovedModelPackage")
	lookups := ofType(template, "Custom::SageMakerLatestApprovedModelPackage")
	c.expect(len(lookups) == 1 && asObject(lookups[0]["Properties"])["ModelPackageGroupName"] == groupName &&
		contains(packages, getAtt(lookupID, "ModelPackageArn")),
		"expected a latest-approved lookup of %q deployed as a model, got %s and %s", groupName, toJSON(lookups), toJSON(models))

	algorithms := ofType(template, "AWS::SageMaker::Algorithm")
	algorithm := asObject(first(algorithms)["Properties"])
	training := asObject(algorithm["TrainingSpecification"])
	hyperParameterNames := list{}
	for _, h := range asList(training["SupportedHyperParameters"]) {
		hyperParameterNames = append(hyperParameterNames, asObject(h)["Name"])
	}
	c.expect(len(algorithms) == 1 && algorithm["AlgorithmName"] == "smoke-trainer" && training["TrainingImage"] == image &&
		reflect.DeepEqual(hyperParameterNames, strings_("max_depth")),
		"expected one AWS::SageMaker::Algorithm 'smoke-trainer' with image %s and hyperparameter max_depth, got %s",
		image, toJSON(algorithms))
}

func objectsOf(value interface{}) []object {
	out := []object{}
	for _, item := range asList(value) {
		out = append(out, asObject(item))
	}
	return out
}

func main() {
	c := &checker{}
	c.check(synthesize())

	// Options as a map (a separate app, so that the template checked above is not affected).
	message, template := mapOptions()
	rules := ofType(template, "AWS::Events::Rule")
	ruleProps := asObject(first(rules)["Properties"])
	_, named := ruleProps["Name"]
	c.expect(message == "" && len(rules) == 1 && ruleProps["Description"] == "options given as a map" && !named,
		"expected onApprovalStatusChange options given as a map to be accepted, with the struct's key 'description' used "+
			"and the unknown key 'rule_name' dropped by the jsii kernel (no rule Name), got error %q and rules %s", message, toJSON(rules))
	fmt.Println("go binding: a map given for a struct is accepted; the jsii kernel drops its unknown key 'rule_name' before the library sees it")

	if len(c.failures) > 0 {
		for _, failure := range c.failures {
			fmt.Fprintf(os.Stderr, "go binding: FAILED: %s\n", failure)
		}
		fmt.Fprintf(os.Stderr, "go binding: %d of %d checks failed\n", len(c.failures), c.checks)
		os.Exit(1)
	}
	fmt.Printf("go binding: %d checks passed\n", c.checks)
}
