package org.attendanceroutes.letters;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code attendance.letters.*}: how letters leave the school.
 *
 * @param emailEnabled            email letters to contacts who prefer email; when false every letter goes to the print queue
 * @param mailFrom                the sender of letters' emails (replies go to the school's own address)
 * @param respondWithinSchoolDays the school days a parent has to contact the school, unless the BPMN says otherwise
 * @param templateDirectory       templates here replace the built-in ones of the same name (optional)
 * @param localAuthority          who receives the local authority's copies
 */
@ConfigurationProperties("attendance.letters")
public record LetterSettings(@DefaultValue("true") boolean emailEnabled,
                             @DefaultValue("attendance-routes@localhost") String mailFrom,
                             @DefaultValue("5") int respondWithinSchoolDays,
                             Path templateDirectory,
                             @DefaultValue LocalAuthority localAuthority) {

    /** @param email where its copies are emailed; without one they go to the print queue, addressed to {@code address} */
    public record LocalAuthority(@DefaultValue("the local authority") String name, String email,
                                 @DefaultValue List<String> address) {
    }

    public LetterSettings {
        if (respondWithinSchoolDays < 1) {
            throw new IllegalArgumentException("attendance.letters.respond-within-school-days must be 1 or more, not "
                    + respondWithinSchoolDays);
        }
    }
}
