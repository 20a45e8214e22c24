package org.qinglian.platform.rest.runtime;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, with the platform's message key and the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Problem {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:qinglian:problem:";

    private String type;
    private String title;
    private int status;
    private String detail;
    private String instance;
    private String messageKey;
    private String incidentId;
    private List<FieldError> errors = new ArrayList<>();

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public int getStatus() { return status; }
    public void setStatus(int status) { this.status = status; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public String getInstance() { return instance; }
    public void setInstance(String instance) { this.instance = instance; }
    public String getMessageKey() { return messageKey; }
    public void setMessageKey(String messageKey) { this.messageKey = messageKey; }
    public String getIncidentId() { return incidentId; }
    public void setIncidentId(String incidentId) { this.incidentId = incidentId; }
    public List<FieldError> getErrors() { return errors; }
    public void setErrors(List<FieldError> errors) { this.errors = errors; }

    /** One field at fault. */
    public static class FieldError {
        private String field;
        private String messageKey;
        private String message;

        public FieldError() {
        }

        public FieldError(String field, String messageKey, String message) {
            this.field = field;
            this.messageKey = messageKey;
            this.message = message;
        }

        public String getField() { return field; }
        public void setField(String field) { this.field = field; }
        public String getMessageKey() { return messageKey; }
        public void setMessageKey(String messageKey) { this.messageKey = messageKey; }
        public String getMessage() { return message; }
        public void setMessage(String message) { this.message = message; }
    }
}
