package org.attendanceroutes.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.attendanceroutes.ConflictException;
import org.attendanceroutes.school.ContactMethod;

/**
 * A letter issued on a case to one recipient: its type, how it goes and how far it got, and the
 * figures, target and meeting it states as they were on the day. Its PDF is a {@link LetterDocument}.
 */
@Entity
public class Letter {

    /** {@link #getRecipientKey()} of the local authority's copy. */
    static final String LOCAL_AUTHORITY = "local-authority";
    private static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private LetterType letterType;
    private String issueKey;
    private String recipientKey;
    private Long contactId;
    private String recipientName;
    @Enumerated(EnumType.STRING)
    private ContactMethod delivery;
    private String emailAddress;
    private String emailSubject;
    private String emailText;
    @Enumerated(EnumType.STRING)
    private LetterStatus status;
    private LocalDate issuedOn;
    private Instant createdAt;
    private Instant sentAt;
    private Instant postedAt;
    private String postedBy;
    private int attempts;
    private String lastError;
    private String processInstanceId;
    private BigDecimal attendancePercent;
    private BigDecimal absencePercent;
    private int possibleSessions;
    private int unauthorisedSessions;
    @Column(name = "unauthorised_last_10_weeks")
    private int unauthorisedLast10Weeks;
    private LocalDate periodStart;
    private LocalDate figuresDate;
    private Long targetId;
    private BigDecimal targetPercent;
    private LocalDate targetStart;
    private LocalDate targetEnd;
    private LocalDateTime meetingAt;
    private LocalDate respondBy;

    protected Letter() {
    }

    /**
     * @param contactId the parent or carer written to, or null for the local authority's copy
     * @param issueKey  what issued it (the engine job and activity): the same key finds it again
     * @param emailText the covering text, should the letter be emailed
     */
    Letter(Long caseId, String issueKey, Long contactId, String processInstanceId, LetterContent content,
           Long targetId, String emailText, Instant createdAt) {
        this.caseId = caseId;
        this.letterType = content.type();
        this.issueKey = issueKey;
        this.contactId = contactId;
        this.recipientKey = contactId == null ? LOCAL_AUTHORITY : "contact:" + contactId;
        this.recipientName = content.addressee().name();
        this.processInstanceId = processInstanceId;
        this.emailSubject = content.type().subject() + ": " + content.pupil().fullName();
        this.emailText = emailText;
        this.issuedOn = content.date();
        this.createdAt = createdAt;
        Figures f = content.figures();
        this.attendancePercent = oneDecimal(f.attendancePercent());
        this.absencePercent = oneDecimal(f.absencePercent());
        this.possibleSessions = f.possibleSessions();
        this.unauthorisedSessions = f.unauthorisedSessions();
        this.unauthorisedLast10Weeks = f.unauthorisedLast10Weeks();
        this.periodStart = content.periodStart();
        this.figuresDate = f.figuresDate();
        if (content.target() != null) {
            this.targetId = targetId;
            this.targetPercent = content.target().requiredPercent();
            this.targetStart = content.target().start();
            this.targetEnd = content.target().end();
        }
        if (content.reply() != null) {
            this.meetingAt = content.reply().meetingAt();
            this.respondBy = content.reply().respondBy();
        }
    }

    private static BigDecimal oneDecimal(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * By email when email is on and there is an address for a recipient who wants it (or a letter
     * type that prefers it), else by post.
     */
    void chooseDelivery(boolean emailEnabled, String email, ContactMethod preferred) {
        if (emailEnabled && email != null && !email.isBlank()
                && (preferred == ContactMethod.EMAIL || letterType.prefersEmail())) {
            sendByEmail(email);
        } else {
            sendByPost();
        }
    }

    /** Sends it by email to {@code address}: not sent until the SMTP server has taken it. */
    private void sendByEmail(String address) {
        requireUndelivered();
        this.delivery = ContactMethod.EMAIL;
        this.emailAddress = address;
        this.status = LetterStatus.NOT_SENT;
    }

    /** Sends it by post: it waits in the print queue. */
    private void sendByPost() {
        requireUndelivered();
        this.delivery = ContactMethod.POST;
        this.emailAddress = null;
        this.status = LetterStatus.AWAITING_POST;
    }

    void sent(Instant at) {
        if (status != LetterStatus.NOT_SENT) {
            throw new IllegalStateException("letter " + id + " is " + status + ", not waiting to be emailed");
        }
        this.attempts++;
        this.status = LetterStatus.SENT;
        this.sentAt = at;
        this.lastError = null;
    }

    void failed(String error) {
        this.attempts++;
        this.lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }

    void posted(Instant at, String by) {
        if (status != LetterStatus.AWAITING_POST) {
            throw new ConflictException("letter " + id + " is " + status + ", not waiting in the print queue");
        }
        this.status = LetterStatus.POSTED;
        this.postedAt = at;
        this.postedBy = by;
    }

    private void requireUndelivered() {
        if (status == LetterStatus.SENT || status == LetterStatus.POSTED) {
            throw new IllegalStateException("letter " + id + " is already " + status);
        }
    }

    public boolean isToLocalAuthority() {
        return contactId == null;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public LetterType getLetterType() { return letterType; }
    public String getIssueKey() { return issueKey; }
    public String getRecipientKey() { return recipientKey; }
    public Long getContactId() { return contactId; }
    public String getRecipientName() { return recipientName; }
    public ContactMethod getDelivery() { return delivery; }
    public String getEmailAddress() { return emailAddress; }
    public String getEmailSubject() { return emailSubject; }
    public String getEmailText() { return emailText; }
    public LetterStatus getStatus() { return status; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getPostedAt() { return postedAt; }
    public String getPostedBy() { return postedBy; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public String getProcessInstanceId() { return processInstanceId; }
    public BigDecimal getAttendancePercent() { return attendancePercent; }
    public BigDecimal getAbsencePercent() { return absencePercent; }
    public int getPossibleSessions() { return possibleSessions; }
    public int getUnauthorisedSessions() { return unauthorisedSessions; }
    public int getUnauthorisedLast10Weeks() { return unauthorisedLast10Weeks; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getFiguresDate() { return figuresDate; }
    public Long getTargetId() { return targetId; }
    public BigDecimal getTargetPercent() { return targetPercent; }
    public LocalDate getTargetStart() { return targetStart; }
    public LocalDate getTargetEnd() { return targetEnd; }
    public LocalDateTime getMeetingAt() { return meetingAt; }
    public LocalDate getRespondBy() { return respondBy; }
}
