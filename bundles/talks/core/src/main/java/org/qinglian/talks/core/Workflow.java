package org.qinglian.talks.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.qinglian.platform.api.ConflictException;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkStatus;

/**
 * The lifecycles: of a talk (planned → held → follow-up pending → closed) and of a letter of
 * inquiry (planned → sent → replied → assessed → follow-up pending → closed). What each move
 * needs is checked by the service on top of it.
 */
final class Workflow {

    private static final Map<TalkStatus, Map<TalkAction, TalkStatus>> TALK = table();
    private static final Map<TalkStatus, Map<TalkAction, TalkStatus>> INQUIRY = table();

    static {
        TALK.get(TalkStatus.PLANNED).put(TalkAction.HOLD, TalkStatus.HELD);
        TALK.get(TalkStatus.PLANNED).put(TalkAction.CANCEL, TalkStatus.CANCELLED);
        TALK.get(TalkStatus.HELD).put(TalkAction.REQUIRE_FOLLOW_UP, TalkStatus.FOLLOW_UP_PENDING);
        TALK.get(TalkStatus.HELD).put(TalkAction.CLOSE, TalkStatus.CLOSED);
        TALK.get(TalkStatus.FOLLOW_UP_PENDING).put(TalkAction.COMPLETE_FOLLOW_UP, TalkStatus.CLOSED);

        INQUIRY.get(TalkStatus.PLANNED).put(TalkAction.SEND, TalkStatus.SENT);
        INQUIRY.get(TalkStatus.PLANNED).put(TalkAction.CANCEL, TalkStatus.CANCELLED);
        INQUIRY.get(TalkStatus.SENT).put(TalkAction.RECORD_REPLY, TalkStatus.REPLIED);
        INQUIRY.get(TalkStatus.REPLIED).put(TalkAction.ASSESS, TalkStatus.ASSESSED);
        INQUIRY.get(TalkStatus.ASSESSED).put(TalkAction.REQUIRE_FOLLOW_UP, TalkStatus.FOLLOW_UP_PENDING);
        INQUIRY.get(TalkStatus.ASSESSED).put(TalkAction.CLOSE, TalkStatus.CLOSED);
        INQUIRY.get(TalkStatus.FOLLOW_UP_PENDING).put(TalkAction.COMPLETE_FOLLOW_UP, TalkStatus.CLOSED);
    }

    /** States in which the talk has taken place: it counts for coverage and timelines as held. */
    static final Set<TalkStatus> TOOK_PLACE = EnumSet.of(TalkStatus.HELD, TalkStatus.SENT, TalkStatus.REPLIED,
            TalkStatus.ASSESSED, TalkStatus.FOLLOW_UP_PENDING, TalkStatus.CLOSED);
    /** States in which nothing may change any more. */
    static final Set<TalkStatus> FINAL = EnumSet.of(TalkStatus.CLOSED, TalkStatus.CANCELLED);

    private Workflow() {
    }

    private static Map<TalkStatus, Map<TalkAction, TalkStatus>> table() {
        Map<TalkStatus, Map<TalkAction, TalkStatus>> t = new EnumMap<>(TalkStatus.class);
        for (TalkStatus s : TalkStatus.values()) {
            t.put(s, new EnumMap<>(TalkAction.class));
        }
        return t;
    }

    private static Map<TalkStatus, Map<TalkAction, TalkStatus>> of(TalkKind kind) {
        return kind == TalkKind.INQUIRY ? INQUIRY : TALK;
    }

    /** The actions the state of a talk of this kind allows. */
    static Set<TalkAction> actions(TalkKind kind, TalkStatus from) {
        Set<TalkAction> actions = EnumSet.noneOf(TalkAction.class);
        actions.addAll(of(kind).get(from).keySet());
        return actions;
    }

    /**
     * The state an action leads to.
     *
     * @throws ConflictException when the state does not allow the action
     */
    static TalkStatus next(TalkKind kind, TalkStatus from, TalkAction action) {
        TalkStatus to = of(kind).get(from).get(action);
        if (to == null) {
            throw new ConflictException("problem.talks.illegalTransition", "talks.action." + action,
                    "talks.status." + from);
        }
        return to;
    }
}
