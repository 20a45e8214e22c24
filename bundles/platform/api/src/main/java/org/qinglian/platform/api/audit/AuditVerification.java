package org.qinglian.platform.api.audit;

import java.util.UUID;

/** The result of recomputing the audit chain: {@code {"valid", "checked", "firstBroken"}}. */
public class AuditVerification {

    private boolean valid;
    private long checked;
    private UUID firstBroken;

    public AuditVerification() {
    }

    public AuditVerification(boolean valid, long checked, UUID firstBroken) {
        this.valid = valid;
        this.checked = checked;
        this.firstBroken = firstBroken;
    }

    /** Whether every sealed entry, and the exported head, match the chain. */
    public boolean isValid() { return valid; }
    public void setValid(boolean valid) { this.valid = valid; }
    /** How many sealed entries were recomputed. */
    public long getChecked() { return checked; }
    public void setChecked(long checked) { this.checked = checked; }
    /**
     * The first entry whose link is broken (edited, or following a deleted or moved entry); for
     * deleted newest entries, the last entry still present. Null when valid.
     */
    public UUID getFirstBroken() { return firstBroken; }
    public void setFirstBroken(UUID firstBroken) { this.firstBroken = firstBroken; }
}
