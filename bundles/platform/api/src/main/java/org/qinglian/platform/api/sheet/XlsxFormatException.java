package org.qinglian.platform.api.sheet;

import java.io.IOException;

/**
 * Thrown when a file cannot be read as an .xlsx workbook: it is not one, it is damaged, it is
 * larger than the reader accepts, or it holds something unsafe such as a DTD.
 */
public class XlsxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what is wrong with the file. */
    public XlsxFormatException(String message) {
        super(message);
    }

    /** An exception with a message and the failure behind it. */
    public XlsxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
