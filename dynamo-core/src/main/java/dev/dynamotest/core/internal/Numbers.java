package dev.dynamotest.core.internal;

import dev.dynamotest.core.DynamoException;
import java.math.BigDecimal;
import java.math.MathContext;

/** DynamoDB's number rules: parsing, the 38-digit precision, the magnitude range, canonical text. */
public final class Numbers {

    /** DynamoDB keeps up to 38 significant digits. */
    public static final MathContext PRECISION = new MathContext(38);
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");

    private Numbers() {
    }

    /** Parses number text as DynamoDB does and returns its canonical form, or throws a ValidationException. */
    public static String canonical(String text) {
        return format(parse(text));
    }

    /** Parses and checks number text. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1))) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return check(value);
    }

    /** Checks a computed value against DynamoDB's precision and range. */
    public static BigDecimal check(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > 38) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(MAX) > 0) {
            throw DynamoException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(MIN_POSITIVE) < 0) {
            throw DynamoException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    /** Adds two numbers with DynamoDB's precision and range checks. */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return checkArithmetic(a.add(b));
    }

    /** Subtracts with DynamoDB's precision and range checks. */
    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return checkArithmetic(a.subtract(b));
    }

    private static BigDecimal checkArithmetic(BigDecimal exact) {
        if (exact.signum() != 0 && exact.stripTrailingZeros().precision() > 38) {
            // DynamoDB rounds the result of arithmetic to 38 digits only when nothing is lost beyond them.
            BigDecimal rounded = exact.round(PRECISION);
            if (rounded.compareTo(exact) != 0) {
                throw DynamoException.validation(
                        "Number overflow. Attempting to store a number with magnitude larger than supported range");
            }
            return check(rounded);
        }
        return check(exact);
    }

    /** The canonical text of a number: no exponent, no trailing zeros after the point. */
    public static String format(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
