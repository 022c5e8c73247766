package org.attendanceroutes.letters;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Emails a letter, its PDF attached, through the SMTP server configured under {@code spring.mail.*}. */
@Component
class LetterMailer {

    private final ObjectProvider<JavaMailSender> senders;
    private final LetterSettings settings;

    LetterMailer(ObjectProvider<JavaMailSender> senders, LetterSettings settings) {
        this.senders = senders;
        this.settings = settings;
    }

    void send(OutgoingEmail email) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured: set spring.mail.host, "
                    + "or attendance.letters.email-enabled=false to post every letter");
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.mailFrom());
            if (email.replyTo() != null && !email.replyTo().isBlank()) {
                helper.setReplyTo(email.replyTo());
            }
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text());
            helper.addAttachment("letter-" + email.letterId() + ".pdf", new ByteArrayResource(email.pdf()), "application/pdf");
        } catch (MessagingException e) {
            throw new MailPreparationException("could not write the email of letter " + email.letterId(), e);
        }
        sender.send(message);
    }
}
