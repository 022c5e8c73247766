package org.attendanceroutes.attendance;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** One register mark: a pupil's code for one session of one day, which is its key. */
@Entity
@IdClass(AttendanceMark.Key.class)
public class AttendanceMark {

    /** A mark's key: the pupil and the session. */
    public record Key(Long pupilId, LocalDate markDate, Session session) implements Serializable {
    }

    @Id
    private Long pupilId;
    @Id
    private LocalDate markDate;
    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "session")
    private Session session;
    @Convert(converter = SymbolConverter.class)
    private AttendanceCode code;

    protected AttendanceMark() {
    }

    public AttendanceMark(Long pupilId, LocalDate markDate, Session session, AttendanceCode code) {
        this.pupilId = pupilId;
        this.markDate = markDate;
        this.session = session;
        this.code = code;
    }

    public Long getPupilId() { return pupilId; }
    public LocalDate getMarkDate() { return markDate; }
    public Session getSession() { return session; }
    public AttendanceCode getCode() { return code; }

    public void setCode(AttendanceCode code) {
        this.code = code;
    }

    /** Codes are stored as the register shows them ("/", "L", "C1"), so SQL reads them as staff do. */
    @Converter
    static class SymbolConverter implements AttributeConverter<AttendanceCode, String> {
        @Override
        public String convertToDatabaseColumn(AttendanceCode code) {
            return code == null ? null : code.symbol();
        }

        @Override
        public AttendanceCode convertToEntityAttribute(String symbol) {
            return symbol == null ? null : AttendanceCode.fromSymbol(symbol);
        }
    }
}
