package org.qinglian.platform.core.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The type of a file, found in its content (its magic numbers), never believed from its name
 * alone: the name only tells apart formats that share a container (Word or Excel in OLE or ZIP).
 */
final class ContentTypes {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOC = "application/msword";
    static final String XLS = "application/vnd.ms-excel";
    static final String TEXT = "text/plain";

    private ContentTypes() {
    }

    /** The type of the content, or empty when it is none of the accepted ones. */
    static Optional<String> detect(byte[] content, String filename) {
        String extension = extension(filename);
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(content, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (starts(content, 'P', 'K', 3, 4)) {
            return ooxml(content);
        }
        if (starts(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "xls".equals(extension) || "et".equals(extension) ? Optional.of(XLS)
                    : "doc".equals(extension) || "wps".equals(extension) ? Optional.of(DOC) : Optional.empty();
        }
        if ("txt".equals(extension) && isText(content)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /** A Word or Excel document in its ZIP container, told apart by the parts it holds. */
    private static Optional<String> ooxml(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("word/")) {
                    return Optional.of(DOCX);
                }
                if (e.getName().startsWith("xl/")) {
                    return Optional.of(XLSX);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String filename) {
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
