package org.qinglian.platform.shell;

import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;

/** A problem as one line of console text, in the default language. */
final class ProblemText {

    private ProblemText() {
    }

    static String of(Messages messages, ProblemException e) {
        StringBuilder b = new StringBuilder(messages.get(Messages.ZH_CN, e.getMessageKey(), e.getArgs()));
        for (FieldViolation v : e.getViolations()) {
            b.append(' ').append(v.getField()).append(": ")
                    .append(messages.get(Messages.ZH_CN, v.getMessageKey(), v.getArgs()));
        }
        return b.toString();
    }
}
