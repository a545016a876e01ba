package dev.dynamotest.core.internal.json;

import com.fasterxml.jackson.core.io.SerializedString;

/** DynamoDB JSON's type names ({@code "S"}, {@code "N"}, ...), encoded once, for the writers of attribute values. */
public final class AttributeTypes {

    public static final SerializedString S = new SerializedString("S");
    public static final SerializedString N = new SerializedString("N");
    public static final SerializedString B = new SerializedString("B");
    public static final SerializedString BOOL = new SerializedString("BOOL");
    public static final SerializedString NULL = new SerializedString("NULL");
    public static final SerializedString M = new SerializedString("M");
    public static final SerializedString L = new SerializedString("L");
    public static final SerializedString SS = new SerializedString("SS");
    public static final SerializedString NS = new SerializedString("NS");
    public static final SerializedString BS = new SerializedString("BS");

    private AttributeTypes() {
    }
}
