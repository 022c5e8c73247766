package org.attendanceroutes.attendance;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Sessions per register symbol, for the codes that occur, in the order of {@link AttendanceCode}:
 * a read-only map over an array of counts. A summary holds four of these for each of a local
 * authority's pupils, so no map entries are built until someone reads them.
 */
final class CodeCounts extends AbstractMap<String, Integer> {

    private static final AttendanceCode[] CODES = AttendanceCode.values();

    /** {@code counts[c.ordinal() + 1]} sessions marked with code c; {@code counts[0]} is not part of the map. */
    private final int[] counts;
    private final int size;

    CodeCounts(int[] counts) {
        this.counts = counts;
        int present = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > 0) {
                present++;
            }
        }
        this.size = present;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next = following(0);

                    @Override
                    public boolean hasNext() {
                        return next < counts.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Integer> entry = new SimpleImmutableEntry<>(CODES[next - 1].symbol(), counts[next]);
                        next = following(next);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int following(int index) {
        int next = index + 1;
        while (next < counts.length && counts[next] == 0) {
            next++;
        }
        return next;
    }
}
