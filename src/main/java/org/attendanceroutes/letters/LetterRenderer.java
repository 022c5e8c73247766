package org.attendanceroutes.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Turns a {@link LetterContent} into a PDF: its type's Thymeleaf template ({@code letters/<template>.html})
 * filled in with ready-formatted values, then laid out by openhtmltopdf with Liberation Sans embedded.
 * Plain Java: no Spring, no database.
 *
 * <p>The templates' variables: {@code letter} (date, subject), {@code school} (name, addressLines, phone,
 * email, headteacher, attendanceLead), {@code recipient} (name, addressLines, salutation), {@code pupil}
 * (fullName, firstName, yearGroup, tutorGroup), {@code figures} (attendancePercent, absencePercent,
 * possibleSessions, unauthorisedSessions, unauthorisedLast10Weeks, periodStart, periodEnd), {@code target}
 * (description, requiredPercent, start, end, schoolDays, reward; null without one), {@code reply}
 * (meetingAt or respondBy, withinSchoolDays; null when the letter asks nothing), {@code continueMonitoring},
 * {@code localAuthority} (name, copied) and {@code copy} (originalAddressee; null but on the authority's copy).
 */
public final class LetterRenderer {

    static final String TEMPLATES = "letters/";
    static final String EMAIL_TEMPLATE = "email.txt";
    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", UK);
    private static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' h:mm a", UK);
    /** Registered under Arial too: Liberation Sans has Arial's metrics, so a template asking for Arial gets it. */
    private static final Set<String> FONT_FAMILIES = Set.of("Liberation Sans", "Arial");

    private final TemplateEngine templates = new TemplateEngine();
    private final String baseUri;

    /** @param overrides a directory whose templates replace the built-in ones of the same name; may be null */
    public LetterRenderer(Path overrides) {
        if (overrides != null) {
            if (!Files.isDirectory(overrides)) {
                throw new IllegalArgumentException("the letter template directory " + overrides + " does not exist");
            }
            FileTemplateResolver files = new FileTemplateResolver();
            configure(files, overrides.toAbsolutePath() + "/", 1);
            files.setCheckExistence(true);
            // edited templates take effect with the next letter, without a restart
            files.setCacheable(false);
            templates.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver(LetterRenderer.class.getClassLoader());
        configure(builtIn, TEMPLATES, 2);
        templates.addTemplateResolver(builtIn);
        URL base = LetterRenderer.class.getClassLoader().getResource(TEMPLATES);
        baseUri = base == null ? null : base.toExternalForm();
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix, int order) {
        resolver.setPrefix(prefix);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
    }

    /** The letter as HTML, its template filled in. */
    public String html(LetterContent content) {
        return templates.process(content.type().template(), context(content));
    }

    /** The covering text of the email a letter is attached to ({@code letters/email.txt}). */
    public String emailText(LetterContent content) {
        return templates.process(EMAIL_TEMPLATE, context(content));
    }

    public byte[] pdf(LetterContent content) {
        String html = html(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (String family : FONT_FAMILIES) {
            builder.useFont(() -> font("Regular"), family, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("Bold"), family, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> font("Italic"), family, 400, FontStyle.ITALIC, true);
            builder.useFont(() -> font("BoldItalic"), family, 700, FontStyle.ITALIC, true);
        }
        // templates are edited as HTML5; the renderer reads XHTML
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), baseUri);
        builder.withProducer("Attendance Routes");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render letter " + content.type() + " as PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String variant) {
        String path = "liberation/LiberationSans-" + variant + ".ttf";
        InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("font " + path + " is missing from the classpath (openpdf-fonts-extra)");
        }
        return in;
    }

    private static Context context(LetterContent c) {
        Context context = new Context(UK);
        context.setVariable("letter", values("date", date(c.date()), "subject", c.type().subject(), "type", c.type().name()));
        LetterContent.Letterhead s = c.school();
        context.setVariable("school", values("name", s.name(), "addressLines", s.addressLines(), "phone", s.phone(),
                "email", s.email(), "headteacher", s.headteacher(), "attendanceLead", s.attendanceLead()));
        context.setVariable("recipient", values("name", c.addressee().name(), "addressLines", c.addressee().addressLines(),
                "salutation", c.salutation()));
        LetterContent.PupilDetails p = c.pupil();
        context.setVariable("pupil", values("fullName", p.fullName(), "firstName", p.firstName(),
                "yearGroup", p.yearGroup() == 0 ? "Reception" : "Year " + p.yearGroup(), "tutorGroup", p.tutorGroup()));
        Figures f = c.figures();
        context.setVariable("figures", values("attendancePercent", percent(f.attendancePercent()),
                "absencePercent", percent(f.absencePercent()), "possibleSessions", f.possibleSessions(),
                "unauthorisedSessions", f.unauthorisedSessions(), "unauthorisedLast10Weeks", f.unauthorisedLast10Weeks(),
                "periodStart", date(c.periodStart()), "periodEnd", date(f.figuresDate())));
        LetterContent.TargetDetails t = c.target();
        context.setVariable("target", t == null ? null : values("description", t.description(),
                "requiredPercent", percent(t.requiredPercent()), "start", date(t.start()), "end", date(t.end()),
                "schoolDays", t.schoolDays(), "reward", t.reward()));
        LetterContent.ReplyDetails r = c.reply();
        context.setVariable("reply", r == null ? null : values(
                "meetingAt", r.meetingAt() == null ? null : MEETING.format(r.meetingAt()),
                "respondBy", r.respondBy() == null ? null : date(r.respondBy()), "withinSchoolDays", r.withinSchoolDays()));
        context.setVariable("continueMonitoring", c.continueMonitoring());
        context.setVariable("localAuthority", values("name", c.localAuthority().name(), "copied", c.localAuthority().copied()));
        context.setVariable("copy", c.copy() == null ? null : values("originalAddressee", c.copy().originalAddressee()));
        return context;
    }

    /** A map of name/value pairs in which values may be null (absent lines of an address, say). */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String percent(double value) {
        return String.format(UK, "%.1f%%", value);
    }

    static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }
}
