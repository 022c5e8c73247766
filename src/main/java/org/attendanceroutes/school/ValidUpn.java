package org.attendanceroutes.school;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Bean Validation for a UPN, with the reason it is wrong as the message. */
@Documented
@Constraint(validatedBy = ValidUpn.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUpn {

    String message() default "not a valid UPN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUpn, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = Upn.problem(value);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{")).addConstraintViolation();
            }
            return problem == null;
        }
    }
}
