package org.qinglian.rectification.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The ledger's escalation settings ({@code etc/org.qinglian.rectification.cfg}). */
@ObjectClassDefinition(name = "Qinglian rectification ledger")
public @interface RectificationConfig {

    @AttributeDefinition(description = "When the escalation job runs each day, HH:mm in the business zone")
    String escalationTime() default "02:00";

    @AttributeDefinition(description = "Working days before a deadline when the owner is reminded (yellow)")
    int dueSoonWorkingDays() default 5;

    @AttributeDefinition(description = "Working days after a deadline when the supervising unit is told")
    int escalateAfterWorkingDays() default 10;

    @AttributeDefinition(description = "Level of the reminder: info, warning or danger")
    String dueSoonLevel() default "warning";

    @AttributeDefinition(description = "Level of the overdue to-dos: info, warning or danger")
    String overdueLevel() default "danger";
}
