package org.qinglian.platform.api.event;

/** Keys of event payloads. Values are text: ids as UUIDs, dates as ISO-8601. */
public final class EventKeys {

    /** The module that published the event. */
    public static final String MODULE = "module";
    /** The outbox row's id: the same event delivered twice carries the same id. */
    public static final String EVENT_ID = "eventId";
    /** The public id of the problem concerned. */
    public static final String PROBLEM_ID = "problemId";
    /** The public id of the measure concerned. */
    public static final String MEASURE_ID = "measureId";
    /** The public id of the talk concerned. */
    public static final String TALK_ID = "talkId";
    /** The kind of a talk, e.g. {@code ADMONISHING}. */
    public static final String KIND = "kind";
    /** The unit responsible for the record. */
    public static final String UNIT_ID = "unitId";
    /** The unit that supervises the responsible unit in the matter (e.g. the inspection's unit), if known. */
    public static final String SUPERVISING_UNIT_ID = "supervisingUnitId";
    /** The person of the roster responsible (owner or leader). */
    public static final String PERSON_ID = "personId";
    /** The person of the roster who is the leader in charge (包案领导), if named. */
    public static final String LEADER_ID = "leaderId";
    /** The deadline concerned, ISO date. */
    public static final String DEADLINE = "deadline";
    /** Working days overdue, as a number. */
    public static final String DAYS_OVERDUE = "daysOverdue";
    /** The state before a transition. */
    public static final String FROM = "from";
    /** The state after a transition. */
    public static final String TO = "to";
    /** The user name of who caused the event, or {@code system}. */
    public static final String ACTOR = "actor";

    private EventKeys() {
    }
}
