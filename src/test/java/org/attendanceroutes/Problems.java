package org.attendanceroutes;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every error of the API is: {@code application/problem+json}, its status, and a detail saying what is wrong. */
public final class Problems {

    private Problems() {
    }

    public static ResultMatcher problem(HttpStatus status, String detail) {
        return problem(status, Matchers.equalTo(detail));
    }

    public static ResultMatcher problem(HttpStatus status, Matcher<? super String> detail) {
        return ResultMatcher.matchAll(status().is(status.value()),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status.value()),
                jsonPath("$.detail").value(detail));
    }
}
