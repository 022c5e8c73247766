package org.attendanceroutes.letters;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The letters waiting to be printed and posted, and their marking as posted. */
@Service
public class PrintQueue {

    private static final Logger log = LoggerFactory.getLogger(PrintQueue.class);

    /** Letters of the print queue, as one PDF, and which letters it holds. */
    public record PrintBatch(List<Long> letterIds, byte[] pdf) {
    }

    private final LetterRepository letters;
    private final Letters kept;
    private final Clock clock;

    PrintQueue(LetterRepository letters, Letters kept, Clock clock) {
        this.letters = letters;
        this.kept = kept;
        this.clock = clock;
    }

    /** The letters waiting, oldest first. */
    @Transactional(readOnly = true)
    public List<Letter> waiting() {
        return letters.findByStatusOrderById(LetterStatus.AWAITING_POST);
    }

    /** The print queue as one PDF, each letter starting on a fresh sheet; empty when nothing waits. */
    @Transactional(readOnly = true)
    public Optional<PrintBatch> pdf() {
        List<Letter> waiting = waiting();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = waiting.stream().map(Letter::getId).toList();
        return Optional.of(new PrintBatch(ids, Pdfs.forDuplexPrinting(ids.stream().map(kept::pdf).toList())));
    }

    /** Marks letters of the print queue posted: all of them, or none when one is unknown or not waiting. */
    @Transactional
    public List<Letter> markPosted(Collection<Long> letterIds, String by) {
        if (letterIds == null || letterIds.isEmpty()) {
            throw new BadInputException("name the letters that were posted: letterIds is empty");
        }
        Set<Long> wanted = new LinkedHashSet<>(letterIds);
        List<Letter> found = letters.findAllById(wanted);
        if (found.size() < wanted.size()) {
            Set<Long> missing = new LinkedHashSet<>(wanted);
            found.forEach(l -> missing.remove(l.getId()));
            throw new NotFoundException("no letter " + missing);
        }
        found.forEach(letter -> letter.posted(clock.instant(), by));
        log.info("letters {} marked posted by {}", wanted, by);
        return found.stream().sorted(Comparator.comparing(Letter::getId)).toList();
    }
}
