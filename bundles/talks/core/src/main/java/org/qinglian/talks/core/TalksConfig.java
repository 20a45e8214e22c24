package org.qinglian.talks.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The talks' settings ({@code etc/org.qinglian.talks.cfg}). */
@ObjectClassDefinition(name = "Qinglian talks")
public @interface TalksConfig {

    @AttributeDefinition(description = "Whether a rectification measure escalated as long overdue proposes an admonishing talk (约谈)")
    boolean proposeAdmonishingTalks() default true;

    @AttributeDefinition(description = "Working days from the escalation to the proposed talk's planned date")
    int proposalLeadWorkingDays() default 5;
}
