package org.attendanceroutes;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error policy of the application's API: every error is {@code application/problem+json}
 * whose {@code detail} says what is wrong, naming the parameter, field or line.
 * <ul>
 * <li>the application's refusals: {@link BadInputException} 400 (with its properties, such as a
 * file's bad lines), {@link ForbiddenException} 403, {@link NotFoundException} 404 and
 * {@link ConflictException} 409, their message the detail;</li>
 * <li>Spring MVC's, as {@link ResponseEntityExceptionHandler} answers them: a path variable or
 * parameter of the wrong type or missing, a body that cannot be read, an unsupported content type
 * (415), a path nothing answers (404), ...;</li>
 * <li>the security chain's 401 and 403, handed over as {@link ErrorResponseException}s;</li>
 * <li>anything else is a 500 whose detail only gives the error id it is logged under: an
 * internal message never reaches the caller.</li>
 * </ul>
 * The engine's REST API and the webapps' are Camunda's (JAX-RS, not Spring MVC) and keep their own.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler
    ResponseEntity<Object> badInput(BadInputException refusal, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        return answer(refusal, problem, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> forbidden(ForbiddenException refusal, WebRequest request) {
        return answer(refusal, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException refusal, WebRequest request) {
        return answer(refusal, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, refusal.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(ConflictException refusal, WebRequest request) {
        return answer(refusal, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception failure, WebRequest request) {
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {} ({}, user {})", errorId, request.getDescription(false), request.getRemoteUser(),
                failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error: the server's log has it as error " + errorId);
        problem.setProperty("errorId", errorId);
        return answer(failure, problem, request);
    }

    /** "from: '2026-13-01' is not a date (YYYY-MM-DD)", "id 'twelve' is not a case id (a whole number)". */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = mismatch.getPropertyName();
        Kind kind = Kind.of(mismatch.getRequiredType());
        String detail = mismatch instanceof MethodArgumentTypeMismatchException argument
                && argument.getParameter().hasParameterAnnotation(PathVariable.class)
                ? name + " '" + mismatch.getValue() + "' is not " + idOf(name, request) + " (" + kind + ")"
                : name + ": '" + mismatch.getValue() + "' is not " + kind;
        return answer(mismatch, headers, status, request, detail);
    }

    /** "to is required (a date, YYYY-MM-DD)". */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException missing,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        MethodParameter parameter = missing.getMethodParameter();
        Class<?> type = parameter == null ? String.class : parameter.getNestedParameterType();
        String detail = missing.getParameterName() + " is required"
                + (type == String.class ? "" : " (" + Kind.of(type).listed() + ")");
        return answer(missing, headers, status, request, detail);
    }

    /** Where in the body, and what: "letterIds[0]: 'x' is not a whole number (line 1, column 16)". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail;
        if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = field(mismatch) + ": " + (mismatch instanceof InvalidFormatException invalid
                    ? "'" + invalid.getValue() + "'" : "the value") + " is not " + Kind.of(mismatch.getTargetType())
                    + at(mismatch);
        } else if (unreadable.getCause() instanceof JsonProcessingException json) {
            detail = "the request body is not the JSON expected" + at(json);
        } else {
            detail = unreadable.getCause() == null ? "the request body is missing" : "the request body cannot be read";
        }
        return answer(unreadable, headers, status, request, detail);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException missing, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return answer(missing, headers, status, request,
                "nothing answers " + missing.getHttpMethod() + " /" + missing.getResourcePath());
    }

    private ResponseEntity<Object> answer(Exception e, ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private ResponseEntity<Object> answer(Exception e, HttpHeaders headers, HttpStatusCode status, WebRequest request,
                                          String detail) {
        return handleExceptionInternal(e, createProblemDetail(e, status, detail, null, null, request), headers, status,
                request);
    }

    /** "a case id" for {id} of /api/cases/{id}: a typed path variable is the id of one of the collection before it. */
    private static String idOf(String variable, WebRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        List<String> segments = pattern == null ? List.of() : List.of(pattern.toString().split("/"));
        int at = segments.indexOf("{" + variable + "}");
        return at > 0 ? "a " + segments.get(at - 1).replaceFirst("s$", "") + " id" : "an id";
    }

    private static String field(MismatchedInputException mismatch) {
        return mismatch.getPath().stream()
                .map(step -> step.getFieldName() == null ? "[" + step.getIndex() + "]" : "." + step.getFieldName())
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String at(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
    }

    /** How a value of a type is written, as details name it. */
    private record Kind(String noun, String form) {

        static Kind of(Class<?> type) {
            Class<?> boxed = type == null ? Object.class : ClassUtils.resolvePrimitiveIfNecessary(type);
            if (boxed == LocalDate.class) {
                return new Kind("a date", "YYYY-MM-DD");
            }
            if (boxed == Long.class || boxed == Integer.class || boxed == Short.class) {
                return new Kind("a whole number", null);
            }
            if (boxed == Boolean.class) {
                return new Kind("true or false", null);
            }
            if (Collection.class.isAssignableFrom(boxed) || boxed.isArray()) {
                return new Kind("a list", null);
            }
            return new Kind("of the type expected", null);
        }

        /** "a date, YYYY-MM-DD". */
        String listed() {
            return form == null ? noun : noun + ", " + form;
        }

        /** "a date (YYYY-MM-DD)". */
        @Override
        public String toString() {
            return form == null ? noun : noun + " (" + form + ")";
        }
    }
}
