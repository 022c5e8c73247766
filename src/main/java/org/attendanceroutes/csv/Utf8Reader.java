package org.attendanceroutes.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Characters from UTF-8 bytes, strictly: bytes that are not UTF-8 are a
 * {@link java.nio.charset.MalformedInputException}, never a guess. Unlike an
 * {@link java.io.InputStreamReader}'s, the exception comes only once every character before the
 * bad bytes has been read, so whoever counts lines knows which line holds them.
 */
public final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    /** The bad bytes that follow the characters handed over. */
    private CoderResult error;

    public Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (error != null) {
            error.throwException();
        }
        CharBuffer chars = CharBuffer.wrap(target, offset, length);
        while (chars.position() == offset && length > 0) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                error = result;
                if (chars.position() == offset) {
                    error.throwException();
                }
            } else if (result.isUnderflow() && chars.position() == offset) {
                if (endOfInput) {
                    return -1;
                }
                fill();
            }
        }
        return chars.position() - offset;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
