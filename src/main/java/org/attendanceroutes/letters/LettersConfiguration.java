package org.attendanceroutes.letters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LetterSettings.class)
class LettersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LettersConfiguration.class);

    @Bean
    LetterRenderer letterRenderer(LetterSettings settings) {
        return new LetterRenderer(settings.templateDirectory());
    }

    /** Says at start-up what would otherwise only show as failed letters later. */
    @Bean
    ApplicationRunner letterSettingsCheck(LetterSettings settings, ObjectProvider<JavaMailSender> senders) {
        return arguments -> {
            if (!settings.emailEnabled()) {
                log.info("letters are not emailed (attendance.letters.email-enabled=false): every letter goes to the print queue");
            } else if (senders.getIfAvailable() == null) {
                log.warn("attendance.letters.email-enabled is true but no SMTP server is set (spring.mail.host): "
                        + "letters to contacts who prefer email will fail and raise incidents");
            }
            LetterSettings.LocalAuthority authority = settings.localAuthority();
            if ((authority.email() == null || authority.email().isBlank()) && authority.address().isEmpty()) {
                log.warn("the local authority has neither an email address nor a postal address "
                        + "(attendance.letters.local-authority.*): its copies will be printed without an address");
            }
        };
    }
}
