package org.attendanceroutes.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** PDF files joined for printing. Plain Java (PDFBox). */
final class Pdfs {

    private Pdfs() {
    }

    /**
     * The documents one after the other, each padded with a blank page to an even page count, so that
     * printed on both sides no letter starts on the back of another's sheet.
     */
    static byte[] forDuplexPrinting(List<byte[]> documents) {
        PDFMergerUtility merger = new PDFMergerUtility();
        try (PDDocument batch = new PDDocument()) {
            for (byte[] bytes : documents) {
                try (PDDocument document = Loader.loadPDF(bytes)) {
                    merger.appendDocument(batch, document);
                }
                if (batch.getNumberOfPages() % 2 == 1) {
                    PDRectangle size = batch.getPage(batch.getNumberOfPages() - 1).getMediaBox();
                    batch.addPage(new PDPage(size));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            batch.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not join " + documents.size() + " letters into one PDF", e);
        }
    }
}
