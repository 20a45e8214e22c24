package org.qinglian.rectification.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.qinglian.platform.api.ConflictException;
import org.qinglian.rectification.api.Action;
import org.qinglian.rectification.api.ProblemStatus;

/**
 * The ledger's state machine: which action leads from which state to which. Who may act, and
 * the conditions of evidence and notes, are checked by the service on top of it.
 */
final class Workflow {

    private static final Map<ProblemStatus, Map<Action, ProblemStatus>> MOVES = new EnumMap<>(ProblemStatus.class);

    static {
        for (ProblemStatus s : ProblemStatus.values()) {
            MOVES.put(s, new EnumMap<>(Action.class));
        }
        move(ProblemStatus.REGISTERED, Action.START, ProblemStatus.IN_PROGRESS);
        move(ProblemStatus.IN_PROGRESS, Action.REQUEST_CLOSURE, ProblemStatus.CLOSURE_REQUESTED);
        move(ProblemStatus.IN_PROGRESS, Action.LONG_TERM, ProblemStatus.LONG_TERM);
        move(ProblemStatus.CLOSURE_REQUESTED, Action.REJECT, ProblemStatus.IN_PROGRESS);
        move(ProblemStatus.CLOSURE_REQUESTED, Action.CLOSE, ProblemStatus.CLOSED);
        move(ProblemStatus.CLOSURE_REQUESTED, Action.LONG_TERM, ProblemStatus.LONG_TERM);
        move(ProblemStatus.CLOSED, Action.RECHECK, ProblemStatus.CLOSED);
        move(ProblemStatus.CLOSED, Action.REOPEN, ProblemStatus.IN_PROGRESS);
        move(ProblemStatus.LONG_TERM, Action.RECHECK, ProblemStatus.LONG_TERM);
        move(ProblemStatus.LONG_TERM, Action.REOPEN, ProblemStatus.IN_PROGRESS);
    }

    /** Actions that need a note: the reason, or the verification note of a closure. */
    static final Set<Action> NOTE_REQUIRED = EnumSet.of(Action.REJECT, Action.CLOSE, Action.LONG_TERM, Action.RECHECK,
            Action.REOPEN);
    /** Actions of the supervising unit (permission {@code rectification:close}). */
    static final Set<Action> SUPERVISING = EnumSet.of(Action.REJECT, Action.CLOSE, Action.LONG_TERM, Action.RECHECK,
            Action.REOPEN);
    /** Actions that need evidence: at least one attachment to the problem's progress reports. */
    static final Set<Action> EVIDENCE_REQUIRED = EnumSet.of(Action.REQUEST_CLOSURE, Action.CLOSE);

    private Workflow() {
    }

    private static void move(ProblemStatus from, Action action, ProblemStatus to) {
        MOVES.get(from).put(action, to);
    }

    /** The actions the state allows, whoever acts. */
    static Set<Action> actions(ProblemStatus from) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        actions.addAll(MOVES.get(from).keySet());
        return actions;
    }

    /**
     * The state an action leads to.
     *
     * @throws ConflictException when the state does not allow the action
     */
    static ProblemStatus next(ProblemStatus from, Action action) {
        ProblemStatus to = MOVES.get(from).get(action);
        if (to == null) {
            throw new ConflictException("problem.rectification.illegalTransition", "rectification.action." + action,
                    "rectification.status." + from);
        }
        return to;
    }
}
