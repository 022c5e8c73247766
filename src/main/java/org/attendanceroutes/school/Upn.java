package org.attendanceroutes.school;

/**
 * Unique pupil numbers as the DfE defines them: a check letter, then 12 digits
 * (3 for the local authority, 4 for the school, 2 for the year of issue, 3 serial).
 * The check letter is the sum of characters 2 to 13, each multiplied by its position,
 * modulo 23, read as a letter of {@link #CHECK_LETTERS}.
 */
public final class Upn {

    /** The alphabet of check letters: A to Z without I, O and S. */
    static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private Upn() {
    }

    /** Why {@code upn} is not a valid UPN, or null when it is one. */
    public static String problem(String upn) {
        if (upn == null || upn.isEmpty()) {
            return "a UPN is required";
        }
        if (upn.length() != 13) {
            return "UPN '" + upn + "' has " + upn.length() + " characters, not 13";
        }
        for (int i = 1; i < 13; i++) {
            if (!Character.isDigit(upn.charAt(i)) || upn.charAt(i) > '9') {
                return "UPN '" + upn + "' must have 12 digits after its check letter";
            }
        }
        char expected = checkLetter(upn.substring(1));
        if (upn.charAt(0) != expected) {
            return "UPN '" + upn + "' has check letter '" + upn.charAt(0) + "' where '" + expected + "' is expected";
        }
        return null;
    }

    public static boolean isValid(String upn) {
        return problem(upn) == null;
    }

    /** The check letter for the 12 digits that follow it. */
    public static char checkLetter(String twelveDigits) {
        if (twelveDigits.length() != 12) {
            throw new IllegalArgumentException("a UPN has 12 digits after its check letter, not " + twelveDigits.length());
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23);
    }

    /** A complete UPN for the 12 digits given. */
    public static String of(String twelveDigits) {
        return checkLetter(twelveDigits) + twelveDigits;
    }
}
