package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A template whose intrinsic functions cannot be evaluated fails its test class, naming the function and place. */
class TemplateIntrinsicsMisuseTest {

    private static final String FILE = "@DynamoTablesFrom \"cloudformation/conditions/unsupported.yaml\" on ";
    private static final String FIX = "Give the property a literal, a Ref to a parameter, or an Fn::If between such "
            + "values";

    @Test
    void get_att() {
        assertThat(message(GetAtt.class)).isEqualTo(FILE + "GetAtt, resource WithGetAtt, Properties.Tags[0].Value: "
                + "Fn::GetAtt \"OrdersKey.Arn\" is not supported: it reads an attribute of a deployed resource. " + FIX);
    }

    @Test
    void import_value() {
        assertThat(message(ImportValue.class)).isEqualTo(FILE + "ImportValue, resource WithImportValue, "
                + "Properties.TableName: Fn::ImportValue \"shared-table-name\" is not supported: it reads another "
                + "stack's exports. " + FIX);
    }

    @Test
    void get_azs() {
        assertThat(message(GetAZs.class)).isEqualTo(FILE + "GetAZs, resource WithGetAZs, Properties.Tags[0].Value: "
                + "Fn::GetAZs \"\" is not supported: it reads the account's Availability Zones. " + FIX);
    }

    @Test
    void cidr() {
        assertThat(message(Cidr.class)).isEqualTo(FILE + "Cidr, resource WithCidr, Properties.Tags[0].Value: "
                + "Fn::Cidr [\"10.0.0.0/16\",2,8] is not supported: DynamoTest does not evaluate it. " + FIX);
    }

    @Test
    void transform() {
        assertThat(message(Transform.class)).isEqualTo(FILE + "Transform, resource WithTransform, Properties.Tags: "
                + "Fn::Transform {\"Name\":\"AddTags\"} is not supported: macros run only in CloudFormation. " + FIX);
    }

    @Test
    void attribute_in_a_sub() {
        assertThat(message(SubGetAtt.class)).isEqualTo(FILE + "SubGetAtt, resource WithSubGetAtt, "
                + "Properties.TableName (in Fn::Sub \"${OrdersKey.KeyId}\"): Fn::GetAtt \"OrdersKey.KeyId\" is not "
                + "supported: it reads an attribute of a deployed resource. " + FIX);
    }

    @Test
    void ref_to_a_resource_other_than_a_table() {
        assertThat(message(RefResource.class)).isEqualTo(FILE + "RefResource, resource WithRefResource, "
                + "Properties.Tags[0].Value: Ref to resource OrdersKey (AWS::KMS::Key) is not supported: its value "
                + "exists only in a deployed stack. " + FIX);
    }

    @Test
    void ref_to_nothing() {
        assertThat(message(RefUnknown.class)).isEqualTo(FILE + "RefUnknown, resource WithRefUnknown, "
                + "Properties.TableName: Unresolved resource dependencies [Stage]: Ref names no parameter, pseudo "
                + "parameter or resource of the template");
    }

    @Test
    void ref_to_a_parameter_without_value() {
        assertThat(message(RefNoValue.class)).isEqualTo(FILE + "RefNoValue, resource WithRefNoValue, "
                + "Properties.TableName: Ref to parameter Missing, which has no Default and no value; give it one "
                + "with @DynamoTablesFrom(parameters = \"Missing=...\")");
    }

    @Test
    void condition_function_in_a_property() {
        assertThat(message(EqualsInProperty.class)).isEqualTo(FILE + "EqualsInProperty, resource "
                + "WithEqualsInProperty, Properties.DeletionProtectionEnabled: Fn::Equals can be used only in the "
                + "Conditions section; in a property, write Fn::If with the name of a condition");
    }

    @Test
    void fn_if_naming_an_undefined_condition() {
        assertThat(message(UndefinedCondition.class)).startsWith(FILE + "UndefinedCondition, resource "
                + "WithUndefinedCondition, Properties.DeletionProtectionEnabled: condition IsProd is not defined in "
                + "the template's Conditions section (defined: GetAtt, ImportValue, ");
    }

    @Test
    void and_of_one_condition() {
        assertThat(message(AndOfOne.class)).isEqualTo("@DynamoTablesFrom \"cloudformation/conditions/and-of-one.json\""
                + " on AndOfOne, condition IsProdAlone: Fn::And takes 2 to 10 conditions, not [{\"Condition\":"
                + "\"IsProd\"}]");
    }

    @Test
    void parameter_outside_its_allowed_values() {
        assertThat(message(NotAllowed.class)).isEqualTo("@DynamoTablesFrom \"cloudformation/conditions/"
                + "conditional.yaml\" on NotAllowed: Parameter 'Stage' must be one of AllowedValues "
                + "[\"dev\",\"test\",\"prod\"], not \"staging\"");
    }

    private static String message(Class<?> fixture) {
        List<Throwable> failures = failures(run(fixture));
        assertThat(failures).isNotEmpty();
        return failures.get(0).getMessage();
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=GetAtt")
    static class GetAtt {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=ImportValue")
    static class ImportValue {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=GetAZs")
    static class GetAZs {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=Cidr")
    static class Cidr {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=Transform")
    static class Transform {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=SubGetAtt")
    static class SubGetAtt {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=RefResource")
    static class RefResource {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=RefUnknown")
    static class RefUnknown {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=RefNoValue")
    static class RefNoValue {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=EqualsInProperty")
    static class EqualsInProperty {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/unsupported.yaml", parameters = "Case=UndefinedCondition")
    static class UndefinedCondition {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom("cloudformation/conditions/and-of-one.json")
    static class AndOfOne {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/conditional.yaml", parameters = "Stage=staging")
    static class NotAllowed {
        @Test
        void test() {
        }
    }
}
