package org.attendanceroutes.attendance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.attendanceroutes.attendance.RegisterImport.ImportError;

/**
 * The errors a register import finds, at most {@value RegisterImport#ERROR_CAP} kept from each
 * check (each runs in line order), and how many in all.
 */
final class ImportErrors {

    private final List<ImportError> kept = new ArrayList<>();
    private int total;
    private int keptThisPhase;

    void add(int line, String message) {
        total++;
        if (keptThisPhase < RegisterImport.ERROR_CAP) {
            kept.add(new ImportError(line, message));
            keptThisPhase++;
        }
    }

    /** The next check starts: its first errors are kept too. */
    void nextPhase() {
        keptThisPhase = 0;
    }

    int total() {
        return total;
    }

    /** The first {@value RegisterImport#ERROR_CAP} errors by line. */
    List<ImportError> firstByLine() {
        kept.sort(Comparator.comparingInt(ImportError::line));
        return List.copyOf(kept.subList(0, Math.min(RegisterImport.ERROR_CAP, kept.size())));
    }
}
