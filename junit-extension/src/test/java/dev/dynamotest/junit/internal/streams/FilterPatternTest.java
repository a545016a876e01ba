package dev.dynamotest.junit.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPatternTest {

    private static final String EVENT = """
            {"eventName": "MODIFY", "awsRegion": "eu-west-1",
             "dynamodb": {"SizeBytes": 42, "Keys": {"pk": {"S": "customer#7"}},
                          "NewImage": {"pk": {"S": "customer#7"}, "status": {"S": "Shipped"}, "total": {"N": "12.5"},
                                       "tags": {"SS": ["gift", "express"]}, "paid": {"BOOL": true},
                                       "note": {"NULL": true}, "coupon": {"S": ""}}}}
            """;

    private static boolean matches(String pattern) throws Exception {
        JsonNode event = new ObjectMapper().readTree(EVENT);
        return FilterPattern.parse(pattern.replace('\'', '"')).matches(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'eventName': ['MODIFY']}",
            "{'eventName': ['INSERT', 'MODIFY']}",
            "{'eventName': ['MODIFY'], 'awsRegion': ['eu-west-1']}",
            "{'dynamodb': {'Keys': {'pk': {'S': [{'prefix': 'customer#'}]}}}}",
            "{'dynamodb': {'NewImage': {'status': {'S': [{'suffix': 'ped'}]}}}}",
            "{'dynamodb': {'NewImage': {'status': {'S': [{'equals-ignore-case': 'SHIPPED'}]}}}}",
            "{'dynamodb': {'NewImage': {'tags': {'SS': ['express']}}}}",
            "{'dynamodb': {'NewImage': {'paid': {'BOOL': [true]}}}}",
            "{'dynamodb': {'NewImage': {'note': {'NULL': [true]}}}}",
            "{'dynamodb': {'NewImage': {'coupon': {'S': ['']}}}}",
            "{'dynamodb': {'SizeBytes': [{'numeric': ['>', 40, '<=', 42]}]}}",
            "{'dynamodb': {'SizeBytes': [42]}}",
            "{'dynamodb': {'NewImage': {'status': {'S': [{'exists': true}]}}}}",
            "{'dynamodb': {'OldImage': {'status': {'S': [{'exists': false}]}}}}",
            "{'eventName': [{'anything-but': 'REMOVE'}]}",
            "{'eventName': [{'anything-but': ['INSERT', 'REMOVE']}]}",
            "{'eventName': [{'anything-but': {'prefix': 'INS'}}]}",
    })
    void matches_the_event(String pattern) throws Exception {
        assertThat(matches(pattern)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'eventName': ['INSERT']}",
            "{'eventName': ['MODIFY'], 'awsRegion': ['us-east-1']}",
            "{'dynamodb': {'Keys': {'pk': {'S': [{'prefix': 'order#'}]}}}}",
            "{'dynamodb': {'NewImage': {'status': {'S': ['shipped']}}}}",
            "{'dynamodb': {'NewImage': {'total': {'N': [{'numeric': ['>', 10]}]}}}}",
            "{'dynamodb': {'SizeBytes': [{'numeric': ['<', 42]}]}}",
            "{'dynamodb': {'SizeBytes': ['42']}}",
            "{'dynamodb': {'NewImage': {'status': {'S': [{'exists': false}]}}}}",
            "{'dynamodb': {'OldImage': {'status': {'S': [{'exists': true}]}}}}",
            "{'eventName': [{'anything-but': ['MODIFY']}]}",
            "{'dynamodb': {'OldImage': {'status': {'S': [{'anything-but': 'x'}]}}}}",
            "{'dynamodb': {'NewImage': {'note': {'NULL': [null]}}}}",
    })
    void does_not_match_the_event(String pattern) throws Exception {
        assertThat(matches(pattern)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}",
            "[]",
            "{'eventName': 'INSERT'}",
            "{'eventName': []}",
            "{'eventName': [{'prefix': 1}]}",
            "{'eventName': [{'wildcard': 'IN*'}]}",
            "{'eventName': [{'prefix': 'I', 'suffix': 'T'}]}",
            "{'dynamodb': {'SizeBytes': [{'numeric': ['>', 'x']}]}}",
            "{'dynamodb': {'SizeBytes': [{'numeric': ['!=', 1]}]}}",
            "{'dynamodb': {'SizeBytes': [{'numeric': ['>', 1, '<']}]}}",
            "{'eventName': [{'exists': 'yes'}]}",
            "{'eventName': [{'anything-but': ['A', 1]}]}",
            "{'eventName': [['INSERT']]}",
            "not json",
    })
    void refuses_a_malformed_pattern(String pattern) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern.replace('\'', '"')))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid filter pattern definition.");
    }
}
