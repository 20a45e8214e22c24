package org.qinglian.platform.soap.runtime;

import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns a {@link ProblemException} thrown by an operation into a SOAP fault: a Client fault for
 * 4xx problems, its detail in the caller's language, and a {@code problem} detail element with
 * the type, status, message key and the fields at fault. Other failures keep CXF's Server fault,
 * without a stack trace.
 */
final class ProblemFaultInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String NS = "http://qinglian.org/problem";

    private final Messages messages;

    ProblemFaultInterceptor(Messages messages) {
        super(Phase.PRE_PROTOCOL);
        this.messages = messages;
    }

    @Override
    public void handleMessage(Message message) {
        Exception content = message.getContent(Exception.class);
        if (!(content instanceof Fault)) {
            return;
        }
        Fault fault = (Fault) content;
        Throwable cause = fault.getCause();
        if (!(cause instanceof ProblemException)) {
            if (!(cause instanceof SecurityException)) {
                fault.setMessage(messages.get(SoapLanguage.of(message), "problem.internal", "-"));
            }
            return;
        }
        ProblemException problem = (ProblemException) cause;
        Locale locale = SoapLanguage.of(message);
        fault.setMessage(messages.get(locale, problem.getMessageKey(), problem.getArgs()));
        if (problem.getStatus() < 500) {
            fault.setFaultCode(PermissionInterceptor.CLIENT);
        }
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element detail = doc.createElement("detail");
            Element p = doc.createElementNS(NS, "problem");
            p.setAttribute("type", problem.getType());
            p.setAttribute("status", String.valueOf(problem.getStatus()));
            p.setAttribute("messageKey", problem.getMessageKey());
            for (FieldViolation v : problem.getViolations()) {
                Element f = doc.createElementNS(NS, "error");
                f.setAttribute("field", v.getField());
                f.setAttribute("messageKey", v.getMessageKey());
                f.setTextContent(messages.get(locale, v.getMessageKey(), v.getArgs()));
                p.appendChild(f);
            }
            detail.appendChild(p);
            fault.setDetail(detail);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
