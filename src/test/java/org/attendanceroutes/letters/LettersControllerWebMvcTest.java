package org.attendanceroutes.letters;

import static org.attendanceroutes.Problems.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.attendanceroutes.ConflictException;
import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.security.ApiWebMvcTest;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The letters API on its own: a letter's PDF, marking letters posted, and how refusals come out. */
@ApiWebMvcTest(LettersController.class)
@ExcludeFromProcessCoverage
class LettersControllerWebMvcTest {

    static final RequestPostProcessor OFFICER = user("officer").roles("attendance-officers");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Letters letters;
    @MockitoBean
    PrintQueue printQueue;

    @Test
    void aLettersPdfIsSentInlineAndKeptByNoCache() throws Exception {
        Letter letter = letter(3L);
        when(letters.letter(3L)).thenReturn(letter);
        when(letters.pdf(3L)).thenReturn("%PDF-1.7".getBytes());

        mvc.perform(get("/api/letters/3/pdf").with(OFFICER))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"letter-3-action-letter-1.pdf\""))
                .andExpect(content().bytes("%PDF-1.7".getBytes()));
    }

    @Test
    void lettersMarkedPostedAreAnsweredWithTheirPostedState() throws Exception {
        Letter posted = letter(4L);
        when(posted.getStatus()).thenReturn(LetterStatus.POSTED);
        when(printQueue.markPosted(List.of(4L), "officer")).thenReturn(List.of(posted));

        mvc.perform(post("/api/letters/posted").with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"letterIds\": [4]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(4))
                .andExpect(jsonPath("$[0].status").value("POSTED"))
                .andExpect(jsonPath("$[0].pdf").value("/api/letters/4/pdf"));
    }

    @Test
    void refusalsAreProblemsNamingTheLetterFieldOrLine() throws Exception {
        when(letters.letter(9L)).thenThrow(new NotFoundException("letter 9 does not exist"));
        mvc.perform(get("/api/letters/9").with(OFFICER)).andExpect(problem(HttpStatus.NOT_FOUND, "letter 9 does not exist"));
        mvc.perform(get("/api/letters/nine/pdf").with(OFFICER))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "letterId 'nine' is not a letter id (a whole number)"));
        mvc.perform(get("/api/cases/x/letters").with(OFFICER))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "caseId 'x' is not a case id (a whole number)"));

        when(printQueue.markPosted(List.of(5L), "officer"))
                .thenThrow(new ConflictException("letter 5 is SENT, not waiting in the print queue"));
        mvc.perform(posted("{\"letterIds\": [5]}"))
                .andExpect(problem(HttpStatus.CONFLICT, "letter 5 is SENT, not waiting in the print queue"));
        mvc.perform(posted("{\"letterIds\": [5, \"five\"]}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "letterIds[1]: 'five' is not a whole number (line 1, column 19)"));
        mvc.perform(posted("{\"letterIds\": [5"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, startsWith("the request body is not the JSON expected (line 1")));
        mvc.perform(post("/api/letters/posted").with(OFFICER).contentType(MediaType.TEXT_PLAIN).content("5"))
                .andExpect(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain;charset=UTF-8' is not supported."));
    }

    @Test
    void theLocalAuthorityHasNoLettersApi() throws Exception {
        mvc.perform(get("/api/letters/print-queue").with(user("la").roles("local-authority")))
                .andExpect(problem(HttpStatus.FORBIDDEN, startsWith("user la may not GET /api/letters/print-queue: it is for tutors")));
        verifyNoInteractions(printQueue);
    }

    private static MockHttpServletRequestBuilder posted(String json) {
        return post("/api/letters/posted").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static Letter letter(long id) {
        Letter letter = mock(Letter.class);
        when(letter.getId()).thenReturn(id);
        when(letter.getLetterType()).thenReturn(LetterType.ACTION_LETTER_1);
        when(letter.getDelivery()).thenReturn(ContactMethod.POST);
        return letter;
    }
}
